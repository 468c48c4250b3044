import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AppConfig } from './src/config/app-config';
import { buildDataSourceOptions } from './src/database/data-source-options';
import { ENTITIES } from './src/entities';

/**
 * The data source for the TypeORM CLI (`npm run migration:*`). The CLI needs a server to talk to, so DATABASE_URL is
 * required here; the service itself migrates at start-up, embedded database included.
 */
const config = AppConfig.fromEnvironment(process.env);
if (!config.database.url) {
  throw new Error(
    'Set DATABASE_URL to run migration commands (the service migrates the embedded database by itself)',
  );
}

export default new DataSource(buildDataSourceOptions(config.database.url, config.database, ENTITIES));
