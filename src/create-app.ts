import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { setupApp } from './common/setup-app';
import { RealtimeIoAdapter } from './realtime/realtime-io.adapter';

/** `logStream` redirects the structured log, for tests that read what was logged. */
export async function createApp(
  config: AppConfig,
  logStream?: DestinationStream,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logStream), {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false,
    // Keep-alive clients get 503 instead of a half-closed socket while the server drains.
    return503OnClosing: true,
  });
  app.useWebSocketAdapter(new RealtimeIoAdapter(app, config));
  setupApp(app, config);
  return app;
}
