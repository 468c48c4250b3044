import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import type { ListTasksQuery } from '../../src/tasks/dto/list-tasks.query';
import { TaskListRepository, TaskListScope } from '../../src/tasks/task-list.repository';
import { FIRST_OPEN_STATE, mediumFactories, MediumModule, startMediumModule } from '../support/medium';

/**
 * The task list's own statements, explained on a 10,000-task project and 20 more of 500: `q` and `search` must reach
 * their rows through the index built for them (trigram, full text), not by reading the project, and a list across
 * projects must pick its page from each project's index before it reads a row.
 */
describe('list plans on a 10,000-task project and 20 smaller ones', () => {
  let medium: MediumModule;
  let db: DataSource;
  let lists: TaskListRepository;
  let projectId: string;
  let viewerId: string;
  let kindFieldId: string;
  let estimateFieldId: string;
  const KIND_OPTIONS = [
    { id: '5a1e0000-0000-4000-8000-000000000001', name: 'Rare', color: '#8b949e' },
    { id: '5a1e0000-0000-4000-8000-000000000002', name: 'Common', color: '#8b949e' },
  ];

  beforeAll(async () => {
    medium = await startMediumModule({ providers: [TaskListRepository] });
    db = medium.db;
    lists = medium.module.get(TaskListRepository);

    const { newUser, newProject } = mediumFactories(db);
    viewerId = await newUser();
    projectId = await newProject([[viewerId, 'owner']], 'Big');
    // Ten of the 10,000 mention a webinar; the rest share a few common words.
    await db.query(
      `INSERT INTO tasks (project_id, title, description, priority, created_by, position, state_id)
       SELECT $1, CASE WHEN n % 1000 = 0 THEN 'Plan the webinar ' || n ELSE 'Review the report ' || n END,
              CASE WHEN n % 3 = 0 THEN 'Notes on the budget for task ' || n END, n % 10, $2, task_position_key(n),
              (${FIRST_OPEN_STATE})
         FROM generate_series(1, 10000) AS n`,
      [projectId, viewerId],
    );
    // Twenty more projects of 500 tasks, a fifth overdue.
    const small = await Promise.all(
      Array.from({ length: 20 }, (_, n) => newProject([[viewerId, 'member']], `Small ${n + 1}`)),
    );
    await db.query(
      `INSERT INTO tasks (project_id, title, status, priority, due_date, created_by, position, state_id)
       SELECT small.id, 'Small task ' || n, s.status, n % 10, CASE WHEN n % 5 = 0 THEN current_date - n END, $1,
              task_position_key(n),
              (SELECT ws.id FROM workflow_states ws
                WHERE ws.project_id = small.id AND ws.category = CASE s.status WHEN 'completed' THEN 'completed'
                                                                                 ELSE 'unstarted' END)
         FROM unnest($2::uuid[]) AS small (id) CROSS JOIN generate_series(1, 500) AS n
        CROSS JOIN LATERAL (SELECT CASE WHEN n % 3 = 0 THEN 'completed' ELSE 'pending' END AS status) AS s`,
      [viewerId, small],
    );
    // Two custom fields on every task of the big project: a select whose option "Rare" ten tasks have, and a number.
    [{ id: kindFieldId }] = await db.query<{ id: string }[]>(
      `INSERT INTO custom_fields (project_id, name, type, options, position)
       VALUES ($1, 'Kind', 'select', $2, 0) RETURNING id`,
      [projectId, JSON.stringify(KIND_OPTIONS)],
    );
    [{ id: estimateFieldId }] = await db.query<{ id: string }[]>(
      `INSERT INTO custom_fields (project_id, name, type, position) VALUES ($1, 'Estimate', 'number', 1) RETURNING id`,
      [projectId],
    );
    await db.query(
      `UPDATE tasks SET fields = jsonb_build_object(
         $2::text, CASE WHEN split_part(title, ' ', 1) = 'Plan' THEN $3 ELSE $4 END,
         $5::text, split_part(title, ' ', 4)::int % 100)
        WHERE project_id = $1`,
      [projectId, kindFieldId, KIND_OPTIONS[0].id, KIND_OPTIONS[1].id, estimateFieldId],
    );
    await db.query(`VACUUM ANALYZE`);
  });
  afterAll(async () => {
    await medium?.close();
  });

  /** The plan of the statement the list sent, read by running it again under EXPLAIN. */
  async function planOf(
    query: Omit<ListTasksQuery, 'limit'>,
    scope: TaskListScope = { kind: 'project', projectId, trash: false },
  ): Promise<{ plan: string; found: number }> {
    const sent = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    const page = await lists.list(scope, viewerId, {
      limit: 50,
      ...query,
    });
    const [sql, parameters] = sent.mock.calls.at(-1)!;
    sent.mockRestore();
    const rows = await db.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${sql}`, parameters);
    return { plan: rows.map((row) => row['QUERY PLAN']).join('\n'), found: page.items.length };
  }

  it('answers q from the trigram indexes', async () => {
    const { plan, found } = await planOf({ q: 'webinar' });
    expect(found).toBe(10);
    expect(plan).toContain('tasks_title_trigram');
    expect(plan).toContain('tasks_description_trigram');
  });

  it('answers search from the full-text index, ranked', async () => {
    const { plan, found } = await planOf({ search: 'webinars' });
    expect(found).toBe(10);
    expect(plan).toContain('tasks_search');
    expect(plan).not.toMatch(/Seq Scan on tasks/);
  });

  it('pages overdue tasks across projects by due date from the indexes alone, then reads only the page', async () => {
    const { plan, found } = await planOf(
      { status: ['pending'], due: 'overdue', sort: 'dueDate' },
      { kind: 'visible' },
    );
    expect(found).toBe(50);
    expect(plan).toContain('Index Only Scan using tasks_by_project_due_date');
    // Not every overdue task of every project through a bitmap, to be sorted after.
    expect(plan).not.toMatch(/Bitmap Index Scan on tasks_by_project|Seq Scan on tasks/);
  });

  it('walks the table-wide priority order for a text that half of the visible tasks match', async () => {
    const { plan, found } = await planOf({ q: 'report' }, { kind: 'visible' });
    expect(found).toBe(50);
    expect(plan).toContain('tasks_by_priority');
    expect(plan).not.toMatch(/Seq Scan on tasks/);
  });

  it('takes the trigram index for a rare text across projects', async () => {
    const { plan, found } = await planOf({ q: 'webinar' }, { kind: 'visible' });
    expect(found).toBe(10);
    expect(plan).toContain('tasks_title_trigram');
  });

  it('finds the tasks with a rare select option through the field index, not by reading the project', async () => {
    const { plan, found } = await planOf({ field: { [kindFieldId]: KIND_OPTIONS[0].id } });
    expect(found).toBe(10);
    expect(plan).toContain('task_field_values_text');
    expect(plan).not.toMatch(/Seq Scan on (tasks|task_field_values)/);
  });

  it('sorts by a number field by walking its index in order, and pages deep the same way', async () => {
    const first = await planOf({ sort: `field.${estimateFieldId}` });
    expect(first.found).toBe(50);
    expect(first.plan).toContain('task_field_values_number');
    // The page comes off the index in order: nothing sorts the project's 10,000 tasks by the field.
    expect(first.plan).not.toMatch(/Seq Scan on (tasks|task_field_values)|Sort Key: .*sf\./);
    const page = await lists.list({ kind: 'project', projectId, trash: false }, viewerId, {
      limit: 50,
      sort: `-field.${estimateFieldId}`,
    });
    const deeper = await planOf({ sort: `-field.${estimateFieldId}`, cursor: page.nextCursor! });
    expect(deeper.found).toBe(50);
    expect(deeper.plan).toContain('task_field_values_number');
    expect(deeper.plan).not.toMatch(/Seq Scan on (tasks|task_field_values)|Sort Key: .*sf\./);
  });
});
