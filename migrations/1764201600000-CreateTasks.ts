import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The task list's sort keys, each with an index `tasks_by_project_<name>` on (project_id, key, id). */
export const TASK_SORT_INDEXES = [
  ['priority', 'priority'],
  ['due_date', 'due_date'],
  ['status', 'status_rank'],
  ['created_at', 'created_at'],
  ['updated_at', 'updated_at'],
  ['title', 'lower(title)'],
] as const;

export class CreateTasks1764201600000 implements MigrationInterface {
  name = 'CreateTasks1764201600000';

  async up(db: QueryRunner): Promise<void> {
    // A user's Inbox is an ordinary project marked with its user; the unique key makes it once under any race.
    await db.query(
      `ALTER TABLE projects ADD COLUMN inbox_of uuid UNIQUE REFERENCES users (id) ON DELETE CASCADE`,
    );

    await db.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 500),
        description text CHECK (char_length(description) <= 20000),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'in_progress', 'completed')),
        -- Workflow order for sorting: pending < in_progress < completed.
        status_rank smallint GENERATED ALWAYS AS (
          CASE status WHEN 'pending' THEN 0 WHEN 'in_progress' THEN 1 ELSE 2 END) STORED,
        priority integer NOT NULL DEFAULT 0,
        due_date date,
        assignee_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        completed_at timestamptz(3),
        deleted_at timestamptz(3),
        version integer NOT NULL DEFAULT 1
      )`);
    // One index per sort key, on live rows, ending in id so every order is total and keyset seeks are index
    // conditions; read backwards for descending sorts.
    for (const [name, key] of TASK_SORT_INDEXES) {
      await db.query(
        `CREATE INDEX tasks_by_project_${name} ON tasks (project_id, ${key}, id) WHERE deleted_at IS NULL`,
      );
    }
    // The tail of a due-date sort (tasks without one) pages by id alone.
    await db.query(
      `CREATE INDEX tasks_by_project_no_due_date ON tasks (project_id, id) WHERE deleted_at IS NULL AND due_date IS NULL`,
    );
    await db.query(
      `CREATE INDEX tasks_trash ON tasks (project_id, deleted_at DESC, id DESC) WHERE deleted_at IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX tasks_by_assignee ON tasks (assignee_id, project_id) WHERE deleted_at IS NULL`,
    );

    await db.query(`
      CREATE TABLE task_shares (
        task_id uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        permission text NOT NULL CHECK (permission IN ('view', 'edit')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (task_id, user_id)
      )`);
    await db.query(`CREATE INDEX task_shares_by_user ON task_shares (user_id, task_id)`);

    // Idempotent creates: one row per caller and key; a null response means the first request is still running.
    await db.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        key text NOT NULL,
        request_hash bytea NOT NULL,
        response_status integer,
        response_body jsonb,
        response_location text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE idempotency_keys`);
    await db.query(`DROP TABLE task_shares`);
    await db.query(`DROP TABLE tasks`);
    await db.query(`ALTER TABLE projects DROP COLUMN inbox_of`);
  }
}
