import { Writable } from 'node:stream';
import { AppConfig } from '../src/config/app-config';
import { createUser } from './support/factories';
import { oidcSettingsFor, reserveOidcProvider, TestOidcProvider } from './support/oidc-provider';
import { api, startTestApp, TestApp } from './support/test-app';

/**
 * Single sign-on against a real OpenID provider (oidc-provider) on loopback, walked as a browser walks it: our login
 * route, the provider's redirects with its cookies, our callback with our state cookie, the exchange.
 */
describe('single sign-on with OpenID Connect', () => {
  const logLines: string[] = [];
  let t: TestApp;
  let provider: TestOidcProvider;
  let callbackPrefix: string;

  beforeAll(async () => {
    const reserved = await reserveOidcProvider();
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    t = await startTestApp(
      {
        ...oidcSettingsFor(reserved.issuer),
        OIDC_NAME: 'Team ID',
        LOG_LEVEL: 'debug',
      },
      undefined,
      logStream,
    );
    callbackPrefix = `${t.url}${api('/auth/oidc/callback')}`;
    provider = await reserved.start(callbackPrefix);
  });
  afterAll(async () => {
    await provider?.close();
    await t?.close();
  });

  let subjects = 0;
  const person = (claims: Partial<{ email: string; email_verified: boolean; name: string }> = {}) => {
    subjects += 1;
    return {
      sub: `subject-${subjects}-${process.pid}`,
      email: `sso${subjects}_${process.pid}@example.com`,
      email_verified: true,
      ...claims,
    };
  };

  /** Our login route: the provider's address and the state cookie it set. */
  async function begin(returnTo = '/projects'): Promise<{ authorizationUrl: string; cookie: string }> {
    const res = await t.http
      .get(api(`/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`))
      .expect(302);
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('tf_oidc_state='),
    );
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    return { authorizationUrl: res.headers.location, cookie: cookie!.split(';')[0] };
  }

  /** The provider's way back to us, with the code it issued, without calling our callback yet. */
  async function throughProvider(returnTo?: string) {
    const { authorizationUrl, cookie } = await begin(returnTo);
    const callbackUrl = await provider.authorize(authorizationUrl, callbackPrefix);
    return { callbackUrl, cookie, path: callbackUrl.slice(t.url.length) };
  }

  /** Our callback: where it sends the browser, and the code in that address's fragment. */
  async function callback(path: string, cookie: string): Promise<{ location: URL; code: string }> {
    const res = await t.http.get(path).set('Cookie', cookie).expect(302);
    const location = new URL(res.headers.location);
    expect(location.searchParams.has('code')).toBe(false);
    const code = new URLSearchParams(location.hash.slice(1)).get('code');
    expect(code).toBeTruthy();
    return { location, code: code! };
  }

  /** The exchange as the board makes it, from the browser that holds the sign-in's state cookie. */
  const exchange = (code: string, cookie?: string) => {
    const request = t.http.post(api('/auth/oidc/exchange'));
    return (cookie ? request.set('Cookie', cookie) : request).send({ code });
  };

  async function signIn(returnTo?: string) {
    const { path, cookie } = await throughProvider(returnTo);
    const { location, code } = await callback(path, cookie);
    return { location, code, answer: await exchange(code, cookie) };
  }

  it('names the provider and says passwords still work', async () => {
    const res = await t.http.get(api('/auth/providers')).expect(200);
    expect(res.body).toEqual({
      password: true,
      oidc: { name: 'Team ID', loginUrl: '/api/v1/auth/oidc/login' },
    });
  });

  it('sends the browser to the provider with PKCE, state and nonce', async () => {
    const { authorizationUrl } = await begin();
    const url = new URL(authorizationUrl);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    for (const name of ['code_challenge', 'state', 'nonce']) expect(url.searchParams.get(name)).toBeTruthy();
    expect(url.searchParams.get('redirect_uri')).toBe(callbackPrefix);
  });

  it('registers a new person on a verified email, then finds them again by issuer and subject', async () => {
    const account = person({ name: 'Single Sign' });
    await provider.signInAs(account);
    const first = await signIn('/projects?view=1');
    expect(first.location.pathname).toBe('/projects');
    expect(first.location.searchParams.get('view')).toBe('1');
    expect(first.answer.status).toBe(200);
    expect(first.answer.body.user).toMatchObject({ email: account.email, displayName: 'Single Sign' });
    const bearer = `Bearer ${first.answer.body.accessToken}`;
    const sessions = await t.http.get(api('/auth/sessions')).set('Authorization', bearer).expect(200);
    expect(sessions.body[0]).toMatchObject({ method: 'oidc', current: true });

    // The provider changes the email; the subject still names the same person.
    await provider.signInAs({ ...account, email: `changed-${account.email}` });
    const again = await signIn();
    expect(again.answer.body.user.id).toBe(first.answer.body.user.id);
    // A person from single sign-on has no password to guess.
    await t.http
      .post(api('/auth/login'))
      .send({ email: account.email, password: 'any-password-at-all' })
      .expect(401);
    const history = await t.http.get(api('/auth/sign-ins')).set('Authorization', bearer).expect(200);
    expect(
      history.body.items.map((s: { method: string; reason: string | null }) => [s.method, s.reason]),
    ).toEqual([
      ['password', 'no password: signs in through single sign-on'],
      ['oidc', null],
      ['oidc', null],
    ]);
  });

  it('joins an existing account only when the provider verified the email', async () => {
    const owner = await createUser(t);
    await provider.signInAs(person({ email: owner.email, email_verified: false }));
    const unverified = await signIn();
    expect(unverified.answer.status).toBe(403);
    expect(unverified.answer.body.accessToken).toBeUndefined();
    await t.as(owner).get('/auth/me').expect(200);
    const history = (await t.as(owner).get('/auth/sign-ins').expect(200)).body.items;
    expect(history[0]).toMatchObject({
      method: 'oidc',
      succeeded: false,
      reason: 'the provider did not verify the email',
    });

    // Control: the same email, verified, joins the account.
    await provider.signInAs(person({ email: owner.email.toUpperCase(), email_verified: true }));
    const verified = await signIn();
    expect(verified.answer.status).toBe(200);
    expect(verified.answer.body.user.id).toBe(owner.id);
  });

  it('refuses a callback whose state this browser did not start', async () => {
    await provider.signInAs(person());
    const mine = await throughProvider();
    const theirs = await begin();
    const res = await callback(mine.path, theirs.cookie);
    await exchange(res.code, theirs.cookie).expect(401);
    const bare = await t.http.get(mine.path).expect(302);
    expect(bare.headers.location).toMatch(/#code=/);
    await exchange(new URLSearchParams(new URL(bare.headers.location).hash.slice(1)).get('code')!).expect(
      401,
    );
  });

  it('refuses a replayed callback and a replayed exchange code', async () => {
    await provider.signInAs(person());
    const { path, cookie } = await throughProvider();
    const { code } = await callback(path, cookie);
    const replayed = await callback(path, cookie);
    const replay = await exchange(replayed.code, cookie).expect(401);
    expect(replay.body.detail).toMatch(/expired or was already used/);
    await exchange(code, cookie).expect(200);
    await exchange(code, cookie).expect(401);
  });

  it('signs in once when the same code is exchanged twice at once', async () => {
    await provider.signInAs(person());
    const { path, cookie } = await throughProvider();
    const { code } = await callback(path, cookie);
    const answers = await Promise.all([exchange(code, cookie), exchange(code, cookie)]);
    expect(answers.map((res) => res.status).sort()).toEqual([200, 401]);
  });

  it('exchanges a code only in the browser the sign-in came back to (no signing a victim in as oneself)', async () => {
    await provider.signInAs(person());
    const attacker = await throughProvider();
    const { code } = await callback(attacker.path, attacker.cookie);
    // The victim opens a link carrying the attacker's code: their browser has no (or another) state cookie.
    const victim = await begin();
    const refused = await exchange(code, victim.cookie).expect(401);
    expect(refused.body.detail).toMatch(/another browser/);
    expect(refused.body.accessToken).toBeUndefined();
    // Control: the same flow, exchanged where it came back, signs in.
    const again = await throughProvider();
    const back = await callback(again.path, again.cookie);
    await exchange(back.code, again.cookie).expect(200);
  });

  it('refuses an ID token signed by another key, and one expired, for another audience, with another nonce or issuer', async () => {
    for (const how of ['forged', 'expired', 'audience', 'nonce', 'issuer'] as const) {
      await provider.signInAs(person());
      await provider.tamperNextIdToken(how);
      const tampered = await signIn();
      expect({ how, status: tampered.answer.status }).toEqual({ how, status: 401 });
      expect(tampered.answer.body.detail).toMatch(/could not be verified/);
    }
    // Control: the provider's genuine token signs in.
    await provider.signInAs(person());
    expect((await signIn()).answer.status).toBe(200);
  });

  it('keeps returnTo on this site', async () => {
    await provider.signInAs(person());
    for (const hostile of [
      'https://evil.example/x',
      '//evil.example/x',
      '/\\evil.example',
      '/api/v1/auth/oidc/login',
    ]) {
      const { location } = await signIn(hostile);
      expect(location.origin).toBe(t.url);
      expect(location.pathname).toBe('/');
    }
  });

  it('writes no code, state or token into a log line, refusals included', async () => {
    await provider.signInAs(person());
    const { path, cookie, callbackUrl } = await throughProvider();
    const { code } = await callback(path, cookie);
    const signedIn = (await exchange(code, cookie).expect(200)).body;
    await provider.signInAs(person());
    await provider.tamperNextIdToken('forged');
    const refused = await throughProvider();
    await callback(refused.path, refused.cookie);

    const secrets = [
      new URL(callbackUrl).searchParams.get('code')!,
      new URL(callbackUrl).searchParams.get('state')!,
      new URL(refused.callbackUrl).searchParams.get('code')!,
      code,
      signedIn.accessToken,
      signedIn.refreshToken,
    ];
    const log = logLines.join('');
    // Control: the log does record these requests, and the refusal's reason.
    expect(log).toContain('/api/v1/auth/oidc/callback');
    expect(log).toContain('OpenID sign-in refused');
    expect(secrets.filter((secret) => log.includes(secret))).toEqual([]);
  });

  it('answers an unknown or malformed exchange code with 401 or 422', async () => {
    await exchange('tfo_unknown').expect(401);
    const res = await t.http.post(api('/auth/oidc/exchange')).send({ code: 42 }).expect(422);
    expect(res.body.errors[0].field).toBe('code');
  });
});

describe('single sign-on switches', () => {
  let t: TestApp;
  let provider: TestOidcProvider;
  let callbackPrefix: string;

  beforeAll(async () => {
    const reserved = await reserveOidcProvider();
    t = await startTestApp({
      ...oidcSettingsFor(reserved.issuer),
      OIDC_AUTO_REGISTER: 'false',
      PASSWORD_LOGIN: 'false',
    });
    callbackPrefix = `${t.url}${api('/auth/oidc/callback')}`;
    provider = await reserved.start(callbackPrefix);
  });
  afterAll(async () => {
    await provider?.close();
    await t?.close();
  });

  it('turns passwords off: register and login answer 403, and providers says so', async () => {
    const providers = await t.http.get(api('/auth/providers')).expect(200);
    expect(providers.body).toEqual({
      password: false,
      oidc: { name: '127.0.0.1', loginUrl: '/api/v1/auth/oidc/login' },
    });
    await t.http
      .post(api('/auth/register'))
      .send({ email: 'nobody@example.com', password: 'a-long-enough-password' })
      .expect(403);
    await t.http
      .post(api('/auth/login'))
      .send({ email: 'nobody@example.com', password: 'whatever-it-is' })
      .expect(403);
  });

  it('refuses people without an account when auto-registration is off (403)', async () => {
    await provider.signInAs({ sub: 'stranger', email: 'stranger@example.com', email_verified: true });
    const res = await t.http.get(api('/auth/oidc/login')).expect(302);
    const cookie = (res.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    const callbackUrl = await provider.authorize(res.headers.location, callbackPrefix);
    const back = await t.http.get(callbackUrl.slice(t.url.length)).set('Cookie', cookie).expect(302);
    const code = new URLSearchParams(new URL(back.headers.location).hash.slice(1)).get('code');
    await t.http.post(api('/auth/oidc/exchange')).set('Cookie', cookie).send({ code }).expect(403);
  });
});

describe('single sign-on with a provider that is down', () => {
  it('answers 503 with Retry-After while the provider cannot be reached, and signs in once it can', async () => {
    const reserved = await reserveOidcProvider();
    const t = await startTestApp(oidcSettingsFor(reserved.issuer));
    let provider: TestOidcProvider | undefined;
    try {
      const down = await t.http.get(api('/auth/oidc/login')).expect(503);
      expect(Number(down.headers['retry-after'])).toBeGreaterThan(0);
      expect(down.body.detail).toMatch(/cannot be reached/);
      // Control: the same request once the provider is up (discovery is tried again, not remembered as failed).
      provider = await reserved.start(`${t.url}${api('/auth/oidc/callback')}`);
      const up = await t.http.get(api('/auth/oidc/login')).expect(302);
      expect(up.headers.location.startsWith(provider.issuer)).toBe(true);
    } finally {
      await provider?.close();
      await t.close();
    }
  });
});

describe('single sign-on settings', () => {
  it('accepts plain http only for a loopback issuer, and all three settings together', () => {
    const base = { JWT_SECRET: 'x'.repeat(40), OIDC_CLIENT_ID: 'c', OIDC_CLIENT_SECRET: 's' };
    expect(() => AppConfig.fromEnvironment({ ...base, OIDC_ISSUER: 'http://id.example.com' })).toThrow(
      /https/,
    );
    expect(() => AppConfig.fromEnvironment({ ...base, OIDC_ISSUER: 'http://127.0.0.1:9000' })).not.toThrow();
    expect(() => AppConfig.fromEnvironment({ ...base, OIDC_ISSUER: 'https://id.example.com' })).not.toThrow();
    expect(() =>
      AppConfig.fromEnvironment({ JWT_SECRET: 'x'.repeat(40), OIDC_ISSUER: 'https://id.example.com' }),
    ).toThrow(/together/);
  });

  it('answers 404 on the single sign-on routes when it is not configured', async () => {
    const t = await startTestApp();
    try {
      await t.http.get(api('/auth/oidc/login')).expect(404);
      expect((await t.http.get(api('/auth/providers')).expect(200)).body).toEqual({
        password: true,
        oidc: null,
      });
    } finally {
      await t.close();
    }
  });
});
