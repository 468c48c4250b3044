import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import {
  IncrementArguments,
  MemoryThrottlerStorage,
  ThrottlerStorageRecord,
} from './memory-throttler-storage';

/** Hits and block in one round trip, atomically, so instances sharing Redis count one budget. */
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return { hits, ttl, blocked }`;

const WARNING_INTERVAL_MS = 60_000;

/**
 * @nestjs/throttler's storage on Redis, for REDIS_URL deployments with several instances. While Redis cannot answer,
 * each instance counts in its own memory: limits stay in force, only per instance.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly fallback = new MemoryThrottlerStorage();
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private lastWarning = 0;

  constructor(private readonly redis: Redis) {}

  async increment(...args: IncrementArguments): Promise<ThrottlerStorageRecord> {
    try {
      return await this.incrementInRedis(...args);
    } catch (error) {
      if (Date.now() - this.lastWarning > WARNING_INTERVAL_MS) {
        this.lastWarning = Date.now();
        this.logger.warn(
          `Redis unavailable for rate limits, counting in memory: ${(error as Error).message}`,
        );
      }
      return this.fallback.increment(...args);
    }
  }

  private async incrementInRedis(
    ...[key, ttl, limit, blockDuration, throttlerName]: IncrementArguments
  ): Promise<ThrottlerStorageRecord> {
    const base = `throttle:${throttlerName}:${key}`;
    const [hits, ttlMs, blockedMs] = (await this.redis.eval(
      INCREMENT,
      2,
      `${base}:hits`,
      `${base}:blocked`,
      String(ttl),
      String(limit),
      String(blockDuration > 0 ? blockDuration : ttl),
    )) as [number, number, number];
    return {
      totalHits: hits,
      timeToExpire: Math.max(0, Math.ceil(ttlMs / 1000)),
      isBlocked: blockedMs > 0,
      timeToBlockExpire: Math.max(0, Math.ceil(blockedMs / 1000)),
    };
  }
}
