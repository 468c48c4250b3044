import type { TestUser } from './factories';
import type { TestProject } from './projects';
import type { TestApp } from './test-app';

export interface TestTask {
  id: string;
  version: number;
  [field: string]: unknown;
}

export async function createTask(
  t: TestApp,
  project: TestProject,
  by: TestUser,
  fields: Record<string, unknown> = {},
): Promise<TestTask> {
  const res = await t.http
    .post(`/api/v1/projects/${project.id}/tasks`)
    .set('Authorization', by.bearer)
    .send({ title: 'A task', ...fields })
    .expect(201);
  return res.body as TestTask;
}

export async function shareTask(
  t: TestApp,
  task: { id: string },
  by: TestUser,
  user: TestUser,
  permission: 'view' | 'edit',
): Promise<void> {
  await t.http
    .post(`/api/v1/tasks/${task.id}/shares`)
    .set('Authorization', by.bearer)
    .send({ userId: user.id, permission })
    .expect(201);
}
