import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWorkflowStates1765411200000 implements MigrationInterface {
  name = 'CreateWorkflowStates1765411200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE workflow_states (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
         name text NOT NULL,
         category text NOT NULL
           CHECK (category IN ('backlog', 'unstarted', 'started', 'completed', 'canceled')),
         color text NOT NULL,
         position integer NOT NULL,
         version integer NOT NULL DEFAULT 1,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    await db.query(`CREATE UNIQUE INDEX workflow_states_name ON workflow_states (project_id, lower(name))`);
    await db.query(`CREATE INDEX workflow_states_by_project ON workflow_states (project_id, position)`);
    // Every project, existing ones too, starts with the three columns its tasks' statuses were.
    await db.query(
      `INSERT INTO workflow_states (project_id, name, category, color, position)
       SELECT p.id, s.name, s.category, s.color, s.position
         FROM projects p
        CROSS JOIN (VALUES ('To do', 'unstarted', '#8b949e', 0),
                           ('In progress', 'started', '#d29922', 1),
                           ('Done', 'completed', '#3fb950', 2)) AS s (name, category, color, position)`,
    );
    await db.query(`ALTER TABLE tasks ADD COLUMN state_id uuid`);
    await db.query(
      `UPDATE tasks t SET state_id = s.id
         FROM workflow_states s
        WHERE s.project_id = t.project_id
          AND s.category = CASE t.status WHEN 'pending' THEN 'unstarted'
                                         WHEN 'in_progress' THEN 'started' ELSE 'completed' END`,
    );
    await db.query(`ALTER TABLE tasks ALTER COLUMN state_id SET NOT NULL`);
    // Not cascading: a state is deleted only once its tasks have moved to another (the delete's moveTo).
    await db.query(
      `ALTER TABLE tasks ADD CONSTRAINT tasks_state FOREIGN KEY (state_id) REFERENCES workflow_states (id)`,
    );
    // A board column and the stateId filter, and the check that a state about to be deleted holds no task.
    await db.query(`CREATE INDEX tasks_by_state ON tasks (state_id, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tasks DROP COLUMN state_id`);
    await db.query(`DROP TABLE workflow_states`);
  }
}
