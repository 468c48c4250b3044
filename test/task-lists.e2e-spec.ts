import { createUser, TestUser } from './support/factories';
import { addMember, createProject, TestProject } from './support/projects';
import { createTask, shareTask } from './support/tasks';
import { api, startTestApp, TestApp } from './support/test-app';

interface Item {
  id: string;
  title: string;
  priority: number;
  dueDate: string | null;
  status: string;
  createdAt: string;
  updatedAt: string;
}

/** A calendar date `days` from today in UTC (the test users' timezone). */
function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('task lists: filters, sorting, keyset paging', () => {
  let t: TestApp;
  let owner: TestUser;
  let helper: TestUser;
  let project: TestProject;

  async function all(path: string, user: TestUser = owner, limit = 3): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const res: { body: { items: Item[]; nextCursor: string | null } } = await t.http
        .get(api(`${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`))
        .set('Authorization', user.bearer)
        .expect(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  }

  const titles = (items: Item[]) => items.map((item) => item.title);

  beforeAll(async () => {
    t = await startTestApp();
    [owner, helper] = await Promise.all([createUser(t), createUser(t)]);
    project = await createProject(t, owner);
    await addMember(t, project, owner, helper, 'member');
    const rows = [
      {
        title: 'bravo',
        priority: 2,
        dueDate: day(-2),
        status: 'pending',
        assigneeId: helper.id,
        description: 'needs REVIEW',
      },
      { title: 'Alpha', priority: 2, dueDate: null, status: 'in_progress' },
      { title: 'charlie', priority: 5, dueDate: day(0), status: 'completed' },
      { title: 'delta', priority: 1, dueDate: day(3), status: 'pending', assigneeId: owner.id },
      { title: 'echo 100%_done', priority: 2, dueDate: null, status: 'pending' },
      { title: 'foxtrot', priority: 0, dueDate: day(-5), status: 'completed' },
      { title: 'golf', priority: 2, dueDate: day(-1), status: 'in_progress' },
    ];
    for (const row of rows) await createTask(t, project, owner, row);
  });
  afterAll(() => t.close());

  const byPriorityDesc = (items: Item[]) =>
    [...items].sort((a, b) => b.priority - a.priority || (a.id < b.id ? 1 : -1)).map((item) => item.title);

  it('sorts by -priority by default with ties broken by id in the same direction, across pages', async () => {
    const items = await all(`/projects/${project.id}/tasks`);
    expect(items).toHaveLength(7);
    expect(titles(items)).toEqual(byPriorityDesc(items));
    const ascending = await all(`/projects/${project.id}/tasks?sort=priority`, owner, 2);
    expect(titles(ascending)).toEqual(byPriorityDesc(items).reverse());
  });

  it('answers a page no-store with no ETag, which only a task itself carries', async () => {
    const page = await t.as(owner).get(`/projects/${project.id}/tasks`).expect(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers.etag).toBeUndefined();
    const task = await t
      .as(owner)
      .get(`/tasks/${(page.body as { items: Item[] }).items[0].id}`)
      .expect(200);
    expect(task.headers.etag).toMatch(/^"\d+/);
  });

  it.each([
    ['title', ['Alpha', 'bravo', 'charlie', 'delta', 'echo 100%_done', 'foxtrot', 'golf']],
    ['-title', ['golf', 'foxtrot', 'echo 100%_done', 'delta', 'charlie', 'bravo', 'Alpha']],
    ['dueDate', ['foxtrot', 'bravo', 'golf', 'charlie', 'delta', '(null)', '(null)']],
    ['-dueDate', ['delta', 'charlie', 'golf', 'bravo', 'foxtrot', '(null)', '(null)']],
  ])('sorts by %s (tasks without a due date last either way)', async (sort, expected) => {
    for (const limit of [1, 2, 3, 50]) {
      const items = await all(`/projects/${project.id}/tasks?sort=${sort}`, owner, limit);
      expect(
        items.map((item) => (item.dueDate === null && sort.includes('dueDate') ? '(null)' : item.title)),
      ).toEqual(expected);
    }
    const undated = (await all(`/projects/${project.id}/tasks?sort=${sort}`)).filter(
      (item) => item.dueDate === null,
    );
    if (sort.includes('dueDate')) {
      const ids = undated.map((item) => item.id);
      expect(ids).toEqual(
        [...ids].sort((a, b) => (sort.startsWith('-') ? (a < b ? 1 : -1) : a < b ? -1 : 1)),
      );
    }
  });

  it('sorts by status in workflow order, and by creation and update time', async () => {
    const byStatus = await all(`/projects/${project.id}/tasks?sort=status`, owner, 2);
    const rank = { pending: 0, in_progress: 1, completed: 2 } as Record<string, number>;
    expect(byStatus.map((item) => rank[item.status])).toEqual([0, 0, 0, 1, 1, 2, 2]);
    const created = await all(`/projects/${project.id}/tasks?sort=-createdAt`, owner, 2);
    expect(created.map((item) => item.createdAt)).toEqual(
      [...created.map((item) => item.createdAt)].sort().reverse(),
    );
    const updated = await all(`/projects/${project.id}/tasks?sort=updatedAt`, owner, 2);
    expect(updated.map((item) => item.updatedAt)).toEqual([...updated.map((item) => item.updatedAt)].sort());
  });

  it.each([
    ['status=pending,in_progress', ['Alpha', 'bravo', 'delta', 'echo 100%_done', 'golf']],
    ['completed=true', ['charlie', 'foxtrot']],
    ['completed=false', ['Alpha', 'bravo', 'delta', 'echo 100%_done', 'golf']],
    ['due=overdue', ['bravo', 'golf']],
    ['due=today', ['charlie']],
    ['due=future', ['delta']],
    ['due=none', ['Alpha', 'echo 100%_done']],
    [`dueFrom=${day(-2)}&dueTo=${day(0)}`, ['bravo', 'charlie', 'golf']],
    ['assigneeId=me', ['delta']],
    ['assigneeId=none', ['Alpha', 'charlie', 'echo 100%_done', 'foxtrot', 'golf']],
    ['q=review', ['bravo']],
    ['q=ALPH', ['Alpha']],
    ['q=100%25_', ['echo 100%_done']],
    ['q=%25', ['echo 100%_done']],
  ])('filters %s', async (filter, expected) => {
    const items = await all(`/projects/${project.id}/tasks?${filter}&sort=title`);
    expect(titles(items)).toEqual(expected);
  });

  it('filters by another assignee and by updatedSince', async () => {
    expect(titles(await all(`/projects/${project.id}/tasks?assigneeId=${helper.id}`))).toEqual(['bravo']);
    const before = new Date(Date.now() - 1000).toISOString();
    const [target] = await all(`/projects/${project.id}/tasks?q=foxtrot`);
    await t.as(owner).patch(`/tasks/${target.id}`).send({ description: 'touched' }).expect(200);
    const recent = await all(`/projects/${project.id}/tasks?updatedSince=${encodeURIComponent(before)}`);
    expect(titles(recent)).toContain('foxtrot');
    const future = await all(
      `/projects/${project.id}/tasks?updatedSince=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    );
    expect(future).toEqual([]);
  });

  it('reads ?completed=false as false, not as a truthy string', async () => {
    const items = await all(`/projects/${project.id}/tasks?completed=false`);
    expect(items.every((item) => item.status !== 'completed')).toBe(true);
  });

  it('answers 400 for unknown sorts, bad values and malformed or foreign cursors', async () => {
    const base = `/projects/${project.id}/tasks`;
    for (const query of [
      'sort=colour',
      'sort=--priority',
      'status=done',
      'completed=yes',
      'due=soon',
      'dueFrom=2026-13-01',
      'assigneeId=someone',
      'updatedSince=yesterday',
      'limit=0',
      'limit=201',
      'cursor=garbage',
      'deleted=maybe',
    ]) {
      const res = await t.as(owner).get(`${base}?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
    }
    const page = await t.as(owner).get(`${base}?limit=2&sort=title`).expect(200);
    await t.as(owner).get(`${base}?limit=2&sort=-title&cursor=${page.body.nextCursor}`).expect(400);
    await t.as(owner).get(`${base}?limit=2&sort=title&q=a&cursor=${page.body.nextCursor}`).expect(400);
    await t.as(owner).get(`/tasks?limit=2&sort=title&cursor=${page.body.nextCursor}`).expect(400);
  });

  it('neither repeats nor loses rows when tasks are inserted between pages', async () => {
    const own = await createProject(t, owner, 'Stability');
    for (let index = 0; index < 6; index += 1)
      await createTask(t, own, owner, { title: `row ${index}`, priority: index });
    const seen: string[] = [];
    let res = await t.as(owner).get(`/projects/${own.id}/tasks?limit=2`).expect(200);
    seen.push(...res.body.items.map((item: Item) => item.title));
    // Inserted on both sides of the position already read: before it (high priority) and after it (low).
    await createTask(t, own, owner, { title: 'late high', priority: 100 });
    await createTask(t, own, owner, { title: 'late low', priority: -1 });
    while (res.body.nextCursor) {
      res = await t
        .as(owner)
        .get(`/projects/${own.id}/tasks?limit=2&cursor=${res.body.nextCursor}`)
        .expect(200);
      seen.push(...res.body.items.map((item: Item) => item.title));
    }
    expect(seen).toEqual(['row 5', 'row 4', 'row 3', 'row 2', 'row 1', 'row 0', 'late low']);
  });

  it('lists on /tasks everything the caller sees, across projects, filterable by project', async () => {
    const second = await createProject(t, helper, 'Helper project');
    await createTask(t, second, helper, { title: 'helper own', priority: 50 });
    const helperItems = await all('/tasks?sort=title', helper);
    expect(titles(helperItems)).toEqual([
      'Alpha',
      'bravo',
      'charlie',
      'delta',
      'echo 100%_done',
      'foxtrot',
      'golf',
      'helper own',
    ]);
    expect(titles(await all(`/tasks?projectId=${second.id}`, helper))).toEqual(['helper own']);
    expect(titles(await all(`/tasks?projectId=${second.id}`, owner))).toEqual([]);
  });

  describe('across projects and shares', () => {
    let viewer: TestUser;
    let outsider: TestUser;
    let joined: TestProject;
    let sharedFromTheirs: { id: string };

    beforeAll(async () => {
      outsider = await createUser(t);
      viewer = await createUser(t);
      const mine = await createProject(t, viewer, 'Viewer project');
      joined = await createProject(t, outsider, 'Joined project');
      const theirs = await createProject(t, outsider, 'Outsider project');
      await addMember(t, joined, outsider, viewer, 'viewer');
      // Ties on every key, tasks without a due date, and shares: some from a project the viewer cannot see, one of a
      // task they already see through their membership.
      const fields = (n: number) => ({
        title: `Task ${'abcdef'[n % 6]}${n}`,
        priority: n % 3,
        dueDate: n % 4 === 0 ? null : day((n % 5) - 2),
        status: ['pending', 'in_progress', 'completed'][n % 3],
      });
      for (let n = 0; n < 9; n++) await createTask(t, mine, viewer, fields(n));
      for (let n = 10; n < 15; n++) await createTask(t, joined, outsider, fields(n));
      for (let n = 20; n < 26; n++) {
        const task = await createTask(t, theirs, outsider, fields(n));
        if (n % 2 === 0) await shareTask(t, task, outsider, viewer, 'view');
        sharedFromTheirs ??= task;
      }
      const seen = await createTask(t, joined, outsider, fields(30));
      await shareTask(t, seen, outsider, viewer, 'edit');
    });

    const sorts = [
      '-priority',
      'priority',
      'dueDate',
      '-dueDate',
      'title',
      '-title',
      'status',
      '-createdAt',
      'updatedAt',
      'position',
      '-position',
    ];
    const filters = ['', 'status=pending', 'completed=false', 'due=overdue', 'due=none', 'projectId=JOINED'];

    it.each(sorts)('pages sort=%s as the plain plan lists it, under every filter', async (sort) => {
      expect(await all('/tasks', viewer, 100)).toHaveLength(9 + 6 + 3);
      for (const filter of filters.map((f) => f.replace('JOINED', joined.id))) {
        const query = `sort=${sort}${filter ? `&${filter}` : ''}`;
        const merged = await all(`/tasks?${query}`, viewer, 2);
        expect(new Set(merged.map((item) => item.id)).size).toBe(merged.length);
        // Every title has "task" in it, so this `q` filters nothing and leaves the list to the plain plan.
        const plain = await all(`/tasks?${query}&q=task`, viewer, 100);
        expect(merged.map((item) => item.id)).toEqual(plain.map((item) => item.id));
      }
    });

    it('drops a project and a share from both plans as soon as they are taken away', async () => {
      const listed = async (query: string) =>
        (await all(`/tasks?${query}`, viewer, 100)).map((item) => item.id);
      await t.as(outsider).delete(`/projects/${joined.id}/members/${viewer.id}`).expect(204);
      await t.as(outsider).delete(`/tasks/${sharedFromTheirs.id}/shares/${viewer.id}`).expect(204);
      // What is left: their own nine, two shares from the outsider's project, and the joined task shared one by one.
      for (const query of ['sort=title', 'sort=title&q=task']) {
        const ids = await listed(query);
        expect(ids).toHaveLength(9 + 2 + 1);
        expect(ids).not.toContain(sharedFromTheirs.id);
      }
      expect(await listed(`projectId=${joined.id}`)).toHaveLength(1);
    });
  });
});
