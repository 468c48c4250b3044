import { effectiveScopes, scopesForRole } from './scopes';

describe('scopes', () => {
  it('gives admin only to admins', () => {
    expect(scopesForRole('admin')).toContain('admin');
    expect(scopesForRole('user')).not.toContain('admin');
    expect(scopesForRole('user')).toContain('tasks:write');
  });

  it('limits a key to its scopes, and never beyond what the user holds', () => {
    expect([...effectiveScopes('user', ['tasks:read'])]).toEqual(['tasks:read']);
    expect([...effectiveScopes('user', ['admin', 'tasks:read'])]).toEqual(['tasks:read']);
    expect(effectiveScopes('admin', null).has('admin')).toBe(true);
  });
});
