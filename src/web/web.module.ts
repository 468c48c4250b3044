import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { Response } from 'express';
import type { AppConfig } from '../config/app-config';

/** Paths the API process answers itself: never the page, so an unknown `/api/...` stays a problem+json 404. */
export const NOT_THE_BOARD = /^\/(?:api|docs|socket\.io|health|metrics|assets)(?:[/-]|$)/;

/** Vite names every built asset by its content hash, so a URL under /assets/ never changes what it serves. */
function cacheHeaders(res: Response, path: string): void {
  res.setHeader(
    'Cache-Control',
    path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
}

/**
 * The web board, served by this process: its hashed assets, and its page for `/` and every deep link (`/projects/…`,
 * `/tasks/…`). Nothing is served when the board was not built, and the API's own paths are never the page.
 */
@Module({})
export class WebModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (!existsSync(join(config.webDir, 'index.html'))) return { module: WebModule };
    return {
      module: WebModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath: config.webDir,
          exclude: NOT_THE_BOARD,
          serveStaticOptions: { index: false, fallthrough: true, setHeaders: cacheHeaders },
        }),
      ],
    };
  }
}
