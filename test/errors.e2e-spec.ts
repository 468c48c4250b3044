import { startTestApp, TestApp } from './support/test-app';

describe('the error model (RFC 9457) on every failure path', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const register = () => t.http.post('/api/v1/auth/register');

  it('answers 422 naming every failing field, unknown fields included', async () => {
    const res = await register()
      .send({ email: 'not-an-email', password: 'short', username: 'UPPER CASE', id: 'x', role: 'admin' })
      .expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: 'about:blank', title: 'Unprocessable Entity', status: 422 });
    const fields = res.body.errors.map((error: { field: string }) => error.field).sort();
    expect([...new Set(fields)]).toEqual(['email', 'id', 'password', 'role', 'username']);
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('answers 400 for unparseable JSON', async () => {
    const res = await register().set('Content-Type', 'application/json').send('{"email": ').expect(400);
    expect(res.body).toMatchObject({ status: 400, title: 'Bad Request' });
    expect(JSON.stringify(res.body)).not.toMatch(/at JSON\.parse|node_modules/);
  });

  it('answers 400 for a body nested deeper than anything the API takes, however deep', async () => {
    for (const body of [
      `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
      `{"email":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`,
      `{"email":${'['.repeat(17)}${']'.repeat(17)}}`,
    ]) {
      const res = await register().set('Content-Type', 'application/json').send(body).expect(400);
      expect(res.body).toMatchObject({ status: 400, detail: 'The body is nested deeper than 16 levels' });
    }
    // Shallower is the validator's to judge.
    await register()
      .set('Content-Type', 'application/json')
      .send(`{"email":${'['.repeat(15)}${']'.repeat(15)}}`)
      .expect(422);
  });

  it('refuses text PostgreSQL cannot store (U+0000, a lone surrogate): 422 in a body, 400 in a query', async () => {
    const res = await register()
      .send({ email: 'nul@example.com', password: 'a-long-enough-password', username: 'nul\u0000user' })
      .expect(422);
    expect(res.body.errors).toEqual([
      { field: 'username', message: 'must not contain the NUL character (U+0000)' },
    ]);
    const user = await register()
      .send({ email: 'nul-query@example.com', password: 'a-long-enough-password', username: 'nulquery' })
      .expect(201);
    const listed = await t.http
      .get('/api/v1/tasks')
      .query({ q: 'a\u0000b' })
      .set('Authorization', `Bearer ${user.body.accessToken as string}`)
      .expect(400);
    expect(listed.body.errors).toEqual([
      { field: 'q', message: 'must not contain the NUL character (U+0000)' },
    ]);
    // A lone surrogate: JSON may escape one, but PostgreSQL's jsonb (the activity log) refuses it.
    const lone = await t.http
      .post('/api/v1/tasks')
      .set('Authorization', `Bearer ${user.body.accessToken as string}`)
      .set('Content-Type', 'application/json')
      .send('{"title":"half \\ud800 a pair","description":"whole \\ud83d\\ude00"}')
      .expect(422);
    expect(lone.body.errors).toEqual([
      { field: 'title', message: 'must be well-formed Unicode (it holds a lone surrogate)' },
    ]);
  });

  it('validates every login field sent, not only the one used', async () => {
    const res = await t.http
      .post('/api/v1/auth/login')
      .send({ email: ['ada@example.com'], username: 'ada', password: 'whatever-it-is' })
      .expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
  });

  it('answers 413 for a body over 1 MiB', async () => {
    const res = await register()
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(1024 * 1024 + 10) }))
      .expect(413);
    expect(res.body).toMatchObject({ status: 413, title: 'Payload Too Large' });
  });

  it('answers 415 for a body that is not JSON', async () => {
    const res = await register().set('Content-Type', 'text/plain').send('email=a@example.com').expect(415);
    expect(res.body).toMatchObject({ status: 415 });
    await register().set('Content-Type', 'application/x-www-form-urlencoded').send('email=a').expect(415);
  });

  it('answers 400 for a malformed path id and a bad query parameter', async () => {
    const user = await t.http
      .post('/api/v1/auth/register')
      .send({ email: 'errors-user@example.com', password: 'a-long-enough-password' })
      .expect(201);
    const bearer = `Bearer ${user.body.accessToken}`;
    const badId = await t.http
      .delete('/api/v1/auth/api-keys/not-a-uuid')
      .set('Authorization', bearer)
      .expect(400);
    expect(badId.body.detail).toMatch(/UUID/);
    const badQuery = await t.http.get('/api/v1/users?limit=abc').set('Authorization', bearer).expect(400);
    expect(badQuery.body.errors.map((error: { field: string }) => error.field)).toEqual(['limit']);
    await t.http.get('/api/v1/users?limit=0').set('Authorization', bearer).expect(400);
    await t.http.get('/api/v1/users?limit=201').set('Authorization', bearer).expect(400);
    await t.http.get('/api/v1/users?cursor=%%%').set('Authorization', bearer).expect(400);
  });

  it('answers 401 with WWW-Authenticate and no-store when credentials are missing', async () => {
    const res = await t.http.get('/api/v1/auth/me').expect(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
