import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import { queryRows } from '../database/query-rows';
import { ApiKeyEntity } from './entities/api-key.entity';
import type { GlobalRole } from './scopes';

/** How often a key's lastUsedAt is written: per minute, not per request, to keep the read path read-only. */
const LAST_USED_RESOLUTION = "interval '1 minute'";

/** How a session began, and from where: what its owner sees in their list of sessions. */
export interface SessionOrigin {
  method: SignInMethod;
  userAgent: string | null;
  address: string | null;
}

export type SignInMethod = 'password' | 'two_factor' | 'recovery_code' | 'oidc';

export interface SessionRow {
  id: string;
  created_at: Date;
  last_used_at: Date;
  method: SignInMethod;
  user_agent: string | null;
  address: string | null;
}

/** A session whose owner has not used it for this long is shown no more (its refresh token lapsed anyway). */
export const SESSIONS_LISTED = 100;

export interface ApiKeyGrantRow {
  id: string;
  user_id: string;
  role: GlobalRole;
  scopes: string[] | null;
  stale: boolean;
}

/** Sessions, refresh tokens and API keys: every credential the service issues, and the checks that honour them. */
@Injectable()
export class CredentialsRepository {
  private readonly keys: Repository<ApiKeyEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.keys = dataSource.getRepository(ApiKeyEntity);
  }

  async insertSession(manager: EntityManager, userId: string, origin: SessionOrigin): Promise<string> {
    const [{ id }] = await manager.query<{ id: string }[]>(
      `INSERT INTO auth_sessions (user_id, method, user_agent, address) VALUES ($1, $2, $3, $4) RETURNING id`,
      [userId, origin.method, origin.userAgent, origin.address],
    );
    return id;
  }

  /** The user's live sessions, most recently used first: at most SESSIONS_LISTED of them. */
  liveSessions(userId: string, refreshTtlSeconds: number): Promise<SessionRow[]> {
    return this.dataSource.query<SessionRow[]>(
      `SELECT id, created_at, last_used_at, method, user_agent, address FROM auth_sessions
        WHERE user_id = $1 AND revoked_at IS NULL AND last_used_at > now() - make_interval(secs => $2)
        ORDER BY last_used_at DESC, id DESC LIMIT ${SESSIONS_LISTED}`,
      [userId, refreshTtlSeconds],
    );
  }

  /** False when the user has no such live session. */
  async revokeSession(userId: string, sessionId: string): Promise<boolean> {
    const rows = await queryRows(
      this.dataSource.manager,
      `UPDATE auth_sessions SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id`,
      [sessionId, userId],
    );
    return rows.length > 0;
  }

  async touchSession(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE auth_sessions SET last_used_at = now() WHERE id = $1`, [id]);
  }

  async insertRefreshToken(
    manager: EntityManager,
    tokenHash: Buffer,
    sessionId: string,
    ttlSeconds: number,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO refresh_tokens (token_hash, session_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))`,
      [tokenHash, sessionId, ttlSeconds],
    );
  }

  /** Spends an unused, unexpired refresh token of a live session; undefined when there is none. */
  async spendRefreshToken(
    manager: EntityManager,
    tokenHash: Buffer,
  ): Promise<{ session_id: string; user_id: string } | undefined> {
    const [spent] = await queryRows<{ session_id: string; user_id: string }>(
      manager,
      `UPDATE refresh_tokens t SET used_at = now()
         FROM auth_sessions s JOIN users u ON u.id = s.user_id
        WHERE t.token_hash = $1 AND t.session_id = s.id AND t.used_at IS NULL AND t.expires_at > now()
          AND s.revoked_at IS NULL AND u.disabled_at IS NULL
        RETURNING t.session_id, s.user_id`,
      [tokenHash],
    );
    return spent;
  }

  /** Revokes the user's session a refresh token belongs to. */
  async revokeSessionOf(tokenHash: Buffer, userId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE auth_sessions SET revoked_at = now()
        WHERE revoked_at IS NULL AND user_id = $2
          AND id = (SELECT session_id FROM refresh_tokens WHERE token_hash = $1)`,
      [tokenHash, userId],
    );
  }

  /** Revokes the session of a refresh token that was already spent: a replayed token ends its whole session. */
  async revokeSessionOfSpent(tokenHash: Buffer): Promise<void> {
    await this.dataSource.query(
      `UPDATE auth_sessions SET revoked_at = now()
        WHERE revoked_at IS NULL
          AND id = (SELECT session_id FROM refresh_tokens WHERE token_hash = $1 AND used_at IS NOT NULL)`,
      [tokenHash],
    );
  }

  async revokeOtherSessions(manager: EntityManager, userId: string, keep: string | undefined): Promise<void> {
    await manager.query(
      `UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2`,
      [userId, keep ?? null],
    );
  }

  /**
   * The role of a live session's active user, and whether its lastUsedAt is due a write; undefined when the session
   * or user no longer authenticates.
   */
  async sessionGrant(
    userId: string,
    sessionId: string,
  ): Promise<{ role: GlobalRole; stale: boolean } | undefined> {
    const [row] = await this.dataSource.query<{ role: GlobalRole; stale: boolean }[]>(
      `SELECT u.role, s.last_used_at < now() - ${LAST_USED_RESOLUTION} AS stale
         FROM auth_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND u.disabled_at IS NULL`,
      [sessionId, userId],
    );
    return row;
  }

  /** Of these sessions and API keys, the ids that no longer authenticate: revoked, expired, or the user disabled. */
  async lapsed(sessionIds: string[], apiKeyIds: string[]): Promise<string[]> {
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
    return rows.map((row) => row.id);
  }

  /** A live key of an active user, by the hash of its secret. */
  async apiKeyGrant(keyHash: Buffer): Promise<ApiKeyGrantRow | undefined> {
    const [row] = await this.dataSource.query<ApiKeyGrantRow[]>(
      `SELECT k.id, k.user_id, u.role, k.scopes,
              (k.last_used_at IS NULL OR k.last_used_at < now() - ${LAST_USED_RESOLUTION}) AS stale
         FROM api_keys k JOIN users u ON u.id = k.user_id
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())
          AND u.disabled_at IS NULL`,
      [keyHash],
    );
    return row;
  }

  async touchApiKey(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [id]);
  }

  /**
   * Saves the key unless its user already holds `limit` live ones, counted under the user's row lock so racing
   * creates cannot pass the limit together; undefined then.
   */
  insertApiKey(
    key: Pick<ApiKeyEntity, 'userId' | 'name' | 'prefix' | 'keyHash' | 'scopes' | 'expiresAt'>,
    limit: number,
  ): Promise<ApiKeyEntity | undefined> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [key.userId]);
      const live = await manager.countBy(ApiKeyEntity, { userId: key.userId, revokedAt: IsNull() });
      if (live >= limit) return undefined;
      return manager.save(manager.create(ApiKeyEntity, key));
    });
  }

  liveApiKeys(userId: string): Promise<ApiKeyEntity[]> {
    return this.keys.find({
      where: { userId, revokedAt: IsNull() },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /** False when the user holds no such live key. */
  async revokeApiKey(userId: string, id: string): Promise<boolean> {
    const result = await this.keys.update({ id, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return Boolean(result.affected);
  }
}
