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
