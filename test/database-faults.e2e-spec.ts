import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { Client } from 'pg';
import { openPglite } from '../src/database/embedded-postgres';
import { eventually } from './support/eventually';
import { createUser, TestUser } from './support/factories';
import { createProject, TestProject } from './support/projects';
import { createTask } from './support/tasks';
import { startTestApp, TestApp } from './support/test-app';
import {
  canRunThrowawayPostgres,
  createThrowawayPostgres,
  ThrowawayPostgres,
} from './support/throwaway-postgres';

if (!canRunThrowawayPostgres)
  process.stdout.write(
    'database faults: no PostgreSQL programs here (/usr/lib/postgresql), so the real-server outage tests are ' +
      'skipped; the embedded database outage test runs\n',
  );
const describeWithPostgres = canRunThrowawayPostgres ? describe : describe.skip;

/** Bounds a request that might hang; a hang fails the test instead of stalling it. It asserts nothing about speed. */
const HANG_BOUND_MS = 15_000;
const FAST_FAILING = { DB_CONNECTION_TIMEOUT_MS: '1000', DB_STATEMENT_TIMEOUT_MS: '1000' };

/** Reads and writes from four clients until stopped, keeping every answer's status (0: no answer at all). */
function startTraffic(t: TestApp, user: TestUser, project: TestProject) {
  const statuses: number[] = [];
  let running = true;
  const client = async (index: number) => {
    for (let round = 0; running; round++) {
      const request =
        round % 2 === 0
          ? t.http.get(`/api/v1/projects/${project.id}/tasks`)
          : t.http.post(`/api/v1/projects/${project.id}/tasks`).send({ title: `traffic ${index}.${round}` });
      const res = await request
        .set('Authorization', user.bearer)
        .timeout(HANG_BOUND_MS)
        .catch(() => ({ status: 0 }));
      statuses.push(res.status);
      if (res.status === 503) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const clients = Array.from({ length: 4 }, (_, index) => client(index));
  return {
    statuses,
    async stop() {
      running = false;
      await Promise.all(clients);
    },
  };
}

/**
 * Takes the database away under traffic and brings it back: while it is gone every request is a prompt 503
 * problem+json and readiness says so; once it is back the service serves again by itself.
 */
async function outageUnderTraffic(t: TestApp, takeAway: () => Promise<void>, bringBack: () => Promise<void>) {
  const user = await createUser(t);
  const project = await createProject(t, user);
  const traffic = startTraffic(t, user, project);
  await eventually('traffic to be flowing', () => traffic.statuses.length >= 20);

  await takeAway();
  await eventually('readiness to turn 503', async () => (await t.http.get('/health/ready')).status === 503);
  const during = await Promise.all(
    Array.from({ length: 5 }, () => t.as(user).get(`/projects/${project.id}/tasks`).timeout(HANG_BOUND_MS)),
  );
  for (const res of during) {
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBeDefined();
  }
  await t.http.get('/health').expect(200);

  await bringBack();
  await eventually('readiness to return', async () => (await t.http.get('/health/ready')).status === 200);
  await eventually('a write to succeed again', async () => {
    const res = await t.as(user).post(`/projects/${project.id}/tasks`).send({ title: 'after the outage' });
    return res.status === 201;
  });
  await traffic.stop();
  // Served or refused as unavailable; never a 500, never a hang or a dropped connection.
  expect([...new Set(traffic.statuses)].sort()).toEqual(expect.arrayContaining([200, 201]));
  expect(traffic.statuses.filter((status) => ![200, 201, 503].includes(status))).toEqual([]);
}

describeWithPostgres('a real PostgreSQL that stops mid-traffic', () => {
  let postgres: ThrowawayPostgres;
  let t: TestApp;

  beforeAll(async () => {
    postgres = await createThrowawayPostgres();
    t = await startTestApp(
      { ...FAST_FAILING, DATABASE_URL: postgres.url },
      { url: postgres.url, drop: async () => {} },
    );
  });
  afterAll(async () => {
    await t?.close();
    await postgres?.destroy();
  });

  it('answers 503 while it is down and recovers by itself when it is back', async () => {
    await outageUnderTraffic(
      t,
      () => postgres.stop(),
      () => postgres.start(),
    );
  });

  it('bounds a statement stuck on a lock, and callers queued behind it, with a 503 instead of a pile-up', async () => {
    const owner = await createUser(t);
    const project = await createProject(t, owner);
    const task = await createTask(t, project, owner, { title: 'Locked' });
    const locker = new Client({ connectionString: postgres.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('SELECT * FROM tasks WHERE id = $1 FOR UPDATE', [task.id]);
      // More writers than the pool has connections: some wait on the lock, the rest on the pool.
      const stuck = await Promise.all(
        Array.from({ length: 12 }, () =>
          t.as(owner).patch(`/tasks/${task.id}`).send({ priority: 1 }).timeout(HANG_BOUND_MS),
        ),
      );
      expect(stuck.map((res) => res.status)).toEqual(Array(12).fill(503));
      expect(stuck[0].headers['retry-after']).toBeDefined();
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    await t.as(owner).patch(`/tasks/${task.id}`).send({ priority: 1 }).expect(200);
  });
});

describe('the embedded database socket going away mid-traffic', () => {
  let db: PGlite;
  let server: PGLiteSocketServer;
  let port: number;
  let t: TestApp;

  const serve = async () => {
    server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 8 });
    await server.start();
  };

  beforeAll(async () => {
    db = await openPglite();
    port = 0;
    await serve();
    port = Number(server.getServerConn().split(':').pop());
    const url = `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
    t = await startTestApp({ ...FAST_FAILING, DATABASE_URL: url }, { url, drop: async () => {} });
  });
  afterAll(async () => {
    await t?.close();
    await server?.stop();
    await db?.close();
  });

  it('answers 503 while its socket is closed and recovers by itself when it is served again', async () => {
    await outageUnderTraffic(
      t,
      () => server.stop(),
      () => serve(),
    );
  });
});
