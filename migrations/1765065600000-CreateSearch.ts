import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSearch1765065600000 implements MigrationInterface {
  name = 'CreateSearch1765065600000';

  async up(db: QueryRunner): Promise<void> {
    // The embedded server loads pg_trgm as a PGlite contrib extension; a real server has it from its contrib package.
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // `q` is a case-insensitive substring of title or description: ILIKE '%…%' answered by trigram indexes.
    await db.query(
      `CREATE INDEX tasks_title_trigram ON tasks USING gin (title gin_trgm_ops) WHERE deleted_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX tasks_description_trigram ON tasks USING gin (description gin_trgm_ops)
        WHERE deleted_at IS NULL`,
    );
    // `search` is full text: stemmed English words, the title weighted above the description.
    await db.query(`
      ALTER TABLE tasks ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') ||
        setweight(to_tsvector('english', coalesce(description, '')), 'B')) STORED`);
    await db.query(`CREATE INDEX tasks_search ON tasks USING gin (search_vector) WHERE deleted_at IS NULL`);
    await db.query(
      `CREATE INDEX comments_search ON comments USING gin (to_tsvector('english', body)) WHERE deleted_at IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX comments_search`);
    await db.query(`ALTER TABLE tasks DROP COLUMN search_vector`);
    await db.query(`DROP INDEX tasks_description_trigram`);
    await db.query(`DROP INDEX tasks_title_trigram`);
  }
}
