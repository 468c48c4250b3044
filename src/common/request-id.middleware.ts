import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

// `req.id` is declared by pino-http, which logs it on every line of the request.
/** Echoes a well-formed incoming X-Request-Id (so callers can trace across services) or mints one. */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.headers['x-request-id'];
  req.id = typeof incoming === 'string' && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', req.id);
  // Everything the API answers is private to its caller; routes that hand out an ETag relax this themselves.
  res.setHeader('Cache-Control', 'no-store');
  next();
}
