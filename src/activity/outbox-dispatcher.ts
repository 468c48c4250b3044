import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DatabaseServer } from '../database/database.module';
import { newestSeq, OutboxConsumer, readOutbox } from './outbox';
import { ACTIVITY_CHANNEL, ACTIVITY_WRITTEN } from './record-activity';

const BATCH_SIZE = 200;
const RECONNECT_DELAY_MS = 2000;

/**
 * Hands committed activity to the consumers inside this process, oldest first. Woken at once when this process
 * commits activity, by NOTIFY when another instance does (on a server that allows a second session), and by a
 * timer otherwise; every wake reads from the stored position, so a missed wake only delays, never loses.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private readonly consumers: OutboxConsumer[] = [];
  private readonly livePositions = new Map<string, string>();
  private running: Promise<void> | null = null;
  private wokenWhileRunning = false;
  private timer?: NodeJS.Timeout;
  private listener?: Client;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly server: DatabaseServer,
    private readonly config: AppConfig,
  ) {}

  /** Adds a consumer; a durable one seen for the first time starts at the newest record, not at the beginning. */
  async register(consumer: OutboxConsumer): Promise<void> {
    const head = await newestSeq(this.dataSource.manager);
    if (consumer.durable) {
      await this.dataSource.query(
        `INSERT INTO outbox_positions (consumer, position) VALUES ($1, $2) ON CONFLICT (consumer) DO NOTHING`,
        [consumer.name, head],
      );
    } else {
      this.livePositions.set(consumer.name, head);
    }
    this.consumers.push(consumer);
    this.wake();
  }

  onApplicationBootstrap(): void {
    this.dataSource.subscribers.push({
      afterTransactionCommit: ({ queryRunner }) => {
        if (queryRunner.data[ACTIVITY_WRITTEN]) this.wake();
        delete queryRunner.data[ACTIVITY_WRITTEN];
      },
      afterTransactionRollback: ({ queryRunner }) => {
        delete queryRunner.data[ACTIVITY_WRITTEN];
      },
    });
    this.timer = setInterval(() => this.wake(), this.config.activity.outboxPollIntervalMs);
    this.timer.unref();
    // PGlite serves one session, which the pool holds; there the timer stands in for other writers' notifications.
    if (!this.server.singleSession) void this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.listener?.end().catch(() => undefined);
    await this.running;
  }

  /** Runs a dispatch round now, or right after the one in progress. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wokenWhileRunning = true;
      return;
    }
    this.running = this.dispatchAll().finally(() => {
      this.running = null;
      if (this.wokenWhileRunning) {
        this.wokenWhileRunning = false;
        this.wake();
      }
    });
  }

  /** Resolves once every record committed before the call has been handed to every consumer. */
  async drain(): Promise<void> {
    this.wake();
    for (let round = this.running; round; round = this.running) await round;
  }

  private async dispatchAll(): Promise<void> {
    for (const consumer of this.consumers) {
      try {
        while (!this.stopped && (await this.dispatchBatch(consumer)) === BATCH_SIZE);
      } catch (error) {
        // The position did not move, so the next round retries the same records.
        this.logger.warn(`Outbox consumer ${consumer.name} failed: ${String(error)}`);
      }
    }
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
      const [claimed] = await manager.query<{ position: string }[]>(
        `SELECT position FROM outbox_positions WHERE consumer = $1 FOR UPDATE SKIP LOCKED`,
        [consumer.name],
      );
      if (!claimed) return 0;
      const records = await readOutbox(manager, claimed.position, BATCH_SIZE);
      if (records.length === 0) return 0;
      await consumer.handle(records, manager);
      await manager.query(
        `UPDATE outbox_positions SET position = $2, updated_at = now() WHERE consumer = $1`,
        [consumer.name, records[records.length - 1].seq],
      );
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
      await client.query(`LISTEN ${ACTIVITY_CHANNEL}`);
      // Whatever committed while not listening is picked up now.
      this.wake();
    } catch {
      retry();
    }
  }
}
