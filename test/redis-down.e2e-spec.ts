import { Redis } from 'ioredis';
import { setTimeout as delay } from 'node:timers/promises';
import { BrokenRedis } from './support/broken-redis';
import { eventually } from './support/eventually';
import { createUser } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

// Jest fails the running test on any rejection left unhandled, as it would end a production process; the tests
// below lean on that, and their controls show the commands in question do reject in the situation they build.

describe('an app closed while Redis is down', () => {
  // First in the file and alone in its block: an app running or just closed beside it would be retrying Redis too, and
  // its timers would come and go in the count.
  it('leaves nothing running once closed, though Redis never answered', async () => {
    const redis = await BrokenRedis.start('hangs-up');
    try {
      const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
      const before = await settledCount(timers);
      const t = await startTestApp({ REDIS_URL: redis.url });
      // The control: while it runs, the count does see its timers (its pollers, its Redis clients retrying).
      await eventually('the app to be running its timers', () => timers() > before, 3000);
      await t.close();
      // Left alone, the adapter's clients would retry for about ten seconds before giving up.
      await eventually('every reconnect timer to stop', () => timers() <= before, 3000);
    } finally {
      await redis.stop();
    }
  });
});

/** The count once it has stopped falling: what the test runner and earlier files left has wound down. */
async function settledCount(count: () => number): Promise<number> {
  let last = count();
  for (;;) {
    await delay(100);
    const now = count();
    if (now >= last) return now;
    last = now;
  }
}

describe('with REDIS_URL set but Redis down', () => {
  let redis: BrokenRedis;
  let t: TestApp;
  beforeAll(async () => {
    redis = await BrokenRedis.start('hangs-up');
    t = await startTestApp({ REDIS_URL: redis.url, LOGIN_MAX_FAILURES: '2', RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(async () => {
    await t.close();
    await redis.stop();
  });

  it('keeps serving, with limits counted in memory instead of hanging', async () => {
    const user = await createUser(t);
    await t.http
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: 'wrong-password-1' })
      .expect(401);
    await t.http
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: 'wrong-password-2' })
      .expect(401);
    await t.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password }).expect(429);

    const statuses: number[] = [];
    for (let request = 0; request < 7; request += 1) {
      statuses.push((await t.as(user).get('/auth/me')).status);
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('keeps running while Redis stays away past the retry limit of a command the adapter sent and dropped', async () => {
    // The control: a client that gives up on a command after 20 retries, as the adapter's SUBSCRIBE once did.
    const bare = new Redis(redis.url, { maxRetriesPerRequest: 20 });
    bare.on('error', () => undefined);
    const subscribed = bare.subscribe('a-channel');
    // Twenty reconnects at 50, 100, … 1,000 ms apart: about ten and a half seconds.
    await expect(subscribed).rejects.toThrow('max retries per request');
    bare.disconnect();
    await t.http.get('/health').expect(200);
  }, 20_000);
});

describe('with REDIS_URL set and a Redis that accepts connections but never answers', () => {
  it('closes without leaving a rejected command unhandled', async () => {
    const redis = await BrokenRedis.start('silent');
    const t = await startTestApp({ REDIS_URL: redis.url });
    // The control: a client disconnected while its command waits for an answer rejects that command.
    const bare = new Redis(redis.url);
    bare.on('error', () => undefined);
    await eventually('the bare client to connect', () => bare.status === 'connect');
    const subscribed = bare.subscribe('a-channel');
    bare.disconnect();
    await expect(subscribed).rejects.toThrow('Connection is closed.');

    expect(redis.openConnections).toBeGreaterThan(0);
    await t.close();
    // A client's commands are rejected as its socket closes, and reported unhandled a few microtasks later.
    await eventually('the app to hang up on Redis', () => redis.openConnections === 0);
    await delay(50);
    await redis.stop();
  });
});
