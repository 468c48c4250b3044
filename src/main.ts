import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { PublicUrl } from './common/public-url';
import { AppConfig } from './config/app-config';
import { ConfigurationError } from './config/environment';
import { createApp } from './create-app';

function loadConfigOrExit(): AppConfig {
  try {
    return AppConfig.fromEnvironment(process.env);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApp(config);
  const logger = new Logger('Bootstrap');
  // Nest's shutdown hooks drain HTTP, then close the pool; this only bounds how long the drain may take.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.log(`${signal} received: draining requests (up to ${config.http.shutdownTimeoutMs} ms)`);
      setTimeout(() => {
        logger.error('Shutdown deadline passed; exiting with requests still open');
        process.exit(1);
      }, config.http.shutdownTimeoutMs).unref();
    });
  }
  await app.listen(config.http.port, config.http.host);
  // Nest's getUrl() names 127.0.0.1 for a wildcard bind; say what was bound, and where people reach it.
  const bound = app.getHttpServer().address() as AddressInfo;
  const where = `${bound.address.includes(':') ? `[${bound.address}]` : bound.address}:${bound.port}`;
  logger.log(
    `Taskforge listening on ${where}, reached at ${app.get(PublicUrl).of('')} (API /api/v1, docs /docs)`,
  );
}

void bootstrap();
