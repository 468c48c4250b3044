import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { MemoryThrottlerStorage } from '../src/auth/memory-throttler-storage';
import { RedisThrottlerStorage } from '../src/auth/redis-throttler-storage';
import { createUser } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';

const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl)
  process.stdout.write(
    'shared-rate-limit: TEST_REDIS_URL is not set, so the two-instance Redis test is skipped\n',
  );
const describeWithRedis = redisUrl ? describe : describe.skip;

describeWithRedis('rate limits shared through Redis by two instances', () => {
  let database: TestDatabase;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = {
      REDIS_URL: redisUrl!,
      RATE_LIMIT_PER_MINUTE: '6',
      LOGIN_MAX_FAILURES: '2',
      DATABASE_URL: database.url,
    };
    first = await startTestApp(env, database);
    second = await startTestApp(env, database);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await database.drop();
  });

  it('counts one budget per user across instances', async () => {
    const user = await createUser(first);
    const statuses: number[] = [];
    for (let request = 0; request < 8; request += 1) {
      const instance = request % 2 === 0 ? first : second;
      statuses.push((await instance.as(user).get('/auth/me')).status);
    }
    expect(statuses.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(statuses.slice(6)).toEqual([429, 429]);
  });

  it('counts failed logins for an account across instances', async () => {
    const user = await createUser(second);
    await first.http
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: 'wrong-password-1' })
      .expect(401);
    await second.http
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: 'wrong-password-2' })
      .expect(401);
    await first.http
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: user.password })
      .expect(429);
  });
});

describeWithRedis('rate-limit counting in memory and in Redis', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(redisUrl!);
  });
  afterAll(() => redis?.quit());

  it.each([
    ['for the rest of the window', 0],
    ['for the block duration', 5_000],
  ])('answers the same hits, expiries and blocks in both, blocking %s', async (_name, blockDuration) => {
    // Without Redis (or while it is down) a limit must mean what it means with it.
    const stores = [new MemoryThrottlerStorage(), new RedisThrottlerStorage(redis)];
    const key = `user:${randomUUID()}`;
    for (let hit = 0; hit < 5; hit++) {
      const [inMemory, inRedis] = await Promise.all(
        stores.map((store) => store.increment(key, 60_000, 3, blockDuration, 'default')),
      );
      expect(inMemory).toEqual(inRedis);
      expect(inMemory).toMatchObject({ totalHits: hit + 1, isBlocked: hit >= 3 });
    }
  });
});
