import {
  allows,
  allowsTask,
  allowsTaskItem,
  mayChangeView,
  mayLeave,
  mayManageMember,
  ProjectAction,
  ProjectRole,
  TaskAction,
  TaskGrant,
  TaskItemAction,
} from './project-permissions';

describe('project permission table', () => {
  const table: [ProjectAction, Record<ProjectRole, boolean>][] = [
    ['read', { owner: true, admin: true, member: true, viewer: true }],
    ['update', { owner: true, admin: true, member: false, viewer: false }],
    ['manage-members', { owner: true, admin: true, member: false, viewer: false }],
    ['delete', { owner: true, admin: false, member: false, viewer: false }],
    ['transfer', { owner: true, admin: false, member: false, viewer: false }],
    ['write-tasks', { owner: true, admin: true, member: true, viewer: false }],
    ['manage-trash', { owner: true, admin: true, member: false, viewer: false }],
    ['manage-webhooks', { owner: true, admin: true, member: false, viewer: false }],
    ['manage-workflow', { owner: true, admin: true, member: false, viewer: false }],
    ['export-project', { owner: true, admin: true, member: false, viewer: false }],
    ['share-views', { owner: true, admin: true, member: true, viewer: false }],
    ['manage-shared-views', { owner: true, admin: true, member: false, viewer: false }],
  ];

  it.each(table)('%s', (action, expected) => {
    for (const [role, allowed] of Object.entries(expected)) {
      expect([role, allows(role as ProjectRole, action)]).toEqual([role, allowed]);
    }
  });

  it('lets the owner manage everyone but the owner', () => {
    expect(mayManageMember('owner', null, 'admin')).toBe(true);
    expect(mayManageMember('owner', 'admin', 'viewer')).toBe(true);
    expect(mayManageMember('owner', 'admin')).toBe(true);
    expect(mayManageMember('owner', 'owner')).toBe(false);
  });

  it('lets admins manage members and viewers only, and grant no more than member', () => {
    expect(mayManageMember('admin', null, 'member')).toBe(true);
    expect(mayManageMember('admin', 'viewer', 'member')).toBe(true);
    expect(mayManageMember('admin', 'member')).toBe(true);
    expect(mayManageMember('admin', null, 'admin')).toBe(false);
    expect(mayManageMember('admin', 'member', 'admin')).toBe(false);
    expect(mayManageMember('admin', 'admin')).toBe(false);
    expect(mayManageMember('admin', 'owner')).toBe(false);
  });

  it('lets everyone but the owner leave', () => {
    expect(['owner', 'admin', 'member', 'viewer'].filter((role) => mayLeave(role as ProjectRole))).toEqual([
      'admin',
      'member',
      'viewer',
    ]);
  });

  it('gives members and viewers no say over others', () => {
    for (const actor of ['member', 'viewer'] as const) {
      expect(mayManageMember(actor, null, 'viewer')).toBe(false);
      expect(mayManageMember(actor, 'viewer')).toBe(false);
    }
  });
});

describe('task permission table', () => {
  const grants: Record<string, TaskGrant> = {
    owner: { role: 'owner', share: null, isCreator: false },
    admin: { role: 'admin', share: null, isCreator: false },
    'member (creator)': { role: 'member', share: null, isCreator: true },
    member: { role: 'member', share: null, isCreator: false },
    viewer: { role: 'viewer', share: null, isCreator: false },
    'shared edit': { role: null, share: 'edit', isCreator: false },
    'shared view': { role: null, share: 'view', isCreator: false },
    'viewer shared edit': { role: 'viewer', share: 'edit', isCreator: false },
    nobody: { role: null, share: null, isCreator: false },
  };
  const table: Record<TaskAction, string[]> = {
    read: [
      'owner',
      'admin',
      'member (creator)',
      'member',
      'viewer',
      'shared edit',
      'shared view',
      'viewer shared edit',
    ],
    update: ['owner', 'admin', 'member (creator)', 'member', 'shared edit', 'viewer shared edit'],
    delete: ['owner', 'admin', 'member (creator)'],
    share: ['owner', 'admin'],
    restore: ['owner', 'admin'],
  };

  it.each(Object.entries(table))('%s', (action, allowed) => {
    const actual = Object.entries(grants)
      .filter(([, grant]) => allowsTask(grant, action as TaskAction))
      .map(([name]) => name);
    expect(actual).toEqual(allowed);
  });

  // Comments and attachments: [holder, author?] → what they may do with the item.
  const itemTable: Record<TaskItemAction, string[]> = {
    read: Object.keys(grants).flatMap((name) => (name === 'nobody' ? [] : [`${name}/author`, name])),
    edit: [
      'owner/author',
      'admin/author',
      'member (creator)/author',
      'member/author',
      'shared edit/author',
      'viewer shared edit/author',
    ],
    delete: [
      'owner/author',
      'owner',
      'admin/author',
      'admin',
      'member (creator)/author',
      'member/author',
      'shared edit/author',
      'viewer shared edit/author',
    ],
  };

  it.each(Object.entries(itemTable))('task items: %s', (action, allowed) => {
    const actual = Object.entries(grants).flatMap(([name, grant]) =>
      [true, false]
        .filter((isAuthor) => allowsTaskItem(grant, isAuthor, action as TaskItemAction))
        .map((isAuthor) => (isAuthor ? `${name}/author` : name)),
    );
    expect(actual).toEqual(allowed);
  });

  it('lets the author change any view of theirs, and owners and admins change shared views only', () => {
    const changers = (view: { authored: boolean; shared: boolean }) =>
      (['owner', 'admin', 'member', 'viewer'] as const).filter((role) => mayChangeView(role, view));
    expect(changers({ authored: true, shared: false })).toEqual(['owner', 'admin', 'member', 'viewer']);
    expect(changers({ authored: false, shared: true })).toEqual(['owner', 'admin']);
    expect(changers({ authored: false, shared: false })).toEqual([]);
  });
});
