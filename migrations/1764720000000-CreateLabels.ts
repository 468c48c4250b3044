import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateLabels1764720000000 implements MigrationInterface {
  name = 'CreateLabels1764720000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE labels (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
        color text NOT NULL CHECK (color ~ '^#[0-9a-f]{6}$'),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // Names are unique per project whatever their case; the index also serves the project's list, in name order.
    await db.query(`CREATE UNIQUE INDEX labels_name_per_project ON labels (project_id, lower(name))`);
    await db.query(`
      CREATE TABLE task_labels (
        task_id uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
        label_id uuid NOT NULL REFERENCES labels (id) ON DELETE CASCADE,
        PRIMARY KEY (task_id, label_id)
      )`);
    // The label filter and a label's deletion look tasks up by label.
    await db.query(`CREATE INDEX task_labels_by_label ON task_labels (label_id, task_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE task_labels`);
    await db.query(`DROP TABLE labels`);
  }
}
