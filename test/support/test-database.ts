import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { IN_MEMORY_DATA_DIR } from '../../src/config/app-config';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * An empty database for one test file: a fresh database on TEST_DATABASE_URL's server when it is set, otherwise an
 * in-memory embedded PostgreSQL served on loopback. Either way the app reaches it through DATABASE_URL and `pg`.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres(IN_MEMORY_DATA_DIR);
    return { url: embedded.url, drop: () => embedded.stop() };
  }
  const name = `taskforge_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await withAdminClient(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    },
  };
}

async function withAdminClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
