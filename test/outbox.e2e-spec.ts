import { DataSource } from 'typeorm';
import { pruneActivity } from '../src/activity/activity-retention';
import type { OutboxConsumer, OutboxRecord } from '../src/events/outbox';
import { OutboxDispatcher } from '../src/events/outbox-dispatcher';
import { recordActivities } from '../src/events/activity-log.repository';
import { ActivityItem, readActivity, readChanges } from './support/activity';
import { createUser, TestUser } from './support/factories';
import { createProject, TestProject } from './support/projects';
import { createTask } from './support/tasks';
import { startTestApp, TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { eventually } from './support/eventually';

const onServer = Boolean(process.env.TEST_DATABASE_URL);
if (!onServer)
  process.stdout.write(
    'outbox: TEST_DATABASE_URL is not set, so the tests that need concurrent sessions (commit-order lock, ' +
      'NOTIFY between instances) are skipped; the embedded database runs one session\n',
  );
const itOnServer = onServer ? it : it.skip;

/** A consumer that keeps what it is handed, for the dispatcher tests. */
function collector(name: string, durable: boolean): OutboxConsumer & { records: OutboxRecord[] } {
  const records: OutboxRecord[] = [];
  return {
    name,
    durable,
    records,
    handle(batch) {
      records.push(...batch);
      return Promise.resolve();
    },
  };
}

describe('seq order under concurrent writers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lets a reader paging by seq during a burst of writes miss nothing and see seq only grow', async () => {
    const writers = await Promise.all(Array.from({ length: 4 }, () => createUser(t)));
    const reader = writers[0];
    const project = await createProject(t, reader);
    for (const writer of writers.slice(1)) {
      await t
        .as(reader)
        .post(`/projects/${project.id}/members`)
        .send({ userId: writer.id, role: 'member' })
        .expect(201);
    }
    const start = (await readChanges(t, reader)).nextSince;
    const seen: ActivityItem[] = [];
    let since = start;
    let writing = true;
    const poller = (async () => {
      while (writing) {
        const page = await readChanges(t, reader, since, 7);
        seen.push(...page.items);
        since = page.nextSince;
      }
    })();
    await Promise.all(
      writers.map(async (writer) => {
        const task = await createTask(t, project, writer, { title: 'racing' });
        await Promise.all(
          Array.from({ length: 6 }, (_, index) =>
            t
              .as(writer)
              .patch(`/tasks/${task.id}`)
              .send({ description: `edit ${index}` })
              .expect((res) => expect([200, 412]).toContain(res.status)),
          ),
        );
      }),
    );
    writing = false;
    await poller;
    seen.push(...(await readChanges(t, reader, since)).items);

    const committed = (await readChanges(t, reader, start)).items;
    expect(committed.length).toBeGreaterThanOrEqual(8);
    expect(seen.map((item) => item.id)).toEqual(committed.map((item) => item.id));
    const seqs = committed.map((item) => item.seq);
    expect(seqs.every((seq, index) => index === 0 || seq > seqs[index - 1])).toBe(true);
  });

  itOnServer('holds a later writer until the earlier one commits, so seq follows commit order', async () => {
    const dataSource = t.app.get(DataSource);
    const owner = await createUser(t);
    const project = await createProject(t, owner);
    const entry = {
      event: 'project.updated' as const,
      projectId: project.id,
      actorId: owner.id,
      changes: {},
    };
    const first = dataSource.createQueryRunner();
    const second = dataSource.createQueryRunner();
    const ownSeq = async (runner: typeof first) =>
      Number(
        (await runner.query(`SELECT max(seq) AS seq FROM activity WHERE project_id = $1`, [project.id]))[0]
          .seq,
      );
    try {
      await first.startTransaction();
      await recordActivities(first.manager, [entry]);
      const firstSeq = await ownSeq(first);
      await second.startTransaction();
      let secondRecorded = false;
      const pending = recordActivities(second.manager, [entry]).then(() => {
        secondRecorded = true;
      });
      const waiting = async () =>
        (
          await dataSource.query<{ count: string }[]>(
            `SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
          )
        )[0].count;
      const deadline = Date.now() + 10_000;
      while ((await waiting()) === '0') {
        if (Date.now() > deadline) throw new Error('The second writer never waited for the lock');
      }
      expect(secondRecorded).toBe(false);
      await first.commitTransaction();
      await pending;
      // Drawn after the first writer committed, so no reader can see it while the first is still invisible.
      expect(await ownSeq(second)).toBeGreaterThan(firstSeq);
      await second.commitTransaction();
    } finally {
      await first.release();
      await second.release();
    }
  });
});

describe('retention', () => {
  let t: TestApp;
  let owner: TestUser;
  let project: TestProject;
  beforeAll(async () => {
    t = await startTestApp();
    owner = await createUser(t);
    project = await createProject(t, owner);
  });
  afterAll(() => t.close());

  it('prunes old records and answers 410 to a since behind them, telling the client where to resume', async () => {
    const dataSource = t.app.get(DataSource);
    const old = await createTask(t, project, owner, { title: 'old' });
    const { nextSince: oldHead } = await readChanges(t, owner);
    const recent = await createTask(t, project, owner, { title: 'recent' });
    await dataSource.query(`UPDATE activity SET occurred_at = now() - interval '100 days' WHERE seq <= $1`, [
      oldHead,
    ]);

    expect(await pruneActivity(dataSource, 90)).toBe(oldHead);

    const gone = await t.as(owner).get('/changes?since=0').expect(410);
    expect(gone.headers['content-type']).toContain('application/problem+json');
    expect(gone.body).toMatchObject({ status: 410, resumeSince: expect.any(Number) });
    expect(gone.body.resumeSince).toBeGreaterThanOrEqual(oldHead);
    const resumed = await readChanges(t, owner, oldHead);
    expect(resumed.items.map((item) => [item.event, item.taskId])).toEqual([['task.created', recent.id]]);
    expect(await readActivity(t, owner, `/tasks/${old.id}/activity`)).toEqual([]);
    // Pruning again with nothing old enough keeps the horizon where it is.
    expect(await pruneActivity(dataSource, 90)).toBe(oldHead);
  });

  it('never prunes a record a durable consumer has not handed on', async () => {
    const dataSource = t.app.get(DataSource);
    const stuck: OutboxConsumer = {
      name: 'retention-test-stuck',
      durable: true,
      handle: () => Promise.reject(new Error('receiver down')),
    };
    await t.app.get(OutboxDispatcher).register(stuck);
    const [{ head }] = await dataSource.query<{ head: string }[]>(`SELECT max(seq) AS head FROM activity`);
    const registeredAt = Number(head);
    await createTask(t, project, owner, { title: 'undelivered' });
    await dataSource.query(`UPDATE activity SET occurred_at = now() - interval '100 days'`);
    expect(await pruneActivity(dataSource, 90)).toBe(registeredAt);
    expect((await readChanges(t, owner, registeredAt)).items.map((item) => item.event)).toEqual([
      'task.created',
    ]);
  });
});

describe('outbox dispatcher', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('hands on after a restart exactly what committed while it was down', async () => {
    const first = await startTestApp({}, database);
    const owner = await createUser(first);
    const project = await createProject(first, owner);
    const before = collector('restart-test', true);
    await first.app.get(OutboxDispatcher).register(before);
    await createTask(first, project, owner, { title: 'seen before the restart' });
    await first.app.get(OutboxDispatcher).drain();
    expect(before.records.map((record) => record.event)).toEqual(['task.created']);
    await first.close();

    // Another instance, without that consumer, commits changes while the first one is down.
    const other = await startTestApp({}, database);
    const missed = [
      await createTask(other, project, owner, { title: 'while down 1' }),
      await createTask(other, project, owner, { title: 'while down 2' }),
    ];
    await other.as(owner).delete(`/tasks/${missed[0].id}`).expect(204);
    await other.close();

    const restarted = await startTestApp({}, database);
    try {
      const after = collector('restart-test', true);
      await restarted.app.get(OutboxDispatcher).register(after);
      await restarted.app.get(OutboxDispatcher).drain();
      expect(after.records.map((record) => [record.event, record.taskId])).toEqual([
        ['task.created', missed[0].id],
        ['task.created', missed[1].id],
        ['task.deleted', missed[0].id],
      ]);
      expect(after.records[0].seq).toBeGreaterThan(before.records[0].seq);
      // The record carries the task as the API returned it right after the change.
      expect(after.records[1].resource).toMatchObject({
        id: missed[1].id,
        title: 'while down 2',
        version: 1,
      });
    } finally {
      await restarted.close();
    }
  });

  it('retries a batch a durable consumer failed, without moving past it', async () => {
    const t = await startTestApp({}, database);
    try {
      const owner = await createUser(t);
      const project = await createProject(t, owner);
      let failures = 1;
      const handled: OutboxRecord[] = [];
      const flaky: OutboxConsumer = {
        name: 'flaky-test',
        durable: true,
        handle: (records) => {
          if (failures-- > 0) return Promise.reject(new Error('receiver down'));
          handled.push(...records);
          return Promise.resolve();
        },
      };
      const dispatcher = t.app.get(OutboxDispatcher);
      await dispatcher.register(flaky);
      const task = await createTask(t, project, owner, { title: 'delivered on the second try' });
      await dispatcher.drain();
      await dispatcher.drain();
      expect(handled.map((record) => record.taskId)).toEqual([task.id]);
    } finally {
      await t.close();
    }
  });

  itOnServer('hands on only committed records, and wakes other instances through NOTIFY', async () => {
    const writer = await startTestApp({}, database);
    // A poll far beyond the test's patience: only a notification can wake this instance in time.
    const listener = await startTestApp({ OUTBOX_POLL_INTERVAL_MS: '60000' }, database);
    try {
      const live = collector('notify-test', false);
      await listener.app.get(OutboxDispatcher).register(live);
      const owner = await createUser(writer);
      const project = await createProject(writer, owner);

      const open = writer.app.get(DataSource).createQueryRunner();
      await open.startTransaction();
      await recordActivities(open.manager, [
        {
          event: 'project.updated',
          projectId: project.id,
          actorId: owner.id,
          changes: { name: { from: 'a', to: 'b' } },
        },
      ]);
      await listener.app.get(OutboxDispatcher).drain();
      expect(live.records.filter((record) => record.event === 'project.updated')).toEqual([]);
      await open.commitTransaction();
      await open.release();

      await eventually('the committed record', () =>
        live.records.some((record) => record.event === 'project.updated'),
      );
      const task = await createTask(writer, project, owner, { title: 'over NOTIFY' });
      await eventually('the task created on the other instance', () =>
        live.records.some((record) => record.taskId === task.id),
      );
    } finally {
      await listener.close();
      await writer.close();
    }
  });
});
