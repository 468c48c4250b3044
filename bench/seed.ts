import { hash } from 'argon2';
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_STATES, STATUS_OF_CATEGORY } from '../src/workflow/workflow';

export const BENCH_PASSWORD = 'bench-password-123';
const USERS = 10_000;
const PROJECTS = 2_000;
const TASKS = 1_000_000;
const BIG_PROJECT_TASKS = 200_000;
const BUSY_USER_PROJECTS = 50;

/** The accounts and projects the scenarios act as and on. */
export interface BenchData {
  /** Owns the 200,000-task project. */
  bigOwnerEmail: string;
  bigProjectId: string;
  /** Belongs to the big project and 50 small ones (220,000 tasks) and has tasks shared with them. */
  busyUserEmail: string;
  /**
   * Where the write scenarios and the fan-out happen, owned by the big project's owner: apart from what the read
   * scenarios read, and emptied after each run, so runs measure the same data.
   */
  writesProjectId: string;
  /** The big project's select field "Kind", and its first option (a fifth of the project's tasks have it). */
  kindFieldId: string;
  kindOptionId: string;
}

/** Words titles are made of; a scenario searches for one of them. */
const WORDS = [
  'launch',
  'invoice',
  'design',
  'review',
  'deploy',
  'migrate',
  'budget',
  'hiring',
  'roadmap',
  'audit',
  'backup',
  'billing',
  'onboard',
  'refactor',
  'release',
  'support',
  'survey',
  'sprint',
  'vendor',
  'webinar',
];
export const SEARCH_WORD = 'webinar';

/** The bench data set with three custom fields set on every task, each part seeded once and reused after. */
export async function seedBenchData(db: DataSource, log: (line: string) => void): Promise<BenchData> {
  await seedTasksOnce(db, log);
  await seedFieldsOnce(db, log);
  return benchData(db);
}

/**
 * Seeds 10,000 users, 2,000 projects and 1,000,000 tasks with set-based SQL: one project of 200,000 tasks, a user in
 * the big project and 50 more, a fifth of the tasks overdue, some shared. Reuses the data set when it is already there.
 */
export async function seedTasksOnce(db: DataSource, log: (line: string) => void): Promise<void> {
  const [{ count }] = await db.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM tasks`);
  if (count >= TASKS) {
    log(`reusing the data set (${count.toLocaleString('en')} tasks)`);
    return;
  }
  const started = Date.now();
  log('seeding 10,000 users, 2,000 projects and 1,000,000 tasks…');
  const passwordHash = await hash(BENCH_PASSWORD);
  // One transaction, so the numbering tables (temporary, per session) are seen by every statement.
  await db.transaction((manager) => seedIn(manager, passwordHash));
  await db.query(`VACUUM ANALYZE`);
  log(`seeded in ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * Gives every bench project three custom fields (a select "Kind" of five options, a number "Estimate", a date
 * "Target") and every task a value of each, through the same trigger a task write goes through. Once.
 */
export async function seedFieldsOnce(db: DataSource, log: (line: string) => void): Promise<void> {
  const [{ count }] = await db.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM custom_fields f JOIN projects p ON p.id = f.project_id
      WHERE p.name = 'bench: big'`,
  );
  if (count > 0) return;
  const started = Date.now();
  log('setting three custom fields on every task…');
  await db.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO custom_fields (project_id, name, type, options, position)
       SELECT p.id, f.name, f.type,
              CASE WHEN f.type = 'select'
                   THEN (SELECT jsonb_agg(jsonb_build_object('id', gen_random_uuid(), 'name', 'Kind ' || k,
                                                             'color', '#8b949e') ORDER BY k)
                           FROM generate_series(1, 5) AS k)
                   ELSE '[]' END,
              f.position
         FROM projects p
        CROSS JOIN (VALUES ('Kind', 'select', 0), ('Estimate', 'number', 1), ('Target', 'date', 2))
                AS f (name, type, position)
        WHERE p.name LIKE 'bench%'`,
    );
    await manager.query(
      `UPDATE tasks t
          SET fields = jsonb_build_object(
                k.id::text, k.options -> (abs(hashtext(t.id::text)) % 5) ->> 'id',
                e.id::text, abs(hashtext(t.id::text)) % 21,
                d.id::text, to_char(date '2027-01-01' + abs(hashtext(t.id::text)) % 365, 'YYYY-MM-DD'))
         FROM custom_fields k, custom_fields e, custom_fields d
        WHERE k.project_id = t.project_id AND k.name = 'Kind'
          AND e.project_id = t.project_id AND e.name = 'Estimate'
          AND d.project_id = t.project_id AND d.name = 'Target'`,
    );
  });
  await db.query(`VACUUM ANALYZE`);
  log(`fields set in ${Math.round((Date.now() - started) / 1000)} s`);
}

async function seedIn(db: EntityManager, passwordHash: string): Promise<void> {
  await db.query(
    `INSERT INTO users (email, username, display_name, password_hash)
     SELECT 'bench' || n || '@example.com', 'bench' || n, 'Bench User ' || n, $1 FROM generate_series(1, $2) AS n`,
    [passwordHash, USERS],
  );
  await db.query(`CREATE TEMP TABLE bench_users ON COMMIT DROP AS
                  SELECT substring(email FROM 'bench(\\d+)@')::int AS un, id FROM users WHERE email LIKE 'bench%@example.com'`);
  await db.query(
    `INSERT INTO projects (name) SELECT CASE WHEN n = 1 THEN 'bench: big' ELSE 'bench project ' || n END
       FROM generate_series(1, $1) AS n`,
    [PROJECTS],
  );
  await db.query(`CREATE TEMP TABLE bench_projects ON COMMIT DROP AS
                  SELECT row_number() OVER (ORDER BY CASE WHEN name = 'bench: big' THEN 0 ELSE 1 END, id) AS pn, id
                    FROM projects WHERE name LIKE 'bench%'`);
  await seedStates(db, `SELECT id FROM bench_projects`);
  // Owners: user 1 owns the big project, the rest go round the users; four more members each; user 2 (the busy
  // user) is a member of the big project and of projects 2..51, so S3 and S4 read over 220,000 visible tasks.
  await db.query(
    `INSERT INTO project_members (project_id, user_id, role)
     SELECT p.id, u.id, 'owner' FROM bench_projects p JOIN bench_users u ON u.un = CASE WHEN p.pn = 1 THEN 1
                                                                              ELSE 3 + (p.pn * 7) % ($1 - 2) END`,
    [USERS],
  );
  await db.query(
    `INSERT INTO project_members (project_id, user_id, role)
     SELECT p.id, u.id, (ARRAY['admin', 'member', 'member', 'viewer'])[k]
       FROM bench_projects p CROSS JOIN generate_series(1, 4) AS k
       JOIN bench_users u ON u.un = 3 + (p.pn * 7 + k * 1013) % ($1 - 2)
     ON CONFLICT DO NOTHING`,
    [USERS],
  );
  await db.query(
    `INSERT INTO project_members (project_id, user_id, role)
     SELECT p.id, u.id, 'member' FROM bench_projects p JOIN bench_users u ON u.un = 2
      WHERE p.pn BETWEEN 1 AND $1 + 1
     ON CONFLICT DO NOTHING`,
    [BUSY_USER_PROJECTS],
  );
  // Tasks: the big project first, the rest spread evenly. 60 % pending, 20 % in progress, 20 % completed; a fifth
  // due in the past, a third in the future, the rest without a date; a third assigned to the project's owner.
  await db.query(
    `INSERT INTO tasks (project_id, title, description, status, priority, due_date, assignee_id, created_by,
                        created_at, updated_at, completed_at, position, state_id)
     SELECT p.id,
            initcap(w1) || ' the ' || w2 || ' ' || n,
            CASE WHEN n % 4 = 0 THEN 'Notes on ' || w2 || ' for task ' || n END,
            s.status, n % 10,
            CASE WHEN n % 5 = 0 THEN current_date - 1 - (n % 365)
                 WHEN n % 3 = 0 THEN current_date + 1 + (n % 180) END,
            CASE WHEN n % 3 = 0 THEN o.user_id END,
            o.user_id,
            now() - make_interval(mins => n % 525600), now() - make_interval(mins => n % 43200),
            CASE WHEN s.status = 'completed' THEN now() - make_interval(mins => n % 43200) END,
            task_position_key(n),
            (SELECT ws.id FROM workflow_states ws
              WHERE ws.project_id = p.id AND ws.category = ($5::jsonb) ->> s.status)
       FROM generate_series(1, $1) AS n
       CROSS JOIN LATERAL (SELECT CASE WHEN n <= $2 THEN 1 ELSE 2 + (n % ($3 - 1)) END AS project_n) AS pick
       JOIN bench_projects p ON p.pn = pick.project_n
       JOIN project_members o ON o.project_id = p.id AND o.role = 'owner'
       CROSS JOIN LATERAL (SELECT (ARRAY['pending','pending','pending','in_progress','completed'])[1 + n % 5] AS status,
                                  ($4::text[])[1 + n % 20] AS w1, ($4::text[])[1 + (n / 20) % 20] AS w2) AS s`,
    [TASKS, BIG_PROJECT_TASKS, PROJECTS, WORDS, JSON.stringify(CATEGORY_OF_STATUS)],
  );
  // 5,000 shares to users outside the task's project, 100 of them to the busy user.
  await db.query(
    `INSERT INTO task_shares (task_id, user_id, permission)
     SELECT t.id, u.id, CASE WHEN k % 2 = 0 THEN 'view' ELSE 'edit' END
       FROM (SELECT id, project_id, row_number() OVER () AS k FROM (SELECT id, project_id FROM tasks ORDER BY id LIMIT 5000) s) t
       JOIN bench_users u ON u.un = CASE WHEN k <= 100 THEN 2 ELSE 3 + (k * 31) % ($1 - 2) END
      WHERE NOT EXISTS (SELECT 1 FROM project_members m WHERE m.project_id = t.project_id AND m.user_id = u.id)
     ON CONFLICT DO NOTHING`,
    [USERS],
  );
}

/** Each default state's category, by the status its tasks are seeded with. */
const CATEGORY_OF_STATUS = Object.fromEntries(
  DEFAULT_STATES.map((state) => [STATUS_OF_CATEGORY[state.category], state.category]),
);

/** The default states, for projects the seed makes in SQL rather than through the service. */
async function seedStates(db: EntityManager | DataSource, projectIds: string): Promise<void> {
  await db.query(
    `INSERT INTO workflow_states (project_id, name, category, color, position)
     SELECT p.id, s.name, s.category, s.color, s.position - 1
       FROM (${projectIds}) AS p (id)
      CROSS JOIN unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS s (name, category, color, position)`,
    [
      DEFAULT_STATES.map((state) => state.name),
      DEFAULT_STATES.map((state) => state.category),
      DEFAULT_STATES.map((state) => state.color),
    ],
  );
}

async function benchData(db: DataSource): Promise<BenchData> {
  const [big] = await db.query<{ project_id: string; email: string }[]>(
    `SELECT p.id AS project_id, u.email FROM projects p
       JOIN project_members m ON m.project_id = p.id AND m.role = 'owner' JOIN users u ON u.id = m.user_id
      WHERE p.name = 'bench: big'`,
  );
  let [writes] = await db.query<{ id: string }[]>(`SELECT id FROM projects WHERE name = 'bench: writes'`);
  if (!writes) {
    [writes] = await db.query<{ id: string }[]>(
      `INSERT INTO projects (name) VALUES ('bench: writes') RETURNING id`,
    );
    await db.query(
      `INSERT INTO project_members (project_id, user_id, role)
       SELECT $1, id, 'owner' FROM users WHERE email = $2`,
      [writes.id, big.email],
    );
    await seedStates(db, `SELECT '${writes.id}'::uuid`);
  }
  const [kind] = await db.query<{ id: string; option_id: string }[]>(
    `SELECT id, options -> 0 ->> 'id' AS option_id FROM custom_fields WHERE project_id = $1 AND name = 'Kind'`,
    [big.project_id],
  );
  return {
    bigOwnerEmail: big.email,
    bigProjectId: big.project_id,
    busyUserEmail: 'bench2@example.com',
    writesProjectId: writes.id,
    kindFieldId: kind.id,
    kindOptionId: kind.option_id,
  };
}
