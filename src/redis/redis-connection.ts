import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';

/**
 * Both Redis clients' timeouts: a Redis that does not answer within 2 s counts as away, and at shutdown a socket
 * still open 200 ms after QUIT is destroyed, so a dead Redis cannot hold the process open.
 */
export const REDIS_TIMEOUTS = { connectTimeout: 2000, disconnectTimeout: 200 } as const;

/** The shared Redis client when REDIS_URL is set; without it every user of Redis falls back to this process alone. */
@Injectable()
export class RedisConnection implements OnModuleInit, OnApplicationShutdown {
  readonly client?: Redis;

  constructor(config: AppConfig) {
    if (!config.redisUrl) return;
    // Fail fast while Redis is away (no offline queue): its users fall back to this instance's own memory
    // instead of holding requests until it returns.
    this.client = new Redis(config.redisUrl, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      ...REDIS_TIMEOUTS,
    });
    const logger = new Logger('Redis');
    this.client.on('error', (error: Error) => logger.warn(`Redis error: ${error.message}`));
  }

  /** Gives Redis a moment to connect before traffic arrives; a Redis that stays away is not fatal. */
  async onModuleInit(): Promise<void> {
    if (!this.client || this.client.status === 'ready') return;
    const abandon = new AbortController();
    await Promise.race([
      once(this.client, 'ready', { signal: abandon.signal }),
      delay(2000, undefined, { signal: abandon.signal }),
    ]).catch(() => undefined);
    abandon.abort();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client?.status === 'ready') await this.client.quit().catch(() => this.client?.disconnect());
    // Not connected: quit would wait for a connection that may never come, and keep retrying meanwhile.
    else this.client?.disconnect();
  }
}
