import { createUser, TestUser } from './support/factories';
import { addMember, createProject, TestProject } from './support/projects';
import { createTask, TestTask } from './support/tasks';
import { startTestApp, TestApp } from './support/test-app';
const QUOTA_BYTES = 1000;

/** Limits hold for every path that can break them: parallel requests and moves between projects. */
describe('limits under concurrency and across moves', () => {
  let t: TestApp;
  let owner: TestUser;
  let project: TestProject;

  beforeAll(async () => {
    t = await startTestApp({ ATTACHMENT_PROJECT_QUOTA_BYTES: String(QUOTA_BYTES) });
    owner = await createUser(t);
    project = await createProject(t, owner, 'Trees');
  });
  afterAll(() => t.close());

  const task = (fields: Record<string, unknown> = {}, into = project) => createTask(t, into, owner, fields);
  const chain = async (length: number) => {
    const tasks: TestTask[] = [];
    for (let level = 0; level < length; level++)
      tasks.push(await task({ parentId: tasks.at(-1)?.id ?? null }));
    return tasks;
  };
  const patch = (id: string, body: Record<string, unknown>) => t.as(owner).patch(`/tasks/${id}`).send(body);
  const levelOf = async (id: string): Promise<number> => {
    const { body } = await t.as(owner).get(`/tasks/${id}`).expect(200);
    return body.parentId ? 1 + (await levelOf(body.parentId)) : 1;
  };
  const attach = (taskId: string, bytes: number) =>
    t
      .as(owner)
      .post(`/tasks/${taskId}/attachments`)
      .attach('file', Buffer.alloc(bytes, 7), { filename: 'f.bin', contentType: 'application/octet-stream' })
      .expect(201);

  it('keeps subtasks within 5 levels when two writers each stay within them', async () => {
    for (let trial = 0; trial < 6; trial++) {
      const [, , third] = await chain(4);
      const [first, second] = await chain(2);
      const lone = await task();
      // Each alone is fine: 3 + 2 levels, and 2 + 1. Together they would make 6.
      const statuses = (
        await Promise.all([patch(first.id, { parentId: third.id }), patch(lone.id, { parentId: second.id })])
      ).map((res) => res.status);
      expect(statuses.sort()).toEqual([200, 422]);
      expect(await levelOf(lone.id)).toBeLessThanOrEqual(5);
    }
  });

  it('refuses moving tasks whose attachments the new project has no room for, and moves those it has room for', async () => {
    const target = await createProject(t, owner, 'Target');
    await attach((await task({}, target)).id, 600);
    // Each source project has a quota of its own to fill.
    const [first, second] = [
      await createProject(t, owner, 'Source 1'),
      await createProject(t, owner, 'Source 2'),
    ];
    const big = await task({}, first);
    const below = await task({ parentId: big.id }, first);
    await attach(below.id, 500);
    const refused = await patch(big.id, { projectId: target.id }).expect(422);
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual(['projectId']);
    await t.as(owner).get(`/tasks/${below.id}`).expect(200);
    expect((await t.as(owner).get(`/tasks/${below.id}`)).body.projectId).toBe(first.id);

    // Two moves that each fit, but not both: exactly one lands.
    const [left, right] = [await task({}, second), await task({}, second)];
    await attach(left.id, 300);
    await attach(right.id, 300);
    const statuses = (
      await Promise.all([patch(left.id, { projectId: target.id }), patch(right.id, { projectId: target.id })])
    ).map((res) => res.status);
    expect(statuses.sort()).toEqual([200, 422]);
  });

  it('unassigns each moved subtask whose assignee is no member of the new project, on the record', async () => {
    const stayer = await createUser(t);
    await addMember(t, project, owner, stayer, 'member');
    const target = await createProject(t, owner, 'Elsewhere');
    const parent = await task({ assigneeId: owner.id });
    const child = await task({ parentId: parent.id, assigneeId: stayer.id });
    const moved = await patch(parent.id, { projectId: target.id }).expect(200);
    expect(moved.body).toMatchObject({ projectId: target.id, assigneeId: owner.id });
    const { body: childNow } = await t.as(owner).get(`/tasks/${child.id}`);
    expect(childNow).toMatchObject({ projectId: target.id, assigneeId: null, parentId: parent.id });
    const history = await t.as(owner).get(`/tasks/${child.id}/activity`).expect(200);
    expect(history.body.items.slice(0, 2)).toEqual([
      expect.objectContaining({
        event: 'task.unassigned',
        userId: stayer.id,
        changes: { assigneeId: { from: stayer.id, to: null } },
      }),
      expect.objectContaining({
        event: 'task.updated',
        changes: {
          projectId: { from: project.id, to: target.id },
          assigneeId: { from: stayer.id, to: null },
        },
      }),
    ]);
  });
});
