// The console's only HTTP network code: GraphQL over fetch with the signed-in
// API key. Errors keep the server's typed code and field so forms can show
// them next to the right control.

export interface GraphQLFailure {
  message: string;
  extensions?: { code?: string; field?: string };
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string,
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

export async function gql<T>(query: string, variables: Record<string, unknown> = {}, key: string | null = currentKey): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('Tock cannot be reached. Check your connection and try again.', 'NETWORK');
  }
  let body: { data?: T; errors?: GraphQLFailure[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`Tock answered ${response.status} ${response.statusText}.`, 'HTTP');
  }
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    if (code === 'UNAUTHENTICATED' && key === currentKey) onUnauthenticated();
    throw new ApiError(first.message, code, first.extensions?.field);
  }
  if (!body.data) throw new ApiError('Tock sent an empty answer.', 'HTTP');
  return body.data;
}

/** A field-level message for a form control, when the error names that field. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError && error.field === field ? error.message : undefined;
}
