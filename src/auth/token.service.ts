import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DataSource } from 'typeorm';
import { Transactions } from '../database/transactions';
import { CredentialsRepository, SessionOrigin, SessionRow } from './credentials.repository';
import { generateSecret, hashSecret } from './secret-token';
import { PrincipalCache } from './principal-cache';

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
    private readonly transactions: Transactions,
    private readonly credentials: CredentialsRepository,
    private readonly config: AppConfig,
    private readonly principals: PrincipalCache,
  ) {}

  async startSession(
    userId: string,
    origin: SessionOrigin,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TokenPair> {
    return this.issue(userId, await this.credentials.insertSession(manager, userId, origin), manager);
  }

  liveSessions(userId: string): Promise<SessionRow[]> {
    return this.credentials.liveSessions(userId, this.config.jwt.refreshTtlSeconds);
  }

  /** Ends one of the user's sessions: its refresh token at once, its access tokens within PRINCIPAL_CACHE_MS. */
  async revokeSession(userId: string, sessionId: string): Promise<boolean> {
    const revoked = await this.credentials.revokeSession(userId, sessionId);
    this.principals.invalidate();
    return revoked;
  }

  /** Spends a refresh token and issues the next pair of its session. */
  async rotate(refreshToken: string): Promise<TokenPair> {
    const next = await this.transactions.run(async (manager) => {
      const spent = await this.credentials.spendRefreshToken(manager, hashSecret(refreshToken));
      return spent ? this.issue(spent.user_id, spent.session_id, manager) : null;
    });
    if (next) return next;
    // Outside the transaction above, so the revocation commits although the caller is answered 401.
    await this.revokeOnReuse(refreshToken);
    throw new UnauthorizedException('The refresh token is invalid, expired or already used');
  }

  /** Ends the caller's session the refresh token belongs to. Unknown tokens are ignored: logout is idempotent. */
  async endSession(userId: string, refreshToken: string): Promise<void> {
    await this.credentials.revokeSessionOf(hashSecret(refreshToken), userId);
    this.principals.invalidate();
  }

  /**
   * Revokes every session of the user except `keep` (the caller's own, when it has one). The caller invalidates the
   * principal cache once its transaction commits.
   */
  async revokeOtherSessions(userId: string, keep: string | undefined, manager: EntityManager): Promise<void> {
    await this.credentials.revokeOtherSessions(manager, userId, keep);
  }

  private async revokeOnReuse(refreshToken: string): Promise<void> {
    await this.credentials.revokeSessionOfSpent(hashSecret(refreshToken));
    this.principals.invalidate();
  }

  private async issue(userId: string, sessionId: string, manager: EntityManager): Promise<TokenPair> {
    const refreshToken = generateSecret('tfr_');
    await this.credentials.insertRefreshToken(
      manager,
      hashSecret(refreshToken),
      sessionId,
      this.config.jwt.refreshTtlSeconds,
    );
    const claims: AccessTokenClaims = { sub: userId, sid: sessionId };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: this.config.jwt.accessTtlSeconds };
  }
}
