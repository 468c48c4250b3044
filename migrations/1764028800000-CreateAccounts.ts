import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAccounts1764028800000 implements MigrationInterface {
  name = 'CreateAccounts1764028800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        username text,
        display_name text,
        password_hash text NOT NULL,
        role text NOT NULL DEFAULT 'user' CHECK (role IN ('admin', 'user')),
        timezone text NOT NULL DEFAULT 'UTC',
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Uniqueness is case-insensitive; lookups use the same lower() expressions.
    await db.query(`CREATE UNIQUE INDEX users_email_unique ON users (lower(email))`);
    await db.query(`CREATE UNIQUE INDEX users_username_unique ON users (lower(username))`);
    await db.query(`CREATE INDEX users_directory_search ON users (lower(username) text_pattern_ops)`);

    // A session is one login: its refresh tokens form a family that is revoked together on reuse or logout.
    await db.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX auth_sessions_by_user ON auth_sessions (user_id) WHERE revoked_at IS NULL`);

    await db.query(`
      CREATE TABLE refresh_tokens (
        token_hash bytea PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES auth_sessions (id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX refresh_tokens_by_session ON refresh_tokens (session_id)`);

    await db.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name text NOT NULL,
        prefix text NOT NULL,
        key_hash bytea NOT NULL UNIQUE,
        scopes text[],
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX api_keys_by_user ON api_keys (user_id, created_at) WHERE revoked_at IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE api_keys`);
    await db.query(`DROP TABLE refresh_tokens`);
    await db.query(`DROP TABLE auth_sessions`);
    await db.query(`DROP TABLE users`);
  }
}
