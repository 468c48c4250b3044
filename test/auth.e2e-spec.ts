import jwt from 'jsonwebtoken';
import { Writable } from 'node:stream';
import { createUser, TestUser, uniqueName } from './support/factories';
import { api, startTestApp, TestApp } from './support/test-app';

const ADMIN = { email: 'root-admin@example.com', password: 'admin-password-long-enough' };

describe('accounts and authentication', () => {
  let t: TestApp;
  const logLines: string[] = [];

  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    t = await startTestApp(
      {
        LOG_LEVEL: 'debug',
        LOGIN_MAX_FAILURES: '3',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
      },
      undefined,
      logStream,
    );
  });
  afterAll(() => t.close());
  const login = (body: object) => t.http.post(api('/auth/login')).send(body);
  const me = (bearer: string) => t.http.get(api('/auth/me')).set('Authorization', bearer);

  describe('registration', () => {
    it('creates the user and a login, never exposing a hash', async () => {
      const res = await t.http
        .post(api('/auth/register'))
        .send({
          email: 'Grace@Example.com',
          password: 'a-long-enough-password',
          username: 'grace',
          displayName: 'Grace H',
        })
        .expect(201);
      expect(res.body).toMatchObject({
        user: {
          email: 'Grace@Example.com',
          username: 'grace',
          displayName: 'Grace H',
          role: 'user',
          timezone: 'UTC',
        },
        tokenType: 'Bearer',
        expiresIn: 900,
      });
      expect(res.body.accessToken.split('.')).toHaveLength(3);
      expect(res.body.refreshToken).toMatch(/^tfr_/);
      expect(JSON.stringify(res.body)).not.toMatch(/argon2|passwordHash|password_hash/);
      const profile = await me(`Bearer ${res.body.accessToken}`).expect(200);
      expect(profile.body).toEqual({ ...res.body.user, twoFactor: false });
      expect(profile.headers['cache-control']).toBe('no-store');
    });

    it('refuses an email or username already taken, whatever the case (409)', async () => {
      await createUser(t, { email: 'taken@example.com', username: 'taken_name' });
      await t.http
        .post(api('/auth/register'))
        .send({ email: 'TAKEN@example.COM', password: 'a-long-enough-password' })
        .expect(409);
      await t.http
        .post(api('/auth/register'))
        .send({ email: 'other@example.com', password: 'a-long-enough-password', username: 'taken_name' })
        .expect(409);
    });

    it('refuses bad fields naming each, and unknown fields such as role (422)', async () => {
      const res = await t.http
        .post(api('/auth/register'))
        .send({ email: 'x@example.com', password: 'x'.repeat(129), username: 'ab', role: 'admin' })
        .expect(422);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'password',
        'role',
        'username',
      ]);
    });
  });

  describe('login', () => {
    let user: TestUser;
    beforeAll(async () => {
      user = await createUser(t);
    });

    it('works by email (any case) and by username', async () => {
      const byEmail = await login({ email: user.email.toUpperCase(), password: user.password }).expect(200);
      expect(byEmail.body.user.id).toBe(user.id);
      const byUsername = await login({ username: user.username, password: user.password }).expect(200);
      expect(byUsername.body.user.id).toBe(user.id);
      await me(`Bearer ${byUsername.body.accessToken}`).expect(200);
    });

    it('answers an unknown user and a wrong password identically', async () => {
      const unknown = await login({ email: 'nobody-here@example.com', password: 'whatever-password' }).expect(
        401,
      );
      const wrong = await login({ email: user.email, password: 'not-the-password' }).expect(401);
      const comparable = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
      expect(comparable(unknown.body)).toEqual(comparable(wrong.body));
      expect(unknown.headers['www-authenticate']).toBe('Bearer');
    });

    it('answers 429 with Retry-After after repeated failures for an account', async () => {
      const victim = await createUser(t);
      for (let attempt = 0; attempt < 3; attempt += 1) {
        await login({ email: victim.email, password: 'wrong-password-guess' }).expect(401);
      }
      const limited = await login({ email: victim.email, password: victim.password }).expect(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.body.status).toBe(429);
    });
  });

  describe('access tokens', () => {
    let user: TestUser;
    let claims: jwt.JwtPayload;
    beforeAll(async () => {
      user = await createUser(t);
      claims = jwt.decode(user.accessToken) as jwt.JwtPayload;
    });

    it('carries the pinned algorithm, issuer, audience and expiry', () => {
      expect(jwt.decode(user.accessToken, { complete: true })?.header.alg).toBe('HS256');
      expect(claims).toMatchObject({ sub: user.id, iss: 'taskforge', aud: 'taskforge-api' });
      expect(claims.exp! - claims.iat!).toBe(900);
    });

    it('refuses a forged signature, alg none, another algorithm, an expired token and a wrong audience', async () => {
      const { sub, sid } = claims;
      const secret = t.config.jwt.secret;
      const valid = { sub, sid, iss: 'taskforge', aud: 'taskforge-api' };
      const forged = jwt.sign(valid, 'some-other-secret-of-sufficient-length-000', {
        algorithm: 'HS256',
        expiresIn: 60,
      });
      const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
        JSON.stringify({ ...valid, exp: Math.floor(Date.now() / 1000) + 60 }),
      ).toString('base64url')}.`;
      const hs512 = jwt.sign(valid, secret, { algorithm: 'HS512', expiresIn: 60 });
      const expired = jwt.sign({ ...valid, exp: Math.floor(Date.now() / 1000) - 10 }, secret, {
        algorithm: 'HS256',
      });
      const wrongAudience = jwt.sign({ ...valid, aud: 'someone-else' }, secret, {
        algorithm: 'HS256',
        expiresIn: 60,
      });
      for (const token of [forged, unsigned, hs512, expired, wrongAudience, 'garbage']) {
        await me(`Bearer ${token}`).expect(401);
      }
      await me(user.bearer).expect(200);
    });
  });

  describe('refresh tokens', () => {
    it('rotate on every use, and a reused one revokes the whole login', async () => {
      const user = await createUser(t);
      const first = await t.http
        .post(api('/auth/refresh'))
        .send({ refreshToken: user.refreshToken })
        .expect(200);
      expect(first.body.refreshToken).not.toBe(user.refreshToken);
      await me(`Bearer ${first.body.accessToken}`).expect(200);

      // The spent token comes back: someone copied it. The whole family dies, the thief's and the owner's.
      await t.http.post(api('/auth/refresh')).send({ refreshToken: user.refreshToken }).expect(401);
      await t.http.post(api('/auth/refresh')).send({ refreshToken: first.body.refreshToken }).expect(401);
      await me(`Bearer ${first.body.accessToken}`).expect(401);
      await me(user.bearer).expect(401);

      // Other logins of the same user are untouched.
      const other = await login({ email: user.email, password: user.password }).expect(200);
      await me(`Bearer ${other.body.accessToken}`).expect(200);
    });

    it('stop working after logout, and so does the access token of that login', async () => {
      const user = await createUser(t);
      await t.as(user).post('/auth/logout').send({ refreshToken: user.refreshToken }).expect(204);
      await t.http.post(api('/auth/refresh')).send({ refreshToken: user.refreshToken }).expect(401);
      await me(user.bearer).expect(401);
    });

    it('refuses an unknown token', async () => {
      await t.http.post(api('/auth/refresh')).send({ refreshToken: 'tfr_not-a-real-token' }).expect(401);
    });
  });

  describe('API keys', () => {
    it('are shown once, listed without the secret, work until revoked, and 401 at once after', async () => {
      const user = await createUser(t);
      const created = await t.as(user).post('/auth/api-keys').send({ name: 'ci' }).expect(201);
      expect(created.body).toMatchObject({ name: 'ci', scopes: null, expiresAt: null, lastUsedAt: null });
      expect(created.body.key).toMatch(/^tfk_/);
      expect(created.body.key.startsWith(created.body.prefix)).toBe(true);

      const viaKey = await t.http.get(api('/auth/me')).set('X-API-Key', created.body.key).expect(200);
      expect(viaKey.body.id).toBe(user.id);

      const list = await t.as(user).get('/auth/api-keys').expect(200);
      expect(list.body.nextCursor).toBeNull();
      expect(list.body.items).toEqual([
        expect.objectContaining({ id: created.body.id, lastUsedAt: expect.any(String) }),
      ]);
      expect(JSON.stringify(list.body)).not.toContain(created.body.key);

      await t.as(user).delete(`/auth/api-keys/${created.body.id}`).expect(204);
      await t.http.get(api('/auth/me')).set('X-API-Key', created.body.key).expect(401);
      await t.as(user).delete(`/auth/api-keys/${created.body.id}`).expect(404);
    });

    it("answer 404 for another user's key id", async () => {
      const owner = await createUser(t);
      const stranger = await createUser(t);
      const key = await t.as(owner).post('/auth/api-keys').send({ name: 'mine' }).expect(201);
      await t.as(stranger).delete(`/auth/api-keys/${key.body.id}`).expect(404);
      await t.http.get(api('/auth/me')).set('X-API-Key', key.body.key).expect(200);
    });

    it('limited to read scopes are refused on a write with 403 naming the scope', async () => {
      const user = await createUser(t);
      const key = await t
        .as(user)
        .post('/auth/api-keys')
        .send({ name: 'read-only', scopes: ['profile:read'] })
        .expect(201);
      await t.http.get(api('/users/me')).set('X-API-Key', key.body.key).expect(200);
      const refused = await t.http
        .patch(api('/users/me'))
        .set('X-API-Key', key.body.key)
        .send({ displayName: 'Changed' })
        .expect(403);
      expect(refused.body.detail).toContain('profile:write');
    });

    it('cannot be given scopes the creator lacks, nor an expiry in the past', async () => {
      const user = await createUser(t);
      await t
        .as(user)
        .post('/auth/api-keys')
        .send({ name: 'x', scopes: ['admin'] })
        .expect(422);
      await t
        .as(user)
        .post('/auth/api-keys')
        .send({ name: 'x', scopes: ['nope'] })
        .expect(422);
      await t
        .as(user)
        .post('/auth/api-keys')
        .send({ name: 'x', expiresAt: '2001-01-01T00:00:00.000Z' })
        .expect(422);
    });
  });

  describe('profile and password', () => {
    it('updates the profile, validating the timezone and requiring the password for an email change', async () => {
      const user = await createUser(t);
      const updated = await t
        .as(user)
        .patch('/users/me')
        .send({ displayName: 'New Name', timezone: 'Europe/Paris' })
        .expect(200);
      expect(updated.body).toMatchObject({ displayName: 'New Name', timezone: 'Europe/Paris' });
      await t.as(user).patch('/users/me').send({ timezone: 'Mars/Olympus' }).expect(422);
      for (const cleared of [{ timezone: null }, { email: null, currentPassword: user.password }]) {
        const refused = await t.as(user).patch('/users/me').send(cleared).expect(422);
        expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual([
          Object.keys(cleared)[0],
        ]);
      }
      await t.as(user).patch('/users/me').send({ email: 'new@example.com' }).expect(422);
      await t
        .as(user)
        .patch('/users/me')
        .send({ email: 'new@example.com', currentPassword: 'wrong-password' })
        .expect(401);
      const moved = await t
        .as(user)
        .patch('/users/me')
        .send({ email: `${uniqueName()}@example.com`, currentPassword: user.password })
        .expect(200);
      await login({ email: moved.body.email, password: user.password }).expect(200);
    });

    it("changing the password revokes the user's other logins at once, not the caller's", async () => {
      const user = await createUser(t);
      const elsewhere = await login({ email: user.email, password: user.password }).expect(200);
      await t
        .as(user)
        .post('/users/me/password')
        .send({ currentPassword: user.password, newPassword: 'a-brand-new-password' })
        .expect(204);
      await me(`Bearer ${elsewhere.body.accessToken}`).expect(401);
      await t.http.post(api('/auth/refresh')).send({ refreshToken: elsewhere.body.refreshToken }).expect(401);
      await me(user.bearer).expect(200);
      await login({ email: user.email, password: user.password }).expect(401);
      await login({ email: user.email, password: 'a-brand-new-password' }).expect(200);
    });

    it('lists a directory of names without emails', async () => {
      const user = await createUser(t, { displayName: 'Directory Person' });
      const res = await t
        .as(user)
        .get(`/users?q=${user.username.slice(0, 8)}`)
        .expect(200);
      expect(res.body.items).toContainEqual({
        id: user.id,
        username: user.username,
        displayName: 'Directory Person',
      });
      expect(JSON.stringify(res.body)).not.toContain('@example.com');
    });
  });

  describe('admins', () => {
    let adminBearer: string;
    let adminId: string;
    beforeAll(async () => {
      const res = await login(ADMIN).expect(200);
      expect(res.body.user.role).toBe('admin');
      adminBearer = `Bearer ${res.body.accessToken}`;
      adminId = res.body.user.id;
    });

    it('bootstraps the first admin from the environment, and keeps admin endpoints from users (403)', async () => {
      const user = await createUser(t);
      await t.as(user).get('/admin/users').expect(403);
      await t.as(user).patch(`/admin/users/${user.id}`).send({ role: 'admin' }).expect(403);
      const page = await t.http
        .get(api('/admin/users?limit=2'))
        .set('Authorization', adminBearer)
        .expect(200);
      expect(page.body.items).toHaveLength(2);
      expect(page.body.nextCursor).toEqual(expect.any(String));
      const next = await t.http
        .get(api(`/admin/users?limit=2&cursor=${page.body.nextCursor}`))
        .set('Authorization', adminBearer);
      expect(next.body.items[0].id > page.body.items[1].id).toBe(true);
    });

    it('locks a disabled user out at once, tokens and keys alike', async () => {
      const user = await createUser(t);
      const key = await t.as(user).post('/auth/api-keys').send({ name: 'k' }).expect(201);
      const disabled = await t.http
        .patch(api(`/admin/users/${user.id}`))
        .set('Authorization', adminBearer)
        .send({ disabled: true })
        .expect(200);
      expect(disabled.body.disabled).toBe(true);
      await me(user.bearer).expect(401);
      await t.http.get(api('/auth/me')).set('X-API-Key', key.body.key).expect(401);
      await login({ email: user.email, password: user.password }).expect(401);
      await t.http.post(api('/auth/refresh')).send({ refreshToken: user.refreshToken }).expect(401);
    });

    it('refuses a value of the wrong JSON type in an admin change with 422 naming the field', async () => {
      const user = await createUser(t);
      const wrong: [string, unknown][] = [
        ['role', null],
        ['role', 7],
        ['role', ['admin']],
        ['role', { name: 'admin' }],
        ['disabled', null],
        ['disabled', 'true'],
        ['disabled', 1],
        ['disabled', [true]],
      ];
      for (const [field, value] of wrong) {
        const res = await t.http
          .patch(api(`/admin/users/${user.id}`))
          .set('Authorization', adminBearer)
          .send({ [field]: value });
        expect({
          field,
          value,
          status: res.status,
          named: res.body.errors?.map((e: { field: string }) => e.field),
        }).toEqual({
          field,
          value,
          status: 422,
          named: [field],
        });
      }
    });

    it('cannot demote or disable the last admin', async () => {
      await t.http
        .patch(api(`/admin/users/${adminId}`))
        .set('Authorization', adminBearer)
        .send({ role: 'user' })
        .expect(422);
      await t.http
        .patch(api(`/admin/users/${adminId}`))
        .set('Authorization', adminBearer)
        .send({ disabled: true })
        .expect(422);
      await t.http
        .patch(api('/admin/users/00000000-0000-4000-8000-000000000000'))
        .set('Authorization', adminBearer)
        .send({ role: 'user' })
        .expect(404);
    });
  });

  it('never writes a password, token or key into the log', async () => {
    const user = await createUser(t);
    const key = await t.as(user).post('/auth/api-keys').send({ name: 'log' }).expect(201);
    await t.http.get(api('/auth/me')).set('X-API-Key', key.body.key).expect(200);
    await login({ email: user.email, password: 'wrong-password-for-log' }).expect(401);
    const log = logLines.join('');
    expect(log.length).toBeGreaterThan(0);
    for (const secret of [
      user.password,
      'wrong-password-for-log',
      user.accessToken,
      user.refreshToken,
      key.body.key,
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
