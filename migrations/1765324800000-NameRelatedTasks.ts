import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NameRelatedTasks1765324800000 implements MigrationInterface {
  name = 'NameRelatedTasks1765324800000';

  async up(db: QueryRunner): Promise<void> {
    // A record that names a second task (a relation's other end) is shown only to those who may read that task
    // too: its socket event, webhook body, history entry and change-feed item alike. Nothing else names one yet.
    await db.query(`ALTER TABLE activity ADD COLUMN related_task_id uuid`);
    await db.query(
      `UPDATE activity SET related_task_id = (resource -> 'task' ->> 'id')::uuid
        WHERE event IN ('relation.created', 'relation.deleted') AND resource -> 'task' ->> 'id' IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE activity DROP COLUMN related_task_id`);
  }
}
