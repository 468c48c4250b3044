import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { readActivity } from './support/activity';
import { createUser, TestUser } from './support/factories';
import { createProject, TestProject } from './support/projects';
import { createTask } from './support/tasks';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Requests that could fail for the service's own reasons: foreign cursors, retried conflicts, replayed secrets.
 * Each test here failed before its fix.
 */
describe('request integrity', () => {
  let t: TestApp;
  let db: DataSource;
  let owner: TestUser;
  let project: TestProject;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    owner = await createUser(t);
    project = await createProject(t, owner);
  });
  afterAll(() => t.close());

  describe('2: cursors the service did not issue', () => {
    it('answers a hand-made cursor with a junk key 400, not 500', async () => {
      // The old unsigned format, with the fingerprint anyone could compute from the query.
      const fingerprint = createHash('sha256')
        .update(JSON.stringify({ list: 'projects', q: null }))
        .digest('base64url')
        .slice(0, 12);
      const oldStyle = Buffer.from(JSON.stringify({ k: ['junk', 'junk'], f: fingerprint })).toString(
        'base64url',
      );
      const res = await t.as(owner).get(`/projects?cursor=${oldStyle}`).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });

    it('refuses a real cursor whose keys were edited, and one replayed on another list', async () => {
      await createProject(t, owner, 'Second');
      const page = await t.as(owner).get('/projects?limit=1').expect(200);
      const [payload, mac] = page.body.nextCursor.split('.');
      const keys = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown[];
      const edited = `${Buffer.from(JSON.stringify([keys[0], '00000000-0000-4000-8000-000000000000'])).toString('base64url')}.${mac}`;
      await t.as(owner).get(`/projects?cursor=${edited}`).expect(400);
      await t.as(owner).get(`/projects/${project.id}/members?cursor=${page.body.nextCursor}`).expect(400);
      await t.as(owner).get(`/projects?cursor=${page.body.nextCursor}`).expect(200);
    });
  });

  describe('3: deadlocks and serialization failures are retried, not outages', () => {
    async function failUpdatesOf(taskId: string, times: number): Promise<void> {
      await db.query(`DROP SEQUENCE IF EXISTS conflict_attempts`);
      await db.query(`CREATE SEQUENCE conflict_attempts`);
      // nextval survives the rollback of the transaction that draws it, so it counts attempts.
      await db.query(`CREATE OR REPLACE FUNCTION simulate_conflict() RETURNS trigger AS $$
        BEGIN
          IF nextval('conflict_attempts') <= ${times} THEN
            RAISE EXCEPTION 'simulated deadlock' USING ERRCODE = '40P01';
          END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql`);
      await db.query(`DROP TRIGGER IF EXISTS simulate_conflict ON tasks`);
      await db.query(`CREATE TRIGGER simulate_conflict BEFORE UPDATE ON tasks FOR EACH ROW
        WHEN (OLD.id = '${taskId}') EXECUTE FUNCTION simulate_conflict()`);
    }
    afterEach(async () => {
      await db.query(`DROP TRIGGER IF EXISTS simulate_conflict ON tasks`);
    });

    it('retries a write that lost a deadlock, and it lands once', async () => {
      const task = await createTask(t, project, owner);
      await failUpdatesOf(task.id, 2);
      const res = await t.as(owner).patch(`/tasks/${task.id}`).send({ title: 'Retried' }).expect(200);
      expect(res.body.version).toBe(task.version + 1);
      const history = await readActivity(t, owner, `/tasks/${task.id}/activity`);
      expect(history.map((item) => item.event)).toEqual(['task.updated', 'task.created']);
    });

    it('answers 503 with Retry-After when conflicts persist, and the instance stays ready', async () => {
      const task = await createTask(t, project, owner);
      await failUpdatesOf(task.id, 1000);
      const res = await t.as(owner).patch(`/tasks/${task.id}`).send({ title: 'Never' }).expect(503);
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      await t.http.get('/health/ready').expect(200);
      const unchanged = await t.as(owner).get(`/tasks/${task.id}`).expect(200);
      expect(unchanged.body.version).toBe(task.version);
    });
  });

  describe('7: Idempotency-Key on creates that return a secret', () => {
    it('replays a webhook create, secret included, to the same caller only, and keeps it sealed at rest', async () => {
      const body = { url: 'https://93.184.215.14/taskforge', events: ['*'] };
      const first = await t
        .as(owner)
        .post(`/projects/${project.id}/webhooks`)
        .set('Idempotency-Key', 'hook-1')
        .send(body)
        .expect(201);
      const again = await t
        .as(owner)
        .post(`/projects/${project.id}/webhooks`)
        .set('Idempotency-Key', 'hook-1')
        .send(body)
        .expect(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(again.headers.location).toBe(first.headers.location);
      const list = await t.as(owner).get(`/projects/${project.id}/webhooks`).expect(200);
      expect(list.body.items.filter((hook: { id: string }) => hook.id === first.body.id)).toHaveLength(1);
      const [stored] = await db.query<{ response_body: unknown }[]>(
        `SELECT response_body FROM idempotency_keys WHERE key = 'hook-1'`,
      );
      expect(JSON.stringify(stored.response_body)).not.toContain(first.body.secret);
    });

    it('replays an API key create with the same key, and never to another user using the same Idempotency-Key', async () => {
      const other = await createUser(t);
      const create = (user: TestUser) =>
        t.as(user).post('/auth/api-keys').set('Idempotency-Key', 'key-1').send({ name: 'ci' });
      const first = await create(owner).expect(201);
      const replay = await create(owner).expect(201);
      const theirs = await create(other).expect(201);
      expect(replay.body.key).toBe(first.body.key);
      expect(theirs.body.key).not.toBe(first.body.key);
      const keys = await t.as(owner).get('/auth/api-keys').expect(200);
      expect(keys.body.items).toHaveLength(1);
      const stored = await db.query<{ response_body: unknown }[]>(
        `SELECT response_body FROM idempotency_keys WHERE key = 'key-1'`,
      );
      expect(stored).toHaveLength(2);
      for (const row of stored) expect(JSON.stringify(row.response_body)).not.toMatch(/tfk_/);
    });
  });
});
