import { createUser } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/** Guessable credentials are limited; a valid access token is always served. Each test here failed before its fix. */
describe('failed API keys are rate-limited before they are looked up', () => {
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
