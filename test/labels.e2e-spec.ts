import { readChanges } from './support/activity';
import { TestUser } from './support/factories';
import { createProject, createTeam, TestProject } from './support/projects';
import { createTask } from './support/tasks';
import { startTestApp, TestApp } from './support/test-app';

interface Label {
  id: string;
  projectId: string;
  name: string;
  color: string;
  version: number;
}

describe('labels', () => {
  let t: TestApp;
  let owner: TestUser;
  let member: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;
  let project: TestProject;

  const createLabel = (by: TestUser, name: string, color = '#d73a4a', projectId = project.id) =>
    t.as(by).post(`/projects/${projectId}/labels`).send({ name, color });
  const label = async (name: string, color?: string): Promise<Label> =>
    (await createLabel(member, name, color).expect(201)).body;
  const listIds = async (query: string) =>
    (await t.as(member).get(`/projects/${project.id}/tasks?limit=200&${query}`).expect(200)).body.items.map(
      (item: { id: string }) => item.id,
    );

  beforeAll(async () => {
    t = await startTestApp();
    ({ project, owner, member, viewer, outsider } = await createTeam(t));
  });
  afterAll(() => t.close());

  it('lets writers manage labels and readers list them, one name per project whatever its case', async () => {
    const res = await createLabel(member, '  Bug ', '#D73A4A').expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      projectId: project.id,
      name: 'Bug',
      color: '#d73a4a',
      version: 1,
    });
    await createLabel(owner, 'bug').expect(409);
    await createLabel(viewer, 'Docs').expect(403);
    await createLabel(outsider, 'Docs').expect(404);
    const other = await createProject(t, owner);
    await createLabel(owner, 'bug', '#000000', other.id).expect(201);
    for (const body of [
      { name: '', color: '#000000' },
      { name: 'x'.repeat(51), color: '#000000' },
      { name: 'ok', color: 'red' },
    ]) {
      await t.as(member).post(`/projects/${project.id}/labels`).send(body).expect(422);
    }
    const docs = await label('docs', '#0075ca');
    const listed = await t.as(viewer).get(`/projects/${project.id}/labels`).expect(200);
    expect(listed.body.items.map((l: Label) => l.name)).toEqual(['Bug', 'docs']);
    await t.as(outsider).get(`/projects/${project.id}/labels`).expect(404);

    await t.as(member).patch(`/projects/${project.id}/labels/${docs.id}`).send({ name: 'BUG' }).expect(409);
    const renamed = await t
      .as(member)
      .patch(`/projects/${project.id}/labels/${docs.id}`)
      .send({ name: 'Documentation' })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: 'Documentation', color: '#0075ca', version: 2 });
    await t
      .as(owner)
      .patch(`/projects/${other.id}/labels/${docs.id}`)
      .send({ name: 'Elsewhere' })
      .expect(404);
  });

  it('puts labels on tasks by id, adds and removes them, and refuses labels of another project', async () => {
    const [urgent, later] = [await label('urgent'), await label('later')];
    const foreign = (
      await createLabel(owner, 'urgent', '#000000', (await createProject(t, owner)).id).expect(201)
    ).body;
    const task = await createTask(t, project, member, { labelIds: [urgent.id] });
    expect(task.labels).toEqual([{ id: urgent.id, name: 'urgent', color: urgent.color }]);
    const patched = await t
      .as(member)
      .patch(`/tasks/${task.id}`)
      .send({ addLabelIds: [later.id], removeLabelIds: [urgent.id] })
      .expect(200);
    expect(patched.body.labels.map((l: Label) => l.name)).toEqual(['later']);
    const refused = await t
      .as(member)
      .patch(`/tasks/${task.id}`)
      .send({ labelIds: [foreign.id] })
      .expect(422);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['labelIds']);
    await t
      .as(member)
      .patch(`/tasks/${task.id}`)
      .send({ labelIds: Array.from({ length: 21 }, () => urgent.id) })
      .expect(422);
    const history = await t.as(member).get(`/tasks/${task.id}/activity`).expect(200);
    expect(
      history.body.items.find((item: { event: string }) => item.event === 'task.updated').changes,
    ).toEqual({
      labelIds: { from: [urgent.id], to: [later.id] },
    });
    // A PUT without labelIds leaves the task with none.
    const put = await t.as(member).put(`/tasks/${task.id}`).send({ title: 'Reset' }).expect(200);
    expect(put.body.labels).toEqual([]);
  });

  it('filters by any of several labels, or by none', async () => {
    const [a, b, c] = [await label('filter-a'), await label('filter-b'), await label('filter-c')];
    const withA = await createTask(t, project, member, { labelIds: [a.id] });
    const withB = await createTask(t, project, member, { labelIds: [b.id, c.id] });
    const bare = await createTask(t, project, member);
    expect((await listIds(`label=${a.id},${b.id}`)).sort()).toEqual([withA.id, withB.id].sort());
    expect(await listIds(`label=${c.id}`)).toEqual([withB.id]);
    const none = await listIds('label=none');
    expect(none).toContain(bare.id);
    expect(none).not.toContain(withA.id);
    await t.as(member).get(`/projects/${project.id}/tasks?label=nope`).expect(400);
    const everywhere = await t.as(member).get(`/tasks?label=${a.id}`).expect(200);
    expect(everywhere.body.items.map((item: { id: string }) => item.id)).toEqual([withA.id]);
  });

  it('shows a renamed label on its tasks at once, with a new ETag', async () => {
    const tag = await label('rename-me');
    const task = await createTask(t, project, member, { labelIds: [tag.id] });
    const before = await t.as(member).get(`/tasks/${task.id}`).expect(200);
    await t
      .as(member)
      .patch(`/projects/${project.id}/labels/${tag.id}`)
      .send({ color: '#00ff00' })
      .expect(200);
    const after = await t
      .as(member)
      .get(`/tasks/${task.id}`)
      .set('If-None-Match', before.headers.etag)
      .expect(200);
    expect(after.body.labels[0].color).toBe('#00ff00');
    // The version did not move, so a conditional write on it still applies.
    await t
      .as(member)
      .patch(`/tasks/${task.id}`)
      .set('If-Match', after.headers.etag)
      .send({ priority: 1 })
      .expect(200);
  });

  it("takes a deleted label off every task, recording it in each task's history", async () => {
    const doomed = await label('doomed');
    const kept = await label('kept');
    const first = await createTask(t, project, member, { labelIds: [doomed.id, kept.id] });
    const second = await createTask(t, project, member, { labelIds: [doomed.id] });
    const since = (await readChanges(t, member)).nextSince;
    await t.as(viewer).delete(`/projects/${project.id}/labels/${doomed.id}`).expect(403);
    await t.as(member).delete(`/projects/${project.id}/labels/${doomed.id}`).expect(204);
    await t.as(member).delete(`/projects/${project.id}/labels/${doomed.id}`).expect(404);

    const read = async (id: string) => (await t.as(member).get(`/tasks/${id}`).expect(200)).body;
    expect(await read(first.id)).toMatchObject({ version: 2, labels: [{ id: kept.id }] });
    expect(await read(second.id)).toMatchObject({ version: 2, labels: [] });
    const feed = (await readChanges(t, member, since)).items;
    expect(feed.map((item) => [item.event, item.taskId])).toEqual([
      ['task.updated', [first.id, second.id].sort()[0]],
      ['task.updated', [first.id, second.id].sort()[1]],
      ['label.deleted', null],
    ]);
    const firstChange = feed.find((item) => item.taskId === first.id)!;
    expect(firstChange.changes).toEqual({
      labelIds: { from: [doomed.id, kept.id].sort(), to: [kept.id] },
    });
  });

  it('leaves labels behind when a task moves to another project', async () => {
    const here = await label('stays-here');
    const there = await createProject(t, member);
    const task = await createTask(t, project, member, { labelIds: [here.id] });
    const moved = await t.as(member).patch(`/tasks/${task.id}`).send({ projectId: there.id }).expect(200);
    expect(moved.body.labels).toEqual([]);
  });
});
