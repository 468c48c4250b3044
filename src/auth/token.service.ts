import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { queryRows } from '../database/query-rows';
import { generateSecret, hashSecret } from './secret-token';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

export interface AccessTokenClaims {
  sub: string;
  sid: string;
}

/**
 * Sessions, access tokens and rotating refresh tokens. A session is one login; each refresh spends its token and
 * issues the next, and a spent token presented again revokes the whole session (OAuth 2.0 Security BCP §4.14).
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async startSession(userId: string, manager: EntityManager = this.dataSource.manager): Promise<TokenPair> {
    const [{ id }] = await manager.query<{ id: string }[]>(
      `INSERT INTO auth_sessions (user_id) VALUES ($1) RETURNING id`,
      [userId],
    );
    return this.issue(userId, id, manager);
  }

  /** Spends a refresh token and issues the next pair of its session. */
  async rotate(refreshToken: string): Promise<TokenPair> {
    const next = await this.dataSource.transaction(async (manager) => {
      const spent = await queryRows<{ session_id: string; user_id: string }>(
        manager,
        `UPDATE refresh_tokens t SET used_at = now()
           FROM auth_sessions s JOIN users u ON u.id = s.user_id
          WHERE t.token_hash = $1 AND t.session_id = s.id AND t.used_at IS NULL AND t.expires_at > now()
            AND s.revoked_at IS NULL AND u.disabled_at IS NULL
          RETURNING t.session_id, s.user_id`,
        [hashSecret(refreshToken)],
      );
      return spent.length === 1 ? this.issue(spent[0].user_id, spent[0].session_id, manager) : null;
    });
    if (next) return next;
    // Outside the transaction above, so the revocation commits although the caller is answered 401.
    await this.revokeOnReuse(refreshToken);
    throw new UnauthorizedException('The refresh token is invalid, expired or already used');
  }

  /** Ends the caller's session the refresh token belongs to. Unknown tokens are ignored: logout is idempotent. */
  async endSession(userId: string, refreshToken: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE auth_sessions SET revoked_at = now()
        WHERE revoked_at IS NULL AND user_id = $2
          AND id = (SELECT session_id FROM refresh_tokens WHERE token_hash = $1)`,
      [hashSecret(refreshToken), userId],
    );
  }

  /** Revokes every session of the user except `keep` (the caller's own, when it has one). */
  async revokeOtherSessions(userId: string, keep: string | undefined, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2`,
      [userId, keep ?? null],
    );
  }

  private async revokeOnReuse(refreshToken: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE auth_sessions SET revoked_at = now()
        WHERE revoked_at IS NULL
          AND id = (SELECT session_id FROM refresh_tokens WHERE token_hash = $1 AND used_at IS NOT NULL)`,
      [hashSecret(refreshToken)],
    );
  }

  private async issue(userId: string, sessionId: string, manager: EntityManager): Promise<TokenPair> {
    const refreshToken = generateSecret('tfr_');
    await manager.query(
      `INSERT INTO refresh_tokens (token_hash, session_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))`,
      [hashSecret(refreshToken), sessionId, this.config.jwt.refreshTtlSeconds],
    );
    const claims: AccessTokenClaims = { sub: userId, sid: sessionId };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: this.config.jwt.accessTtlSeconds };
  }
}
