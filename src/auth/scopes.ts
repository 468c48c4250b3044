export const SCOPES = [
  'profile:read',
  'profile:write',
  'projects:read',
  'projects:write',
  'members:write',
  'tasks:read',
  'tasks:write',
  'webhooks:write',
  'admin',
] as const;

export type Scope = (typeof SCOPES)[number];
export type GlobalRole = 'admin' | 'user';

/** Every scope a user of this role holds: `admin` only for admins. */
export function scopesForRole(role: GlobalRole): Scope[] {
  return SCOPES.filter((scope) => scope !== 'admin' || role === 'admin');
}

/** A key's effective scopes: what it was limited to, never more than its user has now. */
export function effectiveScopes(role: GlobalRole, limitedTo: readonly string[] | null): Set<Scope> {
  const held = scopesForRole(role);
  return new Set(limitedTo ? held.filter((scope) => limitedTo.includes(scope)) : held);
}
