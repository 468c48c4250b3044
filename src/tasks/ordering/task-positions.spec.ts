import { keyBetween, keysAfter, respacedKeys } from './task-positions';

const keyAfter = (last: string | null) => keysAfter(last, 1)[0];

const byBytes = (a: string, b: string) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1);
const inOrder = (keys: string[]) => [...keys].sort(byBytes).join() === keys.join();

describe('task positions', () => {
  it('appends after the last key, and again after that, without growing', () => {
    let last: string | null = null;
    const keys: string[] = [];
    for (let i = 0; i < 100; i++) keys.push((last = keyAfter(last)));
    expect(inOrder(keys)).toBe(true);
    expect(Math.max(...keys.map((key) => key.length))).toBeLessThanOrEqual(6);
  });

  it('gives distinct keys to appenders that read the same last key', () => {
    const keys = Array.from({ length: 50 }, () => keyAfter('a5'));
    expect(new Set(keys).size).toBe(50);
    expect(keys.every((key) => byBytes('a5', key) < 0)).toBe(true);
  });

  it('places between neighbours in byte order, and appends many in order', () => {
    const middle = keyBetween('a0', 'a1');
    expect(inOrder(['a0', middle, 'a1'])).toBe(true);
    expect(inOrder([keyBetween(null, 'a0'), 'a0'])).toBe(true);
    expect(inOrder(keysAfter('a0', 30))).toBe(true);
  });

  it('respaces into short keys in order', () => {
    const keys = respacedKeys(5000);
    expect(new Set(keys).size).toBe(5000);
    expect(inOrder(keys)).toBe(true);
    expect(Math.max(...keys.map((key) => key.length))).toBeLessThanOrEqual(4);
  });
});
