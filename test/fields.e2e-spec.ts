import { readActivity } from './support/activity';
import type { TestUser } from './support/factories';
import { createProject, createTeam, TestProject } from './support/projects';
import { startTestApp, TestApp } from './support/test-app';

interface Field {
  id: string;
  projectId: string;
  name: string;
  type: string;
  options: { id: string; name: string; color: string }[];
  position: number;
  version: number;
}

interface Task {
  id: string;
  title: string;
  version: number;
  fields: Record<string, unknown>;
}

describe('custom fields', () => {
  let t: TestApp;
  let owner: TestUser;
  let admin: TestUser;
  let member: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;
  let project: TestProject;
  /** One field of each type, by type. */
  const field: Record<string, Field> = {};

  const addField = (body: object, by = admin, projectId = project.id) =>
    t.as(by).post(`/projects/${projectId}/fields`).send(body);
  const taskWith = async (fields: object, title = 'A task', projectId = project.id): Promise<Task> =>
    (await t.as(member).post(`/projects/${projectId}/tasks`).send({ title, fields }).expect(201)).body;
  const errorFields = (body: { errors?: { field: string }[] }) =>
    (body.errors ?? []).map((error) => error.field);
  const titles = (body: { items: Task[] }) => body.items.map((task) => task.title);
  const option = (type: string, name: string) => field[type].options.find((o) => o.name === name)!.id;

  beforeAll(async () => {
    t = await startTestApp();
    ({ project, owner, admin, member, viewer, outsider } = await createTeam(t));
    const colours = [{ name: 'Low' }, { name: 'High', color: '#D73A4A' }];
    for (const [type, extra] of [
      ['text', {}],
      ['number', {}],
      ['date', {}],
      ['checkbox', {}],
      ['select', { options: colours }],
      ['multi_select', { options: [{ name: 'Web' }, { name: 'Mobile' }, { name: 'API' }] }],
      ['user', {}],
      ['url', {}],
    ] as const) {
      field[type] = (await addField({ name: `The ${type}`, type, ...extra }).expect(201)).body;
    }
  });
  afterAll(() => t.close());

  it('lets owners and admins define fields, members and viewers read them, outsiders see nothing', async () => {
    const created = await addField({ name: ' Estimate ', type: 'number', position: 0 }, owner).expect(201);
    expect(created.headers.location).toBe(`/api/v1/projects/${project.id}/fields/${created.body.id}`);
    expect(created.body).toEqual({
      id: expect.any(String),
      projectId: project.id,
      name: 'Estimate',
      type: 'number',
      options: [],
      position: 0,
      version: 1,
    });
    expect(field.select.options).toEqual([
      { id: expect.any(String), name: 'Low', color: '#8b949e' },
      { id: expect.any(String), name: 'High', color: '#d73a4a' },
    ]);
    const listed = (await t.as(viewer).get(`/projects/${project.id}/fields`).expect(200)).body
      .items as Field[];
    expect(listed.map((f) => f.name)).toEqual(['Estimate', ...Object.values(field).map((f) => f.name)]);
    expect(listed.map((f) => f.position)).toEqual(listed.map((_, index) => index));

    await addField({ name: 'Mine', type: 'text' }, member).expect(403);
    await addField({ name: 'Mine', type: 'text' }, viewer).expect(403);
    await addField({ name: 'Mine', type: 'text' }, outsider).expect(404);
    await t.as(outsider).get(`/projects/${project.id}/fields`).expect(404);
    await t
      .as(member)
      .patch(`/projects/${project.id}/fields/${created.body.id}`)
      .send({ name: 'X' })
      .expect(403);
    await t.as(member).delete(`/projects/${project.id}/fields/${created.body.id}`).expect(403);
    await t.as(outsider).delete(`/projects/${project.id}/fields/${created.body.id}`).expect(404);
    // Another project's field is not this project's.
    const elsewhere = await createProject(t, outsider, 'Elsewhere');
    await t.as(admin).delete(`/projects/${elsewhere.id}/fields/${created.body.id}`).expect(404);

    await addField({ name: 'ESTIMATE', type: 'text' }).expect(409);
    expect(errorFields((await addField({ name: 'Bad', type: 'rating' }).expect(422)).body)).toEqual(['type']);
    expect(
      errorFields((await addField({ name: 'Bad', type: 'text', options: [{ name: 'A' }] }).expect(422)).body),
    ).toEqual(['options']);
    expect(
      errorFields(
        (await addField({ name: 'Bad', type: 'select', options: [{ name: 'A' }, { name: 'a' }] }).expect(422))
          .body,
      ),
    ).toEqual(['options']);
    // A field's type is fixed.
    const retyped = await t
      .as(admin)
      .patch(`/projects/${project.id}/fields/${created.body.id}`)
      .send({ type: 'text' })
      .expect(422);
    expect(errorFields(retyped.body)).toEqual(['type']);
    // The JSON types a field write refuses, each a 422 naming the field, on create and on PATCH.
    const confused = { name: 7, type: ['text'], options: 'Low,High', position: '2' };
    expect(errorFields((await addField(confused).expect(422)).body).sort()).toEqual([
      'name',
      'options',
      'position',
      'type',
    ]);
    const { type: _type, ...patchable } = confused;
    const patched = await t
      .as(admin)
      .patch(`/projects/${project.id}/fields/${created.body.id}`)
      .send({ ...patchable, options: [null] })
      .expect(422);
    expect(errorFields(patched.body).sort()).toEqual(['name', 'options', 'position']);
    await t.as(admin).delete(`/projects/${project.id}/fields/${created.body.id}`).expect(204);
    await t.as(admin).delete(`/projects/${project.id}/fields/${created.body.id}`).expect(404);
  });

  it('stores a value of each type as its field takes it, and refuses each wrong one naming fields.<id>', async () => {
    const task = await taskWith({
      [field.text.id]: 'Blue',
      [field.number.id]: 2.5,
      [field.date.id]: '2027-01-31',
      [field.checkbox.id]: true,
      [field.select.id]: option('select', 'High').toUpperCase(),
      [field.multi_select.id]: [option('multi_select', 'API'), option('multi_select', 'Web')],
      [field.user.id]: member.id,
      [field.url.id]: 'https://example.com/spec',
    });
    expect(task.fields).toEqual({
      [field.text.id]: 'Blue',
      [field.number.id]: 2.5,
      [field.date.id]: '2027-01-31',
      [field.checkbox.id]: true,
      [field.select.id]: option('select', 'High'),
      // In the field's option order, however they were sent.
      [field.multi_select.id]: [option('multi_select', 'Web'), option('multi_select', 'API')],
      [field.user.id]: member.id,
      [field.url.id]: 'https://example.com/spec',
    });
    expect((await t.as(viewer).get(`/tasks/${task.id}`).expect(200)).body.fields).toEqual(task.fields);

    const wrong: Record<string, unknown> = {
      [field.text.id]: '   ',
      [field.number.id]: 'seven',
      [field.date.id]: '2027-02-30',
      [field.checkbox.id]: 'yes',
      [field.select.id]: option('multi_select', 'Web'),
      [field.multi_select.id]: [option('multi_select', 'Web'), option('multi_select', 'Web')],
      [field.user.id]: outsider.id,
      [field.url.id]: 'javascript:alert(1)',
    };
    const refused = await t.as(member).patch(`/tasks/${task.id}`).send({ fields: wrong }).expect(422);
    expect(errorFields(refused.body).sort()).toEqual(
      Object.keys(wrong)
        .map((id) => `fields.${id}`)
        .sort(),
    );
    // Each alone is refused too, and nothing of a refused write is kept.
    for (const [id, value] of Object.entries(wrong)) {
      const alone = await t
        .as(member)
        .patch(`/tasks/${task.id}`)
        .send({ fields: { [id]: value } })
        .expect(422);
      expect(errorFields(alone.body)).toEqual([`fields.${id}`]);
    }
    const elsewhere = await createProject(t, admin, 'Other fields');
    const foreign = (await addField({ name: 'Foreign', type: 'text' }, admin, elsewhere.id).expect(201)).body;
    const notHere = await t
      .as(member)
      .patch(`/tasks/${task.id}`)
      .send({ fields: { [foreign.id]: 'x' } })
      .expect(422);
    expect(errorFields(notHere.body)).toEqual([`fields.${foreign.id}`]);
    // The shape is checked before any field is read: a key that is no id, or an object as a value.
    await t
      .as(member)
      .patch(`/tasks/${task.id}`)
      .send({ fields: { estimate: 1 } })
      .expect(422);
    await t
      .as(member)
      .patch(`/tasks/${task.id}`)
      .send({ fields: { [field.text.id]: { a: 1 } } })
      .expect(422);
    await t.as(member).patch(`/tasks/${task.id}`).send({ fields: null }).expect(422);
    const after = (await t.as(member).get(`/tasks/${task.id}`).expect(200)).body;
    expect(after.fields).toEqual(task.fields);
    expect(after.version).toBe(task.version);
  });

  it('PATCH changes the fields it names, null clears one, PUT sets exactly those sent, and history names it', async () => {
    const task = await taskWith({ [field.text.id]: 'One', [field.number.id]: 1 });
    const patched = (
      await t
        .as(member)
        .patch(`/tasks/${task.id}`)
        .send({ fields: { [field.number.id]: 2, [field.text.id]: null } })
        .expect(200)
    ).body;
    expect(patched.fields).toEqual({ [field.number.id]: 2 });
    // The same values again are no change: no new version.
    const same = await t
      .as(member)
      .patch(`/tasks/${task.id}`)
      .send({ fields: { [field.number.id]: 2 } })
      .expect(200);
    expect(same.body.version).toBe(patched.version);
    const replaced = (
      await t
        .as(member)
        .put(`/tasks/${task.id}`)
        .send({ title: 'A task', fields: { [field.checkbox.id]: false } })
        .expect(200)
    ).body;
    expect(replaced.fields).toEqual({ [field.checkbox.id]: false });
    const cleared = (await t.as(member).put(`/tasks/${task.id}`).send({ title: 'A task' }).expect(200)).body;
    expect(cleared.fields).toEqual({});

    const history = await readActivity(t, member, `/tasks/${task.id}/activity`);
    expect(
      history
        .map((item) => item.changes.fields)
        .filter(Boolean)
        .reverse(),
    ).toEqual([
      { from: null, to: { [field.number.id]: 1, [field.text.id]: 'One' } },
      { from: { [field.number.id]: 1, [field.text.id]: 'One' }, to: { [field.number.id]: 2 } },
      { from: { [field.number.id]: 2 }, to: { [field.checkbox.id]: false } },
      { from: { [field.checkbox.id]: false }, to: {} },
    ]);
  });

  it('bulk set writes fields to every task it can, and refuses an item whose value is wrong', async () => {
    const a = await taskWith({}, 'Bulk A');
    const b = await taskWith({}, 'Bulk B');
    const done = await t
      .as(member)
      .post('/tasks/bulk')
      .send({ ids: [a.id, b.id], set: { fields: { [field.number.id]: 7 } } })
      .expect(200);
    expect(done.body.results.map((item: { task: Task }) => item.task.fields)).toEqual([
      { [field.number.id]: 7 },
      { [field.number.id]: 7 },
    ]);
    const refused = await t
      .as(member)
      .post('/tasks/bulk')
      .send({ ids: [a.id], set: { fields: { [field.number.id]: 'many' } } })
      .expect(200);
    expect(refused.body.results[0]).toMatchObject({ status: 422 });
    expect(errorFields(refused.body.results[0].problem)).toEqual([`fields.${field.number.id}`]);
  });

  describe('in lists, views, and as what they name goes', () => {
    let lists: TestProject;
    let leaver: TestUser;
    const f: Record<string, Field> = {};
    const task: Record<string, Task> = {};
    const list = async (query: string, by = member) =>
      titles((await t.as(by).get(`/projects/${lists.id}/tasks?${query}`).expect(200)).body);
    const refusedList = async (query: string) =>
      errorFields((await t.as(member).get(`/projects/${lists.id}/tasks?${query}`).expect(400)).body);
    const opt = (name: string, optionName: string) => f[name].options.find((o) => o.name === optionName)!.id;
    const reread = async (title: string) =>
      (await t.as(admin).get(`/tasks/${task[title].id}`).expect(200)).body as Task;

    beforeAll(async () => {
      lists = await createProject(t, admin, 'Lists');
      leaver = (await createTeam(t)).viewer;
      for (const user of [member, leaver]) {
        await t
          .as(admin)
          .post(`/projects/${lists.id}/members`)
          .send({ userId: user.id, role: 'member' })
          .expect(201);
      }
      for (const [name, type, options] of [
        ['num', 'number', []],
        ['day', 'date', []],
        ['sel', 'select', ['A', 'B', 'C']],
        ['multi', 'multi_select', ['X', 'Y']],
        ['flag', 'checkbox', []],
        ['who', 'user', []],
        ['word', 'text', []],
      ] as const) {
        const body = {
          name,
          type,
          ...(options.length ? { options: options.map((o) => ({ name: o })) } : {}),
        };
        f[name] = (await addField(body, admin, lists.id).expect(201)).body;
      }
      const values = (v: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(v).map(([name, value]) => [f[name].id, value]));
      task.T1 = await taskWith(
        values({
          num: 3,
          day: '2027-01-05',
          sel: opt('sel', 'B'),
          multi: [opt('multi', 'X')],
          flag: true,
          who: leaver.id,
          word: 'beta',
        }),
        'T1',
        lists.id,
      );
      task.T2 = await taskWith(
        values({
          num: 1,
          day: '2027-01-01',
          sel: opt('sel', 'A'),
          multi: [opt('multi', 'X'), opt('multi', 'Y')],
          flag: false,
          word: 'alpha',
        }),
        'T2',
        lists.id,
      );
      task.T3 = await taskWith(
        values({
          num: 2,
          day: '2027-01-10',
          sel: opt('sel', 'C'),
          multi: [opt('multi', 'Y')],
          who: admin.id,
        }),
        'T3',
        lists.id,
      );
      task.T4 = await taskWith({}, 'T4', lists.id);
    });

    it('filters by each type, all conditions together', async () => {
      const by = (name: string, suffix = '') => `field.${f[name].id}${suffix}`;
      expect(await list(`${by('num', '.gte')}=2&sort=title`)).toEqual(['T1', 'T3']);
      expect(await list(`${by('num', '.lte')}=2&sort=title`)).toEqual(['T2', 'T3']);
      expect(await list(`${by('num', '.gte')}=2&${by('num', '.lte')}=2`)).toEqual(['T3']);
      expect(await list(`${by('num')}=1`)).toEqual(['T2']);
      expect(await list(`${by('day', '.gte')}=2027-01-02&sort=title`)).toEqual(['T1', 'T3']);
      expect(
        await list(`${by('sel')}=${opt('sel', 'A')},${opt('sel', 'C').toUpperCase()}&sort=title`),
      ).toEqual(['T2', 'T3']);
      expect(await list(`${by('multi')}=${opt('multi', 'X')}&sort=title`)).toEqual(['T1', 'T2']);
      expect(await list(`${by('flag')}=true`)).toEqual(['T1']);
      // Unchecked is false or never set.
      expect(await list(`${by('flag')}=false&sort=title`)).toEqual(['T2', 'T3', 'T4']);
      expect(await list(`${by('who')}=me`, admin)).toEqual(['T3']);
      expect(await list(`${by('word')}=alpha`)).toEqual(['T2']);
      expect(await list(`${by('word')}=alpha&${by('num')}=3`)).toEqual([]);
      // Across projects, the same condition finds the same tasks.
      const across = await t
        .as(member)
        .get(`/tasks?${by('num', '.gte')}=2&sort=title`)
        .expect(200);
      expect(titles(across.body)).toEqual(['T1', 'T3']);
    });

    it('sorts by a field with keyset paging, tasks without a value last in either direction', async () => {
      const byNumber = `sort=field.${f.num.id}`;
      expect(await list(byNumber)).toEqual(['T2', 'T3', 'T1', 'T4']);
      expect(await list(`sort=-field.${f.num.id}`)).toEqual(['T1', 'T3', 'T2', 'T4']);
      expect(await list(`sort=field.${f.sel.id}`)).toEqual(['T2', 'T1', 'T3', 'T4']);
      // T3 and T4 have no word: after the others, by id.
      expect((await list(`sort=field.${f.word.id}`)).slice(0, 2)).toEqual(['T2', 'T1']);
      expect(await list(`sort=field.${f.day.id}`)).toEqual(['T2', 'T1', 'T3', 'T4']);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `${byNumber}&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
        const page: { body: { items: Task[]; nextCursor: string | null } } = await t
          .as(member)
          .get(`/projects/${lists.id}/tasks?${query}`)
          .expect(200);
        paged.push(...titles(page.body));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(paged).toEqual(['T2', 'T3', 'T1', 'T4']);
    });

    it('refuses a field it cannot use, naming the parameter', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect(await refusedList(`field.${unknown}=1`)).toEqual([`field.${unknown}`]);
      expect(await refusedList(`field.${field.number.id}=1`)).toEqual([`field.${field.number.id}`]);
      expect(await refusedList(`field.${f.num.id}=seven`)).toEqual([`field.${f.num.id}`]);
      expect(await refusedList(`field.${f.sel.id}.gte=1`)).toEqual([`field.${f.sel.id}.gte`]);
      expect(await refusedList(`field.${f.sel.id}=${unknown}`)).toEqual([`field.${f.sel.id}`]);
      expect(await refusedList(`field.${f.flag.id}=maybe`)).toEqual([`field.${f.flag.id}`]);
      expect(await refusedList(`field.${f.num.id}.between=1`)).toEqual(['field']);
      expect(await refusedList(`field=1`)).toEqual(['field']);
      expect(await refusedList(`sort=field.${f.multi.id}`)).toEqual(['sort']);
      expect(await refusedList(`sort=field.${f.who.id}`)).toEqual(['sort']);
      expect(await refusedList(`sort=field.${unknown}`)).toEqual(['sort']);
      await t.as(outsider).get(`/projects/${lists.id}/tasks?field.${f.num.id}=1`).expect(404);
    });

    it('answers a view with a field query as the list does, and 422 once the query names what is gone', async () => {
      const query = `field.${f.sel.id}=${opt('sel', 'C')}&sort=title`;
      const view = (
        await t
          .as(member)
          .post(`/projects/${lists.id}/views`)
          .send({ name: 'C', query, layout: 'list' })
          .expect(201)
      ).body;
      const viewed = await t.as(member).get(`/views/${view.id}/tasks`).expect(200);
      expect(titles(viewed.body)).toEqual(await list(query));
      expect(titles(viewed.body)).toEqual(['T3']);
      // Option C removed: its value leaves T3, and the view names an option the field no longer has.
      await t
        .as(admin)
        .patch(`/projects/${lists.id}/fields/${f.sel.id}`)
        .send({ options: f.sel.options.filter((o) => o.name !== 'C') })
        .expect(200);
      const stale = await t.as(member).get(`/views/${view.id}/tasks`).expect(422);
      expect(errorFields(stale.body)).toEqual([`query.field.${f.sel.id}`]);
    });

    it('takes a removed option off its tasks and keeps the others, in the history; reordering re-sorts', async () => {
      // (C went in the test above.)
      expect((await reread('T3')).fields[f.sel.id]).toBeUndefined();
      expect((await reread('T1')).fields[f.sel.id]).toBe(opt('sel', 'B'));
      const history = await readActivity(t, admin, `/tasks/${task.T3.id}/activity`);
      expect(history[0]).toMatchObject({ event: 'task.updated', actorId: admin.id });
      expect(history[0].changes.fields.from).toMatchObject({ [f.sel.id]: opt('sel', 'C') });
      expect(history[0].changes.fields.to).not.toHaveProperty(f.sel.id);

      const [a, b] = f.sel.options;
      const reordered = await t
        .as(admin)
        .patch(`/projects/${lists.id}/fields/${f.sel.id}`)
        .send({ options: [b, a] })
        .expect(200);
      expect(reordered.body.options.map((o: { name: string }) => o.name)).toEqual(['B', 'A']);
      expect((await list(`sort=field.${f.sel.id}`)).slice(0, 2)).toEqual(['T1', 'T2']);

      // A multi-select keeps the options not removed.
      await t
        .as(admin)
        .patch(`/projects/${lists.id}/fields/${f.multi.id}`)
        .send({ options: f.multi.options.filter((o) => o.name !== 'X') })
        .expect(200);
      expect((await reread('T1')).fields[f.multi.id]).toBeUndefined();
      expect((await reread('T2')).fields[f.multi.id]).toEqual([opt('multi', 'Y')]);
      expect((await reread('T3')).fields[f.multi.id]).toEqual([opt('multi', 'Y')]);
    });

    it('forgets a member who leaves in every user field, and keeps the others named', async () => {
      await t.as(admin).delete(`/projects/${lists.id}/members/${leaver.id}`).expect(204);
      expect((await reread('T1')).fields[f.who.id]).toBeUndefined();
      expect((await reread('T3')).fields[f.who.id]).toBe(admin.id);
      const [latest] = await readActivity(t, admin, `/tasks/${task.T1.id}/activity`);
      expect(latest).toMatchObject({ event: 'task.updated' });
      expect(latest.changes.fields.from).toMatchObject({ [f.who.id]: leaver.id });
    });

    it('drops the values of a moved task, which its new project has no field for', async () => {
      const other = await createProject(t, admin, 'Moved to');
      await t
        .as(admin)
        .post(`/projects/${other.id}/members`)
        .send({ userId: member.id, role: 'member' })
        .expect(201);
      const moving = await taskWith({ [f.num.id]: 9 }, 'Mover', lists.id);
      const moved = (
        await t.as(member).patch(`/tasks/${moving.id}`).send({ projectId: other.id }).expect(200)
      ).body;
      expect(moved.fields).toEqual({});
      const [latest] = await readActivity(t, member, `/tasks/${moving.id}/activity`);
      expect(latest.changes.fields).toEqual({ from: { [f.num.id]: 9 }, to: {} });
    });

    it("deletes a field with its values, each change in its task's history, and views naming it answer 422", async () => {
      const view = (
        await t
          .as(member)
          .post(`/projects/${lists.id}/views`)
          .send({ name: 'Big', query: `field.${f.num.id}.gte=2`, layout: 'board' })
          .expect(201)
      ).body;
      await t.as(member).get(`/views/${view.id}/tasks`).expect(200);
      await t.as(admin).delete(`/projects/${lists.id}/fields/${f.num.id}`).expect(204);
      for (const title of ['T1', 'T2', 'T3']) {
        expect((await reread(title)).fields).not.toHaveProperty(f.num.id);
        const [latest] = await readActivity(t, admin, `/tasks/${task[title].id}/activity`);
        expect(latest.changes.fields.from).toHaveProperty(f.num.id);
      }
      // T4 never had one: nothing recorded.
      const untouched = await readActivity(t, admin, `/tasks/${task.T4.id}/activity`);
      expect(untouched.map((item) => item.event)).toEqual(['task.created']);
      const gone = await t.as(member).get(`/views/${view.id}/tasks`).expect(422);
      expect(errorFields(gone.body)).toEqual(['query']);
      const refused = await refusedList(`field.${f.num.id}=1`);
      expect(refused).toEqual([`field.${f.num.id}`]);
    });
  });
});
