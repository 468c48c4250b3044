import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { runMigrationsExclusively } from '../src/database/migrate';

/** Creates the database a URL names if the server does not have it yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  const name = target.pathname.slice(1);
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  await client.end();
}

/** A migrated data source on `url` for set-up work: long statements allowed, two connections. */
export async function openBenchDatabase(
  url: string,
  extra: Partial<ConstructorParameters<typeof DataSource>[0]> = {},
): Promise<DataSource> {
  await ensureDatabase(url);
  const dataSource = new DataSource({
    ...buildDataSourceOptions(url, { poolMax: 2, connectionTimeoutMs: 5000, statementTimeoutMs: 1_800_000 }),
    ...extra,
  } as ConstructorParameters<typeof DataSource>[0]);
  await dataSource.initialize();
  await runMigrationsExclusively(dataSource, false);
  return dataSource;
}
