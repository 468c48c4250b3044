import { readActivity, readChanges } from './support/activity';
import { createUser, TestUser } from './support/factories';
import { addMember, createProject, createTeam, TestProject } from './support/projects';
import { createTask, TestTask } from './support/tasks';
import { startTestApp, TestApp } from './support/test-app';

interface Result {
  id: string;
  status: number;
  task?: { id: string; version: number; priority: number; [field: string]: unknown };
  problem?: { status: number; detail: string; errors?: { field: string }[]; blockers?: string[] };
}

describe('bulk edits', () => {
  let t: TestApp;
  let owner: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let project: TestProject;

  const bulk = (body: Record<string, unknown>, by = member, query = '') =>
    t.as(by).post(`/tasks/bulk${query}`).send(body);
  const bulkDelete = (body: Record<string, unknown>, by = member) =>
    t.as(by).post('/tasks/bulk-delete').send(body);
  const read = async (id: string, by = member) => (await t.as(by).get(`/tasks/${id}`).expect(200)).body;
  const statuses = (results: Result[]) => results.map((result) => result.status);
  const some = (count: number, fields: Record<string, unknown> = {}) =>
    Promise.all(
      Array.from({ length: count }, (_, i) => createTask(t, project, member, { title: `B${i}`, ...fields })),
    );

  /** One task of each failing kind a single PATCH of `{ assigneeId: member }` would meet, and two that pass. */
  async function mixedBatch() {
    const passing = await some(2);
    const missing = '00000000-0000-4000-8000-000000000000';
    const hidden = await createTask(t, await createProject(t, outsider), outsider);
    // A project where the caller only reads: 403.
    const readOnly = await createProject(t, owner);
    await addMember(t, readOnly, owner, member, 'viewer');
    const unwritable = await createTask(t, readOnly, owner);
    const stale = (await some(1))[0];
    // A project where the assignee is no member: 422 on assigneeId.
    const elsewhere = await createProject(t, member);
    const unassignable = await createTask(t, elsewhere, member);
    const ids = [passing[0].id, missing, hidden.id, unwritable.id, stale.id, unassignable.id, passing[1].id];
    return { passing, stale, unwritable, unassignable, ids };
  }

  beforeAll(async () => {
    t = await startTestApp();
    ({ project, owner, member, outsider } = await createTeam(t));
  });
  afterAll(() => t.close());

  it('writes every task of an atomic batch, each with its own history record and change-feed entry', async () => {
    const tasks = await some(3);
    const since = (await readChanges(t, member)).nextSince;
    const res = await bulk({
      ids: tasks.map((task) => task.id),
      set: { priority: 7, status: 'in_progress' },
    }).expect(200);
    const results: Result[] = res.body.results;
    expect(results.map((result) => result.id)).toEqual(tasks.map((task) => task.id));
    expect(statuses(results)).toEqual([200, 200, 200]);
    expect(results.map((result) => result.task)).toEqual(
      tasks.map((task) =>
        expect.objectContaining({ id: task.id, priority: 7, status: 'in_progress', version: 2 }),
      ),
    );
    for (const task of tasks) {
      const updates = (await readActivity(t, member, `/tasks/${task.id}/activity`)).filter(
        (item) => item.event === 'task.updated',
      );
      expect(updates).toHaveLength(1);
      expect(updates[0].changes).toEqual({
        priority: { from: 0, to: 7 },
        stateId: { from: expect.any(String), to: expect.any(String) },
        status: { from: 'pending', to: 'in_progress' },
      });
    }
    const feed = await readChanges(t, member, since);
    expect(
      feed.items
        .filter((item) => item.event === 'task.updated')
        .map((item) => item.taskId)
        .sort(),
    ).toEqual(tasks.map((task) => task.id).sort());
  });

  it('answers each item of a non-atomic batch as its own PATCH would, and writes those that pass', async () => {
    const { passing, stale, unwritable, unassignable, ids } = await mixedBatch();
    const res = await bulk({
      ids,
      set: { assigneeId: owner.id, priority: 4 },
      versions: { [stale.id]: 9 },
      atomic: false,
    }).expect(200);
    const results: Result[] = res.body.results;
    expect(results.map((result) => result.id)).toEqual(ids);
    expect(statuses(results)).toEqual([200, 404, 404, 403, 412, 422, 200]);
    expect(results[5].problem?.errors?.map((error) => error.field)).toEqual(['assigneeId']);
    expect(results[4].problem).toMatchObject({ status: 412, title: 'Precondition Failed' });
    for (const task of passing)
      expect(await read(task.id)).toMatchObject({ assigneeId: owner.id, version: 2 });
    for (const task of [stale, unassignable])
      expect(await read(task.id)).toMatchObject({ priority: 0, version: 1 });
    expect(await read(unwritable.id)).toMatchObject({ priority: 0, version: 1 });
  });

  it('writes nothing of an atomic batch with a failing item: the failures carry their problems, the rest 424', async () => {
    const { passing, stale, ids } = await mixedBatch();
    const since = (await readChanges(t, member)).nextSince;
    const res = await bulk({
      ids,
      set: { assigneeId: owner.id, priority: 4 },
      versions: { [stale.id]: 9 },
    }).expect(200);
    expect(statuses(res.body.results)).toEqual([424, 404, 404, 403, 412, 422, 424]);
    expect(res.body.results[0].problem.status).toBe(424);
    for (const task of passing) expect(await read(task.id)).toMatchObject({ priority: 0, version: 1 });
    const feed = await readChanges(t, member, since);
    expect(feed.items.filter((item) => item.event === 'task.updated')).toEqual([]);
  });

  it('refuses to complete a blocked task in bulk unless forced, and edits labels on many at once', async () => {
    const [blocker, blocked, free] = await some(3);
    await t
      .as(member)
      .post(`/tasks/${blocker.id}/relations`)
      .send({ type: 'blocks', taskId: blocked.id })
      .expect(201);
    const refused = await bulk({ ids: [free.id, blocked.id], set: { status: 'completed' } }).expect(200);
    expect(statuses(refused.body.results)).toEqual([424, 409]);
    expect(refused.body.results[1].problem.blockers).toEqual([blocker.id]);
    const forced = await bulk(
      { ids: [free.id, blocked.id], set: { status: 'completed' } },
      member,
      '?force=true',
    ).expect(200);
    expect(statuses(forced.body.results)).toEqual([200, 200]);

    const label = async (name: string) =>
      (await t.as(member).post(`/projects/${project.id}/labels`).send({ name, color: '#336699' }).expect(201))
        .body.id as string;
    const [urgent, later] = [await label(`urgent-${Date.now()}`), await label(`later-${Date.now()}`)];
    const labelled = await some(2, { labelIds: [later] });
    const ids = labelled.map((task) => task.id);
    const res = await bulk({ ids, set: { addLabelIds: [urgent], removeLabelIds: [later] } }).expect(200);
    expect(
      res.body.results.map((result: Result) => (result.task?.labels as { id: string }[]).map((l) => l.id)),
    ).toEqual([[urgent], [urgent]]);
    const foreign = await createProject(t, member);
    const foreignLabel = (
      await t
        .as(member)
        .post(`/projects/${foreign.id}/labels`)
        .send({ name: 'elsewhere', color: '#000000' })
        .expect(201)
    ).body.id;
    const wrong = await bulk({ ids, set: { addLabelIds: [foreignLabel] } }).expect(200);
    // The field named is the one that carried the label.
    expect(wrong.body.results.map((result: Result) => result.problem?.errors?.[0].field)).toEqual([
      'addLabelIds',
      'addLabelIds',
    ]);
  });

  it('moves many tasks to another project, after the tasks there, in the order given', async () => {
    const target = await createProject(t, member);
    const already = await createTask(t, target, member);
    const tasks = await some(3);
    const ids = [tasks[2].id, tasks[0].id, tasks[1].id];
    await bulk({ ids, set: { projectId: target.id } }).expect(200);
    const listed = await t.as(member).get(`/projects/${target.id}/tasks?sort=position`).expect(200);
    expect(listed.body.items.map((task: TestTask) => task.id)).toEqual([already.id, ...ids]);
  });

  it('refuses a move to a project the caller may not write, and a parent from elsewhere, item by item', async () => {
    const tasks = await some(2);
    const ids = tasks.map((task) => task.id);
    const hidden = await createProject(t, outsider);
    const readOnly = await createProject(t, owner);
    await addMember(t, readOnly, owner, member, 'viewer');
    const foreignParent = await createTask(t, await createProject(t, member), member);

    const intoHidden = await bulk({ ids, set: { projectId: hidden.id }, atomic: false }).expect(200);
    expect(statuses(intoHidden.body.results)).toEqual([404, 404]);
    const intoReadOnly = await bulk({ ids, set: { projectId: readOnly.id }, atomic: false }).expect(200);
    expect(statuses(intoReadOnly.body.results)).toEqual([403, 403]);
    const underForeign = await bulk({ ids, set: { parentId: foreignParent.id }, atomic: false }).expect(200);
    expect(underForeign.body.results.map((result: Result) => result.problem?.errors?.[0].field)).toEqual([
      'parentId',
      'parentId',
    ]);
    for (const task of tasks)
      expect(await read(task.id)).toMatchObject({ projectId: project.id, version: 1 });
  });

  it('validates the request as a whole: 1..200 distinct ids and a set', async () => {
    const [task] = await some(1);
    const fieldsOf = (res: { body: { errors: { field: string }[] } }) => res.body.errors.map((e) => e.field);
    expect(fieldsOf(await bulk({ ids: [], set: { priority: 1 } }).expect(422))).toEqual(['ids']);
    expect(fieldsOf(await bulk({ ids: [task.id, task.id], set: { priority: 1 } }).expect(422))).toEqual([
      'ids',
    ]);
    const many = Array.from(
      { length: 201 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    expect(fieldsOf(await bulk({ ids: many, set: { priority: 1 } }).expect(422))).toEqual(['ids']);
    expect(fieldsOf(await bulk({ ids: [task.id] }).expect(422))).toEqual(['set']);
    await bulk({ ids: [task.id], set: { githubRepo: 'octo/repo' } }).expect(422);
    await bulk({ ids: [task.id], set: { priority: 1 }, versions: { [task.id]: 'one' } }).expect(422);
    expect(
      fieldsOf(await bulk({ ids: [task.id], set: { priority: 1 }, versions: { 'task-1': 1 } }).expect(422)),
    ).toEqual(['versions']);
    const foreign = await bulk({ ids: [task.id], set: { priority: 1 } }, outsider).expect(200);
    expect(statuses(foreign.body.results)).toEqual([404]);
    expect(await read(task.id)).toMatchObject({ priority: 0, version: 1 });
  });

  it('edits two hundred tasks in one request', async () => {
    const created = await t
      .as(member)
      .post(`/projects/${project.id}/tasks/bulk`)
      .send({ items: Array.from({ length: 200 }, (_, i) => ({ title: `Many ${i}` })) })
      .expect(201);
    const ids = created.body.results.map((result: Result) => result.id);
    const res = await bulk({ ids, set: { priority: 9, dueDate: '2030-01-01' } }).expect(200);
    expect(new Set(statuses(res.body.results))).toEqual(new Set([200]));
    expect(await read(ids[199])).toMatchObject({ priority: 9, dueDate: '2030-01-01', version: 2 });
  });

  describe('bulk delete', () => {
    it('trashes what it may with subtrees, answering each id as its DELETE would', async () => {
      const [parent, other] = await some(2);
      const child = await createTask(t, project, member, { parentId: parent.id });
      const hidden = await createTask(t, await createProject(t, outsider), outsider);
      const stale = (await some(1))[0];
      const since = (await readChanges(t, member)).nextSince;
      const res = await bulkDelete({
        ids: [parent.id, hidden.id, stale.id, other.id],
        versions: { [stale.id]: 5 },
        atomic: false,
      }).expect(200);
      expect(statuses(res.body.results)).toEqual([204, 404, 412, 204]);
      for (const task of [parent, child, other]) {
        await t.as(member).get(`/tasks/${task.id}`).expect(404);
      }
      await read(stale.id);
      const deleted = (await readChanges(t, member, since)).items.filter(
        (item) => item.event === 'task.deleted',
      );
      expect(deleted.map((item) => item.taskId).sort()).toEqual([parent.id, child.id, other.id].sort());
    });

    it('deletes nothing of an atomic batch with a failure', async () => {
      const tasks = await some(2);
      const viewer = await createUser(t);
      await addMember(t, project, owner, viewer, 'viewer');
      const res = await bulkDelete({ ids: tasks.map((task) => task.id) }, viewer).expect(200);
      expect(statuses(res.body.results)).toEqual([403, 403]);
      const mixed = await bulkDelete({
        ids: [tasks[0].id, '00000000-0000-4000-8000-000000000001'],
      }).expect(200);
      expect(statuses(mixed.body.results)).toEqual([424, 404]);
      for (const task of tasks) await read(task.id);
    });
  });

  describe('bulk create', () => {
    const create = (body: Record<string, unknown>, key?: string) => {
      const req = t.as(member).post(`/projects/${project.id}/tasks/bulk`);
      if (key) req.set('Idempotency-Key', key);
      return req.send(body);
    };

    it('creates every item, in order after the tasks there, and replays an idempotent retry', async () => {
      const key = `bulk-${Date.now()}`;
      const items = [
        { title: 'First' },
        { title: 'Second', priority: 3 },
        { title: 'Third', assigneeId: member.id },
      ];
      const res = await create({ items }, key).expect(201);
      expect(statuses(res.body.results)).toEqual([201, 201, 201]);
      expect(res.body.results.map((result: Result) => result.task?.title)).toEqual([
        'First',
        'Second',
        'Third',
      ]);
      const positions = res.body.results.map((result: Result) => result.task?.position as string);
      expect([...positions].sort()).toEqual(positions);
      const replay = await create({ items }, key).expect(201);
      expect(replay.body).toEqual(res.body);
      const created = await readActivity(t, member, `/tasks/${res.body.results[2].id}/activity`);
      expect(created.map((item) => item.event)).toContain('task.created');
    });

    it('creates nothing when an item is invalid, naming it by index', async () => {
      const before = await t.as(member).get(`/projects/${project.id}/tasks?limit=200&q=Doomed`).expect(200);
      const res = await create({
        items: [{ title: 'Doomed 1' }, { title: 'Doomed 2', assigneeId: outsider.id }, { title: 'Doomed 3' }],
      }).expect(422);
      expect(res.body.errors.map((error: { field: string }) => error.field)).toEqual(['items.1.assigneeId']);
      const invalid = await create({ items: [{ title: '' }] }).expect(422);
      expect(invalid.body.errors[0].field).toMatch(/^items\.0\.title$/);
      const after = await t.as(member).get(`/projects/${project.id}/tasks?limit=200&q=Doomed`).expect(200);
      expect(after.body.items).toHaveLength(before.body.items.length);
      await t
        .as(outsider)
        .post(`/projects/${project.id}/tasks/bulk`)
        .send({ items: [{ title: 'No' }] })
        .expect(404);
    });
  });
});
