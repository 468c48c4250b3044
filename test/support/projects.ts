import type { TestUser } from './factories';
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
