import type { TypedDocumentString } from '../gql/graphql';

// The console's only HTTP network code: GraphQL over fetch with the signed-in
// API key. Errors keep the server's typed code and field so forms can show
// them next to the right control. Documents are typed: each is written with
// `graphql(...)` from src/gql, checked against schema.graphql by codegen, and
// carries its result and variable types.

/** One problem with one form field, as the server names it. */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface GraphQLFailure {
  message: string;
  extensions?: { code?: string; field?: string; problems?: FieldProblem[] };
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string,
    /** Every field problem at once (a form's BAD_USER_INPUT), in the form's order. */
    readonly problems: FieldProblem[] = field ? [{ field, message }] : [],
  ) {
    super(message);
  }
}

let currentKey: string | null = null;
let onUnauthenticated: () => void = () => {};

/** The session sets the key; a request that comes back UNAUTHENTICATED signs the console out. */
export function useApiKey(key: string | null, signOut: () => void = () => {}): void {
  currentKey = key;
  onUnauthenticated = signOut;
}

export async function gql<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  key: string | null = currentKey,
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch {
    throw new ApiError('Tock cannot be reached. Check your connection and try again.', 'NETWORK');
  }
  let body: { data?: TResult; errors?: GraphQLFailure[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`Tock answered ${response.status} ${response.statusText}.`, 'HTTP');
  }
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    if (code === 'UNAUTHENTICATED' && key === currentKey) onUnauthenticated();
    const problems = Array.isArray(first.extensions?.problems) ? first.extensions.problems : undefined;
    throw new ApiError(first.message, code, first.extensions?.field, problems);
  }
  if (!body.data) throw new ApiError('Tock sent an empty answer.', 'HTTP');
  return body.data;
}

/** A field-level message for a form control, when the error names that field. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.problems.find((problem) => problem.field === field)?.message ?? (error.field === field ? error.message : undefined);
}
