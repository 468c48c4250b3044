import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { ActivityRepository } from './activity.repository';

const PRUNE_BATCH = 5000;
const PRUNE_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * Deletes activity older than `retentionDays`, oldest first, never past a record a durable outbox consumer has not
 * handed on yet. The horizon moves before the rows go, so a change-feed reader behind it is told (410) rather than
 * handed a page with a hole in it. Returns the new horizon.
 */
export async function pruneActivity(dataSource: DataSource, retentionDays: number): Promise<number> {
  const activity = new ActivityRepository(dataSource);
  const horizon = await activity.advancePrunedThrough(await activity.pruneHorizon(retentionDays));
  while ((await activity.deleteThrough(horizon, PRUNE_BATCH)) === PRUNE_BATCH);
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
