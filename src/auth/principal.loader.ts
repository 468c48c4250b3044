import { Injectable } from '@nestjs/common';
import { CredentialsRepository } from './credentials.repository';
import type { Principal } from './principal';
import { effectiveScopes, scopesForRole } from './scopes';
import { hashSecret } from './secret-token';

/**
 * Turns a verified credential into a Principal with one query, re-checked on every request: a disabled user, a
 * revoked session or a revoked key is refused at once, not when a token expires.
 */
@Injectable()
export class PrincipalLoader {
  constructor(private readonly credentials: CredentialsRepository) {}

  async fromSession(userId: string, sessionId: string): Promise<Principal | null> {
    const role = await this.credentials.sessionRole(userId, sessionId);
    if (!role) return null;
    return { userId, role, scopes: new Set(scopesForRole(role)), sessionId };
  }

  /** Of these sessions and API keys, the ids that no longer authenticate: revoked, expired, or the user disabled. */
  async lapsed(sessionIds: string[], apiKeyIds: string[]): Promise<Set<string>> {
    if (sessionIds.length === 0 && apiKeyIds.length === 0) return new Set();
    return new Set(await this.credentials.lapsed(sessionIds, apiKeyIds));
  }

  async fromApiKey(key: string): Promise<Principal | null> {
    const row = await this.credentials.apiKeyGrant(hashSecret(key));
    if (!row) return null;
    if (row.stale) await this.credentials.touchApiKey(row.id);
    return {
      userId: row.user_id,
      role: row.role,
      scopes: effectiveScopes(row.role, row.scopes),
      apiKeyId: row.id,
    };
  }
}
