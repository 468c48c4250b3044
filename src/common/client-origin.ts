import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** Long enough for any real browser's; a client cannot make us store more. */
const USER_AGENT_MAX_LENGTH = 500;

/** Where a request came from, as sign-in history and the list of sessions show it. */
export interface ClientOrigin {
  /** The client's address as TRUST_PROXY lets us believe it. */
  address: string;
  userAgent: string | null;
}

export const CurrentClient = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ClientOrigin => {
    const request = context.switchToHttp().getRequest<Request>();
    const userAgent = request.get('user-agent');
    return {
      address: request.ip ?? request.socket.remoteAddress ?? 'unknown',
      userAgent: userAgent ? userAgent.slice(0, USER_AGENT_MAX_LENGTH) : null,
    };
  },
);
