import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Principal } from './principal';

/** Limits per user once authenticated (so a shared office address is not one bucket), per address before. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    const principal = req.user as Principal | undefined;
    return Promise.resolve(principal ? `user:${principal.userId}` : `ip:${String(req.ip)}`);
  }
}
