import { createUser } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      REGISTER_LIMIT_PER_HOUR: '3',
      RATE_LIMIT_PER_MINUTE: '8',
      LOGIN_MAX_FAILURES: '100',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '2',
    });
  });
  afterAll(() => t.close());

  it('limits registrations per address, then failed logins per address, then requests per user', async () => {
    const user = await createUser(t);
    await createUser(t);
    await createUser(t);
    const registration = await t.http
      .post('/api/v1/auth/register')
      .send({ email: 'fourth@example.com', password: 'a-long-enough-password' })
      .expect(429);
    expect(Number(registration.headers['retry-after'])).toBeGreaterThan(0);
    expect(registration.headers['content-type']).toMatch(/problem\+json/);

    // Failed logins for different accounts from one address.
    await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'a@example.com', password: 'wrong-password' })
      .expect(401);
    await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'b@example.com', password: 'wrong-password' })
      .expect(401);
    const blocked = await t.http
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: user.password })
      .expect(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);

    const first = await t.as(user).get('/auth/me').expect(200);
    expect(first.headers['x-ratelimit-limit']).toBe('8');
    let status = 200;
    for (let request = 0; request < 10 && status === 200; request += 1) {
      status = (await t.as(user).get('/auth/me')).status;
    }
    expect(status).toBe(429);
  });
});
