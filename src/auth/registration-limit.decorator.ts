import { SetMetadata } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';

const REGISTRATION_LIMIT = 'taskforge:registration-limit';

/** Marks the sign-up route for the per-address "register" throttler (see AuthModule). */
export const RegistrationLimit = () => SetMetadata(REGISTRATION_LIMIT, true);

export function isRegistrationRoute(context: ExecutionContext): boolean {
  return Reflect.getMetadata(REGISTRATION_LIMIT, context.getHandler()) === true;
}
