import { PreconditionFailedException } from '@nestjs/common';
import { etagOf, expectedVersion, matchesIfNoneMatch } from './etag';

describe('ETag helpers', () => {
  it('uses the version as a strong validator', () => {
    expect(etagOf(7)).toBe('"7"');
  });

  it('appends a revision for what changes without a new version, and writes compare the version alone', () => {
    expect(etagOf(7, '2.1')).toBe('"7.2.1"');
    expect(matchesIfNoneMatch('"7.2.1"', etagOf(7, '2.1'))).toBe(true);
    expect(matchesIfNoneMatch('"7.2.0"', etagOf(7, '2.1'))).toBe(false);
    expect(expectedVersion('"7.2.0"', undefined)).toBe(7);
  });

  it('matches If-None-Match lists, weak tags and *', () => {
    expect(matchesIfNoneMatch('"7"', '"7"')).toBe(true);
    expect(matchesIfNoneMatch('"3", W/"7"', '"7"')).toBe(true);
    expect(matchesIfNoneMatch('*', '"7"')).toBe(true);
    expect(matchesIfNoneMatch('"6"', '"7"')).toBe(false);
    expect(matchesIfNoneMatch(undefined, '"7"')).toBe(false);
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
