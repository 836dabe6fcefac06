import { registerEnumType } from 'type-graphql';

/** Every error a client may see carries one of these codes in `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  CONFLICT = 'CONFLICT',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  /** A8: a public path's velocity limit; `extensions.retryAfterSeconds` says when to try again. */
  RATE_LIMITED = 'RATE_LIMITED',
}
registerEnumType(ErrorCode, { name: 'ErrorCode' });

// Domain services throw TockError; the GraphQL layer turns it into a typed error
// (code, and the input field at fault when there is one).
export class TockError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** More for the client, e.g. A8's retryAfterSeconds, or every field problem of a form. */
    readonly details?: Record<string, string | number | FieldProblem[]>,
  ) {
    super(message);
    this.name = 'TockError';
  }
}

/** One problem with one input field. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Every problem of a form at once: `extensions.problems`, and `field` names the first (A6). */
export const badInputs = (problems: FieldProblem[]) =>
  new TockError(ErrorCode.BAD_USER_INPUT, problems.map((p) => p.message).join('; '), problems[0]?.field, { problems });

export const notFound = (what: string) => new TockError(ErrorCode.NOT_FOUND, `${what} not found`);
export const badInput = (field: string, message: string) => new TockError(ErrorCode.BAD_USER_INPUT, message, field);
export const conflict = (message: string, field?: string) => new TockError(ErrorCode.CONFLICT, message, field);
export const rateLimited = (message: string, retryAfterSeconds: number, limit: string) =>
  new TockError(ErrorCode.RATE_LIMITED, message, undefined, { retryAfterSeconds, limit });
