import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config';
import { RedisConnection } from '../redis/redis-connection';

/**
 * Counts failures in two buckets at once, a subject (an account, an API key's prefix) and an address, shared
 * across instances through Redis when there is one. Successes cost nothing; once either count passes its limit,
 * attempts for it answer 429 with Retry-After until the window ends, before any password or key is looked at.
 */
class FailureLimiter {
  private readonly bySubject: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;

  constructor(
    name: string,
    config: AppConfig,
    redis: RedisConnection,
    private readonly message: string,
  ) {
    const { maxFailures, maxFailuresPerAddress, windowSeconds } = config.rateLimits.login;
    const limiter = (keyPrefix: string, points: number) =>
      redis.client
        ? new RateLimiterRedis({
            points,
            duration: windowSeconds,
            keyPrefix,
            storeClient: redis.client,
            // While Redis is down, count in this instance's memory rather than fail every attempt.
            insuranceLimiter: new RateLimiterMemory({ points, duration: windowSeconds, keyPrefix }),
          })
        : new RateLimiterMemory({ points, duration: windowSeconds, keyPrefix });
    this.bySubject = limiter(`${name}-fail-subject`, maxFailures);
    this.byAddress = limiter(`${name}-fail-address`, maxFailuresPerAddress);
  }

  async assertAllowed(subject: string | null, address: string): Promise<void> {
    const [subjectState, addressState] = await Promise.all([
      subject === null ? null : this.bySubject.get(subject),
      this.byAddress.get(address),
    ]);
    const limits = [
      [subjectState, this.bySubject.points],
      [addressState, this.byAddress.points],
    ] as const;
    const blocked = limits
      .filter(([state, points]) => state !== null && state.consumedPoints >= points)
      .map(([state]) => (state as RateLimiterRes).msBeforeNext);
    if (blocked.length > 0) {
      const retryAfter = Math.max(1, Math.ceil(Math.max(...blocked) / 1000));
      throw new HttpException({ message: this.message, retryAfter }, HttpStatus.TOO_MANY_REQUESTS);
    }
  }

  async recordFailure(subject: string | null, address: string): Promise<void> {
    await Promise.all([
      subject === null ? undefined : this.bySubject.penalty(subject),
      this.byAddress.penalty(address),
    ]);
  }
}

/** Failed logins per account and per address (OWASP's "credential stuffing" defence). */
@Injectable()
export class LoginLimiter extends FailureLimiter {
  constructor(config: AppConfig, redis: RedisConnection) {
    super('login', config, redis, 'Too many failed logins; try again later');
  }
}

/**
 * Failed API keys per address and per key prefix, counted before the key is looked up, so guessing keys costs the
 * guesser a 429 and the database nothing. It holds back API-key requests only: a signed access token cannot be
 * guessed, and one misbehaving client behind an office NAT must not lock its neighbours out.
 */
@Injectable()
export class ApiKeyFailureLimiter extends FailureLimiter {
  constructor(config: AppConfig, redis: RedisConnection) {
    super('api-key', config, redis, 'Too many requests with invalid API keys; try again later');
  }
}

/**
 * Unknown calendar feed tokens per address, on the feed route only: a calendar app still polling a rotated URL
 * earns 404s, then 429s there, and its user's API access stays open.
 */
@Injectable()
export class FeedTokenFailureLimiter extends FailureLimiter {
  constructor(config: AppConfig, redis: RedisConnection) {
    super('feed-token', config, redis, 'Too many requests for unknown calendar feeds; try again later');
  }
}

/**
 * Wrong second-factor codes per account and per address: a million codes would otherwise fall to a few thousand
 * requests a token. Each mfaToken also dies after 5 answers.
 */
@Injectable()
export class TwoFactorLimiter extends FailureLimiter {
  constructor(config: AppConfig, redis: RedisConnection) {
    super('two-factor', config, redis, 'Too many wrong codes; try again later');
  }
}
