import { eventually } from './support/eventually';
import { createUser } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { TcpProxy } from './support/tcp-proxy';

describe('readiness follows the database', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let t: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    proxy = TcpProxy.forUrl(database.url);
    await proxy.start();
    t = await startTestApp(
      { DATABASE_URL: proxy.rewrite(database.url), DB_CONNECTION_TIMEOUT_MS: '1000' },
      {
        ...database,
        url: proxy.rewrite(database.url),
      },
    );
  });
  afterAll(async () => {
    await t.close();
    await proxy.cut();
    await database.drop();
  });

  it('answers 503 problem+json while the database is unreachable and 200 once it is back', async () => {
    await t.http.get('/health/ready').expect(200);
    const user = await createUser(t);
    await proxy.cut();

    const ready = await t.http.get('/health/ready').expect(503);
    expect(ready.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(ready.headers['retry-after']).toBeDefined();
    // Liveness is about the process, not its dependencies.
    await t.http.get('/health').expect(200);
    // A request that needs the database fails fast as 503, not 500, and says nothing internal.
    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'a@example.com', password: 'whatever-it-is' });
    expect(login.status).toBe(503);
    expect(JSON.stringify(login.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);
    // A signed-in caller is not told its credentials are bad (401 would log clients out): the outage is 503.
    await t.as(user).get('/auth/me').expect(503);

    await proxy.start();
    await eventually('readiness to return', async () => (await t.http.get('/health/ready')).status === 200);
    await t.as(user).get('/auth/me').expect(200);
  });
});
