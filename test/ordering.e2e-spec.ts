import { readActivity, readChanges } from './support/activity';
import { TestUser } from './support/factories';
import { createProject, createTeam, TestProject } from './support/projects';
import { createTask, TestTask } from './support/tasks';
import { api, startTestApp, TestApp } from './support/test-app';
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

interface Listed {
  id: string;
  position: string;
  status: string;
}

describe('manual order', () => {
  let t: TestApp;
  let owner: TestUser;
  let member: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;

  const move = (task: { id: string }, body: Record<string, unknown>, by = member) =>
    t.as(by).post(`/tasks/${task.id}/move`).send(body);
  const ordered = async (project: TestProject, query = '', by = member): Promise<Listed[]> =>
    (await t.as(by).get(`/projects/${project.id}/tasks?sort=position&limit=200${query}`).expect(200)).body
      .items;
  const titles = async (project: TestProject) => (await ordered(project)).map((task) => task.id);
  const fieldsOf = (res: { body: { errors?: { field: string }[] } }) => res.body.errors?.map((e) => e.field);
  const freshProject = async (count: number) => {
    const project = await createProject(t, owner);
    await t
      .as(owner)
      .post(`/projects/${project.id}/members`)
      .send({ userId: member.id, role: 'member' })
      .expect(201);
    await t
      .as(owner)
      .post(`/projects/${project.id}/members`)
      .send({ userId: viewer.id, role: 'viewer' })
      .expect(201);
    const tasks: TestTask[] = [];
    for (let i = 0; i < count; i++) tasks.push(await createTask(t, project, member, { title: `T${i}` }));
    return { project, tasks };
  };

  beforeAll(async () => {
    t = await startTestApp();
    ({ owner, member, viewer, outsider } = await createTeam(t));
  });
  afterAll(() => t.close());

  it('puts new tasks last and lists by position, keys in byte order', async () => {
    const { project, tasks } = await freshProject(5);
    const listed = await ordered(project);
    expect(listed.map((task) => task.id)).toEqual(tasks.map((task) => task.id));
    expect(listed.map((task) => task.position).sort(byBytes)).toEqual(listed.map((task) => task.position));
    expect(typeof tasks[0].position).toBe('string');
    const reversed = (
      await t.as(member).get(`/projects/${project.id}/tasks?sort=-position&limit=2`).expect(200)
    ).body.items.map((task: Listed) => task.id);
    expect(reversed).toEqual([tasks[4].id, tasks[3].id]);
  });

  it('places before, after and between neighbours, with one task.moved record; the same place is no change', async () => {
    const { project, tasks } = await freshProject(5);
    const [a, b, c, d, e] = tasks;

    const moved = await move(e, { before: b.id }).expect(200);
    expect(moved.body).toMatchObject({ id: e.id, version: 2 });
    expect(moved.headers.etag).toMatch(/^"2\.[0-9a-f]{8}"$/);
    expect(await titles(project)).toEqual([a.id, e.id, b.id, c.id, d.id]);

    await move(a, { after: d.id }).expect(200);
    expect(await titles(project)).toEqual([e.id, b.id, c.id, d.id, a.id]);

    await move(d, { after: e.id, before: b.id }).expect(200);
    expect(await titles(project)).toEqual([e.id, d.id, b.id, c.id, a.id]);

    // Already immediately after e: no new version, no record.
    const same = await move(d, { after: e.id }).expect(200);
    expect(same.body.version).toBe(2);

    const history = await readActivity(t, member, `/tasks/${d.id}/activity`);
    const moves = history.filter((item) => item.event === 'task.moved');
    expect(moves).toHaveLength(1);
    expect(Object.keys(moves[0].changes)).toEqual(['position']);
    expect(history.some((item) => item.event === 'task.updated')).toBe(false);
    const feed = await readChanges(t, member);
    expect(feed.items.filter((item) => item.event === 'task.moved' && item.taskId === d.id)).toHaveLength(1);
  });

  it('moves into a board column and another project in one write', async () => {
    const { project, tasks } = await freshProject(3);
    const [a, b, c] = tasks;
    await t.as(member).patch(`/tasks/${b.id}`).send({ status: 'in_progress' }).expect(200);
    const moved = await move(c, { status: 'in_progress', before: b.id }).expect(200);
    expect(moved.body).toMatchObject({ status: 'in_progress', version: 2 });
    expect(await titles(project)).toEqual([a.id, c.id, b.id]);
    const [record] = (await readActivity(t, member, `/tasks/${c.id}/activity`)).filter(
      (item) => item.event === 'task.moved',
    );
    expect(Object.keys(record.changes).sort()).toEqual(['position', 'stateId', 'status']);

    const { project: other, tasks: there } = await freshProject(2);
    const child = await createTask(t, project, member, { parentId: a.id, title: 'child' });
    const across = await move(a, { projectId: other.id, after: there[0].id }).expect(200);
    expect(across.body.projectId).toBe(other.id);
    // The subtree follows, after the tasks already there.
    expect(await titles(other)).toEqual([there[0].id, a.id, there[1].id, child.id]);
    expect(await titles(project)).toEqual([c.id, b.id]);

    // A PATCH to another project appends there.
    await t.as(member).patch(`/tasks/${b.id}`).send({ projectId: other.id }).expect(200);
    expect((await titles(other)).at(-1)).toBe(b.id);
  });

  it('refuses neighbours it cannot place next to, stale versions and callers who may not write', async () => {
    const { project, tasks } = await freshProject(3);
    const [a, b, c] = tasks;
    const { tasks: elsewhere } = await freshProject(1);
    const outsiders = await createProject(t, outsider);
    const hidden = await createTask(t, outsiders, outsider);

    expect(fieldsOf(await move(a, { before: elsewhere[0].id }).expect(422))).toEqual(['before']);
    expect(fieldsOf(await move(a, { after: hidden.id }).expect(422))).toEqual(['after']);
    expect(fieldsOf(await move(a, { before: a.id }).expect(422))).toEqual(['before']);
    expect(fieldsOf(await move(a, { after: c.id, before: b.id }).expect(422))).toEqual(['before']);
    expect(fieldsOf(await move(a, { status: 'completed', before: b.id }).expect(422))).toEqual(['before']);
    expect(fieldsOf(await move(a, { before: 'not-a-uuid' }).expect(422))).toEqual(['before']);
    await move(a, { before: c.id }, viewer).expect(403);
    await move(a, { before: c.id }, outsider).expect(404);
    await move(a, { before: c.id }).set('If-Match', '"7"').expect(412);
    await move(hidden, { before: a.id }).expect(404);
    expect(await titles(project)).toEqual([a.id, b.id, c.id]);
  });

  it.each([
    ['after', (first: { id: string }) => ({ after: first.id })],
    [
      'after and before',
      (first: { id: string }, last: { id: string }) => ({ after: first.id, before: last.id }),
    ],
    ['before', (_first: { id: string }, last: { id: string }) => ({ before: last.id })],
  ])(
    'gives twenty concurrent moves into one gap, naming %s, distinct keys all inside it',
    async (_named, gap) => {
      const { project, tasks } = await freshProject(22);
      const [first, last, ...movers] = tasks;
      await move(last, { after: first.id }).expect(200);
      const results = await Promise.all(movers.map((task) => move(task, gap(first, last))));
      expect(results.map((res) => res.status)).toEqual(movers.map(() => 200));
      const listed = await ordered(project);
      expect(new Set(listed.map((task) => task.position)).size).toBe(22);
      expect(listed[0].id).toBe(first.id);
      expect(listed[21].id).toBe(last.id);
      expect(new Set(listed.slice(1, 21).map((task) => task.id))).toEqual(
        new Set(movers.map((task) => task.id)),
      );
    },
  );
});

describe('respacing positions', () => {
  let t: TestApp;
  let member: TestUser;
  let project: TestProject;
  const MAX_LENGTH = 8;

  beforeAll(async () => {
    t = await startTestApp({ TASK_POSITION_MAX_LENGTH: String(MAX_LENGTH) });
    ({ project, member } = await createTeam(t));
  });
  afterAll(() => t.close());

  const move = (task: { id: string }, body: Record<string, unknown>) =>
    t.as(member).post(`/tasks/${task.id}/move`).send(body).expect(200);
  const page = async (limit: number, cursor?: string) =>
    (
      await t.http
        .get(api(`/projects/${project.id}/tasks`))
        .query({ sort: 'position', limit, ...(cursor ? { cursor } : {}) })
        .set('Authorization', member.bearer)
        .expect(200)
    ).body as { items: Listed[]; nextCursor: string | null };

  it('keeps keys short, and a reader paging across the respacing neither loses nor repeats a task', async () => {
    const tasks: TestTask[] = [];
    for (let i = 0; i < 20; i++) tasks.push(await createTask(t, project, member, { title: `T${i}` }));
    // The last five to the top: their keys now sort below the others', which a respacing renumbers from the start.
    for (const task of tasks.slice(15)) {
      const top = (await page(1)).items[0];
      await move(task, { before: top.id });
    }
    const first = await page(8);
    const before = new Map((await page(100)).items.map((task) => [task.id, task.position]));

    // Two tasks taking turns right after a third halve the gap each time, until a key passes the limit.
    const [anchor, left, right] = [tasks[9], tasks[10], tasks[11]];
    let respaced = false;
    for (let i = 0; i < 200 && !respaced; i++) {
      await move(i % 2 === 0 ? right : left, { after: anchor.id });
      const now = (await page(100)).items;
      respaced = now.some((task) => task.id === tasks[19].id && task.position !== before.get(task.id));
    }
    expect(respaced).toBe(true);

    const seen = [...first.items];
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await page(8, cursor);
      seen.push(...next.items);
      cursor = next.nextCursor;
    }
    const all = (await page(100)).items;
    expect(seen.map((task) => task.id)).toEqual(all.map((task) => task.id));
    expect(Math.max(...all.map((task) => task.position.length))).toBeLessThanOrEqual(MAX_LENGTH);

    // The old key of the first page's last task would have been the wrong place to seek from.
    const oldKey = before.get(first.items[7].id)!;
    const naive = all.filter((task) => byBytes(task.position, oldKey) > 0).map((task) => task.id);
    expect(naive).not.toEqual(all.slice(8).map((task) => task.id));
  });
});
