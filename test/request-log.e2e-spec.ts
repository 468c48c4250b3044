import { Writable } from 'node:stream';
import { createUser, TestUser } from './support/factories';
import { BrokenRedis } from './support/broken-redis';
import { TcpProxy } from './support/tcp-proxy';
import { startTestApp, TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';

interface LogLine {
  level: number;
  msg: string;
  context?: string;
  req?: { id: string; method: string; url: string };
  res?: { statusCode: number };
  responseTime?: number;
  err?: { type: string; message: string };
}

const linesOf = (lines: LogLine[], requestId: string) => lines.filter((line) => line.req?.id === requestId);

// One app for the file: nestjs-pino keeps one root logger per process, so a second app's stream would never be written.
describe('the request log', () => {
  let database: TestDatabase;
  // Between the app and its database, so a test can take the database away.
  let proxy: TcpProxy;
  let redis: BrokenRedis;
  let t: TestApp;
  const lines: LogLine[] = [];
  let user: TestUser;
  beforeAll(async () => {
    database = await createTestDatabase();
    proxy = TcpProxy.forUrl(database.url);
    await proxy.start();
    const url = proxy.rewrite(database.url);
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean))
          lines.push(JSON.parse(line) as LogLine);
        done();
      },
    });
    // Redis hangs up at once: the rate limit's first look at it fails inside a request, and says so.
    redis = await BrokenRedis.start('hangs-up');
    const env = {
      LOG_LEVEL: 'info',
      REDIS_URL: redis.url,
      DATABASE_URL: url,
      DB_CONNECTION_TIMEOUT_MS: '1000',
    };
    t = await startTestApp(env, { ...database, url }, logStream);
  });
  afterAll(async () => {
    await t.close();
    await proxy.cut();
    await redis.stop();
    await database.drop();
  });

  it('names the request a line was logged in', async () => {
    const res = await t.http.get('/health').expect(200);
    const requestId = res.headers['x-request-id'];
    expect(linesOf(lines, requestId)).toEqual([
      expect.objectContaining({
        level: 40,
        context: 'RedisThrottlerStorage',
        req: { id: requestId, method: 'GET', url: '/health' },
        msg: expect.stringContaining('Redis unavailable for rate limits'),
      }),
      expect.objectContaining({ msg: 'request completed', res: { statusCode: 200 } }),
    ]);
  });

  it('writes one line per answer, naming the request by its id, path, status and time, never its query', async () => {
    user = await createUser(t);
    const res = await t
      .as(user)
      .get('/tasks?q=private-search-words&limit=5')
      .set('X-Request-Id', 'trace-request-log-1')
      .expect(200);
    expect(res.headers['x-request-id']).toBe('trace-request-log-1');
    expect(linesOf(lines, 'trace-request-log-1')).toEqual([
      {
        level: 30,
        time: expect.any(Number),
        pid: process.pid,
        hostname: expect.any(String),
        msg: 'request completed',
        req: { id: 'trace-request-log-1', method: 'GET', url: '/api/v1/tasks' },
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
      },
    ]);
    expect(JSON.stringify(lines)).not.toContain('private-search-words');
  });

  it('logs a refused request as a warning, and a request outside the API prefix once', async () => {
    const refused = await t.http.get('/api/v1/auth/me').expect(401);
    expect(linesOf(lines, refused.headers['x-request-id'])).toEqual([
      expect.objectContaining({ level: 40, msg: 'request completed', res: { statusCode: 401 } }),
    ]);
    const health = await t.http.get('/health').expect(200);
    expect(linesOf(lines, health.headers['x-request-id'])).toEqual([
      expect.objectContaining({ level: 30, req: expect.objectContaining({ url: '/health' }) }),
    ]);
  });

  it('never writes the credential a request carried', async () => {
    const res = await t.as(user).get('/auth/me').expect(200);
    expect(linesOf(lines, res.headers['x-request-id'])).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toContain(user.accessToken);
  });

  it('logs an answer the service could not give as an error, after the line that says why', async () => {
    await proxy.cut();
    try {
      const res = await t.http.get('/health/ready').expect(503);
      const requestId = res.headers['x-request-id'];
      const requestLines = linesOf(lines, requestId);
      expect(requestLines).toContainEqual(
        expect.objectContaining({
          level: 40,
          context: 'ProblemDetailsFilter',
          msg: 'Service unavailable',
          req: { id: requestId, method: 'GET', url: '/health/ready' },
        }),
      );
      expect(requestLines.at(-1)).toEqual(
        expect.objectContaining({
          level: 50,
          msg: 'request errored',
          res: { statusCode: 503 },
          err: expect.objectContaining({ type: 'Error', message: 'failed with status code 503' }),
          responseTime: expect.any(Number),
        }),
      );
    } finally {
      await proxy.start();
    }
  });
});
