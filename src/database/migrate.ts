import type { DataSource } from 'typeorm';

/** An arbitrary constant shared by every instance: "taskforge migrations". */
const MIGRATION_LOCK_KEY = 7_426_110_001;

/**
 * The advisory lock excludes other processes. Within one process it is not enough: the embedded database is a
 * single session shared by every connection, where an advisory lock is re-entrant, so instances here also queue.
 */
let localQueue: Promise<unknown> = Promise.resolve();

/**
 * Applies pending migrations while holding a session-level advisory lock, so instances starting together take turns:
 * the first migrates, the others wait and then find nothing to do. On a single-session (embedded) server the lock
 * would need a second connection and protect nothing, so only the local queue applies.
 */
export function runMigrationsExclusively(dataSource: DataSource, singleSession: boolean): Promise<string[]> {
  const run = localQueue.then(() =>
    singleSession ? applyPending(dataSource) : migrateUnderAdvisoryLock(dataSource),
  );
  localQueue = run.catch(() => undefined);
  return run;
}

async function migrateUnderAdvisoryLock(dataSource: DataSource): Promise<string[]> {
  const lockHolder = dataSource.createQueryRunner();
  await lockHolder.connect();
  try {
    await lockHolder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await applyPending(dataSource);
  } finally {
    await lockHolder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    await lockHolder.release();
  }
}

async function applyPending(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}
