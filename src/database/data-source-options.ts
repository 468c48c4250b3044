import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { migrations } from '../../migrations/index';

/** One place builds the TypeORM options, for the service, the tests and the migration CLI (ormconfig.ts). */
export function buildDataSourceOptions(
  url: string,
  config: Omit<DatabaseConfig, 'url' | 'dataDir'>,
  entities: (new () => object)[] = [],
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // An undefined id must never turn into "no condition" (typeorm #2500, #9316, #11873).
    invalidWhereValuesBehavior: { null: 'throw', undefined: 'throw' },
    // TypeORM's own error log prints query parameters (hashes, tokens); failures are logged by the error filter.
    logging: false,
    extra: {
      max: config.poolMax,
      // The pg pool waits forever by default; a dead database must fail fast as 503 instead.
      connectionTimeoutMillis: config.connectionTimeoutMs,
      idleTimeoutMillis: 30000,
      statement_timeout: config.statementTimeoutMs,
      lock_timeout: Math.min(config.statementTimeoutMs, 5000),
      idle_in_transaction_session_timeout: Math.max(config.statementTimeoutMs * 2, 10000),
      application_name: 'taskforge',
    },
  };
}
