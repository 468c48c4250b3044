import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows';

/** How many answers one mfaToken takes, right or wrong. */
export const MFA_TOKEN_ATTEMPTS = 5;

export interface SecondFactorRow {
  secret: string;
  enabled: boolean;
  last_time_step: string;
}

/** A user's second factor (TOTP secret, recovery codes) and the sign-ins waiting for it. */
@Injectable()
export class TwoFactorRepository {
  constructor(private readonly dataSource: DataSource) {}

  async secondFactor(userId: string): Promise<SecondFactorRow | undefined> {
    const [row] = await this.dataSource.query<SecondFactorRow[]>(
      `SELECT secret, enabled_at IS NOT NULL AS enabled, last_time_step FROM two_factor WHERE user_id = $1`,
      [userId],
    );
    return row;
  }

  async isEnabled(userId: string): Promise<boolean> {
    return (await this.secondFactor(userId))?.enabled ?? false;
  }

  /** Stores a new secret, not yet in force; false when the user's second factor is already on. */
  async savePendingSecret(userId: string, sealedSecret: string): Promise<boolean> {
    const rows = await queryRows(
      this.dataSource.manager,
      `INSERT INTO two_factor (user_id, secret) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret = EXCLUDED.secret, last_time_step = 0, created_at = now()
         WHERE two_factor.enabled_at IS NULL
       RETURNING user_id`,
      [userId, sealedSecret],
    );
    return rows.length > 0;
  }

  /**
   * Records that a code of `timeStep` was accepted, unless one of that step or later already was: of two requests
   * racing with the same code, one wins.
   */
  async spendTimeStep(manager: EntityManager, userId: string, timeStep: number): Promise<boolean> {
    const rows = await queryRows(
      manager,
      `UPDATE two_factor SET last_time_step = $2 WHERE user_id = $1 AND last_time_step < $2 RETURNING user_id`,
      [userId, timeStep],
    );
    return rows.length > 0;
  }

  /** Puts the pending secret in force with these recovery codes (hashed); false when it was enabled meanwhile. */
  async enable(manager: EntityManager, userId: string, recoveryCodeHashes: Buffer[]): Promise<boolean> {
    const rows = await queryRows(
      manager,
      `UPDATE two_factor SET enabled_at = now() WHERE user_id = $1 AND enabled_at IS NULL RETURNING user_id`,
      [userId],
    );
    if (rows.length === 0) return false;
    await manager.query(`DELETE FROM recovery_codes WHERE user_id = $1`, [userId]);
    await manager.query(`INSERT INTO recovery_codes (user_id, code_hash) SELECT $1, unnest($2::bytea[])`, [
      userId,
      recoveryCodeHashes,
    ]);
    return true;
  }

  /** False when the user had no second factor. */
  async remove(userId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    await manager.query(`DELETE FROM recovery_codes WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM mfa_challenges WHERE user_id = $1`, [userId]);
    const rows = await queryRows(manager, `DELETE FROM two_factor WHERE user_id = $1 RETURNING user_id`, [
      userId,
    ]);
    return rows.length > 0;
  }

  async spendRecoveryCode(manager: EntityManager, userId: string, codeHash: Buffer): Promise<boolean> {
    const rows = await queryRows(
      manager,
      `UPDATE recovery_codes SET used_at = now()
        WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING user_id`,
      [userId, codeHash],
    );
    return rows.length > 0;
  }

  /** A sign-in that passed its password and waits for the second factor; expired ones are swept on the way. */
  async insertChallenge(userId: string, tokenHash: Buffer, ttlSeconds: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM mfa_challenges WHERE expires_at < now()`);
    await this.dataSource.query(
      `INSERT INTO mfa_challenges (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))`,
      [tokenHash, userId, ttlSeconds],
    );
  }

  /** Spends one attempt of a live challenge and names its user; undefined when it is unknown, used, expired or spent. */
  async attemptChallenge(tokenHash: Buffer): Promise<string | undefined> {
    const [row] = await queryRows<{ user_id: string }>(
      this.dataSource.manager,
      `UPDATE mfa_challenges SET attempts = attempts + 1
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() AND attempts < ${MFA_TOKEN_ATTEMPTS}
        RETURNING user_id`,
      [tokenHash],
    );
    return row?.user_id;
  }

  /** Marks the challenge answered; false when another request answered it first. */
  async closeChallenge(manager: EntityManager, tokenHash: Buffer): Promise<boolean> {
    const rows = await queryRows(
      manager,
      `UPDATE mfa_challenges SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL RETURNING user_id`,
      [tokenHash],
    );
    return rows.length > 0;
  }
}
