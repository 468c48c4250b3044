import { ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Principal } from './principal';

/** Limits per user once authenticated (so a shared office address is not one bucket), per address before. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  override canActivate(context: ExecutionContext): Promise<boolean> {
    return context.getType() === 'http' ? super.canActivate(context) : Promise.resolve(true);
  }

  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    const principal = req.user as Principal | undefined;
    return Promise.resolve(principal ? `user:${principal.userId}` : `ip:${String(req.ip)}`);
  }

  /** A plain `Retry-After` whichever limit tripped (the library suffixes it with the limit's name). */
  protected override throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfter = Math.max(
      1,
      Math.ceil(detail.isBlocked ? detail.timeToBlockExpire : detail.timeToExpire),
    );
    throw new HttpException(
      { message: 'Too many requests; slow down', retryAfter },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
