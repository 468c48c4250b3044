import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateViews1765497600000 implements MigrationInterface {
  name = 'CreateViews1765497600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE views (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
         owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
         name text NOT NULL,
         query text NOT NULL,
         layout text NOT NULL CHECK (layout IN ('board', 'list')),
         shared boolean NOT NULL,
         version integer NOT NULL DEFAULT 1,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    // A project's views as one person lists them: the shared ones and their own.
    await db.query(`CREATE INDEX views_by_project ON views (project_id, owner_id)`);
    await db.query(`CREATE INDEX views_by_owner ON views (owner_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE views`);
  }
}
