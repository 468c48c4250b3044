import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { REDIS_TIMEOUTS } from '../redis/redis-connection';

/**
 * Socket.IO with, when REDIS_URL is set, the Redis Streams adapter: room changes and broadcasts made on one
 * instance reach sockets on every instance, and a Redis disconnect is resumed from the stream instead of losing
 * packets. It has its own client: the adapter blocks on XREAD and must queue while Redis is away, unlike the
 * fail-fast client the rate limits use.
 */
export class RealtimeIoAdapter extends IoAdapter {
  private static readonly logger = new Logger(RealtimeIoAdapter.name);
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
      const redis = this.adopt(new Redis(this.config.redisUrl, REDIS_TIMEOUTS));
      // The adapter reads through duplicates of this client and ends them only once a pending XREAD returns, which
      // never happens while Redis is away; they are kept here so shutdown can end them, and their reconnect timers.
      // Each copy has one command in flight at a time (an XREAD, the SUBSCRIBE), so it may wait for Redis to return
      // instead of giving up after a number of retries and never subscribing again.
      const duplicate = redis.duplicate.bind(redis);
      redis.duplicate = (override) => this.adopt(duplicate({ ...override, maxRetriesPerRequest: null }));
      server.adapter(createAdapter(redis));
    }
    return server;
  }

  /**
   * The adapter drops the promise of some commands (SUBSCRIBE, PUBLISH): failed while Redis is away or at shutdown,
   * each would be an unhandled rejection, which ends the process. They are observed here; the commands the adapter
   * awaits still fail where it waits for them.
   */
  private adopt(client: Redis): Redis {
    client.on('error', () => undefined);
    const send = client.sendCommand.bind(client);
    client.sendCommand = (command, stream) => {
      command.promise.catch((error: Error) =>
        RealtimeIoAdapter.logger.debug(`Redis ${command.name} failed: ${error.message}`),
      );
      return send(command, stream);
    };
    this.clients.push(client);
    return client;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    for (const client of this.clients) client.disconnect();
  }
}
