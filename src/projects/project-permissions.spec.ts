import { allows, mayManageMember, ProjectAction, ProjectRole } from './project-permissions';

describe('project permission table', () => {
  const table: [ProjectAction, Record<ProjectRole, boolean>][] = [
    ['read', { owner: true, admin: true, member: true, viewer: true }],
    ['update', { owner: true, admin: true, member: false, viewer: false }],
    ['manage-members', { owner: true, admin: true, member: false, viewer: false }],
    ['delete', { owner: true, admin: false, member: false, viewer: false }],
    ['transfer', { owner: true, admin: false, member: false, viewer: false }],
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

  it('gives members and viewers no say over others', () => {
    for (const actor of ['member', 'viewer'] as const) {
      expect(mayManageMember(actor, null, 'viewer')).toBe(false);
      expect(mayManageMember(actor, 'viewer')).toBe(false);
    }
  });
});
