import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { SerialRunner } from '../events/serial-runner';
import { parseRepoName } from '../github/github-repo-name';
import { GithubService } from '../github/github.service';
import { TaskGithubLinks } from './task-github-links';

const BATCH = 10;

/**
 * Completes pending repositories in the background, and tells the tasks linking one what changed. Lives with the
 * tasks because applying the answer to tasks is theirs to do; GitHub only leases and looks up.
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
    private readonly github: GithubService,
    private readonly links: TaskGithubLinks,
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
    const due = await this.github.leaseDue(BATCH);
    await Promise.all(
      due.map(async ({ key }) => {
        await this.links.settle(await this.github.lookupNow(parseRepoName(key)!), null);
      }),
    );
    return due.length;
  }
}
