import { createUser, TestUser } from './factories';
import type { TestApp } from './test-app';

export interface TestProject {
  id: string;
  version: number;
}

export async function createProject(t: TestApp, owner: TestUser, name = 'Project'): Promise<TestProject> {
  const res = await t.http
    .post('/api/v1/projects')
    .set('Authorization', owner.bearer)
    .send({ name })
    .expect(201);
  return { id: res.body.id, version: res.body.version };
}

export async function addMember(
  t: TestApp,
  project: TestProject,
  by: TestUser,
  user: TestUser,
  role: string,
): Promise<void> {
  await t.http
    .post(`/api/v1/projects/${project.id}/members`)
    .set('Authorization', by.bearer)
    .send({ userId: user.id, role })
    .expect(201);
}

/** A project with one user in each role, and one who is not a member. */
export interface TestTeam {
  project: TestProject;
  owner: TestUser;
  admin: TestUser;
  member: TestUser;
  viewer: TestUser;
  outsider: TestUser;
}

export async function createTeam(t: TestApp): Promise<TestTeam> {
  const [owner, admin, member, viewer, outsider] = await Promise.all(
    Array.from({ length: 5 }, () => createUser(t)),
  );
  const project = await createProject(t, owner);
  await addMember(t, project, owner, admin, 'admin');
  await addMember(t, project, owner, member, 'member');
  await addMember(t, project, owner, viewer, 'viewer');
  return { project, owner, admin, member, viewer, outsider };
}
