import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateActivity1764288000000 implements MigrationInterface {
  name = 'CreateActivity1764288000000';

  async up(db: QueryRunner): Promise<void> {
    // `seq` is drawn only while the writer holds the activity advisory lock (see record-activity.ts), so it follows
    // commit order; a sequence rather than bigserial because the default must not draw a number before the lock.
    await db.query(`CREATE SEQUENCE activity_seq AS bigint`);
    // No foreign keys: the log outlives what it describes (a deleted project keeps its "project.deleted" record).
    await db.query(`
      CREATE TABLE activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint NOT NULL,
        event text NOT NULL,
        project_id uuid NOT NULL,
        -- The project a moved task left: its members learn the task is gone.
        from_project_id uuid,
        task_id uuid,
        -- The member or share recipient a member/share event is about.
        user_id uuid,
        -- Null for changes the service makes itself (GitHub enrichment completing).
        actor_id uuid,
        changes jsonb NOT NULL,
        version integer,
        -- The task or project as the API returned it right after the change: the payload of events and webhooks.
        resource jsonb,
        -- Users told of a change that took the project or task away from them (removal, unshare, project deletion).
        audience uuid[],
        occurred_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX activity_by_seq ON activity (seq)`);
    await db.query(`CREATE INDEX activity_by_project ON activity (project_id, seq)`);
    await db.query(
      `CREATE INDEX activity_by_from_project ON activity (from_project_id, seq) WHERE from_project_id IS NOT NULL`,
    );
    await db.query(`CREATE INDEX activity_by_task ON activity (task_id, seq) WHERE task_id IS NOT NULL`);
    await db.query(
      `CREATE INDEX activity_by_audience ON activity USING gin (audience) WHERE audience IS NOT NULL`,
    );
    // Everything at or below pruned_through has been deleted; a feed reader behind it must resync.
    await db.query(`
      CREATE TABLE activity_retention (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        pruned_through bigint NOT NULL DEFAULT 0
      )`);
    await db.query(`INSERT INTO activity_retention DEFAULT VALUES`);
    // How far each durable outbox consumer has handed records on; the row lock makes one instance work at a time.
    await db.query(`
      CREATE TABLE outbox_positions (
        consumer text PRIMARY KEY,
        position bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE outbox_positions`);
    await db.query(`DROP TABLE activity_retention`);
    await db.query(`DROP TABLE activity`);
    await db.query(`DROP SEQUENCE activity_seq`);
  }
}
