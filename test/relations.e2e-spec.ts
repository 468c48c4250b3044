import { createUser, TestUser } from './support/factories';
import { createProject, createTeam, TestProject } from './support/projects';
import { createTask, shareTask } from './support/tasks';
import { startTestApp, TestApp } from './support/test-app';

describe('relations', () => {
  let t: TestApp;
  let owner: TestUser;
  let member: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;
  let project: TestProject;

  const relate = (by: TestUser, from: { id: string }, type: string, to: { id: string }) =>
    t.as(by).post(`/tasks/${from.id}/relations`).send({ type, taskId: to.id });
  const relationsOf = async (task: { id: string }, by = member) =>
    (await t.as(by).get(`/tasks/${task.id}/relations`).expect(200)).body.items as {
      id: string;
      type: string;
      task: { id: string };
    }[];
  const read = async (task: { id: string }, by = member) =>
    (await t.as(by).get(`/tasks/${task.id}`).expect(200)).body;
  const complete = (task: { id: string }, query = '', by = member) =>
    t.as(by).patch(`/tasks/${task.id}${query}`).send({ completed: true });

  beforeAll(async () => {
    t = await startTestApp();
    ({ project, owner, member, viewer, outsider } = await createTeam(t));
  });
  afterAll(() => t.close());

  it('stores one row per pair and lists it from both sides, each seeing its own direction', async () => {
    const [a, b, c] = [
      await createTask(t, project, member),
      await createTask(t, project, member),
      await createTask(t, project, member),
    ];
    const created = await relate(member, a, 'blocked_by', b).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      type: 'blocked_by',
      task: { id: b.id, title: b.title, status: 'pending', projectId: project.id },
    });
    expect(await relationsOf(b)).toEqual([
      { id: created.body.id, type: 'blocks', task: expect.objectContaining({ id: a.id }) },
    ]);
    await relate(member, b, 'relates_to', a).expect(409);
    await relate(member, a, 'duplicates', c).expect(201);
    expect((await relationsOf(c)).map((r) => r.type)).toEqual(['duplicated_by']);
    await relate(member, a, 'relates_to', a).expect(422);
    await relate(viewer, a, 'relates_to', c).expect(403);
    await relate(outsider, a, 'relates_to', c).expect(404);
    await t.as(outsider).get(`/tasks/${a.id}/relations`).expect(404);

    await t.as(member).delete(`/tasks/${c.id}/relations/${created.body.id}`).expect(404);
    await t.as(member).delete(`/tasks/${b.id}/relations/${created.body.id}`).expect(204);
    expect((await relationsOf(a)).map((r) => r.type)).toEqual(['duplicates']);
    const history = await t.as(member).get(`/tasks/${a.id}/activity`).expect(200);
    expect(history.body.items.map((item: { event: string }) => item.event)).toEqual(
      expect.arrayContaining(['relation.created']),
    );
  });

  it('relates across projects only to tasks the caller can read, and never lists one they cannot', async () => {
    const mine = await createTask(t, project, member);
    const theirs = await createTask(t, await createProject(t, outsider), outsider);
    const refused = await relate(member, mine, 'relates_to', theirs).expect(422);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['taskId']);

    const otherProject = await createProject(t, member);
    const elsewhere = await createTask(t, otherProject, member);
    await relate(member, mine, 'blocks', elsewhere).expect(201);
    // The viewer reads `mine` but not the other project: the relation is not listed, nor hinted at.
    expect(await relationsOf(mine, viewer)).toEqual([]);
    expect((await relationsOf(mine)).map((r) => r.task.id)).toEqual([elsewhere.id]);
    const guest = await createUser(t);
    await shareTask(t, mine, owner, guest, 'view');
    expect(await relationsOf(mine, guest)).toEqual([]);
  });

  it('keeps blocks free of loops', async () => {
    const [a, b, c] = [
      await createTask(t, project, member),
      await createTask(t, project, member),
      await createTask(t, project, member),
    ];
    await relate(member, a, 'blocks', b).expect(201);
    await relate(member, b, 'blocks', c).expect(201);
    await relate(member, c, 'blocks', a).expect(422);
    await relate(member, a, 'blocked_by', c).expect(422);
    await relate(member, c, 'relates_to', a).expect(201);
  });

  it('marks blocked tasks, refuses to complete them without force, and tells the assignee when the last blocker is done', async () => {
    const blocker1 = await createTask(t, project, member, { title: 'first' });
    const blocker2 = await createTask(t, project, member, { title: 'second' });
    const waiting = await createTask(t, project, member, { title: 'waiting', assigneeId: owner.id });
    await relate(member, waiting, 'blocked_by', blocker1).expect(201);
    await relate(member, blocker2, 'blocks', waiting).expect(201);
    expect(await read(waiting)).toMatchObject({ blocked: true });

    const listed = async (blocked: boolean) =>
      (
        await t.as(member).get(`/projects/${project.id}/tasks?blocked=${blocked}&limit=200`).expect(200)
      ).body.items.map((item: { id: string }) => item.id);
    expect(await listed(true)).toContain(waiting.id);
    expect(await listed(false)).not.toContain(waiting.id);

    const refused = await complete(waiting).expect(409);
    expect(refused.body.blockers.sort()).toEqual([blocker1.id, blocker2.id].sort());
    expect((await read(waiting)).completed).toBe(false);

    await complete(blocker1).expect(200);
    expect((await read(waiting)).blocked).toBe(true);
    const unblockedBefore = await unblockedNotices(owner, waiting.id);
    await complete(blocker2).expect(200);
    expect(await read(waiting)).toMatchObject({ blocked: false });
    expect(await unblockedNotices(owner, waiting.id)).toBe(unblockedBefore + 1);
    const history = await t.as(member).get(`/tasks/${waiting.id}/activity`).expect(200);
    expect(history.body.items.map((item: { event: string }) => item.event)).toContain('task.unblocked');
    await complete(waiting).expect(200);
  });

  it('completes a blocked task with force=true, and records that in its history', async () => {
    const blocker = await createTask(t, project, member);
    const waiting = await createTask(t, project, member);
    await relate(member, blocker, 'blocks', waiting).expect(201);
    await complete(waiting, '?force=maybe').expect(400);
    const forced = await complete(waiting, '?force=true').expect(200);
    expect(forced.body.completed).toBe(true);
    const history = await t.as(member).get(`/tasks/${waiting.id}/activity`).expect(200);
    const updated = history.body.items.find((item: { event: string }) => item.event === 'task.updated');
    expect(updated.changes.completedPastBlockers).toEqual({ from: null, to: [blocker.id] });
  });

  async function unblockedNotices(user: TestUser, taskId: string): Promise<number> {
    const res = await t.as(user).get('/notifications?limit=200').expect(200);
    return res.body.items.filter(
      (n: { kind: string; taskId: string }) => n.kind === 'unblocked' && n.taskId === taskId,
    ).length;
  }
});
