import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { GlobalRole, Scope } from './scopes';

/** Who is calling, as the authentication guard established it. */
export interface Principal {
  userId: string;
  role: GlobalRole;
  scopes: ReadonlySet<Scope>;
  /** The login session behind an access token; absent for API keys. */
  sessionId?: string;
  apiKeyId?: string;
}

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<{ user: Principal }>().user,
);
