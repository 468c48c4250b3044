import { MemoryThrottlerStorage } from './memory-throttler-storage';

const MINUTE = 60_000;

describe('MemoryThrottlerStorage', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('counts hits in a fixed window and starts again when it ends', async () => {
    const storage = new MemoryThrottlerStorage();
    await storage.increment('user:a', MINUTE, 3, 0, 'default');
    jest.setSystemTime(20_000);
    expect(await storage.increment('user:a', MINUTE, 3, 0, 'default')).toEqual({
      totalHits: 2,
      timeToExpire: 40,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
    jest.setSystemTime(MINUTE);
    expect(await storage.increment('user:a', MINUTE, 3, 0, 'default')).toMatchObject({
      totalHits: 1,
      timeToExpire: 60,
    });
  });

  it('blocks past the limit for the block duration, even beyond the window, then counts afresh', async () => {
    const storage = new MemoryThrottlerStorage();
    for (let hit = 0; hit < 2; hit++) await storage.increment('user:a', MINUTE, 2, 0, 'default');
    jest.setSystemTime(59_000);
    expect(await storage.increment('user:a', MINUTE, 2, 5_000, 'default')).toEqual({
      totalHits: 3,
      timeToExpire: 1,
      isBlocked: true,
      timeToBlockExpire: 5,
    });
    jest.setSystemTime(63_000);
    expect(await storage.increment('user:a', MINUTE, 2, 5_000, 'default')).toMatchObject({
      totalHits: 1,
      isBlocked: true,
      timeToBlockExpire: 1,
    });
    jest.setSystemTime(64_000);
    expect(await storage.increment('user:a', MINUTE, 2, 5_000, 'default')).toMatchObject({
      totalHits: 2,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
  });

  it('blocks for the rest of a window when no block duration is set, as the Redis storage does', async () => {
    const storage = new MemoryThrottlerStorage();
    await storage.increment('ip:1', MINUTE, 1, 0, 'default');
    expect(await storage.increment('ip:1', MINUTE, 1, 0, 'default')).toMatchObject({
      isBlocked: true,
      timeToBlockExpire: 60,
    });
  });

  it('keeps each caller and each named limit apart', async () => {
    const storage = new MemoryThrottlerStorage();
    await storage.increment('user:a', MINUTE, 1, 0, 'default');
    expect(await storage.increment('user:b', MINUTE, 1, 0, 'default')).toMatchObject({ totalHits: 1 });
    expect(await storage.increment('user:a', MINUTE, 1, 0, 'register')).toMatchObject({ totalHits: 1 });
    expect(await storage.increment('user:a', MINUTE, 1, 0, 'default')).toMatchObject({
      totalHits: 2,
      isBlocked: true,
    });
  });

  it('forgets callers whose window and block have ended, so memory follows the active callers', async () => {
    const storage = new MemoryThrottlerStorage();
    for (let caller = 0; caller < 100; caller++) {
      await storage.increment(`ip:${caller}`, 1_000, 10, 0, 'default');
    }
    await storage.increment('ip:blocked', MINUTE, 0, 10 * MINUTE, 'default');
    expect(storage['windows'].size).toBe(101);
    jest.setSystemTime(2 * MINUTE);
    await storage.increment('ip:late', MINUTE, 10, 0, 'default');
    expect([...storage['windows'].keys()].sort()).toEqual(['default:ip:blocked', 'default:ip:late']);
  });
});
