import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateImports1765670400000 implements MigrationInterface {
  name = 'CreateImports1765670400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE imports (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
         source text NOT NULL CHECK (source IN ('taskforge', 'trello', 'todoist', 'csv')),
         status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
         filename text NOT NULL,
         storage_key text NOT NULL,
         size bigint NOT NULL,
         -- The project being built: nobody is its member until the import is done, and a failure deletes it.
         project_id uuid REFERENCES projects (id) ON DELETE SET NULL,
         counts jsonb NOT NULL DEFAULT '{}',
         problems jsonb NOT NULL DEFAULT '[]',
         progress jsonb NOT NULL DEFAULT '{}',
         attempts integer NOT NULL DEFAULT 0,
         leased_until timestamptz,
         created_at timestamptz(3) NOT NULL DEFAULT now(),
         updated_at timestamptz(3) NOT NULL DEFAULT now(),
         finished_at timestamptz(3)
       )`,
    );
    // The runner's queue: what is waiting or was running when its instance stopped.
    await db.query(
      `CREATE INDEX imports_unfinished ON imports (created_at) WHERE status IN ('queued', 'running')`,
    );
    await db.query(`CREATE INDEX imports_by_user ON imports (user_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE imports`);
  }
}
