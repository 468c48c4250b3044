import { createTeam, TestProject } from './support/projects';
import type { TestUser } from './support/factories';
import { createTask, TestTask } from './support/tasks';
import { api, startTestApp, TestApp } from './support/test-app';

/**
 * The JSON types a task write refuses, on every route that takes a task write, each a 422 naming the field. Before
 * the fix these were 500s (TypeError on a recurrence array or a null label list) or silently ignored (`title: null`).
 */
describe('type confusion on task writes', () => {
  let t: TestApp;
  let owner: TestUser;
  let project: TestProject;
  let task: TestTask;

  beforeAll(async () => {
    t = await startTestApp();
    ({ owner, project } = await createTeam(t));
    task = await createTask(t, project, owner, { title: 'Kept', dueDate: '2026-12-01' });
  });
  afterAll(() => t.close());

  const fieldsOf = (body: unknown): string[] => {
    const found = JSON.stringify(body).match(/"field":"[^"]+"/g) ?? [];
    return [...new Set(found.map((entry) => entry.slice(9, -1)))];
  };
  const routes = (field: string, value: unknown) => [
    t.http.patch(api(`/tasks/${task.id}`)).send({ [field]: value }),
    t.http.put(api(`/tasks/${task.id}`)).send({ title: 'T', [field]: value }),
    t.http.post(api(`/projects/${project.id}/tasks`)).send({ title: 'T', [field]: value }),
    t.http.post(api('/tasks/bulk')).send({ ids: [task.id], set: { [field]: value } }),
    t.http.post(api(`/projects/${project.id}/tasks/bulk`)).send({ items: [{ title: 'T', [field]: value }] }),
  ];

  it.each([
    ['recurrence', []],
    ['recurrence', [{ rule: 'FREQ=DAILY' }]],
    ['recurrence', 'FREQ=DAILY'],
    ['reminders', [null]],
    ['reminders', ['P1D']],
    ['labelIds', null],
    ['priority', null],
    ['status', null],
    ['stateId', null],
    ['stateId', 7],
    ['stateId', 'To do'],
    ['timezone', null],
    ['parentId', 7],
    ['fields', null],
    ['fields', []],
    ['fields', 'estimate=3'],
    ['fields', { estimate: 3 }],
    ['fields', { '0b5f3a5e-2f7c-4a4e-9d55-2b7f7d6a1c10': { value: 3 } }],
    ['fields', { '0b5f3a5e-2f7c-4a4e-9d55-2b7f7d6a1c10': [1, 2] }],
  ])('%s = %j is 422 naming the field on PATCH, PUT, POST and both bulk routes', async (field, value) => {
    for (const request of routes(field, value)) {
      const res = await request.set('Authorization', owner.bearer);
      expect({ status: res.status, fields: fieldsOf(res.body) }).toEqual({
        status: 422,
        fields: [expect.stringMatching(new RegExp(`^(set\\.|items\\.0\\.)?${field}`))],
      });
    }
  });

  it('refuses a null title on PATCH, and the null label lists PATCH and bulk set take', async () => {
    for (const body of [{ title: null }, { addLabelIds: null }, { removeLabelIds: null }]) {
      const res = await t.as(owner).patch(`/tasks/${task.id}`).send(body);
      expect({ status: res.status, fields: fieldsOf(res.body) }).toEqual({
        status: 422,
        fields: Object.keys(body),
      });
    }
    const bulk = await t
      .as(owner)
      .post('/tasks/bulk')
      .send({ ids: [task.id], set: { addLabelIds: null } });
    expect(bulk.status).toBe(422);
    expect(fieldsOf(bulk.body)).toEqual(['set.addLabelIds']);
    // Nothing was written, and null still clears what the contract lets it clear.
    const cleared = await t
      .as(owner)
      .patch(`/tasks/${task.id}`)
      .send({ description: null, dueDate: null, recurrence: null })
      .expect(200);
    expect(cleared.body).toMatchObject({ title: 'Kept', version: task.version + 1, dueDate: null });
  });
});
