import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSubtasks1764806400000 implements MigrationInterface {
  name = 'CreateSubtasks1764806400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tasks ADD COLUMN parent_id uuid REFERENCES tasks (id) ON DELETE SET NULL`);
    // Children by parent: the subtask counts of every answer, the parentId filter and subtree walks.
    await db.query(`CREATE INDEX tasks_by_parent ON tasks (parent_id) WHERE parent_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tasks DROP COLUMN parent_id`);
  }
}
