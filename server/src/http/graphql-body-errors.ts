import type { ErrorRequestHandler } from 'express';

// A6: a body that is not JSON, or is too large, is the client's error:
// a 4xx with a GraphQL-shaped JSON error, never Express's HTML page.
export const graphqlBodyErrors: ErrorRequestHandler = (error: { status?: number; type?: string }, _req, res, next) => {
  const status = error?.status;
  if (!status || status < 400 || status >= 500) {
    next(error);
    return;
  }
  const tooLarge = error.type === 'entity.too.large';
  const message = tooLarge ? 'The request body is too large' : 'The request body is not valid JSON';
  res.status(status).json({ errors: [{ message, extensions: { code: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } }] });
};
