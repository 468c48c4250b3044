import { Client } from 'pg';
import { readChanges } from './support/activity';
import { eventually } from './support/eventually';
import type { TestUser } from './support/factories';
import { createProject, createTeam, TestProject } from './support/projects';
import { createTask } from './support/tasks';
import { startTestApp, TestApp } from './support/test-app';

interface State {
  id: string;
  projectId: string;
  name: string;
  category: string;
  color: string;
  position: number;
  version: number;
}

const onRealServer = process.env.TEST_DATABASE_URL ? it : it.skip;

describe('workflow states', () => {
  let t: TestApp;
  let owner: TestUser;
  let admin: TestUser;
  let member: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;
  let project: TestProject;

  const statesOf = async (projectId = project.id, by = member): Promise<State[]> =>
    (await t.as(by).get(`/projects/${projectId}/states`).expect(200)).body.items;
  const named = async (name: string, projectId = project.id) =>
    (await statesOf(projectId)).find((state) => state.name === name)!;
  const addState = (body: object, by = admin, projectId = project.id) =>
    t.as(by).post(`/projects/${projectId}/states`).send(body);
  const taskIn = async (body: object = {}, projectId = project.id) =>
    (
      await t
        .as(member)
        .post(`/projects/${projectId}/tasks`)
        .send({ title: 'A task', ...body })
        .expect(201)
    ).body;
  const fieldsOf = (body: { errors?: { field: string }[] }) =>
    (body.errors ?? []).map((error) => error.field);

  beforeAll(async () => {
    t = await startTestApp();
    ({ project, owner, admin, member, viewer, outsider } = await createTeam(t));
  });
  afterAll(() => t.close());

  it('gives every new project To do, In progress and Done, and every new task the first open one', async () => {
    const states = await statesOf();
    expect(states.map(({ name, category, position }) => ({ name, category, position }))).toEqual([
      { name: 'To do', category: 'unstarted', position: 0 },
      { name: 'In progress', category: 'started', position: 1 },
      { name: 'Done', category: 'completed', position: 2 },
    ]);
    const task = await taskIn();
    expect(task).toMatchObject({ stateId: states[0].id, status: 'pending', completed: false });
    // The Inbox, made on a first task without a project, has them too.
    const inboxTask = (await t.as(viewer).post('/tasks').send({ title: 'Mine' }).expect(201)).body;
    expect((await statesOf(inboxTask.projectId, viewer)).map((state) => state.id)).toContain(
      inboxTask.stateId,
    );
  });

  it('lets owners and admins shape the states, members and viewers read them, outsiders see nothing', async () => {
    const review = await addState({
      name: ' Review ',
      category: 'started',
      color: '#A371F7',
      position: 2,
    }).expect(201);
    expect(review.headers.location).toBe(`/api/v1/projects/${project.id}/states/${review.body.id}`);
    expect(review.body).toEqual({
      id: expect.any(String),
      projectId: project.id,
      name: 'Review',
      category: 'started',
      color: '#a371f7',
      position: 2,
      version: expect.any(Number),
    });
    expect((await statesOf()).map((state) => state.name)).toEqual(['To do', 'In progress', 'Review', 'Done']);
    await addState({ name: 'Nope', category: 'started' }, member).expect(403);
    await addState({ name: 'Nope', category: 'started' }, viewer).expect(403);
    await addState({ name: 'Nope', category: 'started' }, outsider).expect(404);
    await t.as(outsider).get(`/projects/${project.id}/states`).expect(404);
    await addState({ name: 'REVIEW', category: 'backlog' }).expect(409);
    const bad = await addState({ name: '', category: 'doing', color: 'red', position: -1 }).expect(422);
    expect(fieldsOf(bad.body).sort()).toEqual(['category', 'color', 'name', 'position']);
    // The JSON types a state write refuses, each a 422 naming the field, on create and on PATCH.
    const confused = { name: 7, category: ['started'], color: null, position: '2' };
    const created = await addState(confused).expect(422);
    expect(fieldsOf(created.body).sort()).toEqual(['category', 'color', 'name', 'position']);
    const patched = await t
      .as(owner)
      .patch(`/projects/${project.id}/states/${review.body.id}`)
      .send({ ...confused, name: null })
      .expect(422);
    expect(fieldsOf(patched.body).sort()).toEqual(['category', 'color', 'name', 'position']);
    await t
      .as(owner)
      .delete(`/projects/${project.id}/states/${review.body.id}?moveTo=a&moveTo=b`)
      .expect(400);

    const renamed = await t
      .as(owner)
      .patch(`/projects/${project.id}/states/${review.body.id}`)
      .send({ name: 'In review', position: 0 })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: 'In review', position: 0 });
    expect((await statesOf()).map((state) => [state.name, state.position])).toEqual([
      ['In review', 0],
      ['To do', 1],
      ['In progress', 2],
      ['Done', 3],
    ]);
    const placed = await t
      .as(owner)
      .patch(`/projects/${project.id}/states/${review.body.id}`)
      .send({ position: 2 })
      .expect(200);
    // A PATCH that changes nothing writes nothing: the same version, as every other resource answers it.
    const unchanged = await t
      .as(owner)
      .patch(`/projects/${project.id}/states/${review.body.id}`)
      .send({ name: 'In review', position: 2 })
      .expect(200);
    expect(unchanged.body.version).toBe(placed.body.version);
    expect((await named('In review')).version).toBe(placed.body.version);
    // Another project's state is not found through this one.
    const elsewhere = await createProject(t, owner, 'Elsewhere');
    const foreign = (await statesOf(elsewhere.id, owner))[0];
    await t.as(owner).patch(`/projects/${project.id}/states/${foreign.id}`).send({ name: 'X' }).expect(404);
    await t.as(owner).delete(`/projects/${project.id}/states/${foreign.id}`).expect(404);
  });

  it('keeps status and state in step whichever is written, and refuses a body where they disagree', async () => {
    const review = await named('In review');
    const done = await named('Done');
    const todo = await named('To do');
    const task = await taskIn({ stateId: review.id });
    expect(task).toMatchObject({ stateId: review.id, status: 'in_progress' });
    // Writing the status it already has keeps the task where it is; another status picks that status' first state.
    const same = await t.as(member).patch(`/tasks/${task.id}`).send({ status: 'in_progress' }).expect(200);
    expect(same.body.stateId).toBe(review.id);
    const completed = await t.as(member).patch(`/tasks/${task.id}`).send({ completed: true }).expect(200);
    expect(completed.body).toMatchObject({
      stateId: done.id,
      status: 'completed',
      completedAt: expect.any(String),
    });
    const reopened = await t.as(member).patch(`/tasks/${task.id}`).send({ stateId: todo.id }).expect(200);
    expect(reopened.body).toMatchObject({
      stateId: todo.id,
      status: 'pending',
      completed: false,
      completedAt: null,
    });

    for (const body of [
      { stateId: done.id, status: 'pending' },
      { stateId: done.id, completed: false },
    ]) {
      const res = await t.as(member).patch(`/tasks/${task.id}`).send(body).expect(422);
      expect(fieldsOf(res.body)).toEqual(['stateId']);
    }
    const elsewhere = await createProject(t, member, 'Not this one');
    const foreign = (await statesOf(elsewhere.id))[0];
    const refused = await t.as(member).patch(`/tasks/${task.id}`).send({ stateId: foreign.id }).expect(422);
    expect(fieldsOf(refused.body)).toEqual(['stateId']);
    await t
      .as(member)
      .post(`/projects/${project.id}/tasks`)
      .send({ title: 'X', stateId: foreign.id })
      .expect(422);
    await t.as(viewer).patch(`/tasks/${task.id}`).send({ stateId: done.id }).expect(403);
    // The history names the state as it names every other field.
    const history = (await t.as(member).get(`/tasks/${task.id}/activity`).expect(200)).body.items;
    expect(history[0].changes).toMatchObject({ stateId: { from: done.id, to: todo.id } });
  });

  it('moves a task to another project by category, and takes a state of the target in the same write', async () => {
    const target = await createProject(t, member, 'Target');
    const backlog = (
      await addState({ name: 'Icebox', category: 'backlog', position: 0 }, member, target.id).expect(201)
    ).body;
    const targetStates = await statesOf(target.id);
    const review = await named('In review');
    const task = await taskIn({ stateId: review.id });
    const moved = await t.as(member).patch(`/tasks/${task.id}`).send({ projectId: target.id }).expect(200);
    expect(moved.body).toMatchObject({
      projectId: target.id,
      stateId: targetStates.find((state) => state.category === 'started')!.id,
      status: 'in_progress',
    });
    const back = await t
      .as(member)
      .patch(`/tasks/${task.id}`)
      .send({ projectId: project.id, stateId: (await named('Done')).id })
      .expect(200);
    expect(back.body).toMatchObject({ projectId: project.id, status: 'completed' });
    // A status written picks the first state of that status in the task's project, by position.
    const parked = await t.as(member).post(`/projects/${target.id}/tasks`).send({ title: 'P' }).expect(201);
    expect(parked.body.stateId).toBe(backlog.id);
  });

  it('moves a task on the board to a state, and filters the list by state', async () => {
    const review = await named('In review');
    const inProgress = await named('In progress');
    const a = await taskIn();
    const b = await taskIn({ stateId: inProgress.id });
    const moved = await t.as(member).post(`/tasks/${a.id}/move`).send({ stateId: review.id }).expect(200);
    expect(moved.body).toMatchObject({ stateId: review.id, status: 'in_progress' });
    const inReview = (
      await t.as(member).get(`/projects/${project.id}/tasks?stateId=${review.id}&limit=200`).expect(200)
    ).body.items;
    expect(inReview.map((task: { id: string }) => task.id)).toContain(a.id);
    expect(inReview.every((task: { stateId: string }) => task.stateId === review.id)).toBe(true);
    const both = (
      await t.as(member).get(`/tasks?stateId=${review.id},${inProgress.id}&limit=200`).expect(200)
    ).body.items.map((task: { id: string }) => task.id);
    expect(both).toEqual(expect.arrayContaining([a.id, b.id]));
    await t.as(member).get(`/tasks?stateId=nope`).expect(400);
    const bulk = await t
      .as(member)
      .post('/tasks/bulk')
      .send({ ids: [a.id, b.id], set: { stateId: (await named('Done')).id } })
      .expect(200);
    expect(bulk.body.results.map((item: { status: number }) => item.status)).toEqual([200, 200]);
  });

  it('deletes a state only with somewhere of the same status for its tasks, each move in their history', async () => {
    const doomed = (await addState({ name: 'Doomed', category: 'started' }).expect(201)).body as State;
    const inProgress = await named('In progress');
    const task = await taskIn({ stateId: doomed.id });
    const trashed = await taskIn({ stateId: doomed.id });
    await t.as(member).delete(`/tasks/${trashed.id}`).expect(204);
    const { nextSince } = await readChanges(t, member);

    await t.as(admin).delete(`/projects/${project.id}/states/${doomed.id}`).expect(409);
    const wrongStatus = await t
      .as(admin)
      .delete(`/projects/${project.id}/states/${doomed.id}?moveTo=${(await named('Done')).id}`)
      .expect(422);
    expect(fieldsOf(wrongStatus.body)).toEqual(['moveTo']);
    await t.as(admin).delete(`/projects/${project.id}/states/${doomed.id}?moveTo=${doomed.id}`).expect(422);
    await t
      .as(member)
      .delete(`/projects/${project.id}/states/${doomed.id}?moveTo=${inProgress.id}`)
      .expect(403);
    expect((await t.as(member).get(`/tasks/${task.id}`).expect(200)).body.stateId).toBe(doomed.id);

    await t
      .as(admin)
      .delete(`/projects/${project.id}/states/${doomed.id}?moveTo=${inProgress.id}`)
      .expect(204);
    const after = (await t.as(member).get(`/tasks/${task.id}`).expect(200)).body;
    expect(after).toMatchObject({ stateId: inProgress.id, status: 'in_progress', version: task.version + 1 });
    const { items } = await readChanges(t, member, nextSince);
    expect(items.map((item) => [item.event, item.taskId])).toEqual([
      ['task.updated', task.id],
      ['state.deleted', null],
    ]);
    expect(items[0].changes).toEqual({ stateId: { from: doomed.id, to: inProgress.id } });
    // The trashed task moved too, so it comes back into a state that exists.
    const restored = await t.as(owner).post(`/tasks/${trashed.id}/restore`).expect(200);
    expect(restored.body.stateId).toBe(inProgress.id);
    expect((await statesOf()).map((state) => state.position)).toEqual([0, 1, 2, 3]);
  });

  it('keeps a state of each status, and a category from changing the status of tasks a state holds', async () => {
    const done = await named('Done');
    const todo = await named('To do');
    await t.as(owner).delete(`/projects/${project.id}/states/${done.id}`).expect(409);
    await t
      .as(owner)
      .patch(`/projects/${project.id}/states/${done.id}`)
      .send({ category: 'started' })
      .expect(409);
    // Within a status the category may change freely; the control: the same change of status passes when empty.
    await t
      .as(owner)
      .patch(`/projects/${project.id}/states/${done.id}`)
      .send({ category: 'canceled' })
      .expect(200);
    await t
      .as(owner)
      .patch(`/projects/${project.id}/states/${done.id}`)
      .send({ category: 'completed' })
      .expect(200);
    await taskIn({ stateId: todo.id });
    const icebox = (await addState({ name: 'Parked', category: 'backlog' }).expect(201)).body as State;
    await taskIn({ stateId: icebox.id });
    await t
      .as(owner)
      .patch(`/projects/${project.id}/states/${icebox.id}`)
      .send({ category: 'started' })
      .expect(409);
    await t
      .as(owner)
      .patch(`/projects/${project.id}/states/${icebox.id}`)
      .send({ category: 'unstarted' })
      .expect(200);
    const empty = (await addState({ name: 'Empty', category: 'backlog' }).expect(201)).body as State;
    const recategorized = await t
      .as(owner)
      .patch(`/projects/${project.id}/states/${empty.id}`)
      .send({ category: 'completed' })
      .expect(200);
    expect(recategorized.body.category).toBe('completed');
  });

  it('refuses to complete a blocked task through its state as through its status, and force completes it', async () => {
    const done = await named('Done');
    const blocker = await taskIn();
    const waiting = await taskIn();
    await t
      .as(member)
      .post(`/tasks/${blocker.id}/relations`)
      .send({ type: 'blocks', taskId: waiting.id })
      .expect(201);
    const refused = await t.as(member).patch(`/tasks/${waiting.id}`).send({ stateId: done.id }).expect(409);
    expect(refused.body.blockers).toEqual([blocker.id]);
    await t.as(member).patch(`/tasks/${waiting.id}`).send({ status: 'completed' }).expect(409);
    const forced = await t
      .as(member)
      .patch(`/tasks/${waiting.id}?force=true`)
      .send({ stateId: done.id })
      .expect(200);
    expect(forced.body).toMatchObject({ stateId: done.id, status: 'completed', completed: true });
  });

  it('reopens a recurring task into the first open state when it is completed through its state', async () => {
    const done = await named('Done');
    const task = await createTask(t, project, member, {
      title: 'Weekly',
      dueDate: '2026-12-01',
      recurrence: { rule: 'FREQ=WEEKLY' },
    });
    const res = await t.as(member).patch(`/tasks/${task.id}`).send({ stateId: done.id }).expect(200);
    const firstOpen = (await statesOf()).find((state) => ['backlog', 'unstarted'].includes(state.category))!;
    expect(res.body).toMatchObject({ dueDate: '2026-12-08', status: 'pending', stateId: firstOpen.id });
  });

  onRealServer(
    'answers 409, not 500, to a write naming a state another session deletes meanwhile',
    async () => {
      const passing = (await addState({ name: 'Passing', category: 'started' }).expect(201)).body as State;
      const task = await taskIn();
      const other = new Client({ connectionString: t.database.url });
      await other.connect();
      try {
        // Another session deletes the state and has not committed yet, as a DELETE between its check and its commit.
        await other.query('BEGIN');
        await other.query(`DELETE FROM workflow_states WHERE id = $1`, [passing.id]);
        const write = t.as(member).patch(`/tasks/${task.id}`).send({ stateId: passing.id });
        const answered = write.then((res) => res.status);
        // Waiting on this session's locks, not on any (other test files share the server).
        await eventually('the write to wait for the deleting session', async () => {
          const { rows } = await other.query<{ waiting: number }>(
            `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE pg_backend_pid() = ANY (pg_blocking_pids(pid))`,
          );
          return rows[0].waiting > 0;
        });
        await other.query('COMMIT');
        expect(await answered).toBe(409);
      } finally {
        await other.end();
      }
      expect((await t.as(member).get(`/tasks/${task.id}`).expect(200)).body.stateId).toBe(task.stateId);
    },
  );
});
