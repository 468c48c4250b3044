import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTime1764633600000 implements MigrationInterface {
  name = 'CreateTime1764633600000';

  async up(db: QueryRunner): Promise<void> {
    // recurrence: { rule, from } as written; recurrence_done counts completed occurrences (for COUNT).
    await db.query(`
      ALTER TABLE tasks
        ADD COLUMN recurrence jsonb,
        ADD COLUMN recurrence_done integer NOT NULL DEFAULT 0,
        ADD COLUMN timezone text NOT NULL DEFAULT 'UTC',
        ADD COLUMN reminders jsonb NOT NULL DEFAULT '[]'`);
    // A task's dates are in its creator's time zone unless it says otherwise.
    await db.query(`UPDATE tasks t SET timezone = u.timezone FROM users u WHERE u.id = t.created_by`);
    // The next firing of each reminder of an open task: deleted when it fires, recomputed when the task's dates move.
    await db.query(`
      CREATE TABLE task_reminders (
        task_id uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
        position smallint NOT NULL,
        fire_at timestamptz NOT NULL,
        PRIMARY KEY (task_id, position)
      )`);
    await db.query(`CREATE INDEX task_reminders_due ON task_reminders (fire_at)`);
    // One secret feed per user; only the token's hash is kept, like every other credential.
    await db.query(`
      CREATE TABLE calendar_feeds (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE calendar_feeds`);
    await db.query(`DROP TABLE task_reminders`);
    await db.query(`ALTER TABLE tasks DROP COLUMN recurrence, DROP COLUMN recurrence_done, DROP COLUMN timezone,
                      DROP COLUMN reminders`);
  }
}
