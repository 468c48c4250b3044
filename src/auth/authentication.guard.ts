import { ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { API_KEY_HEADER } from './api-key.strategy';
import { API_KEY_PREFIX } from './api-keys.service';
import { ApiKeyFailureLimiter } from './login-limiter';
import { IS_PUBLIC } from './public.decorator';

/** The part of an API key shown in listings: it names one key without revealing it. */
const KEY_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;

/**
 * Global and deny-by-default: every route needs a bearer token or an API key unless it is marked @Public().
 * Failed API keys are counted per address and per key prefix before they are looked up: past the limit an API-key
 * request is 429 without touching the database. Bearer tokens are signed, so they cannot be guessed: they are
 * neither counted nor held back, and a valid one is always served, whatever its neighbours on the address sent.
 */
@Injectable()
export class AuthenticationGuard extends AuthGuard(['jwt', 'api-key']) {
  constructor(
    private readonly reflector: Reflector,
    private readonly failures: ApiKeyFailureLimiter,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    // A socket proves who it is once, at the handshake (RealtimeGateway); its messages carry no credentials.
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]))
      return true;
    const req = context.switchToHttp().getRequest<Request>();
    const address = String(req.ip);
    const keyPrefix = apiKeyPrefixOf(req);
    if (keyPrefix === null) return (await super.canActivate(context)) as boolean;
    await this.failures.assertAllowed(keyPrefix, address);
    try {
      return (await super.canActivate(context)) as boolean;
    } catch (error) {
      if (error instanceof UnauthorizedException) await this.failures.recordFailure(keyPrefix, address);
      throw error;
    }
  }

  override handleRequest<T>(error: unknown, principal: T | false): T {
    // Whatever a strategy raised (a database outage becomes 503) is not "bad credentials"; `instanceof Error`
    // would miss errors from another realm and answer 401, logging clients out during an outage.
    if (error) throw error as Error;
    if (!principal) throw new UnauthorizedException('Missing, invalid, expired or revoked credentials');
    return principal;
  }
}

function apiKeyPrefixOf(req: Request): string | null {
  const key = req.headers[API_KEY_HEADER];
  return typeof key === 'string' && key.length > 0 ? key.slice(0, KEY_PREFIX_LENGTH) : null;
}
