import jwt from 'jsonwebtoken';
import { createUser, TestUser } from './support/factories';
import { addMember, createProject, TestProject } from './support/projects';
import { connectSocket, Handshake, refusedHandshake, serverDisconnect, TestSocket } from './support/sockets';
import { createTask } from './support/tasks';
import { api, startTestApp, TEST_ENV, TestApp } from './support/test-app';
import { createTestDatabase } from './support/test-database';
const ADMIN = { email: 'realtime-admin@example.com', password: 'an-admin-password-long-enough' };

describe('real-time updates over Socket.IO', () => {
  let t: TestApp;
  const sockets: TestSocket[] = [];
  const connect = async (user: TestUser) => {
    const client = await connectSocket(t, { auth: { token: user.accessToken } });
    sockets.push(client);
    return client;
  };
  const subscribe = async (client: TestSocket, project: TestProject) =>
    expect(await client.emitWithAck('subscribe', { projectId: project.id })).toEqual({ ok: true });

  beforeAll(async () => {
    t = await startTestApp({
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      REALTIME_REVALIDATE_INTERVAL_MS: '200',
    });
  });
  afterAll(async () => {
    for (const client of sockets) client.close();
    await t.close();
  });

  describe('handshake', () => {
    it('refuses a missing, malformed, forged or revoked credential with "unauthorized"', async () => {
      const user = await createUser(t);
      const key = await t.as(user).post('/auth/api-keys').send({ name: 'revoked' }).expect(201);
      await t.as(user).delete(`/auth/api-keys/${key.body.id}`).expect(204);
      const [header, payload] = user.accessToken.split('.');
      for (const handshake of <Handshake[]>[
        {},
        { auth: { token: '' } },
        { auth: { token: 'not-a-token' } },
        { auth: { token: `${header}.${payload}.forged-signature` } },
        { auth: { token: key.body.key } },
        { auth: { token: 42 } },
        { extraHeaders: { Authorization: 'Basic dXNlcjpwYXNz' } },
      ]) {
        expect(await refusedHandshake(t, handshake)).toBe('unauthorized');
      }
    });

    it('accepts an access token in auth.token or the Authorization header, and an API key', async () => {
      const user = await createUser(t);
      const key = await t.as(user).post('/auth/api-keys').send({ name: 'socket' }).expect(201);
      const narrow = await t
        .as(user)
        .post('/auth/api-keys')
        .send({ name: 'no reading', scopes: ['profile:read'] })
        .expect(201);
      for (const handshake of <Handshake[]>[
        { auth: { token: user.accessToken } },
        { extraHeaders: { Authorization: user.bearer } },
        { auth: { token: key.body.key } },
        { extraHeaders: { 'X-API-Key': key.body.key } },
      ]) {
        const client = await connectSocket(t, handshake);
        expect(client.socket.connected).toBe(true);
        client.close();
      }
      expect(await refusedHandshake(t, { auth: { token: narrow.body.key } })).toMatch(/^forbidden/);
    });
  });

  describe('subscriptions', () => {
    it('lets a member subscribe and refuses outsiders and malformed requests', async () => {
      const [owner, outsider] = await Promise.all([createUser(t), createUser(t)]);
      const project = await createProject(t, owner);
      const ownerSocket = await connect(owner);
      const outsiderSocket = await connect(outsider);
      await subscribe(ownerSocket, project);
      expect(await outsiderSocket.emitWithAck('subscribe', { projectId: project.id })).toEqual({
        ok: false,
        error: 'No such project',
      });
      for (const body of [null, 'x', {}, { projectId: 'nope' }, { projectId: 7 }]) {
        expect(await ownerSocket.emitWithAck('subscribe', body)).toMatchObject({ ok: false });
      }
      expect(await ownerSocket.emitWithAck('unsubscribe', { projectId: project.id })).toEqual({ ok: true });
    });
  });

  describe('events', () => {
    let owner: TestUser;
    let member: TestUser;
    let recipient: TestUser;
    let outsider: TestUser;
    let project: TestProject;
    let ownerSocket: TestSocket;
    let memberSocket: TestSocket;
    let recipientSocket: TestSocket;
    let outsiderSocket: TestSocket;

    beforeAll(async () => {
      [owner, member, recipient, outsider] = await Promise.all(
        Array.from({ length: 4 }, () => createUser(t)),
      );
      project = await createProject(t, owner);
      await addMember(t, project, owner, member, 'member');
      [ownerSocket, memberSocket, recipientSocket, outsiderSocket] = await Promise.all(
        [owner, member, recipient, outsider].map(connect),
      );
      await subscribe(ownerSocket, project);
      // The outsider tries too; the refusal must not let anything through.
      await outsiderSocket.emitWithAck('subscribe', { projectId: project.id });
    });

    it('sends created, updated, assigned, shared, deleted and restored, each with the task as REST returns it', async () => {
      const created = await createTask(t, project, owner, { title: 'Live' });
      const onCreate = await ownerSocket.waitFor('task.created', (e) => e.payload.taskId === created.id);
      expect(onCreate.name).toBe('task.created');
      expect(onCreate.payload).toEqual({
        id: expect.any(String),
        seq: expect.any(Number),
        event: 'task.created',
        projectId: project.id,
        taskId: created.id,
        userId: null,
        actorId: owner.id,
        changes: expect.objectContaining({ title: { from: null, to: 'Live' } }),
        version: 1,
        occurredAt: expect.any(String),
        task: created,
      });

      const updated = await t.as(owner).patch(`/tasks/${created.id}`).send({ priority: 3 }).expect(200);
      const onUpdate = await ownerSocket.waitFor('task.updated', (e) => e.name === 'task.updated');
      expect(onUpdate.payload).toMatchObject({
        changes: { priority: { from: 0, to: 3 } },
        version: 2,
        task: updated.body,
      });

      // The member has not subscribed: being assigned reaches them through their own room.
      await t.as(owner).patch(`/tasks/${created.id}`).send({ assigneeId: member.id }).expect(200);
      const onAssign = await memberSocket.waitFor('task.assigned', (e) => e.name === 'task.assigned');
      expect(onAssign.payload).toMatchObject({
        taskId: created.id,
        changes: { assigneeId: { from: null, to: member.id } },
        task: { assigneeId: member.id },
      });
      await ownerSocket.waitFor('task.assigned on the project room', (e) => e.name === 'task.assigned');

      await t
        .as(owner)
        .post(`/tasks/${created.id}/shares`)
        .send({ userId: recipient.id, permission: 'view' })
        .expect(201);
      const onShare = await recipientSocket.waitFor('task.shared', (e) => e.name === 'task.shared');
      expect(onShare.payload).toMatchObject({
        userId: recipient.id,
        changes: { permission: { from: null, to: 'view' } },
        task: { id: created.id },
      });

      await t.as(owner).delete(`/tasks/${created.id}`).expect(204);
      await recipientSocket.waitFor('task.deleted', (e) => e.name === 'task.deleted');
      const restored = await t.as(owner).post(`/tasks/${created.id}/restore`).expect(200);
      const onRestore = await ownerSocket.waitFor('task.restored', (e) => e.name === 'task.restored');
      expect(onRestore.payload.task).toEqual(restored.body);

      // In commit order, once each, and never to the outsider.
      const seqs = ownerSocket.events.map((e) => e.payload.seq as number);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(seqs.length);
      expect(outsiderSocket.events).toEqual([]);
    });

    it('tells the member who loses an assignment in their own room, with task.updated beside it', async () => {
      const task = await createTask(t, project, owner, { title: 'Handed back', assigneeId: member.id });
      await t.as(owner).patch(`/tasks/${task.id}`).send({ assigneeId: null, title: 'Unowned' }).expect(200);
      // The member is not subscribed to the project: this reaches them only through their own room.
      const onUnassign = await memberSocket.waitFor(
        'task.unassigned',
        (e) => e.name === 'task.unassigned' && e.payload.taskId === task.id,
      );
      expect(onUnassign.payload).toMatchObject({
        userId: member.id,
        changes: { assigneeId: { from: member.id, to: null } },
        task: { assigneeId: null, title: 'Unowned' },
      });
      const onUpdate = await ownerSocket.waitFor(
        'task.updated with every change',
        (e) => e.name === 'task.updated' && e.payload.taskId === task.id && e.payload.version === 2,
      );
      expect(Object.keys(onUpdate.payload.changes as object).sort()).toEqual(['assigneeId', 'title']);
    });

    it('sends nothing for a refused write', async () => {
      const task = await createTask(t, project, owner, { title: 'Guarded' });
      await ownerSocket.waitFor('the task', (e) => e.payload.taskId === task.id);
      const before = ownerSocket.events.length;
      await t
        .as(owner)
        .patch(`/tasks/${task.id}`)
        .set('If-Match', '"9"')
        .send({ title: 'stale' })
        .expect(412);
      await t.as(outsider).patch(`/tasks/${task.id}`).send({ title: 'intruder' }).expect(404);
      await t.as(owner).patch(`/tasks/${task.id}`).send({ assigneeId: outsider.id }).expect(422);
      // Events arrive in commit order: once this marker is in, anything the refused writes sent would be too.
      await t.as(owner).patch(`/projects/${project.id}`).send({ name: 'Marker' });
      await ownerSocket.waitFor('the marker', (e) => e.name === 'project.updated');
      expect(ownerSocket.events.slice(before).map((e) => e.name)).toEqual(['project.updated']);
      expect(outsiderSocket.events).toEqual([]);
    });

    it('stops sending to a removed member at once, after telling them', async () => {
      const leaver = await createUser(t);
      await addMember(t, project, owner, leaver, 'member');
      const leaverSocket = await connect(leaver);
      await subscribe(leaverSocket, project);
      const task = await createTask(t, project, owner, { title: 'Before removal' });
      await leaverSocket.waitFor('a task while a member', (e) => e.payload.taskId === task.id);

      await t.as(owner).delete(`/projects/${project.id}/members/${leaver.id}`).expect(204);
      await leaverSocket.waitFor('member.removed', (e) => e.name === 'member.removed');
      const afterRemoval = leaverSocket.events.length;
      await t.as(owner).patch(`/tasks/${task.id}`).send({ title: 'After removal' }).expect(200);
      // Something the leaver may see, sent after the update: when it arrives, the update would have too.
      const elsewhere = await createProject(t, leaver, 'Their own');
      await leaverSocket.waitFor('their own project', (e) => e.payload.projectId === elsewhere.id);
      expect(leaverSocket.events.slice(afterRemoval).map((e) => e.name)).toEqual(['project.created']);
      expect(await leaverSocket.emitWithAck('subscribe', { projectId: project.id })).toMatchObject({
        ok: false,
      });
    });

    it('tells an added member in their own room, and every member when the project is deleted', async () => {
      const [boss, joiner] = await Promise.all([createUser(t), createUser(t)]);
      const [bossSocket, joinerSocket] = await Promise.all([connect(boss), connect(joiner)]);
      const doomed = await createProject(t, boss, 'Doomed');
      await addMember(t, doomed, boss, joiner, 'viewer');
      const added = await joinerSocket.waitFor('member.added', (e) => e.name === 'member.added');
      expect(added.payload).toMatchObject({
        projectId: doomed.id,
        userId: joiner.id,
        changes: { role: { from: null, to: 'viewer' } },
      });
      await subscribe(joinerSocket, doomed);
      await t.as(boss).delete(`/projects/${doomed.id}`).expect(204);
      for (const client of [bossSocket, joinerSocket]) {
        const deleted = await client.waitFor('project.deleted', (e) => e.name === 'project.deleted');
        expect(deleted.payload).toMatchObject({
          projectId: doomed.id,
          actorId: boss.id,
          project: { id: doomed.id },
        });
      }
      expect(joinerSocket.events.filter((e) => e.name === 'project.deleted')).toHaveLength(1);
    });

    it('stops sending a task to a recipient once it is unshared', async () => {
      const task = await createTask(t, project, owner, { title: 'Briefly shared' });
      const other = await createUser(t);
      const otherSocket = await connect(other);
      await t
        .as(owner)
        .post(`/tasks/${task.id}/shares`)
        .send({ userId: other.id, permission: 'edit' })
        .expect(201);
      await otherSocket.waitFor('task.shared', (e) => e.name === 'task.shared');
      await t.as(owner).delete(`/tasks/${task.id}/shares/${other.id}`).expect(204);
      await otherSocket.waitFor('task.unshared', (e) => e.name === 'task.unshared');
      await t.as(owner).patch(`/tasks/${task.id}`).send({ priority: 7 }).expect(200);
      const own = await createProject(t, other);
      await otherSocket.waitFor('their own project', (e) => e.payload.projectId === own.id);
      expect(otherSocket.events.map((e) => e.name)).toEqual([
        'task.shared',
        // Being shared a task is news to its recipient: their own notification, to their room only.
        'notification.created',
        'task.unshared',
        'project.created',
      ]);
    });
  });

  it('counts connected sockets and events sent in /metrics', async () => {
    const user = await createUser(t);
    const client = await connect(user);
    const project = await createProject(t, user);
    await client.waitFor('project.created', (e) => e.payload.projectId === project.id);
    const metrics = await t.http.get('/metrics').expect(200);
    const connected = /^realtime_sockets_connected (\d+)$/m.exec(metrics.text);
    expect(Number(connected?.[1])).toBeGreaterThanOrEqual(1);
    expect(metrics.text).toMatch(/^realtime_events_sent_total\{event="project.created"\} [1-9]\d*$/m);
  });

  describe('disconnection', () => {
    it('disconnects a socket whose user is disabled or whose API key is revoked', async () => {
      const user = await createUser(t);
      const key = await t.as(user).post('/auth/api-keys').send({ name: 'to revoke' }).expect(201);
      const keySocket = await connectSocket(t, { auth: { token: key.body.key } });
      sockets.push(keySocket);
      const keyGone = serverDisconnect(keySocket);
      await t.as(user).delete(`/auth/api-keys/${key.body.id}`).expect(204);
      expect(await keyGone).toBe('io server disconnect');

      const userSocket = await connect(user);
      const userGone = serverDisconnect(userSocket);
      const admin = await t.http.post(api('/auth/login')).send(ADMIN).expect(200);
      await t.http
        .patch(api(`/admin/users/${user.id}`))
        .set('Authorization', `Bearer ${admin.body.accessToken}`)
        .send({ disabled: true })
        .expect(200);
      expect(await userGone).toBe('io server disconnect');
      expect(await refusedHandshake(t, { auth: { token: user.accessToken } })).toBe('unauthorized');
    });

    it('disconnects the socket of a session ended from the list of sessions, and keeps the one that ended it', async () => {
      const user = await createUser(t);
      const other = await t.http
        .post(api('/auth/login'))
        .send({ email: user.email, password: user.password });
      const elsewhere = {
        ...user,
        accessToken: other.body.accessToken,
        bearer: `Bearer ${other.body.accessToken}`,
      };
      const endedSocket = await connect(elsewhere);
      const keptSocket = await connect(user);
      const ended = serverDisconnect(endedSocket);
      const sessions = await t.as(user).get('/auth/sessions').expect(200);
      const target = sessions.body.find((session: { current: boolean }) => !session.current);
      await t.as(user).delete(`/auth/sessions/${target.id}`).expect(204);
      expect(await ended).toBe('io server disconnect');
      expect(keptSocket.socket.connected).toBe(true);
    });
  });
});

describe('real-time token expiry', () => {
  it('disconnects a socket when its access token expires', async () => {
    const t = await startTestApp();
    try {
      const user = await createUser(t);
      // The same session and claims, signed with the service's key to expire in two seconds.
      const claims = jwt.decode(user.accessToken) as jwt.JwtPayload;
      const shortLived = jwt.sign(
        { ...claims, exp: Math.floor(Date.now() / 1000) + 2 },
        TEST_ENV.JWT_SECRET,
        {
          algorithm: 'HS256',
        },
      );
      await t.http.get(api('/auth/me')).set('Authorization', `Bearer ${shortLived}`).expect(200);
      const client = await connectSocket(t, { auth: { token: shortLived } });
      expect(await serverDisconnect(client)).toBe('io server disconnect');
      expect(await refusedHandshake(t, { auth: { token: shortLived } })).toBe('unauthorized');
    } finally {
      await t.close();
    }
  });
});

const redisUrl = process.env.TEST_REDIS_URL;
const serverUrl = process.env.TEST_DATABASE_URL;
if (!redisUrl || !serverUrl)
  process.stdout.write(
    `realtime: the two-instance test is skipped: ${!redisUrl ? 'TEST_REDIS_URL is not set' : 'TEST_DATABASE_URL is not set (the embedded database serves one process)'}\n`,
  );
const describeTwoInstances = redisUrl && serverUrl ? describe : describe.skip;

describeTwoInstances('real-time across two instances on one PostgreSQL and one Redis', () => {
  it('delivers a change made through instance A to a subscriber connected to instance B', async () => {
    const database = await createTestDatabase();
    const env = { REDIS_URL: redisUrl!, DATABASE_URL: database.url };
    const a = await startTestApp(env, database);
    const b = await startTestApp(env, database);
    try {
      const [owner, member] = await Promise.all([createUser(a), createUser(a)]);
      const project = await createProject(a, owner);
      await addMember(a, project, owner, member, 'member');
      const onB = await connectSocket(b, { auth: { token: member.accessToken } });
      try {
        expect(await onB.emitWithAck('subscribe', { projectId: project.id })).toEqual({ ok: true });
        const task = await createTask(a, project, owner, { title: 'Made on A' });
        const event = await onB.waitFor('task.created from A', (e) => e.payload.taskId === task.id);
        expect(event.payload).toMatchObject({
          event: 'task.created',
          task: { id: task.id, title: 'Made on A' },
        });

        await a.as(owner).delete(`/projects/${project.id}/members/${member.id}`).expect(204);
        await onB.waitFor('member.removed from A', (e) => e.name === 'member.removed');
        const after = onB.events.length;
        await a
          .as(owner)
          .patch(`/tasks/${task.id}`)
          .send({ title: 'Not for the removed member' })
          .expect(200);
        const own = await createProject(a, member);
        await onB.waitFor('their own project', (e) => e.payload.projectId === own.id);
        expect(onB.events.slice(after).map((e) => e.name)).toEqual(['project.created']);
        // Each instance sends to its own sockets only: one copy per event.
        const ids = onB.events.map((e) => e.payload.id);
        expect(new Set(ids).size).toBe(ids.length);
      } finally {
        onB.close();
      }
    } finally {
      await b.close();
      await a.close();
      await database.drop();
    }
  });
});
