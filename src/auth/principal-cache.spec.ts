import type { AppConfig } from '../config/app-config';
import type { DatabaseServer } from '../database/database.module';
import type { Principal } from './principal';
import { PrincipalCache } from './principal-cache';

const ada: Principal = { userId: 'u1', role: 'user', scopes: new Set(), sessionId: 's1' };
const cacheOf = (principalCacheMs: number | undefined, singleSession = false) =>
  new PrincipalCache({ principalCacheMs } as AppConfig, { singleSession } as DatabaseServer);

describe('PrincipalCache', () => {
  afterEach(() => jest.useRealTimers());

  it('asks once within its time, and again after it', async () => {
    jest.useFakeTimers({ now: 0 });
    const cache = cacheOf(500);
    const load = jest.fn().mockResolvedValue(ada);
    expect(await cache.get('s1', load)).toBe(ada);
    jest.setSystemTime(499);
    expect(await cache.get('s1', load)).toBe(ada);
    expect(load).toHaveBeenCalledTimes(1);
    jest.setSystemTime(500);
    await cache.get('s1', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('forgets everything on invalidate, and never remembers a refusal', async () => {
    const cache = cacheOf(500);
    const load = jest.fn().mockResolvedValue(ada);
    await cache.get('s1', load);
    cache.invalidate();
    await cache.get('s1', load);
    expect(load).toHaveBeenCalledTimes(2);
    const refused = jest.fn().mockResolvedValue(null);
    expect(await cache.get('s2', refused)).toBeNull();
    expect(await cache.get('s2', refused)).toBeNull();
    expect(refused).toHaveBeenCalledTimes(2);
  });

  it('does not keep what a read racing an invalidation found', async () => {
    const cache = cacheOf(500);
    let finish: (principal: Principal) => void = () => undefined;
    const racing = cache.get('s1', () => new Promise<Principal>((resolve) => (finish = resolve)));
    cache.invalidate();
    finish(ada);
    await racing;
    const load = jest.fn().mockResolvedValue(null);
    expect(await cache.get('s1', load)).toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('asks every time on a single-session server unless told otherwise', async () => {
    const load = jest.fn().mockResolvedValue(ada);
    const embedded = cacheOf(undefined, true);
    await embedded.get('s1', load);
    await embedded.get('s1', load);
    expect(load).toHaveBeenCalledTimes(2);
    const told = cacheOf(300, true);
    await told.get('s1', load);
    await told.get('s1', load);
    expect(load).toHaveBeenCalledTimes(3);
  });
});
