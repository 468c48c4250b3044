import { ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { IS_PUBLIC } from './public.decorator';

/** Global and deny-by-default: every route needs a bearer token or an API key unless it is marked @Public(). */
@Injectable()
export class AuthenticationGuard extends AuthGuard(['jwt', 'api-key']) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    // A socket proves who it is once, at the handshake (RealtimeGateway); its messages carry no credentials.
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]))
      return true;
    return super.canActivate(context);
  }

  override handleRequest<T>(error: unknown, principal: T | false): T {
    // Whatever a strategy raised (a database outage becomes 503) is not "bad credentials"; `instanceof Error`
    // would miss errors from another realm and answer 401, logging clients out during an outage.
    if (error) throw error as Error;
    if (!principal) throw new UnauthorizedException('Missing, invalid, expired or revoked credentials');
    return principal;
  }
}
