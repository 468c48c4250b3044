import { createUser, TestUser } from './support/factories';
import { addMember, createProject, TestProject } from './support/projects';
import { createTask } from './support/tasks';
import { api, startTestApp, TestApp } from './support/test-app';

describe('tasks', () => {
  let t: TestApp;
  let owner: TestUser;
  let admin: TestUser;
  let member: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;
  let project: TestProject;

  beforeAll(async () => {
    t = await startTestApp();
    [owner, admin, member, viewer, outsider] = await Promise.all(
      Array.from({ length: 5 }, () => createUser(t)),
    );
    project = await createProject(t, owner);
    await addMember(t, project, owner, admin, 'admin');
    await addMember(t, project, owner, member, 'member');
    await addMember(t, project, owner, viewer, 'viewer');
  });
  afterAll(() => t.close());

  describe('create and read', () => {
    it('creates with defaults, Location and ETag, and reads it back', async () => {
      const res = await t
        .as(member)
        .post(`/projects/${project.id}/tasks`)
        .send({ title: '  Write the post  ' })
        .expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        projectId: project.id,
        stateId: expect.any(String),
        title: 'Write the post',
        description: null,
        status: 'pending',
        completed: false,
        priority: 0,
        dueDate: null,
        assigneeId: null,
        createdById: member.id,
        createdAt: expect.any(String),
        updatedAt: res.body.createdAt,
        completedAt: null,
        version: 1,
        githubRepo: null,
        commentCount: 0,
        attachmentCount: 0,
        recurrence: null,
        nextOccurrences: [],
        timezone: 'UTC',
        reminders: [],
        labels: [],
        parentId: null,
        subtaskCounts: { total: 0, completed: 0 },
        blocked: false,
        position: expect.stringMatching(/^[0-9A-Za-z]+$/),
        fields: {},
      });
      expect(res.headers.location).toBe(`/api/v1/tasks/${res.body.id}`);
      // The version, then a digest of what moves without one (counts, the labels as shown).
      expect(res.headers.etag).toMatch(/^"1\.[0-9a-f]{8}"$/);
      const read = await t.as(viewer).get(`/tasks/${res.body.id}`).expect(200);
      expect(read.body).toEqual(res.body);
      expect(read.headers['cache-control']).toBe('private, no-cache');
      await t.as(viewer).get(`/tasks/${res.body.id}`).set('If-None-Match', res.headers.etag).expect(304);
    });

    it('derives completed from status and sets completedAt, both ways', async () => {
      const done = await createTask(t, project, owner, { completed: true });
      expect(done).toMatchObject({ status: 'completed', completed: true, completedAt: expect.any(String) });
      const started = await createTask(t, project, owner, { status: 'in_progress' });
      expect(started).toMatchObject({ completed: false, completedAt: null });
      const reopened = await t.as(owner).patch(`/tasks/${done.id}`).send({ completed: false }).expect(200);
      expect(reopened.body).toMatchObject({ status: 'pending', completed: false, completedAt: null });
      const finished = await t
        .as(owner)
        .patch(`/tasks/${started.id}`)
        .send({ status: 'completed' })
        .expect(200);
      expect(finished.body).toMatchObject({ completed: true, completedAt: expect.any(String) });
    });

    it('refuses bad fields with 422 naming each, and unknown ones', async () => {
      const res = await t
        .as(owner)
        .post(`/projects/${project.id}/tasks`)
        .send({
          title: '   ',
          priority: 1.5,
          dueDate: '2026-02-30',
          status: 'done',
          description: 'x'.repeat(20001),
          createdById: owner.id,
        })
        .expect(422);
      const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
      expect(fields).toEqual(['createdById', 'description', 'dueDate', 'priority', 'status', 'title']);
      await t
        .as(owner)
        .post(`/projects/${project.id}/tasks`)
        .send({ title: 'x'.repeat(501) })
        .expect(422);
      const disagree = await t
        .as(owner)
        .post(`/projects/${project.id}/tasks`)
        .send({ title: 'x', status: 'pending', completed: true })
        .expect(422);
      expect(disagree.body.errors.map((e: { field: string }) => e.field)).toEqual(['status', 'completed']);
      const stranger = await t
        .as(owner)
        .post(`/projects/${project.id}/tasks`)
        .send({ title: 'x', assigneeId: outsider.id })
        .expect(422);
      expect(stranger.body.errors).toEqual([expect.objectContaining({ field: 'assigneeId' })]);
    });

    it('keeps viewers and outsiders from writing, and outsiders from seeing (403 / 404)', async () => {
      const task = await createTask(t, project, owner);
      await t.as(viewer).post(`/projects/${project.id}/tasks`).send({ title: 'x' }).expect(403);
      await t.as(outsider).post(`/projects/${project.id}/tasks`).send({ title: 'x' }).expect(404);
      await t.as(viewer).patch(`/tasks/${task.id}`).send({ title: 'x' }).expect(403);
      for (const request of [
        t.http.get(api(`/tasks/${task.id}`)),
        t.http.patch(api(`/tasks/${task.id}`)).send({ title: 'x' }),
        t.http.put(api(`/tasks/${task.id}`)).send({ title: 'x' }),
        t.http.delete(api(`/tasks/${task.id}`)),
        t.http.get(api(`/projects/${project.id}/tasks`)),
        t.http.get(api(`/tasks/${task.id}/shares`)),
      ]) {
        await request.set('Authorization', outsider.bearer).expect(404);
      }
      await t.as(owner).get('/tasks/not-a-uuid').expect(400);
    });
  });

  describe('updates', () => {
    it('PATCH changes what is sent; PUT resets what is not', async () => {
      const task = await createTask(t, project, owner, {
        description: 'keep',
        priority: 5,
        dueDate: '2026-12-01',
        assigneeId: member.id,
      });
      const patched = await t.as(member).patch(`/tasks/${task.id}`).send({ title: 'Renamed' }).expect(200);
      expect(patched.body).toMatchObject({
        title: 'Renamed',
        description: 'keep',
        priority: 5,
        dueDate: '2026-12-01',
        assigneeId: member.id,
        version: 2,
      });
      expect(patched.headers.etag).toMatch(/^"2\.[0-9a-f]{8}"$/);
      const cleared = await t
        .as(member)
        .patch(`/tasks/${task.id}`)
        .send({ dueDate: null, assigneeId: null })
        .expect(200);
      expect(cleared.body).toMatchObject({ dueDate: null, assigneeId: null });
      const replaced = await t.as(member).put(`/tasks/${task.id}`).send({ title: 'Replaced' }).expect(200);
      expect(replaced.body).toMatchObject({
        title: 'Replaced',
        description: null,
        priority: 0,
        status: 'pending',
        version: 4,
      });
      await t.as(member).put(`/tasks/${task.id}`).send({ priority: 1 }).expect(422);
    });

    it('applies only at the expected version: one winner of ten racing writers, 412 for the rest', async () => {
      const task = await createTask(t, project, owner);
      const racers = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          t
            .as(owner)
            .patch(`/tasks/${task.id}`)
            .set('If-Match', '"1"')
            .send({ priority: index + 1 }),
        ),
      );
      expect(racers.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(412)]);
      const winner = racers.find((r) => r.status === 200)!;
      const now = await t.as(owner).get(`/tasks/${task.id}`).expect(200);
      expect(now.body).toMatchObject({ version: 2, priority: winner.body.priority });
      await t.as(owner).patch(`/tasks/${task.id}`).send({ title: 'stale', version: 1 }).expect(412);
      await t.as(owner).delete(`/tasks/${task.id}`).set('If-Match', '"1"').expect(412);
      await t.as(owner).put(`/tasks/${task.id}`).set('If-Match', '"1"').send({ title: 'stale' }).expect(412);
      const unchanged = await t.as(owner).get(`/tasks/${task.id}`).expect(200);
      expect(unchanged.body).toEqual(now.body);
    });
  });

  describe('trash', () => {
    it('soft-deletes: 404 everywhere, listed in the trash for owners and admins, restorable', async () => {
      const task = await createTask(t, project, member, { title: 'Trash me' });
      await t.as(member).delete(`/tasks/${task.id}`).expect(204);
      await t.as(owner).get(`/tasks/${task.id}`).expect(404);
      await t.as(owner).patch(`/tasks/${task.id}`).send({ title: 'x' }).expect(404);
      await t.as(owner).delete(`/tasks/${task.id}`).expect(404);
      const live = await t.as(owner).get(`/projects/${project.id}/tasks?limit=200`).expect(200);
      expect(live.body.items.map((i: { id: string }) => i.id)).not.toContain(task.id);

      const trash = await t.as(admin).get(`/projects/${project.id}/tasks?deleted=true`).expect(200);
      expect(trash.body.items.map((i: { id: string }) => i.id)).toContain(task.id);
      await t.as(member).get(`/projects/${project.id}/tasks?deleted=true`).expect(403);
      await t.as(member).post(`/tasks/${task.id}/restore`).expect(403);

      const restored = await t.as(admin).post(`/tasks/${task.id}/restore`).expect(200);
      expect(restored.body).toMatchObject({ id: task.id, title: 'Trash me' });
      await t.as(viewer).get(`/tasks/${task.id}`).expect(200);
      await t.as(admin).post(`/tasks/${task.id}/restore`).expect(404);
    });

    it('lets members delete only tasks they created', async () => {
      const others = await createTask(t, project, owner);
      await t.as(member).delete(`/tasks/${others.id}`).expect(403);
      const own = await createTask(t, project, member);
      await t.as(member).delete(`/tasks/${own.id}`).expect(204);
      await t.as(admin).delete(`/tasks/${others.id}`).expect(204);
    });
  });

  describe('shares', () => {
    it('follow the share matrix: view reads that task only, edit updates it, neither deletes', async () => {
      const task = await createTask(t, project, owner, { title: 'Shared one' });
      const other = await createTask(t, project, owner, { title: 'Not shared' });
      const reader = await createUser(t);
      const editor = await createUser(t);
      await t
        .as(owner)
        .post(`/tasks/${task.id}/shares`)
        .send({ userId: reader.id, permission: 'view' })
        .expect(201);
      const byEmail = await t
        .as(admin)
        .post(`/tasks/${task.id}/shares`)
        .send({ email: editor.email, permission: 'edit' })
        .expect(201);
      expect(byEmail.body).toMatchObject({ userId: editor.id, permission: 'edit' });
      await t
        .as(owner)
        .post(`/tasks/${task.id}/shares`)
        .send({ userId: reader.id, permission: 'edit' })
        .expect(409);
      await t
        .as(member)
        .post(`/tasks/${task.id}/shares`)
        .send({ userId: outsider.id, permission: 'view' })
        .expect(403);

      await t.as(reader).get(`/tasks/${task.id}`).expect(200);
      await t.as(reader).patch(`/tasks/${task.id}`).send({ title: 'no' }).expect(403);
      await t.as(reader).get(`/tasks/${other.id}`).expect(404);
      await t.as(reader).get(`/projects/${project.id}/tasks`).expect(404);
      await t.as(reader).get(`/projects/${project.id}`).expect(404);

      await t.as(editor).patch(`/tasks/${task.id}`).send({ title: 'Edited by share' }).expect(200);
      await t.as(editor).delete(`/tasks/${task.id}`).expect(403);
      await t
        .as(editor)
        .post(`/tasks/${task.id}/shares`)
        .send({ userId: outsider.id, permission: 'view' })
        .expect(403);

      const mine = await t.as(reader).get('/tasks').expect(200);
      expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([task.id]);
      const shares = await t.as(reader).get(`/tasks/${task.id}/shares`).expect(200);
      expect(shares.body.items.map((s: { userId: string }) => s.userId).sort()).toEqual(
        [reader.id, editor.id].sort(),
      );

      await t.as(owner).delete(`/tasks/${task.id}/shares/${reader.id}`).expect(204);
      await t.as(reader).get(`/tasks/${task.id}`).expect(404);
      await t.as(editor).delete(`/tasks/${task.id}/shares/${editor.id}`).expect(204);
      await t.as(editor).get(`/tasks/${task.id}`).expect(404);
      await t.as(owner).delete(`/tasks/${task.id}/shares/${editor.id}`).expect(404);
    });
  });

  describe('moving', () => {
    it('needs task-writing rights in both projects, and unassigns an assignee who is no member of the new one', async () => {
      const elsewhere = await createProject(t, member, 'Elsewhere');
      const watching = await createProject(t, owner, 'Only watching');
      await addMember(t, watching, owner, member, 'viewer');
      const task = await createTask(t, project, member, { assigneeId: viewer.id });

      await t.as(member).patch(`/tasks/${task.id}`).send({ projectId: watching.id }).expect(403);
      await t.as(owner).patch(`/tasks/${task.id}`).send({ projectId: elsewhere.id }).expect(404);
      // Naming an assignee who is no member there is refused; keeping one who is not unassigns, on the record.
      const refused = await t
        .as(member)
        .patch(`/tasks/${task.id}`)
        .send({ projectId: elsewhere.id, assigneeId: viewer.id })
        .expect(422);
      expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual(['assigneeId']);
      const moved = await t
        .as(member)
        .patch(`/tasks/${task.id}`)
        .send({ projectId: elsewhere.id })
        .expect(200);
      expect(moved.body).toMatchObject({ projectId: elsewhere.id, assigneeId: null });
      const history = await t.as(member).get(`/tasks/${task.id}/activity`).expect(200);
      expect(history.body.items[0]).toMatchObject({
        event: 'task.unassigned',
        userId: viewer.id,
        changes: { assigneeId: { from: viewer.id, to: null } },
      });
      await t.as(viewer).get(`/tasks/${task.id}`).expect(404);
    });
  });

  describe('the Inbox', () => {
    it('takes tasks without a project, made once even under concurrent first calls', async () => {
      const newcomer = await createUser(t);
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, index) =>
          t
            .as(newcomer)
            .post('/tasks')
            .send({ title: `Inbox ${index}` }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(results.map((r) => r.body.projectId)).size).toBe(1);
      const projects = await t.as(newcomer).get('/projects').expect(200);
      expect(projects.body.items).toEqual([expect.objectContaining({ name: 'Inbox', role: 'owner' })]);
      const explicit = await t
        .as(member)
        .post('/tasks')
        .send({ title: 'x', projectId: project.id })
        .expect(201);
      expect(explicit.body.projectId).toBe(project.id);
    });
  });
});
