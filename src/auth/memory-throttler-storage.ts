import type { ThrottlerStorage } from '@nestjs/throttler';

export type IncrementArguments = Parameters<ThrottlerStorage['increment']>;
export type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Window {
  hits: number;
  resetAt: number;
  blockedUntil: number;
}

/** How often windows that ended are forgotten; sweeping on the request path keeps the process free of timers. */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * Rate-limit counts in this process's memory, for a single instance and as RedisThrottlerStorage's fallback. It counts
 * fixed windows exactly as the Redis script does, so a limit means the same with and without Redis, and a hit costs
 * O(1): @nestjs/throttler's own in-memory storage keeps one timestamp per hit and filters them all on every request,
 * which for a caller near a generous limit is thousands of entries copied per request.
 */
export class MemoryThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private nextSweepAt = Date.now() + SWEEP_INTERVAL_MS;

  increment(
    ...[key, ttl, limit, blockDuration, throttlerName]: IncrementArguments
  ): Promise<ThrottlerStorageRecord> {
    const now = Date.now();
    if (now >= this.nextSweepAt) this.sweep(now);
    const id = `${throttlerName}:${key}`;
    let window = this.windows.get(id);
    if (!window) {
      window = { hits: 0, resetAt: now + ttl, blockedUntil: 0 };
      this.windows.set(id, window);
    } else if (window.resetAt <= now) {
      window.hits = 0;
      window.resetAt = now + ttl;
    }
    window.hits += 1;
    if (window.blockedUntil <= now && window.hits > limit) {
      window.blockedUntil = now + (blockDuration > 0 ? blockDuration : ttl);
    }
    const blockedMs = window.blockedUntil - now;
    return Promise.resolve({
      totalHits: window.hits,
      timeToExpire: Math.ceil((window.resetAt - now) / 1000),
      isBlocked: blockedMs > 0,
      timeToBlockExpire: Math.max(0, Math.ceil(blockedMs / 1000)),
    });
  }

  private sweep(now: number): void {
    for (const [id, window] of this.windows) {
      if (window.resetAt <= now && window.blockedUntil <= now) this.windows.delete(id);
    }
    this.nextSweepAt = now + SWEEP_INTERVAL_MS;
  }
}
