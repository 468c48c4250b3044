import { safeReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it.each([
    ['/projects', '/projects'],
    ['/projects/1?view=2', '/projects/1?view=2'],
    ['/tasks/9#comments', '/tasks/9'],
    ['/a/../b', '/b'],
    [undefined, '/'],
    ['', '/'],
    ['projects', '/'],
    ['https://evil.example/x', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['/\t/evil.example', '/'],
    ['/\n/evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/api/v1/auth/oidc/login', '/'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
  ])('%j leads to %j', (requested, expected) => {
    expect(safeReturnTo(requested)).toBe(expected);
  });
});
