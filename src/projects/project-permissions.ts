/**
 * The contract's permission table for projects, in one place. Pure, so it is unit-tested as a table; the access
 * policy applies it to what the database says the caller's role is.
 */
export const PROJECT_ROLES = ['owner', 'admin', 'member', 'viewer'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];
export type GrantableRole = Exclude<ProjectRole, 'owner'>;

export type ProjectAction = 'read' | 'update' | 'manage-members' | 'delete' | 'transfer';

const ALLOWED: Record<ProjectAction, readonly ProjectRole[]> = {
  read: ['owner', 'admin', 'member', 'viewer'],
  update: ['owner', 'admin'],
  'manage-members': ['owner', 'admin'],
  delete: ['owner'],
  transfer: ['owner'],
};

export function allows(role: ProjectRole, action: ProjectAction): boolean {
  return ALLOWED[action].includes(role);
}

/**
 * May `actor` add a newcomer (`current` null), change a member's role to `next`, or remove them (`next` undefined)?
 * Ownership moves only by transfer; admins manage members and viewers, never owners or other admins.
 */
export function mayManageMember(
  actor: ProjectRole,
  current: ProjectRole | null,
  next?: GrantableRole,
): boolean {
  if (!allows(actor, 'manage-members') || current === 'owner') return false;
  if (actor === 'owner') return true;
  const lesser = (role: ProjectRole | null | undefined) => role === 'member' || role === 'viewer';
  return (current === null || lesser(current)) && (next === undefined || lesser(next));
}
