import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { TockError } from '../common/tock-error.js';

// Typed errors go out with their code (and field); anything else is a bug and,
// in production, becomes a bare INTERNAL_SERVER_ERROR with no stack or SQL (A4).
export function createFormatError(production: boolean, log: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof TockError) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) },
      };
    }
    const code = formatted.extensions?.code;
    const known = typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR';
    if (known || (original instanceof GraphQLError && !original.originalError)) {
      const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code: known ? code : 'GRAPHQL_VALIDATION_FAILED' } };
    }
    log(original);
    if (!production) return formatted;
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
