import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateGithubRepositories1764374400000 implements MigrationInterface {
  name = 'CreateGithubRepositories1764374400000';

  async up(db: QueryRunner): Promise<void> {
    // One row per repository, shared by every task that links it. `key` is the lower-cased owner/name a task was
    // written with (GitHub names are case-insensitive); full_name is GitHub's own spelling once it has answered.
    await db.query(`
      CREATE TABLE github_repositories (
        key text PRIMARY KEY CHECK (key = lower(key)),
        full_name text NOT NULL,
        description text,
        stars integer CHECK (stars >= 0),
        html_url text,
        etag text,
        status text NOT NULL CHECK (status IN ('ok', 'pending', 'error')),
        fetched_at timestamptz(3),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        -- Held by the instance retrying the row, so several instances never retry one row at once.
        leased_until timestamptz
      )`);
    await db.query(
      `CREATE INDEX github_repositories_due ON github_repositories (next_attempt_at) WHERE status = 'pending'`,
    );
    await db.query(`ALTER TABLE tasks ADD COLUMN github_repo text REFERENCES github_repositories (key)`);
    await db.query(`CREATE INDEX tasks_by_github_repo ON tasks (github_repo) WHERE github_repo IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tasks DROP COLUMN github_repo`);
    await db.query(`DROP TABLE github_repositories`);
  }
}
