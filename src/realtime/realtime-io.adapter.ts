import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { AppConfig } from '../config/app-config';
import { REDIS_TIMEOUTS } from '../redis/redis-connection';

/**
 * Socket.IO with, when REDIS_URL is set, the Redis Streams adapter: room changes and broadcasts made on one
 * instance reach sockets on every instance, and a Redis disconnect is resumed from the stream instead of losing
 * packets. It has its own client: the adapter blocks on XREAD and must queue while Redis is away, unlike the
 * fail-fast client the rate limits use.
 */
export class RealtimeIoAdapter extends IoAdapter {
  private readonly clients: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const withCors: ServerOptions = { ...options!, cors: { origin: this.config.http.corsOrigins } };
    const server = super.createIOServer(port, withCors);
    if (this.config.redisUrl) {
      const redis = new Redis(this.config.redisUrl, REDIS_TIMEOUTS);
      redis.on('error', () => undefined);
      // The adapter reads through duplicates of this client and ends them only once a pending XREAD returns, which
      // never happens while Redis is away; they are kept here so shutdown can end them, and their reconnect timers.
      const duplicate = redis.duplicate.bind(redis);
      redis.duplicate = (...args) => {
        const copy = duplicate(...args);
        this.clients.push(copy);
        return copy;
      };
      this.clients.push(redis);
      server.adapter(createAdapter(redis));
    }
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    for (const client of this.clients) client.disconnect();
  }
}
