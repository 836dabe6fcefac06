import { registerEnumType } from 'type-graphql';

/** Every error a client may see carries one of these codes in `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  CONFLICT = 'CONFLICT',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
}
registerEnumType(ErrorCode, { name: 'ErrorCode' });

// Domain services throw TockError; the GraphQL layer turns it into a typed error
// (code, and the input field at fault when there is one).
export class TockError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'TockError';
  }
}

export const notFound = (what: string) => new TockError(ErrorCode.NOT_FOUND, `${what} not found`);
export const badInput = (field: string, message: string) => new TockError(ErrorCode.BAD_USER_INPUT, message, field);
export const forbidden = (message: string) => new TockError(ErrorCode.FORBIDDEN, message);
export const conflict = (message: string, field?: string) => new TockError(ErrorCode.CONFLICT, message, field);
