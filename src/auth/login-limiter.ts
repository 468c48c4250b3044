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
 * Counts failed logins per account and per address (OWASP's "credential stuffing" defence). Successful logins cost
 * nothing; once either count passes the limit, logins for it answer 429 until the window ends.
 */
@Injectable()
export class LoginLimiter {
  private readonly byAccount: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;

  constructor(config: AppConfig, redis: RedisConnection) {
    const { maxFailures, maxFailuresPerAddress, windowSeconds } = config.rateLimits.login;
    const limiter = (keyPrefix: string, points: number) =>
      redis.client
        ? new RateLimiterRedis({
            points,
            duration: windowSeconds,
            keyPrefix,
            storeClient: redis.client,
            // While Redis is down, count in this instance's memory rather than fail every login.
            insuranceLimiter: new RateLimiterMemory({ points, duration: windowSeconds, keyPrefix }),
          })
        : new RateLimiterMemory({ points, duration: windowSeconds, keyPrefix });
    this.byAccount = limiter('login-fail-account', maxFailures);
    this.byAddress = limiter('login-fail-address', maxFailuresPerAddress);
  }

  async assertAllowed(account: string, address: string): Promise<void> {
    const [accountState, addressState] = await Promise.all([
      this.byAccount.get(account),
      this.byAddress.get(address),
    ]);
    const limits = [
      [accountState, this.byAccount.points],
      [addressState, this.byAddress.points],
    ] as const;
    const blocked = limits
      .filter(([state, points]) => state !== null && state.consumedPoints >= points)
      .map(([state]) => (state as RateLimiterRes).msBeforeNext);
    if (blocked.length > 0) throw tooManyAttempts(Math.max(...blocked));
  }

  async recordFailure(account: string, address: string): Promise<void> {
    await Promise.all([this.byAccount.penalty(account), this.byAddress.penalty(address)]);
  }
}

function tooManyAttempts(msBeforeNext: number): HttpException {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new HttpException(
    { message: 'Too many failed logins; try again later', retryAfter },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
