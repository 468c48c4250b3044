import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { API_KEY_SCHEME, BEARER_SCHEME } from '../common/openapi';
import type { Scope } from './scopes';

export const REQUIRED_SCOPE = 'taskforge:scope';

/**
 * The one scope a route needs. It also documents the security schemes and the 401/403 answers in Swagger, so the
 * rule a reader sees on the handler is the rule that runs.
 */
export const RequireScope = (scope: Scope) =>
  applyDecorators(
    SetMetadata(REQUIRED_SCOPE, scope),
    ApiBearerAuth(BEARER_SCHEME),
    ApiSecurity(API_KEY_SCHEME),
    ApiUnauthorizedResponse({ description: 'No, bad, expired or revoked credentials.' }),
    ApiForbiddenResponse({ description: `Needs scope \`${scope}\`, or a role that allows the action.` }),
  );
