import { PreconditionFailedException } from '@nestjs/common';
import { etagOf, expectedVersion, matchesIfNoneMatch } from './etag';

describe('ETag helpers', () => {
  it('uses the version as a strong validator', () => {
    expect(etagOf(7)).toBe('"7"');
  });

  it('matches If-None-Match lists, weak tags and *', () => {
    expect(matchesIfNoneMatch('"7"', 7)).toBe(true);
    expect(matchesIfNoneMatch('"3", W/"7"', 7)).toBe(true);
    expect(matchesIfNoneMatch('*', 7)).toBe(true);
    expect(matchesIfNoneMatch('"6"', 7)).toBe(false);
    expect(matchesIfNoneMatch(undefined, 7)).toBe(false);
  });

  it('reads the expected version from If-Match or the body', () => {
    expect(expectedVersion('"4"', undefined)).toBe(4);
    expect(expectedVersion(undefined, 5)).toBe(5);
    expect(expectedVersion('"5"', 5)).toBe(5);
    expect(expectedVersion(undefined, undefined)).toBeUndefined();
    expect(expectedVersion('*', undefined)).toBeUndefined();
  });

  it('refuses a malformed If-Match and a disagreement with the body', () => {
    expect(() => expectedVersion('"4"', 5)).toThrow(PreconditionFailedException);
    expect(() => expectedVersion('abc', undefined)).toThrow(PreconditionFailedException);
  });
});
