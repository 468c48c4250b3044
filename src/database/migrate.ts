import type { DataSource } from 'typeorm';

/** An arbitrary constant shared by every instance: "taskforge migrations". */
const MIGRATION_LOCK_KEY = 7_426_110_001;

/**
 * Applies pending migrations while holding a session-level advisory lock, so instances starting together take turns:
 * the first migrates, the others wait and then find nothing to do.
 */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<string[]> {
  const lockHolder = dataSource.createQueryRunner();
  await lockHolder.connect();
  try {
    await lockHolder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await lockHolder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    await lockHolder.release();
  }
}
