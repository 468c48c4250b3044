import { eventually } from './support/eventually';
import { createUser } from './support/factories';
import { freePort } from './support/local-process';
import { startTestApp, TestApp } from './support/test-app';

describe('with REDIS_URL set but Redis down', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      // Nothing listens on a free port: Redis as good as dead.
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
      LOGIN_MAX_FAILURES: '2',
      RATE_LIMIT_PER_MINUTE: '5',
    });
  });
  afterAll(() => t.close());

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

  it('leaves nothing running once closed, though Redis never answered', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    const another = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    await another.close();
    // Left alone, the adapter's clients would retry for about ten seconds before giving up.
    await eventually('every reconnect timer to stop', () => timers() <= before, 3000);
  });
});
