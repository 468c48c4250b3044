import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

const JSON_MEDIA_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/** The API speaks JSON only: a body of any other type is refused with 415 before it is parsed. */
export function jsonContentTypeMiddleware(req: Request, _res: Response, next: NextFunction): void {
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !JSON_MEDIA_TYPE.test(req.headers['content-type'] ?? '')) {
    next(new UnsupportedMediaTypeException('Send the request body as application/json'));
    return;
  }
  next();
}
