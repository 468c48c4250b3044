import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import type { ListTasksQuery } from '../../src/tasks/dto/list-tasks.query';
import { TaskListRepository, TaskListScope } from '../../src/tasks/task-list.repository';
import { mediumFactories, MediumModule, startMediumModule } from '../support/medium';

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

  beforeAll(async () => {
    medium = await startMediumModule({ providers: [TaskListRepository] });
    db = medium.db;
    lists = medium.module.get(TaskListRepository);

    const { newUser, newProject } = mediumFactories(db);
    viewerId = await newUser();
    projectId = await newProject([[viewerId, 'owner']], 'Big');
    // Ten of the 10,000 mention a webinar; the rest share a few common words.
    await db.query(
      `INSERT INTO tasks (project_id, title, description, priority, created_by, position)
       SELECT $1, CASE WHEN n % 1000 = 0 THEN 'Plan the webinar ' || n ELSE 'Review the report ' || n END,
              CASE WHEN n % 3 = 0 THEN 'Notes on the budget for task ' || n END, n % 10, $2, task_position_key(n)
         FROM generate_series(1, 10000) AS n`,
      [projectId, viewerId],
    );
    // Twenty more projects of 500 tasks, a fifth overdue.
    await db.query(
      `WITH small AS (
         INSERT INTO projects (name) SELECT 'Small ' || n FROM generate_series(1, 20) AS n RETURNING id),
       joined AS (INSERT INTO project_members (project_id, user_id, role) SELECT id, $1, 'member' FROM small)
       INSERT INTO tasks (project_id, title, status, priority, due_date, created_by, position)
       SELECT small.id, 'Small task ' || n, CASE WHEN n % 3 = 0 THEN 'completed' ELSE 'pending' END, n % 10,
              CASE WHEN n % 5 = 0 THEN current_date - n END, $1, task_position_key(n)
         FROM small CROSS JOIN generate_series(1, 500) AS n`,
      [viewerId],
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
});
