import {
  BadRequestException,
  HttpException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';

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

/**
 * A JSON body whose declared length is over the limit is refused at once, before a byte of it is read: the body
 * parser would refuse it too, but only after draining all of it (it waits for the request to end), so a client
 * declaring 2 MB and sending slowly held a connection open for as long as it liked.
 */
export function declaredLengthMiddleware(fileRoutes: FileRoute[], limitBytes: number): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const takesFile = fileRoutes.some((route) => route.method === req.method && route.path.test(req.path));
    if (declared > limitBytes && !takesFile) {
      res.setHeader('Connection', 'close');
      next(new PayloadTooLargeException(`A JSON body may have at most ${limitBytes} bytes`));
      return;
    }
    next();
  };
}

/** What a client is told of a body the parser could not read; its own messages (zlib's among them) stay inside. */
const BODY_ERRORS: Record<string, () => HttpException> = {
  'entity.parse.failed': () => new BadRequestException('The request body is not valid JSON'),
  'entity.too.large': () => new PayloadTooLargeException('The request body is too large'),
  'encoding.unsupported': () =>
    new UnsupportedMediaTypeException('Send the body uncompressed, gzip or deflate'),
  'charset.unsupported': () => new UnsupportedMediaTypeException('Send the body as UTF-8'),
};

/** Turns the body parser's errors into problems that say what is wrong without echoing its internals. */
export const bodyParserErrors: ErrorRequestHandler = (error: unknown, _req, _res, next) => {
  if (typeof error !== 'object' || error === null || error instanceof HttpException) return next(error);
  // The parser's errors carry a 4xx `status` (and most a `type`); a zlib failure inside one carries no type.
  const { type, status } = error as { type?: unknown; status?: unknown };
  if (typeof status !== 'number' || status < 400 || status >= 500) return next(error);
  next(
    (typeof type === 'string' ? BODY_ERRORS[type]?.() : undefined) ??
      new BadRequestException('The request body could not be read'),
  );
};
