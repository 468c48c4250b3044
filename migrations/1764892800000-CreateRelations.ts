import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRelations1764892800000 implements MigrationInterface {
  name = 'CreateRelations1764892800000';

  async up(db: QueryRunner): Promise<void> {
    // One row per related pair, stored one way round: "source blocks / relates to / duplicates target".
    await db.query(`
      CREATE TABLE task_relations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('blocks', 'relates_to', 'duplicates')),
        source_id uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
        target_id uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (source_id <> target_id)
      )`);
    await db.query(`
      CREATE UNIQUE INDEX task_relations_one_per_pair
        ON task_relations (LEAST(source_id, target_id), GREATEST(source_id, target_id))`);
    // Both directions are looked up: a task's relations, what blocks it, what it blocks.
    await db.query(`CREATE INDEX task_relations_by_source ON task_relations (source_id, kind)`);
    await db.query(`CREATE INDEX task_relations_by_target ON task_relations (target_id, kind)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE task_relations`);
  }
}
