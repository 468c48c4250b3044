import { connect } from 'node:net';
import { createTeam, createProject, TestProject } from './support/projects';
import { createUser, TestUser } from './support/factories';
import { createTask, TestTask } from './support/tasks';
import { api, startTestApp, TestApp } from './support/test-app';
const fieldsOf = (res: { body: { errors?: { field: string }[] } }) => res.body.errors?.map((e) => e.field);

/** The smaller defects a hostile review found, each held by a test with its control. */
describe('hardening details', () => {
  let t: TestApp;
  let owner: TestUser;
  let project: TestProject;
  let task: TestTask;

  beforeAll(async () => {
    t = await startTestApp();
    ({ owner, project } = await createTeam(t));
    task = await createTask(t, project, owner, { title: 'Details', dueDate: '2026-12-24' });
  });
  afterAll(() => t.close());

  it('strips bidirectional overrides and controls from file names', async () => {
    const res = await t
      .as(owner)
      .post(`/tasks/${task.id}/attachments`)
      .attach('file', Buffer.from('hello'), { filename: 'invoice\u202Eexe.txt', contentType: 'text/plain' })
      .expect(201);
    expect(res.body.filename).toBe('invoiceexe.txt');
    const plain = await t
      .as(owner)
      .post(`/tasks/${task.id}/attachments`)
      .attach('file', Buffer.from('hello'), { filename: 'résumé ✓.txt', contentType: 'text/plain' })
      .expect(201);
    expect(plain.body.filename).toBe('résumé ✓.txt');
  });

  it('answers a suffix range longer than the file with the whole file (206), and a short one with its tail', async () => {
    const bytes = Buffer.from('twenty-four bytes here!!');
    const { body: file } = await t
      .as(owner)
      .post(`/tasks/${task.id}/attachments`)
      .attach('file', bytes, { filename: 'f.bin', contentType: 'application/octet-stream' })
      .expect(201);
    const content = (range: string) =>
      t
        .as(owner)
        .get(`/attachments/${file.id}/content`)
        .set('Range', range)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
    const whole = await content('bytes=-30').expect(206);
    expect(whole.headers['content-range']).toBe('bytes 0-23/24');
    expect(Buffer.compare(whole.body as Buffer, bytes)).toBe(0);
    const tail = await content('bytes=-5').expect(206);
    expect(tail.headers['content-range']).toBe('bytes 19-23/24');
    await content('bytes=30-').expect(416);
  });

  it.each([
    ['P1Y1D', 422],
    ['P366DT23H', 422],
    ['P53W', 422],
    ['P1Y', 200],
    ['P366D', 200],
    ['P12M', 200],
  ])('takes a reminder offset of %s only when it is at most a year (%d)', async (before, status) => {
    const res = await t
      .as(owner)
      .patch(`/tasks/${task.id}`)
      .send({ reminders: [{ before }] })
      .expect(status);
    if (status === 422) expect(fieldsOf(res)).toEqual(['reminders.0.before']);
  });

  it('answers a label create with Location, which names the label', async () => {
    const res = await t
      .as(owner)
      .post(`/projects/${project.id}/labels`)
      .send({ name: 'Located', color: '#112233' })
      .expect(201);
    expect(res.headers.location).toBe(`/api/v1/projects/${project.id}/labels/${res.body.id}`);
    const read = await t.http.get(res.headers.location).set('Authorization', owner.bearer).expect(200);
    expect(read.body).toEqual(res.body);
  });

  it('names the field that carried a label of another project', async () => {
    const other = await createProject(t, owner, 'Other');
    const foreign = await t
      .as(owner)
      .post(`/projects/${other.id}/labels`)
      .send({ name: 'Foreign', color: '#445566' })
      .expect(201);
    for (const field of ['addLabelIds', 'labelIds']) {
      const res = await t
        .as(owner)
        .patch(`/tasks/${task.id}`)
        .send({ [field]: [foreign.body.id] })
        .expect(422);
      expect(fieldsOf(res)).toEqual([field]);
    }
  });

  it('answers /changes with a since beyond the newest record 400, and the newest itself 200', async () => {
    const first = await t.as(owner).get('/changes?since=0&limit=200').expect(200);
    let newest = first.body.nextSince as number;
    for (let page = first; page.body.hasMore;) {
      page = await t.as(owner).get(`/changes?since=${newest}&limit=200`);
      newest = page.body.nextSince;
    }
    const beyond = await t.as(owner).get('/changes?since=99999999').expect(400);
    expect(fieldsOf(beyond)).toEqual(['since']);
    const current = await t.as(owner).get(`/changes?since=${newest}`).expect(200);
    expect(current.body).toMatchObject({ items: [], nextSince: newest });
  });

  it('refuses a JSON body declared over 1 MiB before reading any of it, and reads one within it', async () => {
    const { port } = new URL(t.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        // Headers only: a service that waited for the body would never answer.
        socket.write(
          `POST /api/v1/projects HTTP/1.1\r\nHost: x\r\nAuthorization: ${owner.bearer}\r\n` +
            'Content-Type: application/json\r\nContent-Length: 2000000\r\n\r\n',
        );
      });
      let received = '';
      socket.on('data', (chunk) => {
        received += chunk.toString();
        if (received.includes('\r\n\r\n')) {
          socket.destroy();
          resolve(received);
        }
      });
      socket.on('error', reject);
      // Bounds the hang of a service that waits for the body (the defect), so the test fails instead.
      socket.setTimeout(10_000, () => {
        socket.destroy();
        reject(new Error('No answer: the service waited for a body it should have refused'));
      });
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    await t
      .as(owner)
      .post('/projects')
      .send({ name: 'x'.repeat(200), description: 'y'.repeat(10_000) })
      .expect(201);
  });

  it("answers a body it cannot inflate or parse without the parser's own words", async () => {
    const garbled = await t
      .as(owner)
      .post('/projects')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'deflate')
      .send(Buffer.from('this is not deflate'))
      .expect(400);
    expect(garbled.body.detail).toBe('The request body could not be read');
    expect(JSON.stringify(garbled.body)).not.toMatch(/header check|zlib/i);
    const unparsable = await t
      .as(owner)
      .post('/projects')
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(unparsable.body.detail).toBe('The request body is not valid JSON');
  });
});

/** Lists answered whole (labels, shares, relations, API keys) stay small because their parents hold few. */
describe('caps on what a list answers whole', () => {
  let t: TestApp;
  let owner: TestUser;
  let project: TestProject;

  beforeAll(async () => {
    t = await startTestApp({
      LABELS_PER_PROJECT_MAX: '2',
      SHARES_PER_TASK_MAX: '1',
      RELATIONS_PER_TASK_MAX: '2',
      API_KEYS_PER_USER_MAX: '2',
    });
    ({ owner, project } = await createTeam(t));
  });
  afterAll(() => t.close());

  const post = (path: string, body: object) =>
    t.http.post(api(path)).set('Authorization', owner.bearer).send(body);

  it('refuses the one past each cap, under concurrency too, and takes one again once there is room', async () => {
    const labels = await Promise.all(
      ['a', 'b', 'c', 'd'].map((name) => post(`/projects/${project.id}/labels`, { name, color: '#000000' })),
    );
    expect(labels.map((res) => res.status).sort()).toEqual([201, 201, 422, 422]);
    const kept = labels.find((res) => res.status === 201)!;
    await t.as(owner).delete(`/projects/${project.id}/labels/${kept.body.id}`).expect(204);
    await post(`/projects/${project.id}/labels`, { name: 'e', color: '#000000' }).expect(201);

    const keys = await Promise.all([1, 2, 3].map((n) => post('/auth/api-keys', { name: `key ${n}` })));
    expect(keys.map((res) => res.status).sort()).toEqual([201, 201, 422]);

    const [first, second, third, fourth] = await Promise.all(
      [1, 2, 3, 4].map((n) => createTask(t, project, owner, { title: `T${n}` })),
    );
    await post(`/tasks/${first.id}/relations`, { type: 'relates_to', taskId: second.id }).expect(201);
    await post(`/tasks/${first.id}/relations`, { type: 'relates_to', taskId: third.id }).expect(201);
    // `first` is full: a relation naming it from either side is refused; others are not.
    const full = await post(`/tasks/${fourth.id}/relations`, { type: 'blocks', taskId: first.id }).expect(
      422,
    );
    expect(full.body.errors.map((error: { field: string }) => error.field)).toEqual(['taskId']);
    await post(`/tasks/${fourth.id}/relations`, { type: 'blocks', taskId: second.id }).expect(201);

    const [friend, other] = [await createUser(t), await createUser(t)];
    await post(`/tasks/${first.id}/shares`, { userId: friend.id, permission: 'view' }).expect(201);
    await post(`/tasks/${first.id}/shares`, { userId: other.id, permission: 'view' }).expect(422);
    await post(`/tasks/${second.id}/shares`, { userId: other.id, permission: 'view' }).expect(201);
  });
});
