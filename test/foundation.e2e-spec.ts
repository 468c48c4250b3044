import { startTestApp, TestApp } from './support/test-app';

describe('foundation: errors, request ids, operations endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness and readiness', async () => {
    await t.http.get('/health').expect(200, { status: 'ok' });
    await t.http.get('/health/ready').expect(200, { status: 'ok' });
  });

  it('answers an unknown route with a problem+json 404 carrying the request id', async () => {
    const res = await t.http.get('/api/v1/nothing-here').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: expect.any(String),
      instance: '/api/v1/nothing-here',
      requestId: res.headers['x-request-id'],
    });
  });

  it('echoes a well-formed X-Request-Id and replaces a malformed one', async () => {
    const echoed = await t.http.get('/health').set('X-Request-Id', 'trace-abc-12345');
    expect(echoed.headers['x-request-id']).toBe('trace-abc-12345');
    const replaced = await t.http.get('/health').set('X-Request-Id', 'bad id with spaces');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the OpenAPI document with both security schemes', async () => {
    const res = await t.http.get('/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.components.securitySchemes).sort()).toEqual(['apiKey', 'bearer']);
    const page = await t.http.get('/docs').expect(200).expect('content-type', /html/);
    // Every script is a same-origin file (the CSP allows no inline script), and nothing upgrades them to https.
    expect(page.text).not.toMatch(/<script>/);
    expect(page.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    for (const asset of ['swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js', 'swagger-ui-init.js']) {
      expect(page.text).toContain(`./docs/${asset}`);
      await t.http.get(`/docs/${asset}`).expect(200);
    }
  });

  it('exposes Prometheus metrics with request durations and pool gauges', async () => {
    await t.http.get('/health');
    const res = await t.http.get('/metrics').expect(200);
    expect(res.text).toContain('http_request_duration_seconds_bucket');
    expect(res.text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} \d+/,
    );
    expect(res.text).toContain('db_pool_connections_total');
  });

  it('counts each request once, outside the API prefix too', async () => {
    const healthCount = async () => {
      const res = await t.http.get('/metrics').expect(200);
      const count =
        /http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} (\d+)/.exec(
          res.text,
        );
      return Number(count?.[1] ?? 0);
    };
    const before = await healthCount();
    for (let request = 0; request < 3; request += 1) await t.http.get('/health').expect(200);
    expect((await healthCount()) - before).toBe(3);
  });
});
