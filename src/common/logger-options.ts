import { RequestMethod } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import type { DestinationStream } from 'pino';
import { AppConfig } from '../config/app-config';

/** Anything that could hold a credential is censored before a line is written. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.refreshToken',
  '*.accessToken',
  '*.token',
  '*.key',
  '*.secret',
];

export function loggerOptions(config: AppConfig, destination?: DestinationStream): Params {
  const options: Options = {
    level: config.logLevel,
    genReqId: (req) => req.id,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    // These serializers read the raw request and response. pino-http's default wrappers would first copy every
    // header of both, on every request, into objects that these then throw away.
    wrapSerializers: false,
    serializers: {
      // Query strings can carry search text; the path is enough to trace a request.
      req: (req: Request) => ({ id: req.id, method: req.method, url: req.originalUrl.split('?', 1)[0] }),
      res: (res: Response) => ({ statusCode: res.statusCode }),
    },
  };
  return {
    pinoHttp: destination ? [options, destination] : options,
    // Every route, the ones outside the API prefix included. nestjs-pino's default adds those paths a second time,
    // on top of Nest's own handling of a wildcard, and each of their requests was logged twice.
    forRoutes: [{ path: '*path', method: RequestMethod.ALL }],
  };
}
