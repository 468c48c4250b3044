import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OutboxDispatcher } from '../src/events/outbox-dispatcher';
import { eventually } from './support/eventually';
import { createUser, TestUser } from './support/factories';
import { addMember, createProject, TestProject } from './support/projects';
import { RecordedRequest, ScriptedServer } from './support/scripted-server';
import { createTask, TestTask } from './support/tasks';
import { api, startTestApp, TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';

const onServer = Boolean(process.env.TEST_DATABASE_URL);
if (!onServer)
  process.stdout.write(
    'webhooks: TEST_DATABASE_URL is not set, so the two-instance delivery test is skipped; the embedded database ' +
      'serves one process\n',
  );
const itOnServer = onServer ? it : it.skip;

/** Fast retries, a short timeout, and the loopback receiver allowed over plain http. */
const WEBHOOK_ENV = {
  WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
  WEBHOOK_RETRY_BASE_MS: '40',
  WEBHOOK_TIMEOUT_MS: '300',
  WEBHOOK_POLL_INTERVAL_MS: '50',
  WEBHOOK_DISABLE_AFTER_FAILURES: '2',
};

interface Body {
  id: string;
  seq: number;
  event: string;
  occurredAt: string;
  data: { task?: Record<string, unknown>; changes: Record<string, { from: unknown; to: unknown }> };
}

const bodyOf = (request: RecordedRequest) => JSON.parse(request.body) as Body;
const receiver = (status = 200) => new ScriptedServer(() => ({ status })).start();

async function createWebhook(
  t: TestApp,
  project: TestProject,
  by: TestUser,
  fields: Record<string, unknown>,
): Promise<{ id: string; secret: string; [field: string]: unknown }> {
  const res = await t
    .as(by)
    .post(`/projects/${project.id}/webhooks`)
    .send({ events: ['*'], ...fields })
    .expect(201);
  return res.body;
}

async function deliveryLog(t: TestApp, project: TestProject, by: TestUser, webhookId: string) {
  const res = await t.as(by).get(`/projects/${project.id}/webhooks/${webhookId}/deliveries`).expect(200);
  return res.body.items as Record<string, unknown>[];
}

describe('webhook settings', () => {
  let t: TestApp;
  let owner: TestUser;
  let project: TestProject;

  beforeAll(async () => {
    t = await startTestApp(WEBHOOK_ENV);
    owner = await createUser(t);
    project = await createProject(t, owner);
  });
  afterAll(() => t.close());

  const as = (user: TestUser) => ({ Authorization: user.bearer });

  it('shows the secret once, then lists, changes and deletes the webhook', async () => {
    const created = await t.http
      .post(api(`/projects/${project.id}/webhooks`))
      .set(as(owner))
      .send({ url: 'https://93.184.215.14/hooks', events: ['task.created'], description: 'CI' })
      .expect(201);
    expect(created.body).toMatchObject({
      projectId: project.id,
      url: 'https://93.184.215.14/hooks',
      events: ['task.created'],
      active: true,
      disabledReason: null,
    });
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(created.headers.location).toBe(`/api/v1/projects/${project.id}/webhooks/${created.body.id}`);
    const path = api(`/projects/${project.id}/webhooks/${created.body.id}`);

    const read = await t.http.get(path).set(as(owner)).expect(200);
    expect(read.body).not.toHaveProperty('secret');
    expect(JSON.stringify(read.body)).not.toContain(created.body.secret);
    const list = await t.http
      .get(api(`/projects/${project.id}/webhooks`))
      .set(as(owner))
      .expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(created.body.id);

    const changed = await t.http
      .patch(path)
      .set(as(owner))
      .send({ events: ['task.updated', 'task.deleted'] })
      .expect(200);
    expect(changed.body).toMatchObject({ events: ['task.updated', 'task.deleted'], description: 'CI' });
    await t.http.delete(path).set(as(owner)).expect(204);
    await t.http.get(path).set(as(owner)).expect(404);
    await t.http.delete(path).set(as(owner)).expect(404);
  });

  it('is for owners and admins with the webhooks:write scope; others get 403, outsiders 404', async () => {
    const [admin, member, outsider] = await Promise.all([createUser(t), createUser(t), createUser(t)]);
    await addMember(t, project, owner, admin, 'admin');
    await addMember(t, project, owner, member, 'member');
    const url = 'https://93.184.215.14/x';
    const webhook = await createWebhook(t, project, admin, { url });
    const path = api(`/projects/${project.id}/webhooks/${webhook.id}`);

    await t.http.get(path).set(as(member)).expect(403);
    await t.http
      .post(api(`/projects/${project.id}/webhooks`))
      .set(as(member))
      .send({ url, events: ['*'] })
      .expect(403);
    await t.http.get(path).set(as(outsider)).expect(404);
    await t.http.patch(path).set(as(outsider)).send({ active: false }).expect(404);

    const key = await t.http
      .post(api('/auth/api-keys'))
      .set(as(owner))
      .send({ name: 'read-only', scopes: ['projects:read', 'tasks:read'] })
      .expect(201);
    await t.http.get(path).set('X-API-Key', key.body.key).expect(403);

    // Another project's webhook id is not found through this project.
    const elsewhere = await createProject(t, owner, 'Elsewhere');
    await t.http
      .get(api(`/projects/${elsewhere.id}/webhooks/${webhook.id}`))
      .set(as(owner))
      .expect(404);
    await t.http
      .delete(api(`/projects/${elsewhere.id}/webhooks/${webhook.id}`))
      .set(as(owner))
      .expect(404);
    await t.http.get(path).set(as(owner)).expect(200);
  });

  it.each([
    [{ events: [] }, 'events'],
    [{ events: ['task.exploded'] }, 'events'],
    [{ events: ['task.created', 'task.created'] }, 'events'],
    [{ secret: 'short' }, 'secret'],
    [{ active: 'yes' }, 'active'],
    [{ url: 42 }, 'url'],
    [{ id: '00000000-0000-0000-0000-000000000000' }, 'id'],
  ])('refuses %j with 422 naming %s', async (fields, field) => {
    const res = await t.http
      .post(api(`/projects/${project.id}/webhooks`))
      .set(as(owner))
      .send({ url: 'https://93.184.215.14/x', events: ['*'], ...fields })
      .expect(422);
    expect(res.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it.each([
    'https://10.0.0.1/hook',
    'https://192.168.1.20/hook',
    'https://172.16.0.1/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://100.64.0.1/hook',
    'https://0.0.0.0/hook',
    'https://2130706434/hook',
    'https://[::1]/hook',
    'https://[::ffff:7f00:1]/hook',
    'https://[fd00::1]/hook',
    'https://[fe80::1]/hook',
    'https://localhost/hook',
    'http://93.184.215.14/hook',
    'ftp://93.184.215.14/hook',
    'https://user:password@93.184.215.14/hook',
    'not a url',
  ])('refuses the address %s (SSRF guard)', async (url) => {
    const res = await t.http
      .post(api(`/projects/${project.id}/webhooks`))
      .set(as(owner))
      .send({ url, events: ['*'] })
      .expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'url' })]);
  });

  it('refuses the same addresses on PATCH, and accepts an allowed host over http', async () => {
    const webhook = await createWebhook(t, project, owner, { url: 'http://127.0.0.1:9/allowed' });
    const path = api(`/projects/${project.id}/webhooks/${webhook.id}`);
    await t.http.patch(path).set(as(owner)).send({ url: 'https://10.1.2.3/' }).expect(422);
    expect((await t.http.get(path).set(as(owner)).expect(200)).body.url).toBe('http://127.0.0.1:9/allowed');
  });
});

describe('webhook deliveries', () => {
  let t: TestApp;
  let owner: TestUser;
  let hooks: ScriptedServer;

  beforeAll(async () => {
    hooks = await receiver();
    t = await startTestApp(WEBHOOK_ENV);
    owner = await createUser(t);
  });
  afterAll(async () => {
    await t.close();
    await hooks.close();
  });

  const as = (user: TestUser) => ({ Authorization: user.bearer });
  const received = (path: string) => hooks.requests.filter((request) => request.path === path);

  it('delivers each change once per matching webhook, signed, with the new state and the changes', async () => {
    const project = await createProject(t, owner);
    const other = await createProject(t, owner, 'Other');
    const everything = await createWebhook(t, project, owner, { url: `${hooks.url}/all` });
    await createWebhook(t, project, owner, {
      url: `${hooks.url}/creates`,
      events: ['task.created'],
      secret: 'a-secret-chosen-by-the-user',
    });
    await createWebhook(t, other, owner, { url: `${hooks.url}/other` });

    const task = await createTask(t, project, owner, { title: 'Ship it' });
    await t.http
      .patch(api(`/tasks/${task.id}`))
      .set(as(owner))
      .send({ title: 'Ship it today', priority: 3 })
      .expect(200);
    await eventually('both deliveries', () => received('/all').length === 2);
    await eventually('the create delivery', () => received('/creates').length === 1);

    const [created, updated] = received('/all').map(bodyOf);
    expect(created).toMatchObject({
      event: 'task.created',
      data: { task: { id: task.id, title: 'Ship it' } },
    });
    expect(updated).toMatchObject({
      event: 'task.updated',
      data: {
        task: { id: task.id, title: 'Ship it today', priority: 3, version: 2 },
        changes: { title: { from: 'Ship it', to: 'Ship it today' }, priority: { from: 0, to: 3 } },
      },
    });
    expect(updated.seq).toBeGreaterThan(created.seq);
    expect(Date.parse(updated.occurredAt)).not.toBeNaN();

    const [createdOnce] = received('/creates');
    expect(bodyOf(createdOnce).id).toBe(created.id);
    const expected = createHmac('sha256', 'a-secret-chosen-by-the-user')
      .update(createdOnce.body)
      .digest('hex');
    expect(createdOnce.headers['x-taskforge-signature']).toBe(`sha256=${expected}`);
    expect(createdOnce.headers['x-taskforge-event']).toBe('task.created');
    expect(createdOnce.headers['content-type']).toBe('application/json');
    for (const request of received('/all')) {
      const signature = createHmac('sha256', everything.secret).update(request.body).digest('hex');
      expect(request.headers['x-taskforge-signature']).toBe(`sha256=${signature}`);
    }

    // The receiver has the request a moment before the sender records the answer.
    let log: Awaited<ReturnType<typeof deliveryLog>> = [];
    await eventually('both deliveries to be recorded', async () => {
      log = await deliveryLog(t, project, owner, everything.id);
      return log.every((delivery) => delivery.status !== 'pending');
    });
    expect(log.map((delivery) => [delivery.event, delivery.status, delivery.attempts])).toEqual([
      ['task.updated', 'succeeded', 1],
      ['task.created', 'succeeded', 1],
    ]);
    expect(log.map((delivery) => delivery.id)).toEqual(
      received('/all')
        .map((request) => request.headers['x-taskforge-delivery'])
        .reverse(),
    );
    expect(received('/other')).toHaveLength(0);
  });

  it('tells a webhook only of what commits after it exists, even when the queue replays older records', async () => {
    const dataSource = t.app.get(DataSource);
    const [{ position }] = await dataSource.query<{ position: string }[]>(
      `SELECT position FROM outbox_positions WHERE consumer = 'webhooks'`,
    );
    const project = await createProject(t, owner);
    await createTask(t, project, owner, { title: 'before the webhook' });
    const webhook = await createWebhook(t, project, owner, { url: `${hooks.url}/late` });
    await createTask(t, project, owner, { title: 'after the webhook' });
    await eventually('the delivery', () => received('/late').length === 1);

    // A queue running behind, as after a crash or under load: it meets the older records after the webhook exists.
    await dataSource.query(`UPDATE outbox_positions SET position = $1 WHERE consumer = 'webhooks'`, [
      position,
    ]);
    await t.app.get(OutboxDispatcher).drain();

    const log = await deliveryLog(t, project, owner, webhook.id);
    expect(log).toHaveLength(1);
    expect(received('/late').map((request) => bodyOf(request).data.task?.title)).toEqual([
      'after the webhook',
    ]);
  });

  it('delivers nothing for refused writes, and nothing twice', async () => {
    const project = await createProject(t, owner);
    const viewer = await createUser(t);
    await addMember(t, project, owner, viewer, 'viewer');
    await createWebhook(t, project, owner, { url: `${hooks.url}/guarded` });
    const task = await createTask(t, project, owner, { title: 'Guarded' });

    await t.http
      .patch(api(`/tasks/${task.id}`))
      .set({ ...as(owner), 'If-Match': '"7"' })
      .send({ title: 'stale' })
      .expect(412);
    await t.http
      .patch(api(`/tasks/${task.id}`))
      .set(as(viewer))
      .send({ title: 'not allowed' })
      .expect(403);
    await t.http
      .post(api(`/projects/${project.id}/tasks`))
      .set(as(owner))
      .send({ title: '' })
      .expect(422);
    await t.http
      .delete(api(`/tasks/${task.id}`))
      .set(as(owner))
      .expect(204);

    await eventually('the delete', () =>
      received('/guarded').some((r) => bodyOf(r).event === 'task.deleted'),
    );
    const bodies = received('/guarded').map(bodyOf);
    expect(bodies.map((body) => body.event)).toEqual(['task.created', 'task.deleted']);
    expect(new Set(bodies.map((body) => body.id)).size).toBe(2);
  });

  it('retries after a 500 and a timeout with the same delivery, then succeeds; the log pages', async () => {
    const project = await createProject(t, owner);
    const webhook = await createWebhook(t, project, owner, { url: `${hooks.url}/persist` });
    hooks.willAnswerOn('/persist', { status: 500 }, { status: 200, delayMs: 1500 });
    await createTask(t, project, owner, { title: 'Persist' });

    await eventually('the log to say it succeeded', async () => {
      const [delivery] = await deliveryLog(t, project, owner, webhook.id);
      return delivery?.status === 'succeeded';
    });
    const attempts = received('/persist');
    expect(new Set(attempts.map((r) => r.headers['x-taskforge-delivery'])).size).toBe(1);
    expect(new Set(attempts.map((r) => r.body)).size).toBe(1);
    const [delivery] = await deliveryLog(t, project, owner, webhook.id);
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 3, responseStatus: 200, error: null });
    expect(attempts.length).toBe(3);

    await createTask(t, project, owner, { title: 'Second' });
    await eventually('the second delivery', () => received('/persist').length === 4);
    const first = await t.http
      .get(api(`/projects/${project.id}/webhooks/${webhook.id}/deliveries?limit=1`))
      .set(as(owner))
      .expect(200);
    const second = await t.http
      .get(api(`/projects/${project.id}/webhooks/${webhook.id}/deliveries`))
      .query({ limit: 1, cursor: first.body.nextCursor })
      .set(as(owner))
      .expect(200);
    expect([first.body.items[0].event, second.body.items[0].id]).toEqual(['task.created', delivery.id]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('redelivers the same body as a new delivery, and refuses another webhook’s delivery', async () => {
    const project = await createProject(t, owner);
    const webhook = await createWebhook(t, project, owner, { url: `${hooks.url}/again` });
    const path = api(`/projects/${project.id}/webhooks/${webhook.id}`);
    await createTask(t, project, owner, { title: 'Again' });
    await eventually('the first delivery', () => received('/again').length === 1);
    const [original] = await deliveryLog(t, project, owner, webhook.id);

    const again = await t.http
      .post(`${path}/deliveries/${original.id as string}/redeliver`)
      .set(as(owner))
      .expect(202);
    expect(again.body).toMatchObject({
      redeliveryOf: original.id,
      status: 'pending',
      activityId: original.activityId,
    });
    await eventually('the redelivery', () => received('/again').length === 2);
    const [first, second] = received('/again');
    expect(second.body).toBe(first.body);
    expect(second.headers['x-taskforge-delivery']).toBe(again.body.id);

    const stranger = await createWebhook(t, project, owner, { url: 'https://93.184.215.14/x' });
    await t.http
      .post(
        api(`/projects/${project.id}/webhooks/${stranger.id}/deliveries/${original.id as string}/redeliver`),
      )
      .set(as(owner))
      .expect(404);
  });

  it('disables a webhook whose deliveries keep failing, says why, and resumes when re-enabled', async () => {
    const failing = await receiver(500);
    try {
      const project = await createProject(t, owner);
      const webhook = await createWebhook(t, project, owner, { url: `${failing.url}/down` });
      const path = api(`/projects/${project.id}/webhooks/${webhook.id}`);
      await createTask(t, project, owner, { title: 'one' });
      await createTask(t, project, owner, { title: 'two' });

      await eventually('the webhook to be disabled', async () => {
        const res = await t.http.get(path).set(as(owner)).expect(200);
        return res.body.active === false;
      });
      const disabled = (await t.http.get(path).set(as(owner)).expect(200)).body;
      expect(disabled.disabledReason).toBe(
        '2 deliveries in a row failed every attempt; the last: answered 500',
      );
      expect(disabled.disabledAt).not.toBeNull();
      const log = await deliveryLog(t, project, owner, webhook.id);
      expect(log.map((delivery) => [delivery.status, delivery.attempts, delivery.responseStatus])).toEqual([
        ['failed', 5, 500],
        ['failed', 5, 500],
      ]);
      expect(failing.requests).toHaveLength(10);

      // While disabled, changes queue nothing; redelivery waits for it to be enabled.
      await createTask(t, project, owner, { title: 'three' });
      await t.http
        .post(`${path}/deliveries/${log[0].id as string}/redeliver`)
        .set(as(owner))
        .expect(409);
      const enabled = await t.http
        .patch(path)
        .set(as(owner))
        .send({ active: true, url: `${hooks.url}/revived` })
        .expect(200);
      expect(enabled.body).toMatchObject({ active: true, disabledReason: null, disabledAt: null });
      await createTask(t, project, owner, { title: 'four' });
      await eventually('the delivery after re-enabling', () => received('/revived').length === 1);
      expect(bodyOf(received('/revived')[0]).data.task?.title).toBe('four');
    } finally {
      await failing.close();
    }
  });
});

describe('webhook deliveries across restarts', () => {
  let database: TestDatabase;
  let hooks: ScriptedServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    hooks = await receiver();
  });
  afterAll(async () => {
    await hooks.close();
    await database.drop();
  });

  it('resumes pending deliveries after a restart, losing and doubling none', async () => {
    const first = await startTestApp({ ...WEBHOOK_ENV, WEBHOOK_RETRY_BASE_MS: '60000' }, database);
    const owner = await createUser(first);
    const project = await createProject(first, owner);
    await createWebhook(first, project, owner, { url: `${hooks.url}/restart` });
    // The receiver is down for the first attempts; the retries are due long after this instance stops.
    hooks.willAnswerOn('/restart', { status: 503 }, { status: 503 }, { status: 503 });
    const tasks: TestTask[] = [];
    for (const title of ['a', 'b', 'c']) tasks.push(await createTask(first, project, owner, { title }));
    await eventually('three failed attempts', () => hooks.requests.length === 3);
    await first.close();

    const second = await startTestApp(WEBHOOK_ENV, database);
    try {
      // Bring the retries forward rather than wait a minute for them.
      await second.app.get(DataSource).query(`UPDATE webhook_deliveries SET next_attempt_at = now()`);
      await eventually('every delivery to succeed', () =>
        tasks.every((task) =>
          hooks.requests.some(
            (request) => request.status === 200 && bodyOf(request).data.task?.id === task.id,
          ),
        ),
      );
      const succeeded = hooks.requests.filter((request) => request.status === 200).map((r) => bodyOf(r).id);
      expect(succeeded).toHaveLength(3);
      expect(new Set(succeeded).size).toBe(3);
    } finally {
      await second.close();
    }
  });

  itOnServer('has two instances attempt each delivery once between them', async () => {
    const [a, b] = [await startTestApp(WEBHOOK_ENV, database), await startTestApp(WEBHOOK_ENV, database)];
    try {
      const owner = await createUser(a);
      const project = await createProject(a, owner);
      await createWebhook(a, project, owner, { url: `${hooks.url}/shared` });
      const writes = Array.from({ length: 20 }, (_, index) =>
        createTask(index % 2 ? a : b, project, owner, { title: `task ${index}` }),
      );
      await Promise.all(writes);
      const shared = () => hooks.requests.filter((request) => request.path === '/shared');
      await eventually('twenty deliveries', () => shared().length >= 20);
      // Both instances poll every 50 ms; a double send would show up well within this.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(shared()).toHaveLength(20);
      expect(new Set(shared().map((request) => bodyOf(request).id)).size).toBe(20);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('checks the address again at delivery time: a host no longer allowed gets nothing', async () => {
    const first = await startTestApp(
      { ...WEBHOOK_ENV, WEBHOOK_ALLOW_HOSTS: '127.0.0.1,localhost' },
      database,
    );
    const owner = await createUser(first);
    const project = await createProject(first, owner);
    const webhook = await createWebhook(first, project, owner, { url: `${hooks.url}/revoked` });
    // A name is resolved at delivery and the address connected to is the one checked (no DNS rebinding).
    const named = await createWebhook(first, project, owner, {
      url: `${hooks.url.replace('127.0.0.1', 'localhost')}/renamed`,
    });
    await first.close();

    const second = await startTestApp({ ...WEBHOOK_ENV, WEBHOOK_ALLOW_HOSTS: '' }, database);
    try {
      await createTask(second, project, owner, { title: 'not for loopback' });
      await eventually('a refused attempt', async () => {
        const [delivery] = await deliveryLog(second, project, owner, webhook.id);
        return typeof delivery?.error === 'string';
      });
      const [delivery] = await deliveryLog(second, project, owner, webhook.id);
      expect(delivery).toMatchObject({
        responseStatus: null,
        error: 'refused to connect to 127.0.0.1: not a public address',
      });
      await eventually('a refused attempt by name', async () => {
        const [delivery] = await deliveryLog(second, project, owner, named.id);
        return typeof delivery?.error === 'string';
      });
      const [byName] = await deliveryLog(second, project, owner, named.id);
      expect(byName.error).toMatch(/^refused to connect to (127\.0\.0\.1|::1): not a public address$/);
      expect(
        hooks.requests.filter((request) => ['/revoked', '/renamed'].includes(request.path)),
      ).toHaveLength(0);
    } finally {
      await second.close();
    }
  });
});
