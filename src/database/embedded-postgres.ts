import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IN_MEMORY_DATA_DIR } from '../config/app-config';

export interface EmbeddedPostgres {
  url: string;
  /** Where the data lives, for the start-up log. */
  location: string;
  stop(): Promise<void>;
}

/**
 * Runs PGlite (PostgreSQL compiled to WebAssembly) in this process and serves it on a loopback port, so the ordinary
 * `pg` driver, TypeORM and the migrations are the same ones that run against a real server. PGlite is a single
 * session: the socket server multiplexes connections and keeps a transaction's statements together, and the service
 * uses one connection to it (see server-probe.ts).
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const inMemory = dataDir === IN_MEMORY_DATA_DIR;
  const location = inMemory ? IN_MEMORY_DATA_DIR : resolve(join(dataDir, 'pglite'));
  if (!inMemory) mkdirSync(location, { recursive: true });
  const db = await openPglite(inMemory ? undefined : location);
  // Each service instance uses one connection (see server-probe.ts); a few more let tests run two instances, the
  // migration CLI or psql beside it.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 });
  await server.start();
  const url = `postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  return {
    url,
    location,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/** A PGlite database (in memory without a location) with the contrib extensions the migrations create loaded. */
export function openPglite(location?: string): Promise<PGlite> {
  return PGlite.create(location, { extensions: { pg_trgm } });
}
