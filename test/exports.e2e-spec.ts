import { parse } from 'csv-parse/sync';
import type { TestUser } from './support/factories';
import { createProject, createTeam, TestProject } from './support/projects';
import { startTestApp, TestApp } from './support/test-app';

interface ExportedTask {
  id: string;
  title: string;
  parentId: string | null;
  deletedAt: string | null;
  fields: Record<string, unknown>;
  relations: { kind: string; taskId: string }[];
  comments: { id: string; authorId: string; body: string }[];
  attachments: { id: string; filename: string; size: number; sha256: string }[];
  [key: string]: unknown;
}

interface ProjectExport {
  format: string;
  exportedAt: string;
  project: { id: string; name: string };
  states: { id: string; name: string }[];
  fields: { id: string; name: string; options: { id: string; name: string }[] }[];
  labels: { id: string; name: string }[];
  members: Record<string, unknown>[];
  tasks: ExportedTask[];
}

describe('project export', () => {
  let t: TestApp;
  let owner: TestUser;
  let admin: TestUser;
  let member: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;
  let project: TestProject;
  const ids: Record<string, string> = {};

  const exportOf = (by: TestUser, format = 'json', projectId = project.id) =>
    t.as(by).get(`/projects/${projectId}/export?format=${format}`).buffer(true);
  const task = async (body: object, projectId = project.id) =>
    (await t.as(member).post(`/projects/${projectId}/tasks`).send(body).expect(201)).body as { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    ({ project, owner, admin, member, viewer, outsider } = await createTeam(t));
    const kind = await t
      .as(admin)
      .post(`/projects/${project.id}/fields`)
      .send({ name: 'Kind', type: 'select', options: [{ name: 'Bug' }, { name: 'Feature' }] })
      .expect(201);
    const estimate = await t
      .as(admin)
      .post(`/projects/${project.id}/fields`)
      .send({ name: 'Estimate', type: 'number' })
      .expect(201);
    ids.kind = kind.body.id;
    ids.bug = kind.body.options[0].id;
    ids.estimate = estimate.body.id;
    await t
      .as(admin)
      .post(`/projects/${project.id}/states`)
      .send({ name: 'Review', category: 'started' })
      .expect(201);
    const urgent = await t
      .as(admin)
      .post(`/projects/${project.id}/labels`)
      .send({ name: 'urgent', color: '#d73a4a' })
      .expect(201);
    ids.parent = (
      await task({
        title: 'Launch ✨',
        description: 'Línea 1\nline "2", with a comma',
        labelIds: [urgent.body.id],
        fields: { [ids.kind]: ids.bug, [ids.estimate]: 3 },
        dueDate: '2027-03-28',
        recurrence: { rule: 'FREQ=WEEKLY;BYDAY=MO' },
        reminders: [{ before: 'P1D', time: '09:00' }],
      })
    ).id;
    ids.child = (await task({ title: 'Child', parentId: ids.parent })).id;
    ids.grandchild = (await task({ title: 'Grandchild', parentId: ids.child })).id;
    ids.formula = (await task({ title: '=HYPERLINK("http://evil.example","click")' })).id;
    ids.trashed = (await task({ title: 'Gone' })).id;
    await t.as(member).delete(`/tasks/${ids.trashed}`).expect(204);
    await t
      .as(member)
      .post(`/tasks/${ids.parent}/relations`)
      .send({ type: 'blocks', taskId: ids.formula })
      .expect(201);
    // A relation to a task of the owner's private project: the admin who exports cannot read that task.
    const elsewhere = await createProject(t, owner, 'Owner only');
    ids.hidden = (
      await t.as(owner).post(`/projects/${elsewhere.id}/tasks`).send({ title: 'Hidden' }).expect(201)
    ).body.id;
    await t
      .as(owner)
      .post(`/tasks/${ids.parent}/relations`)
      .send({ type: 'relates_to', taskId: ids.hidden })
      .expect(201);
    ids.comment = (
      await t.as(member).post(`/tasks/${ids.parent}/comments`).send({ body: 'First comment' }).expect(201)
    ).body.id;
    ids.attachment = (
      await t
        .as(member)
        .post(`/tasks/${ids.formula}/attachments`)
        .attach('file', Buffer.from('exported bytes'), 'notes.txt')
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  it('streams the whole project as taskforge.project.v1 to owners and admins, each task as the API shows it', async () => {
    const res = await exportOf(admin).expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=/);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const document = JSON.parse(res.text) as ProjectExport;
    expect(document).toMatchObject({ format: 'taskforge.project.v1', project: { id: project.id } });
    expect(Date.parse(document.exportedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(document.states.map((state) => state.name)).toEqual(['To do', 'In progress', 'Done', 'Review']);
    expect(document.fields.map((field) => field.name)).toEqual(['Kind', 'Estimate']);
    expect(document.labels.map((label) => label.name)).toEqual(['urgent']);
    expect(document.members.map((m) => m.role).sort()).toEqual(['admin', 'member', 'owner', 'viewer']);
    // People by username and role; their emails stay here.
    expect(JSON.stringify(document.members)).not.toContain('@');
    expect(Object.keys(document.members[0]).sort()).toEqual(['displayName', 'role', 'userId', 'username']);

    const byId = new Map(document.tasks.map((item) => [item.id, item]));
    expect([...byId.keys()].sort()).toEqual(
      [ids.parent, ids.child, ids.grandchild, ids.formula, ids.trashed].sort(),
    );
    for (const id of [ids.parent, ids.child, ids.grandchild, ids.formula]) {
      const { deletedAt, relations, comments, attachments, ...shown } = byId.get(id)!;
      expect(deletedAt).toBeNull();
      expect(shown).toEqual((await t.as(member).get(`/tasks/${id}`).expect(200)).body);
      expect([relations, comments, attachments].every(Array.isArray)).toBe(true);
    }
    const parent = byId.get(ids.parent)!;
    expect(parent).toMatchObject({
      fields: { [ids.kind]: ids.bug, [ids.estimate]: 3 },
      recurrence: { rule: 'FREQ=WEEKLY;BYDAY=MO', from: 'due' },
      reminders: [{ before: 'P1D', time: '09:00' }],
      relations: [{ kind: 'blocks', taskId: ids.formula }],
      comments: [{ id: ids.comment, authorId: member.id, body: 'First comment' }],
    });
    // Names no task outside the project; the same task's relation within it (above) is there.
    expect(res.text).not.toContain(ids.hidden);
    expect(byId.get(ids.grandchild)!.parentId).toBe(ids.child);
    expect(byId.get(ids.formula)!.attachments).toEqual([
      expect.objectContaining({ id: ids.attachment, filename: 'notes.txt', size: 14 }),
    ]);
    expect(byId.get(ids.trashed)!.deletedAt).toEqual(expect.any(String));
    await exportOf(owner).expect(200);
  });

  it('refuses members and viewers (403) and hides the project from outsiders (404)', async () => {
    await exportOf(member).expect(403);
    await exportOf(viewer).expect(403);
    await exportOf(outsider).expect(404);
    await exportOf(admin, 'xml').expect(400);
    await t.as(admin).get(`/projects/${project.id}/export?format=csv&format=json`).expect(400);
  });

  it('gives a spreadsheet one row per task, names for ids, and no cell a spreadsheet would run', async () => {
    const res = await exportOf(admin, 'csv').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/filename="?Project\.csv"?/);
    const rows = parse<Record<string, string>>(res.text, { columns: true });
    expect(rows).toHaveLength(5);
    expect(Object.keys(rows[0])).toEqual([
      'id',
      'title',
      'description',
      'state',
      'status',
      'priority',
      'dueDate',
      'assignee',
      'labels',
      'parentId',
      'position',
      'createdAt',
      'completedAt',
      'deletedAt',
      'Kind',
      'Estimate',
    ]);
    const parent = rows.find((row) => row.id === ids.parent)!;
    expect(parent).toMatchObject({
      title: 'Launch ✨',
      description: 'Línea 1\nline "2", with a comma',
      state: 'To do',
      labels: 'urgent',
      Kind: 'Bug',
      Estimate: '3',
      dueDate: '2027-03-28',
    });
    const formula = rows.find((row) => row.id === ids.formula)!;
    expect(formula.title).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(rows.find((row) => row.id === ids.trashed)!.deletedAt).not.toBe('');
  });

  it('reads a project larger than one page: every task exactly once', async () => {
    const big = await createProject(t, member, 'Big export');
    for (let batch = 0; batch < 6; batch++) {
      await t
        .as(member)
        .post(`/projects/${big.id}/tasks/bulk`)
        .send({ items: Array.from({ length: 200 }, (_, index) => ({ title: `Task ${batch}.${index}` })) })
        .expect(201);
    }
    const document = JSON.parse((await exportOf(member, 'json', big.id).expect(200)).text) as ProjectExport;
    expect(document.tasks).toHaveLength(1200);
    expect(new Set(document.tasks.map((item) => item.id)).size).toBe(1200);
    const rows = parse<unknown>((await exportOf(member, 'csv', big.id).expect(200)).text, { columns: true });
    expect(rows).toHaveLength(1200);
  });
});
