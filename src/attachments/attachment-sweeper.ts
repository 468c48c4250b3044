import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { onCommitOf } from '../events/after-commit';
import { SerialRunner } from '../events/serial-runner';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentStorage } from './storage/attachment-storage';

/** Marks a transaction that gave up stored bytes (a deleted attachment), so the sweeper runs once it commits. */
export const BYTES_RELEASED = 'attachmentBytesReleased';

const BATCH = 100;
/** How long a key whose removal failed waits before the next try. */
const RETRY_SECONDS = 300;

/**
 * Removes stored bytes no attachment owns: those of deleted attachments (queued by the database itself, in the
 * transaction that deleted them), and those an upload left when it failed or its process died. Each key is claimed
 * with SKIP LOCKED, so instances share the work, and a key an attachment owns is never removed.
 */
@Injectable()
export class AttachmentSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AttachmentSweeper.name);
  private readonly runner = new SerialRunner(
    async () => {
      while ((await this.sweepOnce()) === BATCH && !this.runner.isStopped);
    },
    (error) => this.logger.warn(`Removing attachment bytes failed: ${String(error)}`),
  );
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly transactions: Transactions,
    private readonly attachments: AttachmentsRepository,
    private readonly storage: AttachmentStorage,
    private readonly config: AppConfig,
    dataSource: DataSource,
  ) {
    onCommitOf(dataSource, BYTES_RELEASED, () => this.wake());
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.runner.wake(), this.config.attachments.sweepIntervalMs);
    this.timer.unref();
    this.runner.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.runner.stop();
    await this.storage.close();
  }

  wake(): void {
    this.runner.wake();
  }

  /** Removes one batch of due keys; returns how many it claimed. */
  private sweepOnce(): Promise<number> {
    return this.transactions.run(async (manager) => {
      const keys = await this.attachments.claimDue(manager, BATCH);
      const removed: string[] = [];
      const failed: string[] = [];
      for (const key of keys) {
        try {
          await this.storage.remove(key);
          removed.push(key);
        } catch (error) {
          this.logger.warn(`Could not remove attachment bytes ${key}: ${String(error)}`);
          failed.push(key);
        }
      }
      await this.attachments.forget(manager, removed);
      await this.attachments.postpone(manager, failed, RETRY_SECONDS);
      return keys.length;
    });
  }
}
