import type { TestUser } from './support/factories';
import { createTeam, TestProject } from './support/projects';
import { createTask } from './support/tasks';
import { startTestApp, TestApp } from './support/test-app';

describe('saved views', () => {
  let t: TestApp;
  let owner: TestUser;
  let admin: TestUser;
  let member: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;
  let project: TestProject;

  const fieldsOf = (body: { errors?: { field: string }[] }) =>
    (body.errors ?? []).map((error) => error.field).sort();
  const saveView = (by: TestUser, body: object) => t.as(by).post(`/projects/${project.id}/views`).send(body);
  const viewNames = async (by: TestUser) =>
    (await t.as(by).get(`/projects/${project.id}/views`).expect(200)).body.items.map(
      (view: { name: string }) => view.name,
    );

  beforeAll(async () => {
    t = await startTestApp();
    ({ project, owner, admin, member, viewer, outsider } = await createTeam(t));
    for (let index = 0; index < 5; index += 1) {
      await createTask(t, project, member, {
        title: `Mine ${index}`,
        assigneeId: member.id,
        priority: index,
        dueDate: `2026-12-1${index}`,
      });
    }
    await createTask(t, project, owner, { title: 'Not mine', priority: 9 });
  });
  afterAll(() => t.close());

  it("answers exactly what the project's list answers for the view's query, page by page", async () => {
    const query = 'assigneeId=me&completed=false&sort=dueDate';
    const created = await saveView(member, { name: ' Due soon ', query, layout: 'list' }).expect(201);
    expect(created.headers.location).toBe(`/api/v1/views/${created.body.id}`);
    expect(created.body).toMatchObject({
      projectId: project.id,
      ownerId: member.id,
      name: 'Due soon',
      query,
      layout: 'list',
      shared: false,
      version: 1,
    });
    let listCursor: string | null = null;
    let viewCursor: string | null = null;
    const seen: string[] = [];
    do {
      const paging: string = `limit=2${listCursor ? `&cursor=${encodeURIComponent(listCursor)}` : ''}`;
      const list = await t.as(member).get(`/projects/${project.id}/tasks?${query}&${paging}`).expect(200);
      const viewPaging: string = `limit=2${viewCursor ? `&cursor=${encodeURIComponent(viewCursor)}` : ''}`;
      const view = await t.as(member).get(`/views/${created.body.id}/tasks?${viewPaging}`).expect(200);
      expect(view.body).toEqual(list.body);
      seen.push(...view.body.items.map((task: { title: string }) => task.title));
      listCursor = list.body.nextCursor;
      viewCursor = view.body.nextCursor;
    } while (listCursor);
    expect(seen).toEqual(['Mine 0', 'Mine 1', 'Mine 2', 'Mine 3', 'Mine 4']);
  });

  it('checks a query as the list route does, naming the parameter, and stores no cursor', async () => {
    for (const [query, fields] of [
      ['stateId=nope', ['query.stateId']],
      ['sort=colour', ['query.sort']],
      ['bogus=1', ['query.bogus']],
      ['cursor=abc', ['query.cursor']],
      ['limit=0&due=someday', ['query.due', 'query.limit']],
    ] as const) {
      const res = await saveView(member, { name: 'Bad', query, layout: 'board' }).expect(422);
      expect(fieldsOf(res.body)).toEqual(fields);
    }
    const confused = await saveView(member, {
      name: 7,
      query: ['a=1'],
      layout: 'grid',
      shared: 'yes',
    }).expect(422);
    expect(fieldsOf(confused.body)).toEqual(['layout', 'name', 'query', 'shared']);
  });

  it("keeps a personal view its author's alone, and lets members share one with the project", async () => {
    await saveView(viewer, { name: 'Viewer notes', query: '', layout: 'board' }).expect(201);
    await saveView(viewer, { name: 'Viewer shares', query: '', layout: 'board', shared: true }).expect(403);
    await saveView(outsider, { name: 'Outside', query: '', layout: 'board' }).expect(404);
    const shared = (
      await saveView(member, {
        name: 'Team board',
        query: 'completed=false',
        layout: 'board',
        shared: true,
      }).expect(201)
    ).body;
    expect(await viewNames(viewer)).toEqual(['Team board', 'Viewer notes']);
    expect(await viewNames(member)).toEqual(['Due soon', 'Team board']);
    await t.as(viewer).get(`/views/${shared.id}/tasks`).expect(200);
    await t.as(outsider).get(`/views/${shared.id}`).expect(404);
    await t.as(outsider).get(`/views/${shared.id}/tasks`).expect(404);

    const personal = (await t.as(member).get(`/projects/${project.id}/views`).expect(200)).body.items.find(
      (view: { name: string }) => view.name === 'Due soon',
    );
    // Another person's personal view is not there for them at all, not even for the owner.
    await t.as(owner).get(`/views/${personal.id}`).expect(404);
    await t.as(owner).patch(`/views/${personal.id}`).send({ name: 'Taken' }).expect(404);
    await t.as(viewer).patch(`/views/${shared.id}`).send({ name: 'Mine now' }).expect(403);
    // A viewer keeps changing a view of their own, but cannot share it.
    const notes = (await t.as(viewer).get(`/projects/${project.id}/views`).expect(200)).body.items.find(
      (view: { name: string }) => view.name === 'Viewer notes',
    );
    await t.as(viewer).patch(`/views/${notes.id}`).send({ layout: 'list' }).expect(200);
    await t.as(viewer).patch(`/views/${notes.id}`).send({ shared: true }).expect(403);
    await t.as(viewer).delete(`/views/${shared.id}`).expect(403);
    const renamed = await t.as(admin).patch(`/views/${shared.id}`).send({ name: 'Open work' }).expect(200);
    expect(renamed.body).toMatchObject({ name: 'Open work', version: 2, ownerId: member.id });
    await t.as(member).patch(`/views/${shared.id}`).send({ query: 'sort=sideways' }).expect(422);
    await t.as(member).delete(`/views/${shared.id}`).expect(204);
    await t.as(viewer).get(`/views/${shared.id}`).expect(404);
  });

  it('answers a clear 422 once its query names a state the project no longer has, and 200 before', async () => {
    const states = (await t.as(admin).get(`/projects/${project.id}/states`).expect(200)).body.items;
    const review = (
      await t
        .as(admin)
        .post(`/projects/${project.id}/states`)
        .send({ name: 'Review', category: 'started' })
        .expect(201)
    ).body;
    const view = (
      await saveView(member, { name: 'In review', query: `stateId=${review.id}`, layout: 'list' }).expect(201)
    ).body;
    await t.as(member).get(`/views/${view.id}/tasks`).expect(200);
    const inProgress = states.find((state: { category: string }) => state.category === 'started');
    await t
      .as(admin)
      .delete(`/projects/${project.id}/states/${review.id}?moveTo=${inProgress.id}`)
      .expect(204);
    const stale = await t.as(member).get(`/views/${view.id}/tasks`).expect(422);
    expect(stale.body.detail ?? stale.body.message).toContain(`state ${review.id}`);
    expect(fieldsOf(stale.body)).toEqual(['query']);
  });
});
