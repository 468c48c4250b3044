import { createUser, TestUser } from './support/factories';
import { api, startTestApp, TestApp } from './support/test-app';
import { startServiceProcess } from './support/service-process';
import { createTestDatabase } from './support/test-database';

/** How soon another instance must refuse a credential revoked elsewhere. */
const ELSEWHERE_BOUND_MS = 1000;

const me = (t: TestApp, user: TestUser) => t.as(user).get('/auth/me');

/** The same person's second login, as on another device. */
async function signInElsewhere(t: TestApp, user: TestUser): Promise<TestUser> {
  const other = await t.http
    .post(api('/auth/login'))
    .send({ email: user.email, password: user.password })
    .expect(200);
  return { ...user, bearer: `Bearer ${other.body.accessToken}` };
}

/** Asks `t` with the credential until it is refused; how long that took after `since`, or null past the bound. */
async function refusedWithin(
  ask: () => PromiseLike<{ status: number }>,
  since: number,
): Promise<number | null> {
  while (Date.now() - since <= ELSEWHERE_BOUND_MS) {
    if ((await ask()).status === 401) return Date.now() - since;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return null;
}

describe('remembered credentials', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ PRINCIPAL_CACHE_MS: '1000' });
  });
  afterAll(() => t.close());

  it('refuses a session on the very next request after its logout, though it was just remembered', async () => {
    const user = await createUser(t);
    for (let i = 0; i < 3; i++) await me(t, user).expect(200);
    await t.as(user).post('/auth/logout').send({ refreshToken: user.refreshToken }).expect(204);
    await me(t, user).expect(401);
  });

  it('refuses a session on the very next request after it is ended from another', async () => {
    const user = await createUser(t);
    const elsewhere = await signInElsewhere(t, user);
    for (let i = 0; i < 3; i++) await me(t, elsewhere).expect(200);
    const sessions = await t.as(user).get('/auth/sessions').expect(200);
    const target = sessions.body.find((session: { current: boolean }) => !session.current);
    await t.as(user).delete(`/auth/sessions/${target.id}`).expect(204);
    await me(t, elsewhere).expect(401);
    await me(t, user).expect(200);
  });

  it('refuses an API key on the very next request after it is revoked', async () => {
    const user = await createUser(t);
    const key = await t.as(user).post('/auth/api-keys').send({ name: 'cached' }).expect(201);
    for (let i = 0; i < 3; i++) await t.http.get(api('/auth/me')).set('X-API-Key', key.body.key).expect(200);
    await t.as(user).delete(`/auth/api-keys/${key.body.id}`).expect(204);
    await t.http.get(api('/auth/me')).set('X-API-Key', key.body.key).expect(401);
  });

  it('refuses the other logins on the very next request after a password change', async () => {
    const user = await createUser(t);
    const elsewhere = await signInElsewhere(t, user);
    await me(t, elsewhere).expect(200);
    await t
      .as(user)
      .post('/users/me/password')
      .send({ currentPassword: user.password, newPassword: 'a-new-long-password' })
      .expect(204);
    await me(t, elsewhere).expect(401);
    await me(t, user).expect(200);
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const describeTwoInstances = serverUrl && redisUrl ? describe : describe.skip;

describeTwoInstances('remembered credentials across two instances on one PostgreSQL and one Redis', () => {
  it('refuses a session revoked on one instance at once there, and within a second on the other', async () => {
    const database = await createTestDatabase();
    const env = { REDIS_URL: redisUrl!, DATABASE_URL: database.url };
    const a = await startTestApp(env, database);
    // Its own process: Passport's strategies are process-wide, so two apps in one process would share one.
    const b = await startServiceProcess(env);
    try {
      const user = await createUser(a);
      const meOnB = () => fetch(`${b.url}${api('/auth/me')}`, { headers: { authorization: user.bearer } });
      for (let i = 0; i < 3; i++) {
        await me(a, user).expect(200);
        expect((await meOnB()).status).toBe(200);
      }
      await a.as(user).post('/auth/logout').send({ refreshToken: user.refreshToken }).expect(204);
      const loggedOut = Date.now();
      await me(a, user).expect(401);
      expect(await refusedWithin(meOnB, loggedOut)).not.toBeNull();

      // A session ended from the list of sessions, the same way.
      const second = await a.http
        .post(api('/auth/login'))
        .send({ email: user.email, password: user.password })
        .expect(200);
      const listed = await a.http
        .get(api('/auth/sessions'))
        .set('Authorization', `Bearer ${second.body.accessToken}`)
        .expect(200);
      const meOnBAsSecond = () =>
        fetch(`${b.url}${api('/auth/me')}`, {
          headers: { authorization: `Bearer ${second.body.accessToken}` },
        });
      expect((await meOnBAsSecond()).status).toBe(200);
      await a.http
        .delete(api(`/auth/sessions/${listed.body[0].id}`))
        .set('Authorization', `Bearer ${second.body.accessToken}`)
        .expect(204);
      expect(await refusedWithin(meOnBAsSecond, Date.now())).not.toBeNull();
    } finally {
      await b.signal('SIGTERM');
      await a.close();
      await database.drop();
    }
  });
});
