import { Client } from 'pg';

/**
 * Whether the server is PGlite. PGlite is one PostgreSQL session behind a connection multiplexer that keeps only
 * transactions together: two connections' extended-protocol messages interleave and can receive each other's
 * statements. So the service talks to it over exactly one connection, whoever started it.
 */
export async function isSingleSessionServer(url: string, connectionTimeoutMillis: number): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>('SELECT version()');
    return rows[0].version.includes('PGlite');
  } finally {
    await client.end();
  }
}
