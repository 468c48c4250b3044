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
import { startTestApp, TestApp } from './support/test-app';

const onRealServer = process.env.TEST_DATABASE_URL ? it : it.skip;
if (!process.env.TEST_DATABASE_URL) {
  console.log(
    'activity integrity: TEST_DATABASE_URL is not set, so the two-session lock-order test is skipped',
  );
}

/**
 * The history and the change feed hold to their promises: recorded last, named fully, replayable after a prune.
 * Each test here failed before its fix.
 */
describe('activity integrity', () => {
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

  describe('1: activity is recorded last, after every row lock', () => {
    it('relinking a repository whose data changed records the write first and the linked tasks after it', async () => {
      github.put('lock/order', { stargazers_count: 1 });
      const linked = await createTask(t, project, owner, { githubRepo: 'lock/order' });
      const relinked = await createTask(t, project, owner, { title: 'Unlinked' });
      await db.query(
        `UPDATE github_repositories SET fetched_at = now() - interval '1 day' WHERE key = 'lock/order'`,
      );
      github.put('lock/order', { stargazers_count: 2 });

      const res = await t
        .as(owner)
        .patch(`/tasks/${relinked.id}`)
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
      const after = await t.as(owner).get(`/tasks/${task.id}/activity`).expect(200);
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
        const relink = t.as(owner).patch(`/tasks/${held.id}`).send({ githubRepo: 'lock/cycle' });
        const answered = relink.then((res) => res.status);
        // The relink is now waiting for the row this session holds.
        await eventually('the relink to wait for the held row', async () => {
          const { rows } = await other.query<{ waiting: number }>(
            // Waiting on this session's row, not on anything (other test files share the server).
            `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE pg_backend_pid() = ANY (pg_blocking_pids(pid))`,
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

  describe('5: every update is task.updated; assignment changes are also named', () => {
    it('records task.updated with all changes, plus task.assigned and task.unassigned', async () => {
      const member = await createUser(t);
      await addMember(t, project, owner, member, 'member');
      const task = await createTask(t, project, owner, { title: 'Before' });
      const since = (await readChanges(t, owner)).nextSince;
      await t
        .as(owner)
        .patch(`/tasks/${task.id}`)
        .send({ title: 'After', assigneeId: member.id })
        .expect(200);
      await t.as(owner).patch(`/tasks/${task.id}`).send({ assigneeId: null }).expect(200);

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
      const res = await t.as(owner).get('/changes?since=0').expect(410);
      expect(res.body.resumeSince).toBeGreaterThanOrEqual(horizon);
      const docs = await t.http.get('/docs-json').expect(200);
      const since = docs.body.paths['/api/v1/changes'].get.parameters.find(
        (parameter: { name: string }) => parameter.name === 'since',
      );
      expect(since.description).toMatch(/410/);
    });
  });

  describe('the Inbox is created like any project', () => {
    it("records the Inbox's project.created with the project and its changes", async () => {
      const user = await createUser(t);
      const task = await t.as(user).post('/tasks').send({ title: 'Into the inbox' }).expect(201);
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
