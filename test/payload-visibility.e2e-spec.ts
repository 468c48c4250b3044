import { eventually } from './support/eventually';
import { createUser, TestUser } from './support/factories';
import { addMember, createProject, TestProject } from './support/projects';
import { ScriptedServer } from './support/scripted-server';
import { connectSocket, TestSocket } from './support/sockets';
import { createTask, TestTask } from './support/tasks';
import { api, startTestApp, TestApp } from './support/test-app';

/**
 * One table for every path a record that names a second task can take. Ada relates t2 (a shared project, where Bob
 * is a member) to x3 (her private project), and t2 to t4 (shared, the control). Bob, and the shared project's
 * webhook, must learn of the control relation everywhere and of x3 nowhere: neither its id nor its title.
 */
describe('a payload never names a task its recipient cannot read', () => {
  let t: TestApp;
  let receiver: ScriptedServer;
  let ada: TestUser;
  let bob: TestUser;
  let shared: TestProject;
  let t2: TestTask;
  let x3: TestTask;
  let t4: TestTask;
  let privateRelation: string;
  let controlRelation: string;
  let bobSocket: TestSocket;
  let adaSocket: TestSocket;

  const leaks = (payload: unknown) => {
    const text = JSON.stringify(payload);
    return text.includes(x3.id) || text.includes('Private plan');
  };

  beforeAll(async () => {
    receiver = await new ScriptedServer(() => ({ status: 200 })).start();
    t = await startTestApp({ WEBHOOK_ALLOW_HOSTS: '127.0.0.1', WEBHOOK_RETRY_BASE_MS: '50' });
    [ada, bob] = [await createUser(t), await createUser(t)];
    shared = await createProject(t, ada, 'Shared');
    await addMember(t, shared, ada, bob, 'member');
    const mine = await createProject(t, ada, 'Mine');
    await t
      .as(ada)
      .post(`/projects/${shared.id}/webhooks`)
      .send({ url: `${receiver.url}/hook`, events: ['*'] })
      .expect(201);
    t2 = await createTask(t, shared, ada, { title: 'Shared work' });
    t4 = await createTask(t, shared, ada, { title: 'Shared neighbour' });
    x3 = await createTask(t, mine, ada, { title: 'Private plan' });
    bobSocket = await connectSocket(t, { auth: { token: bob.accessToken } });
    adaSocket = await connectSocket(t, { auth: { token: ada.accessToken } });
    for (const socket of [bobSocket, adaSocket]) {
      expect(await socket.emitWithAck('subscribe', { projectId: shared.id })).toEqual({ ok: true });
    }
    const relate = async (taskId: string, type: string) =>
      (await t.as(ada).post(`/tasks/${t2.id}/relations`).send({ type, taskId }).expect(201)).body
        .id as string;
    privateRelation = await relate(x3.id, 'blocked_by');
    controlRelation = await relate(t4.id, 'relates_to');
    // Both relations are removed too, so the table covers relation.deleted as well.
    for (const id of [privateRelation, controlRelation]) {
      await t.as(ada).delete(`/tasks/${t2.id}/relations/${id}`).expect(204);
    }
    privateRelation = await relate(x3.id, 'blocked_by');
    await eventually(
      'Ada to hear of the private relation three times',
      () => adaSocket.events.filter((e) => e.name.startsWith('relation.') && leaks(e.payload)).length === 3,
    );
    await eventually(
      'the control relation to reach the webhook twice',
      () =>
        receiver.requests.filter((r) => r.body.includes('"relation.') && r.body.includes(t4.id)).length >= 2,
    );
  });
  afterAll(async () => {
    bobSocket?.close();
    adaSocket?.close();
    await t.close();
    await receiver.close();
  });

  it('sockets: Bob hears of the control relation, never of the private one; Ada, who may read both, of both', async () => {
    await bobSocket.waitFor('the control relation', (e) => e.name === 'relation.deleted');
    // The private relation's last event came after everything else Ada heard; Bob's socket has had its chance.
    const bobs = bobSocket.events.filter((e) => e.name.startsWith('relation.'));
    expect(bobs.map((e) => e.name)).toEqual(['relation.created', 'relation.deleted']);
    expect(bobs.filter((e) => leaks(e.payload))).toEqual([]);
    const adas = adaSocket.events.filter((e) => e.name.startsWith('relation.'));
    expect(adas.filter((e) => leaks(e.payload)).map((e) => e.name)).toEqual([
      'relation.created',
      'relation.deleted',
      'relation.created',
    ]);
  });

  it('webhook bodies: the shared project hears of the control relation only', () => {
    const bodies = receiver.requests.map((r) => r.body).filter((body) => body.includes('"relation.'));
    expect(bodies.filter((body) => body.includes(t4.id))).toHaveLength(2);
    expect(bodies.filter(leaks)).toEqual([]);
  });

  it.each([
    ['the task history', () => api(`/tasks/${t2.id}/activity`)],
    ['the project history', () => api(`/projects/${shared.id}/activity`)],
    ['the change feed', () => api('/changes?since=0&limit=200')],
  ])('%s: records naming the private task are not there for Bob, and are for Ada', async (_name, path) => {
    const relationRecords = async (user: TestUser) =>
      (
        (await t.http.get(path()).set('Authorization', user.bearer).expect(200)).body.items as {
          event: string;
        }[]
      ).filter((record) => record.event.startsWith('relation.'));
    const bobs = await relationRecords(bob);
    expect(bobs).toHaveLength(2);
    expect(bobs.filter(leaks)).toEqual([]);
    expect((await relationRecords(ada)).filter(leaks)).toHaveLength(3);
  });

  it('relations: every verb answers the private relation 404 to Bob, and lists only what he may read', async () => {
    const listed = await t.as(bob).get(`/tasks/${t2.id}/relations`).expect(200);
    expect(leaks(listed.body)).toBe(false);
    await t.as(bob).delete(`/tasks/${t2.id}/relations/${privateRelation}`).expect(404);
    // Control: a relation he can read he can remove.
    const visible = await t
      .as(bob)
      .post(`/tasks/${t2.id}/relations`)
      .send({ type: 'relates_to', taskId: t4.id })
      .expect(201);
    await t.as(bob).delete(`/tasks/${t2.id}/relations/${visible.body.id}`).expect(204);
  });

  it('problem details: completing the blocked task lists the blockers Bob can read and counts the others', async () => {
    const refused = await t.as(bob).patch(`/tasks/${t2.id}`).send({ status: 'completed' }).expect(409);
    expect(refused.body).toMatchObject({ blockers: [], hiddenBlockers: 1 });
    expect(leaks(refused.body)).toBe(false);
    const forAda = await t.as(ada).patch(`/tasks/${t2.id}`).send({ status: 'completed' }).expect(409);
    expect(forAda.body).toMatchObject({ blockers: [x3.id], hiddenBlockers: 0 });
    // Completed with force, it is no longer blocked.
    const forced = await t
      .as(bob)
      .patch(`/tasks/${t2.id}?force=true`)
      .send({ status: 'completed' })
      .expect(200);
    expect(forced.body).toMatchObject({ status: 'completed', blocked: false });
    expect(leaks(forced.body)).toBe(false);
  });
});
