import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateProjects1764115200000 implements MigrationInterface {
  name = 'CreateProjects1764115200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE projects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        description text,
        version integer NOT NULL DEFAULT 1,
        -- Millisecond precision, as JSON carries it: a timestamp read back from a cursor then compares exactly.
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE project_members (
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (project_id, user_id)
      )`);
    // Exactly one owner per project, held by the database and not only by code.
    await db.query(
      `CREATE UNIQUE INDEX project_members_one_owner ON project_members (project_id) WHERE role = 'owner'`,
    );
    // Access checks and "my projects" lists start from the user; the primary key serves the project side.
    await db.query(
      `CREATE INDEX project_members_by_user ON project_members (user_id, project_id) INCLUDE (role)`,
    );
    await db.query(`CREATE INDEX projects_newest_first ON projects (created_at DESC, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE project_members`);
    await db.query(`DROP TABLE projects`);
  }
}
