import { DataSource } from 'typeorm';
import { recordActivities } from '../src/events/activity-log.repository';
import { ActivityItem, readActivity, readChanges } from './support/activity';
import { createUser, TestUser } from './support/factories';
import { addMember, createProject, TestProject } from './support/projects';
import { createTask } from './support/tasks';
import { api, startTestApp, TestApp } from './support/test-app';

describe('activity log and change feed', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** The newest seq the user can see now: where a client that is up to date would resume. */
  async function headFor(user: TestUser): Promise<number> {
    return (await readChanges(t, user)).nextSince;
  }

  it('records every kind of change, in order, with each changed field from and to', async () => {
    const [owner, colleague, successor, recipient] = await Promise.all(
      Array.from({ length: 4 }, () => createUser(t)),
    );
    const since = await headFor(owner);
    const as = (user: TestUser) => ({ Authorization: user.bearer });

    const project = await createProject(t, owner, 'Alpha');
    const other = await createProject(t, owner, 'Elsewhere');
    await t.http
      .patch(api(`/projects/${project.id}`))
      .set(as(owner))
      .send({ name: 'Beta' })
      .expect(200);
    await addMember(t, project, owner, colleague, 'member');
    await t.http
      .patch(api(`/projects/${project.id}/members/${colleague.id}`))
      .set(as(owner))
      .send({ role: 'admin' })
      .expect(200);
    const task = await createTask(t, project, owner, { title: 'Write', priority: 2 });
    await t.http
      .patch(api(`/tasks/${task.id}`))
      .set(as(owner))
      .send({ title: 'Write more', completed: true })
      .expect(200);
    await t.http
      .patch(api(`/tasks/${task.id}`))
      .set(as(owner))
      .send({ assigneeId: colleague.id })
      .expect(200);
    await t.http
      .post(api(`/tasks/${task.id}/shares`))
      .set(as(owner))
      .send({ userId: recipient.id, permission: 'view' })
      .expect(201);
    await t.http
      .delete(api(`/tasks/${task.id}/shares/${recipient.id}`))
      .set(as(owner))
      .expect(204);
    await t.http
      .delete(api(`/tasks/${task.id}`))
      .set(as(owner))
      .expect(204);
    await t.http
      .post(api(`/tasks/${task.id}/restore`))
      .set(as(owner))
      .expect(200);
    await t.http
      .patch(api(`/tasks/${task.id}`))
      .set(as(owner))
      .send({ projectId: other.id, assigneeId: null })
      .expect(200);
    await t.http
      .delete(api(`/projects/${project.id}/members/${colleague.id}`))
      .set(as(owner))
      .expect(204);
    await addMember(t, project, owner, successor, 'admin');
    await t.http
      .post(api(`/projects/${project.id}/transfer`))
      .set(as(owner))
      .send({ userId: successor.id })
      .expect(200);

    const { items, nextSince } = await readChanges(t, owner, since);
    const deleted = items.find((item) => item.event === 'task.deleted')!;
    const p = project.id;
    const expected: Partial<ActivityItem>[] = [
      { event: 'project.created', projectId: p, changes: { name: { from: null, to: 'Alpha' } }, version: 1 },
      { event: 'project.created', projectId: other.id },
      {
        event: 'project.updated',
        projectId: p,
        changes: { name: { from: 'Alpha', to: 'Beta' } },
        version: 2,
      },
      {
        event: 'member.added',
        projectId: p,
        userId: colleague.id,
        changes: { role: { from: null, to: 'member' } },
      },
      {
        event: 'member.updated',
        userId: colleague.id,
        changes: { role: { from: 'member', to: 'admin' } },
      },
      {
        event: 'task.created',
        projectId: p,
        taskId: task.id,
        version: 1,
        changes: {
          projectId: { from: null, to: p },
          title: { from: null, to: 'Write' },
          stateId: { from: null, to: expect.any(String) },
          status: { from: null, to: 'pending' },
          priority: { from: null, to: 2 },
          timezone: { from: null, to: 'UTC' },
        },
      },
      {
        event: 'task.updated',
        taskId: task.id,
        version: 2,
        changes: {
          title: { from: 'Write', to: 'Write more' },
          stateId: { from: expect.any(String), to: expect.any(String) },
          status: { from: 'pending', to: 'completed' },
        },
      },
      // Every update is task.updated; a change of assignee is also named, for the assignee and its subscribers.
      { event: 'task.updated', taskId: task.id, changes: { assigneeId: { from: null, to: colleague.id } } },
      {
        event: 'task.assigned',
        taskId: task.id,
        userId: colleague.id,
        changes: { assigneeId: { from: null, to: colleague.id } },
      },
      {
        event: 'task.shared',
        taskId: task.id,
        userId: recipient.id,
        changes: { permission: { from: null, to: 'view' } },
      },
      {
        event: 'task.unshared',
        taskId: task.id,
        userId: recipient.id,
        changes: { permission: { from: 'view', to: null } },
      },
      {
        event: 'task.deleted',
        taskId: task.id,
        changes: { deletedAt: { from: null, to: expect.any(String) } },
      },
      {
        event: 'task.restored',
        taskId: task.id,
        changes: { deletedAt: { from: deleted.changes.deletedAt.to, to: null } },
      },
      {
        event: 'task.updated',
        projectId: other.id,
        taskId: task.id,
        changes: {
          projectId: { from: p, to: other.id },
          stateId: { from: expect.any(String), to: expect.any(String) },
          assigneeId: { from: colleague.id, to: null },
        },
      },
      {
        event: 'task.unassigned',
        projectId: other.id,
        taskId: task.id,
        userId: colleague.id,
        changes: { assigneeId: { from: colleague.id, to: null } },
      },
      { event: 'member.removed', userId: colleague.id, changes: { role: { from: 'admin', to: null } } },
      { event: 'member.added', userId: successor.id, changes: { role: { from: null, to: 'admin' } } },
      { event: 'project.updated', projectId: p, changes: { ownerId: { from: owner.id, to: successor.id } } },
    ];
    expect(items).toEqual(expected.map((fields) => expect.objectContaining(fields)));
    expect(items.map((item) => item.actorId)).toEqual(Array(expected.length).fill(owner.id));
    // Strictly growing seq; each record its own id; the field set is exactly the contract's.
    expect(items.map((item) => item.seq)).toEqual([...items.map((item) => item.seq)].sort((a, b) => a - b));
    expect(new Set(items.map((item) => item.seq)).size).toBe(items.length);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    expect(Object.keys(items[0]).sort()).toEqual(
      [
        'actorId',
        'changes',
        'event',
        'id',
        'occurredAt',
        'projectId',
        'seq',
        'taskId',
        'userId',
        'version',
      ].sort(),
    );

    // Once the project is gone its members see nothing of it but the record that tells them so.
    await t.http
      .delete(api(`/projects/${project.id}`))
      .set(as(successor))
      .expect(204);
    expect((await readChanges(t, owner, nextSince)).items).toEqual([
      expect.objectContaining({ event: 'project.deleted', projectId: p, actorId: successor.id, changes: {} }),
    ]);
    expect((await readChanges(t, owner, since)).items.filter((item) => item.projectId === p)).toEqual([
      expect.objectContaining({ event: 'project.deleted' }),
    ]);

    // The task's own history follows it across the move, newest first.
    const history = await readActivity(t, owner, `/tasks/${task.id}/activity`);
    expect(history.map((item) => item.event)).toEqual([
      'task.unassigned',
      'task.updated',
      'task.restored',
      'task.deleted',
      'task.unshared',
      'task.shared',
      'task.assigned',
      'task.updated',
      'task.updated',
      'task.created',
    ]);
  });

  it('records nothing for refused writes, writes that change nothing, or a rolled-back transaction', async () => {
    const [owner, viewer, outsider] = await Promise.all(Array.from({ length: 3 }, () => createUser(t)));
    const project = await createProject(t, owner);
    await addMember(t, project, owner, viewer, 'viewer');
    const task = await createTask(t, project, owner, { title: 'Keep' });
    const before = await readActivity(t, owner, `/projects/${project.id}/activity`);

    const attempts = [
      t.as(viewer).patch(`/tasks/${task.id}`).send({ title: 'x' }), // 403
      t.as(outsider).patch(`/tasks/${task.id}`).send({ title: 'x' }), // 404
      t.as(owner).patch(`/tasks/${task.id}`).set('If-Match', '"7"').send({ title: 'x' }), // 412
      t.as(owner).patch(`/tasks/${task.id}`).send({ assigneeId: outsider.id }), // 422
      t.as(owner).patch(`/tasks/${task.id}`).send({ title: 'Keep' }), // no change
      t.as(viewer).patch(`/projects/${project.id}`).send({ name: 'x' }), // 403
      t.as(owner).post(`/tasks/${task.id}/shares`).send({ userId: viewer.id, permission: 'nope' }), // 422
      t.as(owner).delete(`/projects/${project.id}/members/${outsider.id}`), // 404
      t.as(owner).post(`/projects/${project.id}/members`).send({
        userId: viewer.id,
        role: 'member',
      }), // 409
    ];
    expect((await Promise.all(attempts)).map((res) => res.status)).toEqual([
      403, 404, 412, 422, 200, 403, 422, 404, 409,
    ]);
    const unchanged = await t.as(owner).get(`/tasks/${task.id}`).expect(200);
    expect(unchanged.body.version).toBe(1);

    // A transaction that records its change and then fails leaves neither the change nor the record.
    const dataSource = t.app.get(DataSource);
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query(`UPDATE tasks SET title = 'rolled back' WHERE id = $1`, [task.id]);
        await recordActivities(manager, [
          {
            event: 'task.updated',
            projectId: project.id,
            taskId: task.id,
            actorId: owner.id,
            changes: { title: { from: 'Keep', to: 'rolled back' } },
          },
        ]);
        throw new Error('the write fails after recording');
      }),
    ).rejects.toThrow('the write fails after recording');

    expect(await readActivity(t, owner, `/projects/${project.id}/activity`)).toEqual(before);
  });

  describe('who sees what', () => {
    let owner: TestUser;
    let viewer: TestUser;
    let outsider: TestUser;
    let recipient: TestUser;
    let leaver: TestUser;
    let project: TestProject;
    let shared: { id: string };
    let unshared: { id: string };

    beforeAll(async () => {
      [owner, viewer, outsider, recipient, leaver] = await Promise.all(
        Array.from({ length: 5 }, () => createUser(t)),
      );
      project = await createProject(t, owner);
      await addMember(t, project, owner, viewer, 'viewer');
      await addMember(t, project, owner, leaver, 'member');
      shared = await createTask(t, project, owner, { title: 'Shared' });
      unshared = await createTask(t, project, owner, { title: 'Not shared' });
      await t
        .as(owner)
        .post(`/tasks/${shared.id}/shares`)
        .send({ userId: recipient.id, permission: 'view' })
        .expect(201);
    });

    it('shows both lists to members, and to nobody else (404)', async () => {
      for (const user of [owner, viewer]) {
        expect((await readActivity(t, user, `/projects/${project.id}/activity`)).length).toBeGreaterThan(0);
        expect((await readActivity(t, user, `/tasks/${unshared.id}/activity`)).length).toBe(1);
      }
      for (const path of [`/projects/${project.id}/activity`, `/tasks/${shared.id}/activity`]) {
        await t.http.get(api(path)).set('Authorization', outsider.bearer).expect(404);
      }
      expect((await readChanges(t, outsider)).items.filter((item) => item.projectId === project.id)).toEqual(
        [],
      );
    });

    it('shows a share recipient the activity of their task only', async () => {
      const history = await readActivity(t, recipient, `/tasks/${shared.id}/activity`);
      expect(history.map((item) => item.event)).toEqual(['task.shared', 'task.created']);
      await t.as(recipient).get(`/tasks/${unshared.id}/activity`).expect(404);
      await t.as(recipient).get(`/projects/${project.id}/activity`).expect(404);
      const feed = await readChanges(t, recipient);
      expect(feed.items.length).toBeGreaterThan(0);
      expect(feed.items.every((item) => item.taskId === shared.id)).toBe(true);
    });

    it('shows a removed member their removal and nothing of the project after or before it', async () => {
      const before = await readChanges(t, leaver);
      expect(before.items.some((item) => item.taskId === unshared.id)).toBe(true);
      await t.as(owner).delete(`/projects/${project.id}/members/${leaver.id}`).expect(204);
      await t.as(owner).patch(`/tasks/${unshared.id}`).send({ title: 'After the removal' }).expect(200);
      const after = await readChanges(t, leaver, before.nextSince);
      expect(after.items).toEqual([
        expect.objectContaining({ event: 'member.removed', userId: leaver.id, projectId: project.id }),
      ]);
      // What the feed shows is what the caller may see now: the project's earlier records are gone from it too.
      expect((await readChanges(t, leaver)).items.map((item) => item.event)).toEqual(['member.removed']);
      await t.as(leaver).get(`/projects/${project.id}/activity`).expect(404);
    });

    it('tells a recipient the share was taken back, and then nothing more of that task', async () => {
      const [other] = await Promise.all([createUser(t)]);
      const task = await createTask(t, project, owner, { title: 'Briefly shared' });
      await t
        .as(owner)
        .post(`/tasks/${task.id}/shares`)
        .send({ userId: other.id, permission: 'edit' })
        .expect(201);
      await t.as(owner).delete(`/tasks/${task.id}/shares/${other.id}`).expect(204);
      await t.as(owner).patch(`/tasks/${task.id}`).send({ priority: 5 }).expect(200);
      expect((await readChanges(t, other)).items.map((item) => item.event)).toEqual(['task.unshared']);
    });

    it('lists deleted tasks as task.deleted tombstones', async () => {
      const since = await headFor(viewer);
      const doomed = await createTask(t, project, owner, { title: 'Doomed' });
      await t.as(owner).delete(`/tasks/${doomed.id}`).expect(204);
      const { items } = await readChanges(t, viewer, since);
      expect(items.map((item) => [item.event, item.taskId])).toEqual([
        ['task.created', doomed.id],
        ['task.deleted', doomed.id],
      ]);
      expect(items[1]).toMatchObject({ version: 2, changes: { deletedAt: { from: null } } });
    });

    it("tells the old project's members that a task moved out, and nothing after", async () => {
      const mover = await createUser(t);
      const target = await createProject(t, mover);
      await addMember(t, project, owner, mover, 'member');
      const task = await createTask(t, project, mover, { title: 'Moving' });
      const since = await headFor(viewer);
      await t.as(mover).patch(`/tasks/${task.id}`).send({ projectId: target.id }).expect(200);
      await t.as(mover).patch(`/tasks/${task.id}`).send({ priority: 9 }).expect(200);
      const { items } = await readChanges(t, viewer, since);
      expect(items).toEqual([
        expect.objectContaining({
          event: 'task.updated',
          taskId: task.id,
          projectId: target.id,
          changes: {
            projectId: { from: project.id, to: target.id },
            stateId: { from: expect.any(String), to: expect.any(String) },
          },
        }),
      ]);
      const projectHistory = await readActivity(t, viewer, `/projects/${project.id}/activity`);
      expect(projectHistory[0]).toMatchObject({
        event: 'task.updated',
        taskId: task.id,
        projectId: target.id,
      });
    });
  });

  describe('paging', () => {
    it('pages both lists newest first by cursor, and refuses a bad cursor or since', async () => {
      const owner = await createUser(t);
      const project = await createProject(t, owner);
      const task = await createTask(t, project, owner, { title: '0' });
      for (let step = 1; step <= 4; step += 1) {
        await t
          .as(owner)
          .patch(`/tasks/${task.id}`)
          .send({ title: String(step) })
          .expect(200);
      }
      const paged = await readActivity(t, owner, `/tasks/${task.id}/activity`, 2);
      expect(paged.map((item) => item.version)).toEqual([5, 4, 3, 2, 1]);
      expect(await readActivity(t, owner, `/projects/${project.id}/activity`, 2)).toHaveLength(6);

      const first = await t.as(owner).get(`/tasks/${task.id}/activity?limit=2`).expect(200);
      await t.http
        .get(api(`/projects/${project.id}/activity`))
        .query({ cursor: first.body.nextCursor })
        .set('Authorization', owner.bearer)
        .expect(400);
      for (const query of ['since=-1', 'since=abc', 'limit=0', 'limit=201', 'since=1.5']) {
        const res = await t.as(owner).get(`/changes?${query}`).expect(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    });

    it('resumes from a seq with writes between pages, missing and repeating nothing', async () => {
      const owner = await createUser(t);
      const project = await createProject(t, owner);
      const seen: ActivityItem[] = [];
      let since = 0;
      for (let round = 0; round < 4; round += 1) {
        await createTask(t, project, owner, { title: `round ${round} a` });
        await createTask(t, project, owner, { title: `round ${round} b` });
        const page = await t.as(owner).get(`/changes?since=${since}&limit=3`).expect(200);
        seen.push(...page.body.items);
        since = page.body.nextSince;
      }
      const rest = await readChanges(t, owner, since, 3);
      seen.push(...rest.items);
      const all = await readChanges(t, owner);
      expect(seen.map((item) => item.id)).toEqual(all.items.map((item) => item.id));
      expect(all.items).toHaveLength(9);
      // Caught up: the next read is empty and keeps the position.
      const idle = await t.as(owner).get(`/changes?since=${rest.nextSince}`).expect(200);
      expect(idle.body).toEqual({ items: [], nextSince: rest.nextSince, hasMore: false });
    });
  });
});
