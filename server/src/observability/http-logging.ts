import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { pinoHttp } from 'pino-http';
import { withLogContext } from './log-context.js';
import { log } from './logger.js';
import { safeRequestPath } from './redact.js';

// A caller's own request id is kept when it looks like one (a proxy's or a client's).
const INCOMING_ID = /^[A-Za-z0-9._:-]{8,80}$/;
// Probes and scrapes would drown the access log.
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** O1: one access-log line per request, with a request id that is also sent back as x-request-id. */
export function accessLog(): RequestHandler {
  return pinoHttp({
    logger: log,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    customAttributeKeys: { reqId: 'requestId' },
    autoLogging: { ignore: (req) => QUIET_PATHS.has((req.url ?? '').split('?')[0]) },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    customSuccessMessage: (req, res) => `${req.method} ${safeRequestPath(pathOf(req))} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${safeRequestPath(pathOf(req))} ${res.statusCode}`,
    // Only what an operator needs; never headers (keys) or bodies (phones).
    serializers: {
      req: (req: { method: string; url: string; remoteAddress?: string; raw?: IncomingMessage }) => ({
        method: req.method,
        path: safeRequestPath(req.raw ? pathOf(req.raw) : req.url),
        ip: req.remoteAddress,
      }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
  }) as unknown as RequestHandler;
}

// A router mounted at a path sees a shortened req.url; express keeps the whole one.
const pathOf = (req: IncomingMessage) => (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '';

/**
 * Carries the request id into everything the request does (resolvers, jobs it
 * schedules). Mounted after body parsers: their stream callbacks would lose it.
 */
export const bindRequestContext: RequestHandler = (req: Request, _res: Response, next: NextFunction) => {
  const requestId = (req as Request & { id?: unknown }).id;
  withLogContext(requestId ? { requestId: String(requestId) } : {}, next);
};
