import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from './principal';
import { effectiveScopes, GlobalRole, scopesForRole } from './scopes';
import { hashSecret } from './secret-token';

/** How often a key's lastUsedAt is written: per minute, not per request, to keep the read path read-only. */
const LAST_USED_RESOLUTION = "interval '1 minute'";

/**
 * Turns a verified credential into a Principal with one query, re-checked on every request: a disabled user, a
 * revoked session or a revoked key is refused at once, not when a token expires.
 */
@Injectable()
export class PrincipalLoader {
  constructor(private readonly dataSource: DataSource) {}

  async fromSession(userId: string, sessionId: string): Promise<Principal | null> {
    const [row] = await this.dataSource.query<{ role: GlobalRole }[]>(
      `SELECT u.role FROM auth_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND u.disabled_at IS NULL`,
      [sessionId, userId],
    );
    if (!row) return null;
    return { userId, role: row.role, scopes: new Set(scopesForRole(row.role)), sessionId };
  }

  /** Of these sessions and API keys, the ids that no longer authenticate: revoked, expired, or the user disabled. */
  async lapsed(sessionIds: string[], apiKeyIds: string[]): Promise<Set<string>> {
    if (sessionIds.length === 0 && apiKeyIds.length === 0) return new Set();
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT c.id FROM unnest($1::uuid[]) AS c(id)
        WHERE NOT EXISTS (SELECT 1 FROM auth_sessions s JOIN users u ON u.id = s.user_id
                           WHERE s.id = c.id AND s.revoked_at IS NULL AND u.disabled_at IS NULL)
       UNION ALL
       SELECT c.id FROM unnest($2::uuid[]) AS c(id)
        WHERE NOT EXISTS (SELECT 1 FROM api_keys k JOIN users u ON u.id = k.user_id
                           WHERE k.id = c.id AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())
                             AND u.disabled_at IS NULL)`,
      [sessionIds, apiKeyIds],
    );
    return new Set(rows.map((row) => row.id));
  }

  async fromApiKey(key: string): Promise<Principal | null> {
    const [row] = await this.dataSource.query<
      { id: string; user_id: string; role: GlobalRole; scopes: string[] | null; stale: boolean }[]
    >(
      `SELECT k.id, k.user_id, u.role, k.scopes,
              (k.last_used_at IS NULL OR k.last_used_at < now() - ${LAST_USED_RESOLUTION}) AS stale
         FROM api_keys k JOIN users u ON u.id = k.user_id
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())
          AND u.disabled_at IS NULL`,
      [hashSecret(key)],
    );
    if (!row) return null;
    if (row.stale)
      await this.dataSource.query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [row.id]);
    return {
      userId: row.user_id,
      role: row.role,
      scopes: effectiveScopes(row.role, row.scopes),
      apiKeyId: row.id,
    };
  }
}
