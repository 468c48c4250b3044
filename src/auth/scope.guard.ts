import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Principal } from './principal';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_SCOPE } from './require-scope.decorator';
import type { Scope } from './scopes';

/** Checks the one scope a route declares; a route that declares none is refused (a test walks the router too). */
@Injectable()
export class ScopeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const scope = this.reflector.getAllAndOverride<Scope | undefined>(REQUIRED_SCOPE, targets);
    const principal = context.switchToHttp().getRequest<{ user: Principal }>().user;
    if (!scope) throw new ForbiddenException('This route declares no scope');
    if (!principal.scopes.has(scope))
      throw new ForbiddenException(`This credential lacks the scope ${scope}`);
    return true;
  }
}
