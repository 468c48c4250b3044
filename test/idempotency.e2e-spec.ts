import { createUser, TestUser } from './support/factories';
import { createProject, TestProject } from './support/projects';
import { startTestApp, TestApp } from './support/test-app';

describe('idempotent creates (Idempotency-Key)', () => {
  let t: TestApp;
  let user: TestUser;
  let project: TestProject;

  beforeAll(async () => {
    t = await startTestApp();
    user = await createUser(t);
    project = await createProject(t, user);
  });
  afterAll(() => t.close());

  const createTask = (key: string, body: object) =>
    t.as(user).post(`/projects/${project.id}/tasks`).set('Idempotency-Key', key).send(body);

  async function taskCount(): Promise<number> {
    const res = await t.as(user).get(`/projects/${project.id}/tasks?limit=200`).expect(200);
    return res.body.items.length;
  }

  it('replays the first response for the same key and body: same status, same id, no new row', async () => {
    const before = await taskCount();
    const first = await createTask('key-replay-1', { title: 'Once' }).expect(201);
    const again = await createTask('key-replay-1', { title: 'Once' }).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await taskCount()).toBe(before + 1);
  });

  it('answers 422 for the same key with another body', async () => {
    await createTask('key-other-body', { title: 'First' }).expect(201);
    const res = await createTask('key-other-body', { title: 'Second' }).expect(422);
    expect(res.body.detail).toMatch(/different request/);
  });

  it('scopes keys to the caller, and to the route', async () => {
    const other = await createUser(t);
    const otherProject = await createProject(t, other);
    await createTask('key-shared', { title: 'Mine' }).expect(201);
    const theirs = await t
      .as(other)
      .post(`/projects/${otherProject.id}/tasks`)
      .set('Idempotency-Key', 'key-shared')
      .send({ title: 'Mine' })
      .expect(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    // A valid project body: the refusal is the key's, reused on another route.
    const elsewhere = await t
      .as(user)
      .post('/projects')
      .set('Idempotency-Key', 'key-shared')
      .send({ name: 'Mine' })
      .expect(422);
    expect(elsewhere.body.detail).toMatch(/different request/);
  });

  it('lets concurrent retries create exactly one row; the others wait (409) or replay', async () => {
    const before = await taskCount();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => createTask('key-concurrent', { title: 'Racing' })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    const ids = new Set(results.filter((r) => r.status === 201).map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(await taskCount()).toBe(before + 1);
    const later = await createTask('key-concurrent', { title: 'Racing' }).expect(201);
    expect(ids.has(later.body.id)).toBe(true);
  });

  it('frees the key when the first attempt fails, so a corrected retry runs', async () => {
    await createTask('key-after-failure', {
      title: 'x',
      assigneeId: '00000000-0000-4000-8000-000000000000',
    }).expect(422);
    await createTask('key-after-failure', {
      title: 'x',
      assigneeId: '00000000-0000-4000-8000-000000000000',
    }).expect(422);
    const before = await taskCount();
    await createTask('key-after-failure-2', { title: 'ok' }).expect(201);
    expect(await taskCount()).toBe(before + 1);
  });

  it('works for projects and for POST /tasks too, and refuses a malformed key', async () => {
    const first = await t
      .as(user)
      .post('/projects')
      .set('Idempotency-Key', 'project-key')
      .send({ name: 'P' })
      .expect(201);
    const again = await t
      .as(user)
      .post('/projects')
      .set('Idempotency-Key', 'project-key')
      .send({ name: 'P' })
      .expect(201);
    expect(again.body.id).toBe(first.body.id);
    const inbox = await t
      .as(user)
      .post('/tasks')
      .set('Idempotency-Key', 'inbox-key')
      .send({ title: 'I' })
      .expect(201);
    const inboxAgain = await t
      .as(user)
      .post('/tasks')
      .set('Idempotency-Key', 'inbox-key')
      .send({ title: 'I' })
      .expect(201);
    expect(inboxAgain.body.id).toBe(inbox.body.id);
    await t
      .as(user)
      .post('/projects')
      .set('Idempotency-Key', 'x'.repeat(256))
      .send({ name: 'P' })
      .expect(400);
  });
});
