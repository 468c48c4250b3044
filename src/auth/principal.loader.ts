import { Injectable } from '@nestjs/common';
import { CredentialsRepository } from './credentials.repository';
import { PrincipalCache } from './principal-cache';
import type { Principal } from './principal';
import { effectiveScopes, scopesForRole } from './scopes';
import { hashSecret } from './secret-token';

/**
 * Turns a verified credential into a Principal with one query, re-checked at least every PRINCIPAL_CACHE_MS (see
 * PrincipalCache): a disabled user, a revoked session or a revoked key is refused at once on the instance that
 * changed it and within a second everywhere, not when a token expires.
 */
@Injectable()
export class PrincipalLoader {
  constructor(
    private readonly credentials: CredentialsRepository,
    private readonly cache: PrincipalCache,
  ) {}

  fromSession(userId: string, sessionId: string): Promise<Principal | null> {
    return this.cache.get(`session:${sessionId}:${userId}`, async () => {
      const grant = await this.credentials.sessionGrant(userId, sessionId);
      if (!grant) return null;
      if (grant.stale) await this.credentials.touchSession(sessionId);
      return { userId, role: grant.role, scopes: new Set(scopesForRole(grant.role)), sessionId };
    });
  }

  /** Of these sessions and API keys, the ids that no longer authenticate: revoked, expired, or the user disabled. */
  async lapsed(sessionIds: string[], apiKeyIds: string[]): Promise<Set<string>> {
    if (sessionIds.length === 0 && apiKeyIds.length === 0) return new Set();
    return new Set(await this.credentials.lapsed(sessionIds, apiKeyIds));
  }

  fromApiKey(key: string): Promise<Principal | null> {
    const hash = hashSecret(key);
    return this.cache.get(`key:${hash.toString('base64')}`, async () => {
      const row = await this.credentials.apiKeyGrant(hash);
      if (!row) return null;
      if (row.stale) await this.credentials.touchApiKey(row.id);
      return {
        userId: row.user_id,
        role: row.role,
        scopes: effectiveScopes(row.role, row.scopes),
        apiKeyId: row.id,
      };
    });
  }
}
