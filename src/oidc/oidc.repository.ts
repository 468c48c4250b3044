import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows';

export interface OidcAttempt {
  code_verifier: string;
  nonce: string;
  return_to: string;
}

/** What a callback's one-time code stands for: the person signed in, or why they were not. */
export type OidcHandoff = { userId: string } | { refusal: { status: 401 | 403; message: string } };

/** A handoff as stored: what it stands for, and the browser it was handed to. */
export interface StoredHandoff {
  handoff: OidcHandoff;
  browserHash: Buffer | null;
}

/** Sign-ins through the OpenID provider: those on their way, the codes handed back, and the accounts they match. */
@Injectable()
export class OidcRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Expired attempts and handoffs are swept as new ones arrive, so neither table grows with abandoned sign-ins. */
  async insertAttempt(stateHash: Buffer, attempt: OidcAttempt, ttlSeconds: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM oidc_attempts WHERE expires_at < now()`);
    await this.dataSource.query(
      `INSERT INTO oidc_attempts (state_hash, code_verifier, nonce, return_to, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [stateHash, attempt.code_verifier, attempt.nonce, attempt.return_to, ttlSeconds],
    );
  }

  /** Takes a live attempt out: a state works once. */
  async takeAttempt(stateHash: Buffer): Promise<OidcAttempt | undefined> {
    const [row] = await queryRows<OidcAttempt>(
      this.dataSource.manager,
      `DELETE FROM oidc_attempts WHERE state_hash = $1 AND expires_at > now()
       RETURNING code_verifier, nonce, return_to`,
      [stateHash],
    );
    return row;
  }

  async insertHandoff(codeHash: Buffer, stored: StoredHandoff, ttlSeconds: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM oidc_handoffs WHERE expires_at < now()`);
    const { handoff, browserHash } = stored;
    const refusal = 'refusal' in handoff ? handoff.refusal : null;
    await this.dataSource.query(
      `INSERT INTO oidc_handoffs (code_hash, user_id, refusal_status, refusal, browser_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))`,
      [
        codeHash,
        'userId' in handoff ? handoff.userId : null,
        refusal?.status ?? null,
        refusal?.message ?? null,
        browserHash,
        ttlSeconds,
      ],
    );
  }

  /** Takes a live handoff out: a code works once. */
  async takeHandoff(codeHash: Buffer): Promise<StoredHandoff | undefined> {
    const [row] = await queryRows<{
      user_id: string | null;
      refusal_status: 401 | 403 | null;
      refusal: string | null;
      browser_hash: Buffer | null;
    }>(
      this.dataSource.manager,
      `DELETE FROM oidc_handoffs WHERE code_hash = $1 AND expires_at > now()
       RETURNING user_id, refusal_status, refusal, browser_hash`,
      [codeHash],
    );
    if (!row) return undefined;
    const handoff: OidcHandoff =
      row.user_id !== null
        ? { userId: row.user_id }
        : { refusal: { status: row.refusal_status ?? 401, message: row.refusal ?? 'Sign-in refused' } };
    return { handoff, browserHash: row.browser_hash };
  }

  async linkedUser(issuer: string, subject: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query<{ user_id: string }[]>(
      `SELECT user_id FROM oidc_identities WHERE issuer = $1 AND subject = $2`,
      [issuer, subject],
    );
    return row?.user_id;
  }

  async link(manager: EntityManager, issuer: string, subject: string, userId: string): Promise<void> {
    await manager.query(`INSERT INTO oidc_identities (issuer, subject, user_id) VALUES ($1, $2, $3)`, [
      issuer,
      subject,
      userId,
    ]);
  }
}
