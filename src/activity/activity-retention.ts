import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { queryRows } from '../database/query-rows';

const PRUNE_BATCH = 5000;
const PRUNE_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * Deletes activity older than `retentionDays`, oldest first, never past a record a durable outbox consumer has not
 * handed on yet. The horizon moves before the rows go, so a change-feed reader behind it is told (410) rather than
 * handed a page with a hole in it. Returns the new horizon.
 */
export async function pruneActivity(dataSource: DataSource, retentionDays: number): Promise<number> {
  // LEAST ignores nulls: with nothing old enough there is nothing to prune, whatever the consumers' positions.
  const [{ through }] = await dataSource.query<{ through: string | null }[]>(
    `SELECT CASE WHEN old.seq IS NOT NULL THEN LEAST(old.seq, consumers.position) END AS through
       FROM (SELECT max(seq) AS seq FROM activity WHERE occurred_at < now() - make_interval(days => $1)) old,
            (SELECT min(position) AS position FROM outbox_positions) consumers`,
    [retentionDays],
  );
  const [{ pruned_through: horizon }] = await queryRows<{ pruned_through: string }>(
    dataSource,
    `UPDATE activity_retention SET pruned_through = GREATEST(pruned_through, COALESCE($1::bigint, 0))
     RETURNING pruned_through`,
    [through],
  );
  let deleted: number;
  do {
    const [, count] = await dataSource.query<[unknown, number]>(
      `DELETE FROM activity WHERE seq IN (SELECT seq FROM activity WHERE seq <= $1 ORDER BY seq LIMIT $2)`,
      [horizon, PRUNE_BATCH],
    );
    deleted = count;
  } while (deleted === PRUNE_BATCH);
  return Number(horizon);
}

/** Applies the retention inside the service too, so an embedded database (no second process) is pruned as well. */
@Injectable()
export class ActivityRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ActivityRetention.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.prune(), PRUNE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async prune(): Promise<void> {
    try {
      const horizon = await pruneActivity(this.dataSource, this.config.activity.retentionDays);
      this.logger.log(`Activity pruned through seq ${horizon}`);
    } catch (error) {
      this.logger.warn(`Pruning activity failed: ${String(error)}`);
    }
  }
}
