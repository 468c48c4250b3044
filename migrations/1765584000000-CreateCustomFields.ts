import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCustomFields1765584000000 implements MigrationInterface {
  name = 'CreateCustomFields1765584000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE custom_fields (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
         name text NOT NULL,
         type text NOT NULL
           CHECK (type IN ('text', 'number', 'date', 'checkbox', 'select', 'multi_select', 'user', 'url')),
         options jsonb NOT NULL DEFAULT '[]',
         position integer NOT NULL,
         version integer NOT NULL DEFAULT 1,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    await db.query(`CREATE UNIQUE INDEX custom_fields_name ON custom_fields (project_id, lower(name))`);
    // A constant default: adding the column rewrites no row, however many tasks there are.
    await db.query(`ALTER TABLE tasks ADD COLUMN fields jsonb NOT NULL DEFAULT '{}'`);
    // The values of tasks.fields in typed columns, one row per value (a multi-select has one per option), so a
    // filter or a sort by a field walks an index of that field instead of reading every task's document.
    await db.query(
      `CREATE TABLE task_field_values (
         task_id uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
         field_id uuid NOT NULL REFERENCES custom_fields (id) ON DELETE CASCADE,
         ordinal smallint NOT NULL,
         text_value text,
         number_value numeric,
         date_value date,
         PRIMARY KEY (task_id, field_id, ordinal)
       )`,
    );
    await db.query(
      `CREATE INDEX task_field_values_text ON task_field_values (field_id, text_value, task_id)
        WHERE text_value IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX task_field_values_number ON task_field_values (field_id, number_value, task_id)
        WHERE number_value IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX task_field_values_date ON task_field_values (field_id, date_value, task_id)
        WHERE date_value IS NOT NULL`,
    );
    // The database keeps the typed rows in step with the document: no write path (a task write, a field's
    // deletion, an import) can forget them. A select's number is its option's place, so it sorts in option order.
    await db.query(`
      CREATE FUNCTION index_task_fields() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM task_field_values WHERE task_id = NEW.id;
        INSERT INTO task_field_values (task_id, field_id, ordinal, text_value, number_value, date_value)
        SELECT NEW.id, f.id, e.ordinal - 1,
               CASE WHEN f.type IN ('text', 'url', 'user', 'select', 'multi_select') THEN e.value #>> '{}' END,
               CASE f.type
                 WHEN 'number' THEN (e.value #>> '{}')::numeric
                 WHEN 'checkbox' THEN CASE WHEN (e.value #>> '{}')::boolean THEN 1 ELSE 0 END
                 WHEN 'select' THEN (SELECT o.ordinal - 1 FROM jsonb_array_elements(f.options)
                                       WITH ORDINALITY AS o (option, ordinal)
                                      WHERE o.option ->> 'id' = e.value #>> '{}')
               END,
               CASE WHEN f.type = 'date' THEN (e.value #>> '{}')::date END
          FROM jsonb_each(NEW.fields) AS v (key, value)
          JOIN custom_fields f ON f.id::text = v.key AND f.project_id = NEW.project_id
         CROSS JOIN LATERAL jsonb_array_elements(
                 CASE WHEN jsonb_typeof(v.value) = 'array' THEN v.value ELSE jsonb_build_array(v.value) END)
               WITH ORDINALITY AS e (value, ordinal)
         WHERE jsonb_typeof(e.value) <> 'null';
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER tasks_index_fields_on_insert AFTER INSERT ON tasks
        FOR EACH ROW WHEN (NEW.fields <> '{}') EXECUTE FUNCTION index_task_fields()`);
    await db.query(`
      CREATE TRIGGER tasks_index_fields_on_update AFTER UPDATE OF fields, project_id ON tasks
        FOR EACH ROW WHEN (OLD.fields IS DISTINCT FROM NEW.fields OR OLD.project_id <> NEW.project_id)
        EXECUTE FUNCTION index_task_fields()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER tasks_index_fields_on_update ON tasks`);
    await db.query(`DROP TRIGGER tasks_index_fields_on_insert ON tasks`);
    await db.query(`DROP FUNCTION index_task_fields()`);
    await db.query(`DROP TABLE task_field_values`);
    await db.query(`ALTER TABLE tasks DROP COLUMN fields`);
    await db.query(`DROP TABLE custom_fields`);
  }
}
