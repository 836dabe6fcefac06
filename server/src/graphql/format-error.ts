import { unwrapResolverError } from '@apollo/server/errors';
import type { ValidationError } from 'class-validator';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { ErrorCode, TockError } from '../common/tock-error.js';

interface FieldProblem {
  field: string;
  message: string;
}

// class-validator nests errors of nested inputs; flatten them to dotted paths.
function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldProblems(e.children ?? [], field)];
  });
}

// graphql-js suggests names ("Did you mean the enum value \"ADMIN\"?") in
// validation and variable errors; in production they would map the schema for
// someone who may not read it (introspection is off there).
const SUGGESTION = /\s*Did you mean [^?]*\?/gu;

function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = formatted.message.replace(SUGGESTION, '');
  return message === formatted.message ? formatted : { ...formatted, message };
}

// Typed errors go out with their code (and field); anything else is a bug and,
// in production, becomes a bare INTERNAL_SERVER_ERROR with no stack or SQL (A4).
export function createFormatError(production: boolean, log: (error: unknown) => void) {
  const format = formatWithCodes(log, production);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = format(formatted, error);
    return production ? withoutSuggestions(result) : result;
  };
}

function formatWithCodes(log: (error: unknown) => void, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof TockError) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: original.code, ...(original.field ? { field: original.field } : {}), ...original.details },
      };
    }
    if (original instanceof ArgumentValidationError) {
      const problems = fieldProblems(original.extensions.validationErrors as ValidationError[]);
      return {
        message: problems.map((p) => p.message).join('; ') || 'Invalid input',
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: ErrorCode.BAD_USER_INPUT, field: problems[0]?.field, problems },
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
