import { DataSource } from 'typeorm';
import { createUser, TestUser } from './support/factories';
import { api, startTestApp, TestApp } from './support/test-app';
import { codeAt } from './support/totp';

const ADMIN = { email: 'identity-admin@example.com', password: 'admin-password-long-enough' };

describe('identity: sessions, sign-in history and two-factor sign-in', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: { bearer: string };

  beforeAll(async () => {
    t = await startTestApp({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    db = t.app.get(DataSource);
    const res = await t.http.post(api('/auth/login')).send(ADMIN).expect(200);
    admin = { bearer: `Bearer ${res.body.accessToken}` };
  });
  afterAll(() => t.close());

  const login = (user: TestUser, userAgent = 'identity-test') =>
    t.http
      .post(api('/auth/login'))
      .set('User-Agent', userAgent)
      .send({ email: user.email, password: user.password });
  const secondStep = (body: object) => t.http.post(api('/auth/login/2fa')).send(body);
  const bearerOf = (body: { accessToken: string }) => ({ bearer: `Bearer ${body.accessToken}` });

  /** Turns two-factor sign-in on for `user`; the code spent is the current step's. */
  async function enableTwoFactor(
    user: TestUser,
  ): Promise<{ secret: string; recoveryCodes: string[]; used: string }> {
    const setup = await t.as(user).post('/auth/2fa/setup').expect(200);
    const used = await codeAt(setup.body.secret);
    const enabled = await t.as(user).post('/auth/2fa/enable').send({ code: used }).expect(200);
    return { secret: setup.body.secret, recoveryCodes: enabled.body.recoveryCodes, used };
  }

  async function mfaToken(user: TestUser): Promise<string> {
    const res = await login(user).expect(401);
    expect(res.body.type).toMatch(/mfa-required$/);
    expect(res.body.accessToken).toBeUndefined();
    return res.body.mfaToken;
  }

  describe('sessions', () => {
    it('lists where a user is signed in, marks the one asking, and ends one at once', async () => {
      const user = await createUser(t);
      const phone = (await login(user, 'Phone/1.0').expect(200)).body;
      const laptop = (await login(user, 'Laptop/2.0').expect(200)).body;

      const listed = await t.as(bearerOf(laptop)).get('/auth/sessions').expect(200);
      expect(listed.body).toHaveLength(3);
      const byAgent = new Map(listed.body.map((s: { userAgent: string }) => [s.userAgent, s]));
      expect(byAgent.get('Laptop/2.0')).toMatchObject({
        current: true,
        method: 'password',
        address: expect.any(String),
      });
      expect(byAgent.get('Phone/1.0')).toMatchObject({ current: false, lastUsedAt: expect.any(String) });
      const phoneSession = byAgent.get('Phone/1.0') as { id: string };

      await t.as(bearerOf(laptop)).delete(`/auth/sessions/${phoneSession.id}`).expect(204);
      await t.as(bearerOf(phone)).get('/auth/me').expect(401);
      await t.http.post(api('/auth/refresh')).send({ refreshToken: phone.refreshToken }).expect(401);
      // Control: the session that ended the other goes on.
      await t.as(bearerOf(laptop)).get('/auth/me').expect(200);
      await t.http.post(api('/auth/refresh')).send({ refreshToken: laptop.refreshToken }).expect(200);
      const after = await t.as(bearerOf(laptop)).get('/auth/sessions').expect(200);
      expect(after.body.map((s: { id: string }) => s.id)).not.toContain(phoneSession.id);
      await t.as(bearerOf(laptop)).delete(`/auth/sessions/${phoneSession.id}`).expect(404);
    });

    it("answers 404 for another user's session, which goes on", async () => {
      const owner = await createUser(t);
      const stranger = await createUser(t);
      const [session] = (await t.as(owner).get('/auth/sessions').expect(200)).body;
      await t.as(stranger).delete(`/auth/sessions/${session.id}`).expect(404);
      await t.as(owner).get('/auth/me').expect(200);
    });

    it("lets an admin end every session of a user, leaving the user's API keys working", async () => {
      const user = await createUser(t);
      const second = (await login(user).expect(200)).body;
      const key = (await t.as(user).post('/auth/api-keys').send({ name: 'ci' }).expect(201)).body.key;

      await t.as(user).delete(`/admin/users/${user.id}/sessions`).expect(403);
      await t.as(admin).delete(`/admin/users/00000000-0000-4000-8000-000000000000/sessions`).expect(404);
      await t.as(user).get('/auth/me').expect(200);
      await t.as(admin).delete(`/admin/users/${user.id}/sessions`).expect(204);

      await t.as(user).get('/auth/me').expect(401);
      await t.as(bearerOf(second)).get('/auth/me').expect(401);
      await t.http.post(api('/auth/refresh')).send({ refreshToken: second.refreshToken }).expect(401);
      await t.http.get(api('/auth/me')).set('X-API-Key', key).expect(200);
      // The person signs in again as usual.
      await login(user).expect(200);
    });
  });

  describe('sign-in history', () => {
    it("records successes and failures for the account's owner and admins, and answers a stranger alike", async () => {
      const user = await createUser(t);
      const wrong = await t.http
        .post(api('/auth/login'))
        .set('User-Agent', 'Guesser/0.1')
        .send({ email: user.email, password: 'not-the-password' })
        .expect(401);
      const unknown = await t.http
        .post(api('/auth/login'))
        .send({ email: 'nobody-at-all@example.com', password: 'not-the-password' })
        .expect(401);
      expect(unknown.body.detail).toBe(wrong.body.detail);
      expect(unknown.body.type).toBe(wrong.body.type);
      await login(user, 'Browser/3.0').expect(200);

      const history = (await t.as(user).get('/auth/sign-ins').expect(200)).body;
      expect(history.items).toEqual([
        expect.objectContaining({
          method: 'password',
          succeeded: true,
          userAgent: 'Browser/3.0',
          reason: null,
        }),
        expect.objectContaining({
          method: 'password',
          succeeded: false,
          reason: 'wrong password',
          userAgent: 'Guesser/0.1',
          address: expect.any(String),
        }),
        // Registering was the first sign-in.
        expect.objectContaining({ method: 'password', succeeded: true }),
      ]);
      const seenByAdmin = (await t.as(admin).get(`/admin/users/${user.id}/sign-ins`).expect(200)).body;
      expect(seenByAdmin.items).toEqual(history.items);
      await t.as(user).get(`/admin/users/${user.id}/sign-ins`).expect(403);

      const firstPage = (await t.as(user).get('/auth/sign-ins?limit=1').expect(200)).body;
      expect(firstPage.items).toEqual([history.items[0]]);
      const secondPage = await t
        .as(user)
        .get(`/auth/sign-ins?limit=1&cursor=${firstPage.nextCursor}`)
        .expect(200);
      expect(secondPage.body.items).toEqual([history.items[1]]);
    });
  });

  describe('two-factor sign-in', () => {
    it('sets up, enables with a first code, asks for a code at sign-in, refuses replays and spends recovery codes once', async () => {
      const user = await createUser(t);
      await t.as(user).post('/auth/2fa/enable').send({ code: '123456' }).expect(409);
      expect((await t.as(user).get('/auth/me').expect(200)).body.twoFactor).toBe(false);

      const setup = (await t.as(user).post('/auth/2fa/setup').expect(200)).body;
      expect(setup.secret).toMatch(/^[A-Z2-7]{32,}$/);
      expect(setup.otpauthUrl).toBe(
        `otpauth://totp/Taskforge:${user.username}?secret=${setup.secret}&issuer=Taskforge`,
      );
      // Not in force until a code proves the app holds the secret.
      await login(user).expect(200);
      const stale = await codeAt(setup.secret, -5);
      const refused = await t.as(user).post('/auth/2fa/enable').send({ code: stale }).expect(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'code' })]);

      const firstCode = await codeAt(setup.secret);
      const enabled = (await t.as(user).post('/auth/2fa/enable').send({ code: firstCode }).expect(200)).body;
      expect(enabled.recoveryCodes).toHaveLength(10);
      expect(new Set(enabled.recoveryCodes).size).toBe(10);
      expect((await t.as(user).get('/auth/me').expect(200)).body.twoFactor).toBe(true);
      await t.as(user).post('/auth/2fa/setup').expect(409);

      // Nothing at rest gives the secret or a recovery code away.
      const [stored] = await db.query(`SELECT secret FROM two_factor WHERE user_id = $1`, [user.id]);
      expect(stored.secret).not.toContain(setup.secret);
      const hashes = await db.query(
        `SELECT encode(code_hash, 'escape') AS h FROM recovery_codes WHERE user_id = $1`,
        [user.id],
      );
      expect(hashes).toHaveLength(10);
      for (const code of enabled.recoveryCodes) {
        expect(hashes.map((row: { h: string }) => row.h).join()).not.toContain(code.replace(/-/g, ''));
      }

      const token = await mfaToken(user);
      const replay = await secondStep({ mfaToken: token, code: firstCode }).expect(401);
      expect(replay.body.accessToken).toBeUndefined();
      const signedIn = (
        await secondStep({ mfaToken: token, code: await codeAt(setup.secret, 1) }).expect(200)
      ).body;
      expect(signedIn.user.id).toBe(user.id);
      await t.as(bearerOf(signedIn)).get('/auth/me').expect(200);
      // The token is spent with its sign-in.
      await secondStep({ mfaToken: token, recoveryCode: enabled.recoveryCodes[0] }).expect(401);

      const [recovery] = enabled.recoveryCodes;
      await secondStep({ mfaToken: await mfaToken(user), recoveryCode: recovery.toUpperCase() }).expect(200);
      await secondStep({ mfaToken: await mfaToken(user), recoveryCode: recovery }).expect(401);

      const history = (await t.as(user).get('/auth/sign-ins').expect(200)).body.items;
      expect(
        history.slice(0, 4).map((s: { method: string; succeeded: boolean }) => [s.method, s.succeeded]),
      ).toEqual([
        ['two_factor', false],
        ['recovery_code', true],
        ['two_factor', true],
        ['two_factor', false],
      ]);
      const sessions = (await t.as(user).get('/auth/sessions').expect(200)).body;
      expect(sessions.map((s: { method: string }) => s.method)).toEqual(
        expect.arrayContaining(['two_factor', 'recovery_code']),
      );

      const wrongRecovery = await t
        .as(user)
        .post('/auth/2fa/disable')
        .send({ recoveryCode: 'aaaaa-bbbbb' })
        .expect(422);
      expect(wrongRecovery.body.errors).toEqual([expect.objectContaining({ field: 'recoveryCode' })]);
      await t.as(user).post('/auth/2fa/disable').send({ recoveryCode: enabled.recoveryCodes[1] }).expect(204);
      expect((await t.as(user).get('/auth/me').expect(200)).body.twoFactor).toBe(false);
      await login(user).expect(200);
      await t.as(user).post('/auth/2fa/disable').send({ code: '123456' }).expect(409);
    });

    it('lets one of two racing sign-ins spend a code, and one of two racing sign-ins spend a recovery code', async () => {
      const user = await createUser(t);
      const { secret, recoveryCodes } = await enableTwoFactor(user);
      const code = await codeAt(secret, 1);
      const [first, second] = await Promise.all([mfaToken(user), mfaToken(user)]);
      const byCode = await Promise.all([
        secondStep({ mfaToken: first, code }),
        secondStep({ mfaToken: second, code }),
      ]);
      expect(byCode.map((res) => res.status).sort()).toEqual([200, 401]);

      const [third, fourth] = await Promise.all([mfaToken(user), mfaToken(user)]);
      const byRecovery = await Promise.all([
        secondStep({ mfaToken: third, recoveryCode: recoveryCodes[0] }),
        secondStep({ mfaToken: fourth, recoveryCode: recoveryCodes[0] }),
      ]);
      expect(byRecovery.map((res) => res.status).sort()).toEqual([200, 401]);
    });

    it('kills an mfaToken after five answers, whatever the sixth is', async () => {
      const user = await createUser(t);
      const { recoveryCodes } = await enableTwoFactor(user);
      const token = await mfaToken(user);
      for (let answer = 0; answer < 5; answer += 1) {
        await secondStep({ mfaToken: token, recoveryCode: `wrong-${answer}` }).expect(401);
      }
      await secondStep({ mfaToken: token, recoveryCode: recoveryCodes[0] }).expect(401);
      // Control: the same recovery code through a fresh token signs in.
      await secondStep({ mfaToken: await mfaToken(user), recoveryCode: recoveryCodes[0] }).expect(200);
    });

    it('limits wrong codes per account across tokens with 429', async () => {
      const user = await createUser(t);
      const { recoveryCodes } = await enableTwoFactor(user);
      for (let round = 0; round < 2; round += 1) {
        const token = await mfaToken(user);
        for (let answer = 0; answer < 5; answer += 1) {
          await secondStep({ mfaToken: token, recoveryCode: `wrong-${round}-${answer}` }).expect(401);
        }
      }
      const limited = await secondStep({
        mfaToken: await mfaToken(user),
        recoveryCode: recoveryCodes[0],
      }).expect(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('refuses malformed answers by name and expired or unknown tokens with 401', async () => {
      const user = await createUser(t);
      await enableTwoFactor(user);
      const token = await mfaToken(user);
      const short = await secondStep({ mfaToken: token, code: '12345' }).expect(422);
      expect(short.body.errors).toEqual([expect.objectContaining({ field: 'code' })]);
      const neither = await secondStep({ mfaToken: token }).expect(422);
      expect(neither.body.errors[0].field).toBe('code');
      await secondStep({ mfaToken: 'tfm_unknown', code: '123456' }).expect(401);
      await db.query(
        `UPDATE mfa_challenges SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [user.id],
      );
      await secondStep({ mfaToken: token, code: '123456' }).expect(401);
    });

    it('lets an admin reset a second factor, and only an admin', async () => {
      const user = await createUser(t);
      await enableTwoFactor(user);
      await login(user).expect(401);
      await t.as(user).delete(`/admin/users/${user.id}/2fa`).expect(403);
      await t.as(admin).delete(`/admin/users/00000000-0000-4000-8000-000000000000/2fa`).expect(404);
      await t.as(admin).delete(`/admin/users/${user.id}/2fa`).expect(204);
      await login(user).expect(200);
    });

    it('fails codes, not the server, when a secret was sealed under another key; recovery codes still sign in', async () => {
      const user = await createUser(t);
      const { secret, recoveryCodes } = await enableTwoFactor(user);
      // As after a change of JWT_SECRET: the stored secret no longer opens.
      const [{ sealed }] = await db.query(`SELECT secret AS sealed FROM two_factor WHERE user_id = $1`, [
        user.id,
      ]);
      const [format, iv, tag, body] = sealed.split('.');
      const flipped = Buffer.from(body, 'base64url').map((byte: number) => byte ^ 0xff);
      await db.query(`UPDATE two_factor SET secret = $2 WHERE user_id = $1`, [
        user.id,
        [format, iv, tag, Buffer.from(flipped).toString('base64url')].join('.'),
      ]);
      await secondStep({ mfaToken: await mfaToken(user), code: await codeAt(secret, 1) }).expect(401);
      await secondStep({ mfaToken: await mfaToken(user), recoveryCode: recoveryCodes[0] }).expect(200);
    });

    it('leaves API keys unaffected', async () => {
      const user = await createUser(t);
      const key = (await t.as(user).post('/auth/api-keys').send({ name: 'script' }).expect(201)).body.key;
      await enableTwoFactor(user);
      const me = await t.http.get(api('/auth/me')).set('X-API-Key', key).expect(200);
      expect(me.body.twoFactor).toBe(true);
    });
  });
});
