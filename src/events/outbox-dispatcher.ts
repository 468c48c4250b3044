import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DatabaseServer } from '../database/database.module';
import {
  ACTIVITY_WRITTEN,
  claimConsumerPosition,
  ensureConsumerPosition,
  listenForActivity,
  moveConsumerPosition,
  newestSeq,
  readOutbox,
} from './activity-log.repository';
import type { OutboxConsumer } from './outbox';
import { onCommitOf } from './after-commit';
import { SerialRunner } from './serial-runner';

const BATCH_SIZE = 200;
const RECONNECT_DELAY_MS = 2000;

/**
 * Hands committed activity to the consumers inside this process, oldest first. Woken at once when this process
 * commits activity, by NOTIFY when another instance does (on a server that allows a second session), and by a
 * timer otherwise; every wake reads from the stored position, so a missed wake only delays, never loses. Each
 * consumer runs its own loop, so a slow one (a webhook backlog) never holds back another (the sockets).
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private readonly runners: SerialRunner[] = [];
  private readonly livePositions = new Map<string, string>();
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private listener?: Client;

  constructor(
    private readonly dataSource: DataSource,
    private readonly server: DatabaseServer,
    private readonly config: AppConfig,
  ) {}

  /** Adds a consumer; a durable one seen for the first time starts at the newest record, not at the beginning. */
  async register(consumer: OutboxConsumer): Promise<void> {
    const head = await newestSeq(this.dataSource.manager);
    if (consumer.durable) {
      await ensureConsumerPosition(this.dataSource, consumer.name, head);
    } else {
      this.livePositions.set(consumer.name, head);
    }
    const runner = new SerialRunner(
      () => this.dispatchAll(consumer),
      // The position did not move, so the next round retries the same records.
      (error) => this.logger.warn(`Outbox consumer ${consumer.name} failed: ${String(error)}`),
    );
    this.runners.push(runner);
    runner.wake();
  }

  onApplicationBootstrap(): void {
    onCommitOf(this.dataSource, ACTIVITY_WRITTEN, () => this.wake());
    this.timer = setInterval(() => this.wake(), this.config.activity.outboxPollIntervalMs);
    this.timer.unref();
    // PGlite serves one session, which the pool holds; there the timer stands in for other writers' notifications.
    if (!this.server.singleSession) void this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await Promise.all(this.runners.map((runner) => runner.stop()));
    await this.listener?.end().catch(() => undefined);
  }

  /** Runs a dispatch round for every consumer now, or right after the one in progress. */
  wake(): void {
    for (const runner of this.runners) runner.wake();
  }

  /** Resolves once every record committed before the call has been handed to every consumer. */
  async drain(): Promise<void> {
    this.wake();
    await Promise.all(this.runners.map((runner) => runner.idle()));
  }

  private async dispatchAll(consumer: OutboxConsumer): Promise<void> {
    while (!this.stopped && (await this.dispatchBatch(consumer)) === BATCH_SIZE);
  }

  /** Hands one batch to `consumer`; returns how many records it held. */
  private async dispatchBatch(consumer: OutboxConsumer): Promise<number> {
    if (!consumer.durable) {
      const records = await readOutbox(
        this.dataSource.manager,
        this.livePositions.get(consumer.name)!,
        BATCH_SIZE,
      );
      if (records.length === 0) return 0;
      await consumer.handle(records, this.dataSource.manager);
      this.livePositions.set(consumer.name, String(records[records.length - 1].seq));
      return records.length;
    }
    return this.dataSource.transaction(async (manager: EntityManager) => {
      // SKIP LOCKED: while another instance works this consumer, this one leaves it alone.
      const position = await claimConsumerPosition(manager, consumer.name);
      if (position === undefined) return 0;
      const records = await readOutbox(manager, position, BATCH_SIZE);
      if (records.length === 0) return 0;
      await consumer.handle(records, manager);
      await moveConsumerPosition(manager, consumer.name, records[records.length - 1].seq);
      return records.length;
    });
  }

  /** A session of its own that LISTENs, reconnecting after a failure; the timer covers the gap meanwhile. */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.server.url,
      connectionTimeoutMillis: this.config.database.connectionTimeoutMs,
    });
    this.listener = client;
    const retry = () => {
      if (this.listener !== client || this.stopped) return;
      this.listener = undefined;
      void client.end().catch(() => undefined);
      setTimeout(() => void this.listen(), RECONNECT_DELAY_MS).unref();
    };
    client.on('error', retry);
    client.on('end', retry);
    client.on('notification', () => this.wake());
    try {
      await client.connect();
      await listenForActivity(client);
      // Whatever committed while not listening is picked up now.
      this.wake();
    } catch {
      retry();
    }
  }
}
