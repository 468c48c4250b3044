import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sessions a person can see and end, their sign-in history, a second factor, and accounts of an OpenID provider. */
export class CreateIdentity1765756800000 implements MigrationInterface {
  name = 'CreateIdentity1765756800000';

  async up(db: QueryRunner): Promise<void> {
    // now() is stable, so these defaults are stored once in the catalogue and rewrite no row.
    await db.query(
      `ALTER TABLE auth_sessions
         ADD COLUMN last_used_at timestamptz NOT NULL DEFAULT now(),
         ADD COLUMN method text NOT NULL DEFAULT 'password',
         ADD COLUMN user_agent text,
         ADD COLUMN address text`,
    );
    // People who arrive through single sign-on have no local password.
    await db.query(`ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL`);

    await db.query(
      `CREATE TABLE sign_ins (
         id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
         user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
         at timestamptz NOT NULL DEFAULT now(),
         method text NOT NULL,
         succeeded boolean NOT NULL,
         reason text,
         address text,
         user_agent text
       )`,
    );
    await db.query(`CREATE INDEX sign_ins_by_user ON sign_ins (user_id, id DESC)`);

    await db.query(
      `CREATE TABLE two_factor (
         user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
         secret text NOT NULL,
         enabled_at timestamptz,
         -- The last time step a code was accepted for: a code is good once, so later ones must name a later step.
         last_time_step bigint NOT NULL DEFAULT 0,
         created_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    await db.query(
      `CREATE TABLE recovery_codes (
         user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
         code_hash bytea NOT NULL,
         used_at timestamptz,
         PRIMARY KEY (user_id, code_hash)
       )`,
    );
    await db.query(
      `CREATE TABLE mfa_challenges (
         token_hash bytea PRIMARY KEY,
         user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
         expires_at timestamptz NOT NULL,
         -- Every answer spends one, right or wrong, so parallel guesses cannot pass the limit together.
         attempts integer NOT NULL DEFAULT 0,
         used_at timestamptz
       )`,
    );
    await db.query(`CREATE INDEX mfa_challenges_by_expiry ON mfa_challenges (expires_at)`);

    await db.query(
      `CREATE TABLE oidc_identities (
         issuer text NOT NULL,
         subject text NOT NULL,
         user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (issuer, subject)
       )`,
    );
    await db.query(`CREATE INDEX oidc_identities_by_user ON oidc_identities (user_id)`);
    // A sign-in on its way through the provider: what the callback must find again (PKCE verifier, nonce, returnTo).
    await db.query(
      `CREATE TABLE oidc_attempts (
         state_hash bytea PRIMARY KEY,
         code_verifier text NOT NULL,
         nonce text NOT NULL,
         return_to text NOT NULL,
         expires_at timestamptz NOT NULL
       )`,
    );
    await db.query(`CREATE INDEX oidc_attempts_by_expiry ON oidc_attempts (expires_at)`);
    // The one-time code the callback hands the browser in its fragment, exchanged once: for tokens, or for the
    // reason the sign-in was refused.
    await db.query(
      `CREATE TABLE oidc_handoffs (
         code_hash bytea PRIMARY KEY,
         user_id uuid REFERENCES users (id) ON DELETE CASCADE,
         refusal_status smallint,
         refusal text,
         -- The hash of the state cookie of the browser that came back: only that browser may exchange the code, so
         -- nobody can sign a victim in as themselves by sending them a link with their own code.
         browser_hash bytea,
         expires_at timestamptz NOT NULL,
         CHECK ((user_id IS NULL) <> (refusal IS NULL))
       )`,
    );
    await db.query(`CREATE INDEX oidc_handoffs_by_expiry ON oidc_handoffs (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'oidc_handoffs',
      'oidc_attempts',
      'oidc_identities',
      'mfa_challenges',
      'recovery_codes',
      'two_factor',
      'sign_ins',
    ])
      await db.query(`DROP TABLE ${table}`);
    await db.query(`UPDATE users SET password_hash = '' WHERE password_hash IS NULL`);
    await db.query(`ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL`);
    await db.query(
      `ALTER TABLE auth_sessions DROP COLUMN last_used_at, DROP COLUMN method, DROP COLUMN user_agent, DROP COLUMN address`,
    );
  }
}
