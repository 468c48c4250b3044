import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { SerialRunner } from '../common/serial-runner';
import { queryRows } from '../database/query-rows';
import { parseRepoName } from './github-repo-name';
import { GithubService } from './github.service';

const BATCH = 10;

/**
 * Completes pending repositories in the background. A row is leased before GitHub is asked, so with several
 * instances each row is retried by one of them; a lease outlives the lookup's timeout and lapses if its holder dies.
 * Only repositories a live task links are retried.
 */
@Injectable()
export class GithubRetrier implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(GithubRetrier.name);
  private readonly runner = new SerialRunner(
    async () => {
      await this.retryDue();
    },
    (error) => this.logger.warn(`Retrying GitHub repositories failed: ${String(error)}`),
  );
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly github: GithubService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.runner.wake(), this.config.github.retryPollMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.runner.stop();
  }

  /** Retries every repository whose backoff has passed; returns how many it leased. */
  async retryDue(): Promise<number> {
    const leaseSeconds = this.config.github.timeoutMs / 1000 + 30;
    const due = await queryRows<{ key: string }>(
      this.dataSource,
      `UPDATE github_repositories SET leased_until = now() + make_interval(secs => $1)
        WHERE key IN (
          SELECT g.key FROM github_repositories g
           WHERE g.status = 'pending' AND g.next_attempt_at <= now()
             AND (g.leased_until IS NULL OR g.leased_until < now())
             AND EXISTS (SELECT 1 FROM tasks t WHERE t.github_repo = g.key AND t.deleted_at IS NULL)
           ORDER BY g.next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING key`,
      [leaseSeconds, BATCH],
    );
    await Promise.all(
      due.map(async ({ key }) => {
        const lookup = await this.github.lookupNow(parseRepoName(key)!);
        await this.dataSource.transaction((manager) => this.github.store(manager, lookup, { actorId: null }));
      }),
    );
    return due.length;
  }
}
