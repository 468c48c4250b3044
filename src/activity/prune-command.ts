import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from '../database/data-source-options';
import { pruneActivity } from './activity-retention';

/**
 * `npm run activity:prune`: deletes activity older than ACTIVITY_RETENTION_DAYS in the database of DATABASE_URL. The
 * running service prunes by itself every few hours; this is for cron and for pruning now.
 */
async function main(): Promise<void> {
  const config = AppConfig.fromEnvironment(process.env);
  if (!config.database.url)
    throw new Error('Set DATABASE_URL (the service prunes an embedded database itself)');
  const dataSource = new DataSource(buildDataSourceOptions(config.database.url, config.database));
  await dataSource.initialize();
  try {
    const horizon = await pruneActivity(dataSource, config.activity.retentionDays);
    process.stdout.write(
      `Pruned activity older than ${config.activity.retentionDays} days; the change feed now starts after seq ${horizon}\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
