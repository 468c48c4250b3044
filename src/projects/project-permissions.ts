/**
 * The contract's permission table for projects, in one place. Pure, so it is unit-tested as a table; the access
 * policy applies it to what the database says the caller's role is.
 */
export const PROJECT_ROLES = ['owner', 'admin', 'member', 'viewer'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];
export type GrantableRole = Exclude<ProjectRole, 'owner'>;

export type ProjectAction =
  | 'read'
  | 'update'
  | 'manage-members'
  | 'delete'
  | 'transfer'
  | 'write-tasks'
  | 'manage-trash'
  | 'manage-webhooks'
  | 'manage-workflow'
  | 'export-project'
  | 'share-views'
  | 'manage-shared-views';

const ALLOWED: Record<ProjectAction, readonly ProjectRole[]> = {
  read: ['owner', 'admin', 'member', 'viewer'],
  'write-tasks': ['owner', 'admin', 'member'],
  'manage-trash': ['owner', 'admin'],
  'manage-webhooks': ['owner', 'admin'],
  'manage-workflow': ['owner', 'admin'],
  'export-project': ['owner', 'admin'],
  'share-views': ['owner', 'admin', 'member'],
  'manage-shared-views': ['owner', 'admin'],
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

/** A saved view is changed by its author; a shared one, also by those who manage the project's shared views. */
export function mayChangeView(role: ProjectRole, view: { authored: boolean; shared: boolean }): boolean {
  return view.authored || (view.shared && allows(role, 'manage-shared-views'));
}

/** Anyone may leave a project except its owner, who must hand it over first (a project always has one). */
export function mayLeave(role: ProjectRole): boolean {
  return role !== 'owner';
}

export type SharePermission = 'view' | 'edit';
export type TaskAction = 'read' | 'update' | 'delete' | 'share' | 'restore';

/** What a caller holds on one task: a project role, a share, or both. */
export interface TaskGrant {
  role: ProjectRole | null;
  share: SharePermission | null;
  isCreator: boolean;
}

/** The contract's task columns: a share reaches that task only; members delete only what they created. */
export function allowsTask({ role, share, isCreator }: TaskGrant, action: TaskAction): boolean {
  switch (action) {
    case 'read':
      return role !== null || share !== null;
    case 'update':
      return (role !== null && allows(role, 'write-tasks')) || share === 'edit';
    case 'delete':
      return role === 'owner' || role === 'admin' || (role === 'member' && isCreator);
    case 'share':
      return role !== null && allows(role, 'manage-members');
    case 'restore':
      return role !== null && allows(role, 'manage-trash');
  }
}

/** A comment or attachment: something one user added to a task. */
export type TaskItemAction = 'read' | 'edit' | 'delete';

/**
 * Readers of the task read its items; their author edits them while still able to write the task; the author or the
 * project's owners and admins delete them.
 */
export function allowsTaskItem(grant: TaskGrant, isAuthor: boolean, action: TaskItemAction): boolean {
  switch (action) {
    case 'read':
      return allowsTask(grant, 'read');
    case 'edit':
      return isAuthor && allowsTask(grant, 'update');
    case 'delete':
      return (isAuthor && allowsTask(grant, 'update')) || grant.role === 'owner' || grant.role === 'admin';
  }
}
