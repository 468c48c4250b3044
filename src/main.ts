import 'reflect-metadata';
import { Logger } from '@nestjs/common';
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
  logger.log(`Taskforge listening on ${await app.getUrl()} (API /api/v1, docs /docs)`);
}

void bootstrap();
