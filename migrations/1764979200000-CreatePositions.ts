import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePositions1764979200000 implements MigrationInterface {
  name = 'CreatePositions1764979200000';

  async up(db: QueryRunner): Promise<void> {
    // Fractional-indexing keys are base-62 digits compared byte by byte, hence the "C" collation.
    // position_generation counts the project's respacings a task went through: a cursor names the generation its
    // key came from, so a reader paging across a respacing seeks from where its last task is now.
    await db.query(`
      ALTER TABLE tasks ADD COLUMN position text COLLATE "C",
                        ADD COLUMN position_generation integer NOT NULL DEFAULT 0`);
    // Existing tasks keep the order they were created in: "d" and four base-62 digits is an integer key of the
    // fractional-indexing alphabet (14.7 million per project).
    await db.query(`
      CREATE FUNCTION task_position_key(n bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT 'd' || string_agg(substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
                                        (n / (ARRAY[238328, 3844, 62, 1])[k] % 62)::int + 1, 1), '' ORDER BY k)
          FROM generate_series(1, 4) AS k
      $$`);
    await db.query(`
      UPDATE tasks t SET position = task_position_key(o.n)
        FROM (SELECT id, row_number() OVER (PARTITION BY project_id ORDER BY created_at, id) - 1 AS n FROM tasks) o
       WHERE o.id = t.id`);
    await db.query(`ALTER TABLE tasks ALTER COLUMN position SET NOT NULL`);
    // Deferrable so a respacing can rewrite a whole project's keys in one statement; immediate for everything else.
    await db.query(`
      ALTER TABLE tasks ADD CONSTRAINT tasks_position_unique UNIQUE (project_id, position)
        DEFERRABLE INITIALLY IMMEDIATE`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tasks DROP COLUMN position, DROP COLUMN position_generation`);
    await db.query(`DROP FUNCTION task_position_key(bigint)`);
  }
}
