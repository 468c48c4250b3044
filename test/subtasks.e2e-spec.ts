import { TestUser } from './support/factories';
import { addMember, createProject, createTeam, TestProject } from './support/projects';
import { createTask, TestTask } from './support/tasks';
import { startTestApp, TestApp } from './support/test-app';

describe('subtasks', () => {
  let t: TestApp;
  let owner: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let project: TestProject;

  const read = async (task: { id: string }, by = member) =>
    (await t.as(by).get(`/tasks/${task.id}`).expect(200)).body;
  const patch = (task: { id: string }, body: Record<string, unknown>, by = member) =>
    t.as(by).patch(`/tasks/${task.id}`).send(body);
  const under = (parent: { id: string }, fields: Record<string, unknown> = {}) =>
    createTask(t, project, member, { parentId: parent.id, ...fields });
  const fieldsOf = (res: { body: { errors?: { field: string }[] } }) => res.body.errors?.map((e) => e.field);

  beforeAll(async () => {
    t = await startTestApp();
    ({ project, owner, member, outsider } = await createTeam(t));
  });
  afterAll(() => t.close());

  it('nests a task under another and counts its subtasks, with a new ETag when they change', async () => {
    const parent = await createTask(t, project, member, { title: 'Parent' });
    const before = await t.as(member).get(`/tasks/${parent.id}`).expect(200);
    expect(before.body.subtaskCounts).toEqual({ total: 0, completed: 0 });
    const child = await under(parent);
    expect(child.parentId).toBe(parent.id);
    await under(parent, { completed: true });
    const after = await t
      .as(member)
      .get(`/tasks/${parent.id}`)
      .set('If-None-Match', before.headers.etag)
      .expect(200);
    expect(after.body).toMatchObject({ subtaskCounts: { total: 2, completed: 1 }, version: 1 });

    const listed = await t.as(member).get(`/projects/${project.id}/tasks?parentId=${parent.id}`).expect(200);
    expect(listed.body.items).toHaveLength(2);
    const top = await t.as(member).get(`/projects/${project.id}/tasks?parentId=none&limit=200`).expect(200);
    const topIds = top.body.items.map((item: { id: string }) => item.id);
    expect(topIds).toContain(parent.id);
    expect(topIds).not.toContain(child.id);
    await t.as(member).get(`/projects/${project.id}/tasks?parentId=x`).expect(400);
    // Made top-level again.
    expect((await patch(child, { parentId: null }).expect(200)).body.parentId).toBeNull();
  });

  it('refuses a parent from another project or out of sight, a cycle, and more than five levels', async () => {
    const elsewhere = await createTask(t, await createProject(t, member), member);
    const hidden = await createTask(t, await createProject(t, outsider), outsider);
    for (const parentId of [elsewhere.id, hidden.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await createTask(t, project, member).then((task) => patch(task, { parentId }).expect(422));
      expect(fieldsOf(res)).toEqual(['parentId']);
    }
    const levels: TestTask[] = [await createTask(t, project, member, { title: 'L1' })];
    for (let level = 2; level <= 5; level++)
      levels.push(await under(levels[levels.length - 1], { title: `L${level}` }));
    const tooDeep = await t
      .as(member)
      .post(`/projects/${project.id}/tasks`)
      .send({ title: 'L6', parentId: levels[4].id })
      .expect(422);
    expect(fieldsOf(tooDeep)).toEqual(['parentId']);
    // Below itself, directly or further down.
    expect(fieldsOf(await patch(levels[0], { parentId: levels[0].id }).expect(422))).toEqual(['parentId']);
    expect(fieldsOf(await patch(levels[0], { parentId: levels[3].id }).expect(422))).toEqual(['parentId']);
    // A two-level subtree under a level-4 task would reach level 6.
    const pair = await createTask(t, project, member, { title: 'pair' });
    await under(pair);
    expect(fieldsOf(await patch(pair, { parentId: levels[3].id }).expect(422))).toEqual(['parentId']);
    await patch(pair, { parentId: levels[2].id }).expect(200);
  });

  it('sends a subtree to the trash and back with its parent, leaving alone what was trashed before', async () => {
    const parent = await createTask(t, project, member);
    const child = await under(parent);
    const grandchild = await under(child);
    const gone = await under(parent);
    await t.as(member).delete(`/tasks/${gone.id}`).expect(204);
    await t.as(member).delete(`/tasks/${parent.id}`).expect(204);
    for (const task of [parent, child, grandchild]) {
      await t.as(member).get(`/tasks/${task.id}`).expect(404);
    }
    const trash = await t.as(owner).get(`/projects/${project.id}/tasks?deleted=true&limit=200`).expect(200);
    expect(trash.body.items.map((item: { id: string }) => item.id)).toEqual(
      expect.arrayContaining([parent.id, child.id, grandchild.id, gone.id]),
    );
    await t.as(owner).post(`/tasks/${parent.id}/restore`).expect(200);
    expect(await read(grandchild)).toMatchObject({ parentId: child.id });
    expect((await read(parent)).subtaskCounts).toEqual({ total: 1, completed: 0 });
    await t.as(member).get(`/tasks/${gone.id}`).expect(404);
    const history = await t.as(member).get(`/tasks/${grandchild.id}/activity`).expect(200);
    expect(history.body.items.map((item: { event: string }) => item.event)).toEqual(
      expect.arrayContaining(['task.deleted', 'task.restored']),
    );
  });

  it('moves a subtree with its parent, and detaches a subtask moved on its own', async () => {
    const target = await createProject(t, member);
    await addMember(t, target, member, owner, 'member');
    const parent = await createTask(t, project, member);
    const child = await under(parent, { assigneeId: owner.id });
    const grandchild = await under(child, { assigneeId: member.id });
    const moved = await patch(parent, { projectId: target.id }).expect(200);
    expect(moved.body.projectId).toBe(target.id);
    expect(await read(child)).toMatchObject({
      projectId: target.id,
      parentId: parent.id,
      assigneeId: owner.id,
    });
    expect(await read(grandchild)).toMatchObject({ projectId: target.id, parentId: child.id });
    const history = await t.as(member).get(`/tasks/${child.id}/activity`).expect(200);
    expect(history.body.items.find((item: { event: string }) => item.event === 'task.updated')).toMatchObject(
      {
        changes: { projectId: { from: project.id, to: target.id } },
      },
    );

    const loner = await under(await createTask(t, project, member));
    const alone = await patch(loner, { projectId: target.id }).expect(200);
    expect(alone.body).toMatchObject({ projectId: target.id, parentId: null });
  });
});
