import { RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { ApiValidationPipe } from './api-validation.pipe';
import {
  bodyParserErrors,
  declaredLengthMiddleware,
  jsonContentTypeMiddleware,
} from './json-content-type.middleware';
import { jsonInputGuardMiddleware } from './json-input-guard.middleware';
import { ProblemDetailsFilter } from './problem-details.filter';
import { requestIdMiddleware } from './request-id.middleware';
import { setupOpenApi } from './openapi';
import { VersionedResponseInterceptor } from './versioned-response';
import { Reflector } from '@nestjs/core';

export const API_PREFIX = 'api/v1';
/** The largest JSON body the API reads: 1 MiB. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The global setup, shared by main.ts and the test app factory so tests exercise exactly what production runs. */
export function setupApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  // Before anything reads req.ip: the rate limits count clients, not the proxy in front of them.
  app.set('trust proxy', config.http.trustProxy);
  // ETags are the resources' own (their versions, a feed's digest), set where a route invites revalidation; Express's
  // default would hash every other body, lists included, which answer `no-store` and are never revalidated.
  app.set('etag', false);
  app.use(requestIdMiddleware);
  // No upgrade-insecure-requests: behind plain http (local runs, docker compose) it would send the Swagger UI's
  // assets to https and break the page; TLS is the proxy's job, and HSTS still applies when it is there.
  // Styles and fonts from this origin only (helmet's defaults also allow any https origin): the board and the
  // Swagger UI load nothing from elsewhere. Inline styles stay allowed for the UIs' own style attributes; scripts
  // never run inline.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          upgradeInsecureRequests: null,
          styleSrc: ["'self'", "'unsafe-inline'"],
          fontSrc: ["'self'", 'data:'],
        },
      },
    }),
  );
  app.enableCors({
    origin: config.http.corsOrigins.length > 0 ? config.http.corsOrigins : false,
    exposedHeaders: ['ETag', 'Location', 'X-Request-Id', 'Retry-After', 'RateLimit', 'RateLimit-Policy'],
  });
  // Uploads (attachments, imports) are the bodies that are not JSON; their routes check their own type and size.
  const uploads = [
    { method: 'POST', path: new RegExp(`^/${API_PREFIX}/tasks/[^/]+/attachments/?$`) },
    { method: 'POST', path: new RegExp(`^/${API_PREFIX}/imports/?$`) },
  ];
  app.use(jsonContentTypeMiddleware(uploads));
  app.use(declaredLengthMiddleware(uploads, BODY_LIMIT_BYTES));
  app.useBodyParser('json', { limit: BODY_LIMIT_BYTES, type: ['application/json', 'application/*+json'] });
  app.use(bodyParserErrors);
  app.use(jsonInputGuardMiddleware);
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(new ApiValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalInterceptors(new VersionedResponseInterceptor(app.get(Reflector)));
  app.enableShutdownHooks();
  setupOpenApi(app);
}
