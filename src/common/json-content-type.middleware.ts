import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

const JSON_MEDIA_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/** A route that takes a file rather than JSON; it reads (and checks) its own body. */
export interface FileRoute {
  method: string;
  path: RegExp;
}

/**
 * The API speaks JSON: a body of any other type is refused with 415 before it is parsed, except on the few routes
 * that take a file.
 */
export function jsonContentTypeMiddleware(fileRoutes: FileRoute[]): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const hasBody =
      Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    const takesFile = fileRoutes.some((route) => route.method === req.method && route.path.test(req.path));
    if (hasBody && !takesFile && !JSON_MEDIA_TYPE.test(req.headers['content-type'] ?? '')) {
      next(new UnsupportedMediaTypeException('Send the request body as application/json'));
      return;
    }
    next();
  };
}
