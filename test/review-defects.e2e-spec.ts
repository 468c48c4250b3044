import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { pruneActivity } from '../src/activity/activity-retention';
import { ActivityRecordedTooEarlyError } from '../src/events/activity-last.guard';
import { recordActivities } from '../src/events/activity-log.repository';
import { OutboxDispatcher } from '../src/events/outbox-dispatcher';
import { readActivity, readChanges } from './support/activity';
import { eventually } from './support/eventually';
import { createUser, TestUser } from './support/factories';
import { FakeGithub } from './support/fake-github';
import { addMember, createProject, TestProject } from './support/projects';
import { createTask } from './support/tasks';
import { api, startTestApp, TestApp } from './support/test-app';
const onRealServer = process.env.TEST_DATABASE_URL ? it : it.skip;
if (!process.env.TEST_DATABASE_URL) {
  console.log('review defects: TEST_DATABASE_URL is not set, so the two-session lock-order test is skipped');
}

/** The defects a code review found: each test here failed before its fix. */
describe('review defects', () => {
  let github: FakeGithub;
  let t: TestApp;
  let db: DataSource;
  let owner: TestUser;
  let project: TestProject;

  beforeAll(async () => {
    github = await FakeGithub.start();
    t = await startTestApp({ GITHUB_API_BASE: github.url, GITHUB_TIMEOUT_MS: '500' });
    db = t.app.get(DataSource);
    owner = await createUser(t);
    project = await createProject(t, owner);
  });
  afterAll(async () => {
    await t.close();
    await github.close();
  });

  const as = (user: TestUser) => ({ Authorization: user.bearer });

  describe('1: activity is recorded last, after every row lock', () => {
    it('relinking a repository whose data changed records the write first and the linked tasks after it', async () => {
      github.put('lock/order', { stargazers_count: 1 });
      const linked = await createTask(t, project, owner, { githubRepo: 'lock/order' });
      const relinked = await createTask(t, project, owner, { title: 'Unlinked' });
      await db.query(
        `UPDATE github_repositories SET fetched_at = now() - interval '1 day' WHERE key = 'lock/order'`,
      );
      github.put('lock/order', { stargazers_count: 2 });

      const res = await t.http
        .patch(api(`/tasks/${relinked.id}`))
        .set(as(owner))
        .send({ githubRepo: 'lock/order' })
        .expect(200);
      expect(res.body.githubRepo.stars).toBe(2);
      const [own] = await readActivity(t, owner, `/tasks/${relinked.id}/activity`);
      const [told] = await readActivity(t, owner, `/tasks/${linked.id}/activity`);
      expect(told.changes.githubRepo).toMatchObject({ from: { stars: 1 }, to: { stars: 2 } });
      expect(told.version).toBe(linked.version + 1);
      expect(own.seq).toBeLessThan(told.seq);
    });

    it('refuses, inside the transaction, a row write or lock that comes after recorded activity', async () => {
      const task = await createTask(t, project, owner);
      const attempt = db.transaction(async (manager) => {
        await recordActivities(manager, [
          {
            event: 'task.updated',
            projectId: project.id,
            actorId: owner.id,
            changes: {},
          },
        ]);
        await manager.query(`SELECT id FROM tasks WHERE id = $1 FOR UPDATE`, [task.id]);
      });
      await expect(attempt).rejects.toBeInstanceOf(ActivityRecordedTooEarlyError);
      const after = await t.http
        .get(api(`/tasks/${task.id}/activity`))
        .set(as(owner))
        .expect(200);
      expect(after.body.items).toHaveLength(1);
    });

    onRealServer('a relinking write and a writer holding the task do not deadlock', async () => {
      github.put('lock/cycle', { stargazers_count: 1 });
      await createTask(t, project, owner, { githubRepo: 'lock/cycle' });
      const held = await createTask(t, project, owner, { title: 'Held' });
      await db.query(
        `UPDATE github_repositories SET fetched_at = now() - interval '1 day' WHERE key = 'lock/cycle'`,
      );
      github.put('lock/cycle', { stargazers_count: 2 });
      const other = new Client({ connectionString: t.database.url });
      await other.connect();
      try {
        // Another writer holds the task's row, as a PATCH does between its lock and its activity record.
        await other.query('BEGIN');
        await other.query(`SELECT 1 FROM tasks WHERE id = $1 FOR UPDATE`, [held.id]);
        const relink = t.http
          .patch(api(`/tasks/${held.id}`))
          .set(as(owner))
          .send({ githubRepo: 'lock/cycle' });
        const answered = relink.then((res) => res.status);
        // The relink is now waiting for the row this session holds.
        await eventually('the relink to wait for the held row', async () => {
          const { rows } = await other.query<{ waiting: number }>(
            `SELECT count(*)::int AS waiting FROM pg_locks WHERE NOT granted AND pid <> pg_backend_pid()`,
          );
          return rows[0].waiting > 0;
        });
        // ... and then records its activity: before the fix the relink held that lock while waiting for the row.
        await other.query(`SET LOCAL lock_timeout = '3s'`);
        await other.query(`SELECT pg_advisory_xact_lock(${0x7461736b})`);
        await other.query('COMMIT');
        expect(await answered).toBe(200);
      } finally {
        await other.end();
      }
    });
  });

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
      const res = await t.http
        .get(api(`/projects?cursor=${oldStyle}`))
        .set(as(owner))
        .expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });

    it('refuses a real cursor whose keys were edited, and one replayed on another list', async () => {
      await createProject(t, owner, 'Second');
      const page = await t.http.get(api('/projects?limit=1')).set(as(owner)).expect(200);
      const [payload, mac] = page.body.nextCursor.split('.');
      const keys = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown[];
      const edited = `${Buffer.from(JSON.stringify([keys[0], '00000000-0000-4000-8000-000000000000'])).toString('base64url')}.${mac}`;
      await t.http
        .get(api(`/projects?cursor=${edited}`))
        .set(as(owner))
        .expect(400);
      await t.http
        .get(api(`/projects/${project.id}/members?cursor=${page.body.nextCursor}`))
        .set(as(owner))
        .expect(400);
      await t.http
        .get(api(`/projects?cursor=${page.body.nextCursor}`))
        .set(as(owner))
        .expect(200);
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
      const res = await t.http
        .patch(api(`/tasks/${task.id}`))
        .set(as(owner))
        .send({ title: 'Retried' })
        .expect(200);
      expect(res.body.version).toBe(task.version + 1);
      const history = await readActivity(t, owner, `/tasks/${task.id}/activity`);
      expect(history.map((item) => item.event)).toEqual(['task.updated', 'task.created']);
    });

    it('answers 503 with Retry-After when conflicts persist, and the instance stays ready', async () => {
      const task = await createTask(t, project, owner);
      await failUpdatesOf(task.id, 1000);
      const res = await t.http
        .patch(api(`/tasks/${task.id}`))
        .set(as(owner))
        .send({ title: 'Never' })
        .expect(503);
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      await t.http.get('/health/ready').expect(200);
      const unchanged = await t.http
        .get(api(`/tasks/${task.id}`))
        .set(as(owner))
        .expect(200);
      expect(unchanged.body.version).toBe(task.version);
    });
  });

  describe('5: every update is task.updated; assignment changes are also named', () => {
    it('records task.updated with all changes, plus task.assigned and task.unassigned', async () => {
      const member = await createUser(t);
      await addMember(t, project, owner, member, 'member');
      const task = await createTask(t, project, owner, { title: 'Before' });
      const since = (await readChanges(t, owner)).nextSince;
      await t.http
        .patch(api(`/tasks/${task.id}`))
        .set(as(owner))
        .send({ title: 'After', assigneeId: member.id })
        .expect(200);
      await t.http
        .patch(api(`/tasks/${task.id}`))
        .set(as(owner))
        .send({ assigneeId: null })
        .expect(200);

      const { items } = await readChanges(t, owner, since);
      const mine = items.filter((item) => item.taskId === task.id);
      expect(mine.map((item) => item.event)).toEqual([
        'task.updated',
        'task.assigned',
        'task.updated',
        'task.unassigned',
      ]);
      expect(Object.keys(mine[0].changes).sort()).toEqual(['assigneeId', 'title']);
      expect(mine[1]).toMatchObject({
        userId: member.id,
        changes: { assigneeId: { from: null, to: member.id } },
      });
      expect(mine[3]).toMatchObject({
        userId: member.id,
        changes: { assigneeId: { from: member.id, to: null } },
      });
      // The one who lost the assignment hears of it in their own feed.
      const theirs = (await readChanges(t, member, since)).items.map((item) => item.event);
      expect(theirs).toContain('task.unassigned');
    });
  });

  describe('6: the change feed from 0 after a prune', () => {
    it('answers 410 with resumeSince, as its documentation says', async () => {
      await t.app.get(OutboxDispatcher).drain();
      await db.query(`UPDATE activity SET occurred_at = now() - interval '100 days'`);
      const horizon = await pruneActivity(db, 90);
      expect(horizon).toBeGreaterThan(0);
      const res = await t.http.get(api('/changes?since=0')).set(as(owner)).expect(410);
      expect(res.body.resumeSince).toBeGreaterThanOrEqual(horizon);
      const docs = await t.http.get('/docs-json').expect(200);
      const since = docs.body.paths['/api/v1/changes'].get.parameters.find(
        (parameter: { name: string }) => parameter.name === 'since',
      );
      expect(since.description).toMatch(/410/);
    });
  });

  describe('7: Idempotency-Key on creates that return a secret', () => {
    it('replays a webhook create, secret included, to the same caller only, and keeps it sealed at rest', async () => {
      const body = { url: 'https://93.184.215.14/taskforge', events: ['*'] };
      const first = await t.http
        .post(api(`/projects/${project.id}/webhooks`))
        .set(as(owner))
        .set('Idempotency-Key', 'hook-1')
        .send(body)
        .expect(201);
      const again = await t.http
        .post(api(`/projects/${project.id}/webhooks`))
        .set(as(owner))
        .set('Idempotency-Key', 'hook-1')
        .send(body)
        .expect(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(again.headers.location).toBe(first.headers.location);
      const list = await t.http
        .get(api(`/projects/${project.id}/webhooks`))
        .set(as(owner))
        .expect(200);
      expect(list.body.items.filter((hook: { id: string }) => hook.id === first.body.id)).toHaveLength(1);
      const [stored] = await db.query<{ response_body: unknown }[]>(
        `SELECT response_body FROM idempotency_keys WHERE key = 'hook-1'`,
      );
      expect(JSON.stringify(stored.response_body)).not.toContain(first.body.secret);
    });

    it('replays an API key create with the same key, and never to another user using the same Idempotency-Key', async () => {
      const other = await createUser(t);
      const create = (user: TestUser) =>
        t.http.post(api('/auth/api-keys')).set(as(user)).set('Idempotency-Key', 'key-1').send({ name: 'ci' });
      const first = await create(owner).expect(201);
      const replay = await create(owner).expect(201);
      const theirs = await create(other).expect(201);
      expect(replay.body.key).toBe(first.body.key);
      expect(theirs.body.key).not.toBe(first.body.key);
      const keys = await t.http.get(api('/auth/api-keys')).set(as(owner)).expect(200);
      expect(keys.body.items).toHaveLength(1);
      const stored = await db.query<{ response_body: unknown }[]>(
        `SELECT response_body FROM idempotency_keys WHERE key = 'key-1'`,
      );
      expect(stored).toHaveLength(2);
      for (const row of stored) expect(JSON.stringify(row.response_body)).not.toMatch(/tfk_/);
    });
  });

  describe('the Inbox is created like any project', () => {
    it("records the Inbox's project.created with the project and its changes", async () => {
      const user = await createUser(t);
      const task = await t.http
        .post(api('/tasks'))
        .set(as(user))
        .send({ title: 'Into the inbox' })
        .expect(201);
      const [record] = await db.query<
        { resource: Record<string, unknown>; changes: Record<string, unknown> }[]
      >(`SELECT resource, changes FROM activity WHERE event = 'project.created' AND project_id = $1`, [
        task.body.projectId,
      ]);
      expect(record.resource).toMatchObject({
        id: task.body.projectId,
        name: 'Inbox',
        ownerId: user.id,
        version: 1,
      });
      expect(record.changes).toEqual({ name: { from: null, to: 'Inbox' } });
    });
  });
});

describe('review defect 4: failed API keys are rate-limited before they are looked up', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      LOGIN_MAX_FAILURES_PER_ADDRESS: '3',
      LOGIN_MAX_FAILURES: '2',
      TRUST_PROXY: '1',
    });
  });
  afterAll(() => t.close());

  const from = (address: string) => ({ 'X-Forwarded-For': address });

  it('limits bad API keys per address, and still serves that address a valid access token', async () => {
    const user = await createUser(t);
    for (let attempt = 0; attempt < 3; attempt++) {
      await t.http
        .get('/api/v1/projects')
        .set(from('203.0.113.1'))
        .set('X-API-Key', `tfk_wrong${attempt}_000000000000000000000`)
        .expect(401);
    }
    const refused = await t.http
      .get('/api/v1/projects')
      .set(from('203.0.113.1'))
      .set('X-API-Key', 'tfk_wrong9_000000000000000000000')
      .expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The contract: a valid signed access token is always served, so a neighbour behind the same NAT keeps working.
    await t.http
      .get('/api/v1/projects')
      .set(from('203.0.113.1'))
      .set('Authorization', user.bearer)
      .expect(200);
    // Behind the trusted proxy, another client is another budget.
    await t.http
      .get('/api/v1/projects')
      .set(from('203.0.113.2'))
      .set('X-API-Key', 'tfk_wrong9_000000000000000000000')
      .expect(401);
  });

  it('never counts bad bearer tokens (they cannot be guessed), nor holds back a valid one after them', async () => {
    const user = await createUser(t);
    for (let attempt = 0; attempt < 6; attempt++) {
      await t.http
        .get('/api/v1/projects')
        .set(from('203.0.113.5'))
        .set('Authorization', 'Bearer junk')
        .expect(401);
    }
    await t.http
      .get('/api/v1/projects')
      .set(from('203.0.113.5'))
      .set('Authorization', user.bearer)
      .expect(200);
  });

  it('counts bad API keys per key prefix across addresses', async () => {
    const guess = (address: string) =>
      t.http.get('/api/v1/projects').set(from(address)).set('X-API-Key', 'tfk_guessing_0000000000000000');
    await guess('198.51.100.1').expect(401);
    await guess('198.51.100.2').expect(401);
    await guess('198.51.100.3').expect(429);
  });
});
