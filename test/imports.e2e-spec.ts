import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AttachmentStorage } from '../src/attachments/storage/attachment-storage';
import { ImportsRepository } from '../src/imports/imports.repository';
import { eventually } from './support/eventually';
import type { TestUser } from './support/factories';
import { createUser } from './support/factories';
import { createTeam, TestProject } from './support/projects';
import { startTestApp, TestApp } from './support/test-app';

const FIXTURES = join(__dirname, 'fixtures', 'imports');
const MAX_BYTES = 8 * 1024 * 1024;

interface Job {
  id: string;
  status: string;
  projectId: string | null;
  counts: Record<string, number>;
  problems: { item: string; message: string }[];
}

interface Task {
  id: string;
  title: string;
  description: string | null;
  status: string;
  stateId: string;
  priority: number;
  dueDate: string | null;
  assigneeId: string | null;
  parentId: string | null;
  position: string;
  labels: { id: string; name: string }[];
  fields: Record<string, unknown>;
  recurrence: unknown;
  reminders: { before?: string; time?: string }[];
  deletedAt: string | null;
  comments: { body: string; authorId: string }[];
  relations: { kind: string; taskId: string }[];
}

interface ProjectDocument {
  project: { id: string; name: string; description: string | null };
  states: { id: string; name: string; category: string; color: string; position: number }[];
  fields: {
    id: string;
    name: string;
    type: string;
    position: number;
    options: { id: string; name: string; color: string }[];
  }[];
  labels: { id: string; name: string; color: string }[];
  members: { userId: string; role: string }[];
  tasks: Task[];
}

describe('imports', () => {
  let t: TestApp;
  let db: DataSource;
  let owner: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let project: TestProject;

  const upload = (by: TestUser, source: string, file: Buffer | string, filename = 'file') =>
    t.as(by).post('/imports').field('source', source).attach('file', Buffer.from(file), filename);
  const settled = async (by: TestUser, id: string): Promise<Job> => {
    let job: Job | undefined;
    await eventually(`import ${id} to finish`, async () => {
      job = (await t.as(by).get(`/imports/${id}`).expect(200)).body as Job;
      return job.status === 'done' || job.status === 'failed';
    });
    return job!;
  };
  const imported = async (by: TestUser, source: string, file: Buffer | string): Promise<Job> => {
    const accepted = await upload(by, source, file).expect(202);
    expect(accepted.body).toEqual({ id: expect.any(String), status: 'queued' });
    expect(accepted.headers.location).toBe(`/api/v1/imports/${accepted.body.id}`);
    return settled(by, accepted.body.id);
  };
  const exported = async (by: TestUser, projectId: string): Promise<ProjectDocument> =>
    JSON.parse(
      (await t.as(by).get(`/projects/${projectId}/export`).buffer(true).expect(200)).text,
    ) as ProjectDocument;
  const projectCount = async () =>
    (await db.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM projects`))[0].count;

  beforeAll(async () => {
    t = await startTestApp({ IMPORT_MAX_BYTES: String(MAX_BYTES) });
    db = t.app.get(DataSource);
    ({ project, owner, member, outsider } = await createTeam(t));
  });
  afterAll(() => t.close());

  it('round-trips a Taskforge export into an equal project with new ids, and reports what it could not bring', async () => {
    const kind = (
      await t
        .as(owner)
        .post(`/projects/${project.id}/fields`)
        .send({
          name: 'Kind',
          type: 'multi_select',
          options: [{ name: 'Bug', color: '#d73a4a' }, { name: 'Chore' }],
        })
        .expect(201)
    ).body;
    await t
      .as(owner)
      .post(`/projects/${project.id}/fields`)
      .send({ name: 'Estimate', type: 'number' })
      .expect(201);
    const estimate = (await t.as(owner).get(`/projects/${project.id}/fields`).expect(200)).body.items[1];
    await t
      .as(owner)
      .post(`/projects/${project.id}/states`)
      .send({ name: 'Review ✓', category: 'started', position: 1 })
      .expect(201);
    const label = (
      await t
        .as(owner)
        .post(`/projects/${project.id}/labels`)
        .send({ name: 'Ünïcode', color: '#123456' })
        .expect(201)
    ).body;
    const create = async (body: object) =>
      (await t.as(owner).post(`/projects/${project.id}/tasks`).send(body).expect(201)).body as Task;
    const parent = await create({
      title: 'Parent',
      description: 'With\nlines',
      priority: 7,
      dueDate: '2027-03-28',
      labelIds: [label.id],
      fields: { [kind.id]: [kind.options[1].id, kind.options[0].id], [estimate.id]: 2.5 },
      recurrence: { rule: 'FREQ=MONTHLY;BYDAY=-1FR', from: 'completion' },
      reminders: [{ before: 'P1D', time: '09:00' }],
    });
    const child = await create({ title: 'Child', parentId: parent.id, status: 'in_progress' });
    await create({ title: 'Grandchild', parentId: child.id, status: 'completed' });
    const blocked = await create({ title: 'Blocked' });
    const gone = await create({ title: 'In the trash' });
    await t.as(owner).delete(`/tasks/${gone.id}`).expect(204);
    // Moved to the front: the order is the manual one, not the order of creation.
    await t.as(owner).post(`/tasks/${blocked.id}/move`).send({ before: parent.id }).expect(200);
    await t
      .as(owner)
      .post(`/tasks/${parent.id}/relations`)
      .send({ type: 'blocks', taskId: blocked.id })
      .expect(201);
    await t.as(owner).post(`/tasks/${parent.id}/comments`).send({ body: 'Mine' }).expect(201);
    await t.as(member).post(`/tasks/${parent.id}/comments`).send({ body: 'Theirs' }).expect(201);
    await t
      .as(owner)
      .post(`/tasks/${child.id}/attachments`)
      .attach('file', Buffer.from('bytes'), 'notes.txt')
      .expect(201);

    const before = await exported(owner, project.id);
    const job = await imported(owner, 'taskforge', JSON.stringify(before));
    expect(job).toMatchObject({
      status: 'done',
      counts: { tasks: 5, comments: 2, labels: 1, states: 4, fields: 2, relations: 1, trashed: 1 },
      problems: [
        { item: `task ${child.id}`, message: expect.stringContaining('1 attachment(s) not imported') },
      ],
    });
    expect(job.projectId).not.toBe(project.id);
    const after = await exported(owner, job.projectId!);

    expect(normalized(after)).toEqual(normalized(before));
    expect(after.project.name).toBe(before.project.name);
    expect(after.members).toEqual([expect.objectContaining({ userId: owner.id, role: 'owner' })]);
    // Every id is new.
    const oldIds = new Set(
      [...before.tasks, ...before.states, ...before.fields, ...before.labels].map((x) => x.id),
    );
    expect(
      [...after.tasks, ...after.states, ...after.fields, ...after.labels].filter((x) => oldIds.has(x.id)),
    ).toEqual([]);
    // Another person's comment keeps their name in its text; the importer's is theirs.
    const comments = after.tasks.find((task) => task.title === 'Parent')!.comments;
    expect(comments.map((comment) => comment.body)).toEqual([
      'Mine',
      expect.stringMatching(/ wrote:\n\nTheirs$/),
    ]);
    expect(comments.every((comment) => comment.authorId === owner.id)).toBe(true);
    // The project is its importer's, announced like any new project.
    const listed = (await t.as(owner).get(`/projects/${job.projectId}`).expect(200)).body;
    expect(listed).toMatchObject({ role: 'owner' });
    await t.as(member).get(`/projects/${job.projectId}`).expect(404);
  });

  it('imports a Trello board: lists as states, cards in order, checklists, comments, labels, archive, links', async () => {
    await t.as(owner).patch('/users/me').send({ timezone: 'Europe/Berlin' }).expect(200);
    const job = await imported(owner, 'trello', readFileSync(join(FIXTURES, 'trello-board.json')));
    expect(job).toMatchObject({
      status: 'done',
      counts: { tasks: 8, comments: 2, labels: 2, states: 4, relations: 0, trashed: 2 },
    });
    const problems = job.problems.map((problem) => `${problem.item}: ${problem.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^label "urgent": another label has this name/),
        expect.stringMatching(/^card 5f0000000000000000000c06: its list is archived/),
        expect.stringMatching(
          /^card 5f0000000000000000000c01: assigned to "gracehopper", who is not a member/,
        ),
      ]),
    );
    const document = await exported(owner, job.projectId!);
    expect(document.project).toMatchObject({
      name: 'Launch plan 🚀',
      description: 'Everything for the spring launch',
    });
    expect(document.states.map(({ name, category }) => `${name}:${category}`)).toEqual([
      'To Do:unstarted',
      'Doing:started',
      'Done:completed',
      'Empty list:unstarted',
    ]);
    expect(document.labels.map((label) => label.name).sort()).toEqual(['Urgent', 'green_dark']);
    const tasks = [...document.tasks].sort((a, b) => (a.position < b.position ? -1 : 1));
    expect(tasks.map((task) => task.title)).toEqual([
      'Book the venue — Zürich',
      'Visit the hall',
      'Sign the contract',
      'Write the press release',
      'Archived card',
      'Draft the agenda',
      'Pick a date',
      'Idea from the archived list',
    ]);
    const venue = tasks[0];
    expect(venue).toMatchObject({
      // 23:30 UTC on 27 March 2027 is already the 28th in Berlin (summer time starts that night).
      dueDate: '2027-03-28',
      description:
        'Ask about the *big* hall\n\nAttachments:\n- [floor plan.pdf](https://trello.example/floor-plan.pdf)',
      assigneeId: null,
      deletedAt: null,
    });
    expect(venue.labels.map((label) => label.name).sort()).toEqual(['Urgent', 'green_dark']);
    expect(venue.comments.map((comment) => comment.body)).toEqual([
      'Grace Hopper wrote:\n\nFirst: called them',
      'Grace Hopper wrote:\n\nSecond: they have a piano 🎹',
    ]);
    expect(tasks[1]).toMatchObject({ parentId: venue.id, status: 'completed' });
    expect(tasks[2]).toMatchObject({ parentId: venue.id, status: 'pending' });
    // 00:30 UTC on 31 October 2027 is 02:30 in Berlin, the night summer time ends.
    expect(tasks[5]).toMatchObject({ dueDate: '2027-10-31', status: 'in_progress' });
    expect(tasks[6].status).toBe('completed');
    expect(tasks.filter((task) => task.deletedAt !== null).map((task) => task.title)).toEqual([
      'Archived card',
      'Idea from the archived list',
    ]);
  });

  it('imports 5,000 cards with a long history as a stream, every card once and only the comments kept', async () => {
    const cards = Array.from({ length: 5000 }, (_, n) => ({
      id: `card${n}`,
      name: `Card ${n}`,
      idList: 'list1',
      pos: n,
      closed: false,
      idLabels: [],
    }));
    const actions = Array.from({ length: 10_000 }, (_, n) => ({
      id: `action${n}`,
      type: n % 10 === 0 ? 'commentCard' : 'updateCard',
      date: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
      data: { text: `Comment ${n}`, card: { id: `card${n % 5000}` }, old: { desc: 'x'.repeat(200) } },
      memberCreator: { fullName: 'Someone', username: 'someone' },
    }));
    const board = { name: 'Big board', lists: [{ id: 'list1', name: 'Backlog', pos: 1 }], cards, actions };
    // The progress each batch reports, as GET /imports/{id} shows it while the job runs.
    const heartbeat = jest.spyOn(t.app.get(ImportsRepository), 'heartbeat');
    const job = await imported(owner, 'trello', JSON.stringify(board));
    // The lease's own heartbeat may repeat the latest progress on a slow machine: each step counts once.
    const reported = heartbeat.mock.calls
      .filter(([id]) => id === job.id)
      .map(([, , progress]) => JSON.stringify(progress))
      .filter((progress) => progress.includes('"writing"'))
      .filter((progress, index, all) => progress !== all[index - 1])
      .map((progress) => JSON.parse(progress) as object);
    heartbeat.mockRestore();
    expect(reported).toEqual([
      { stage: 'writing', tasks: 0, of: 5000 },
      ...Array.from({ length: 10 }, (_, n) => ({ stage: 'writing', tasks: (n + 1) * 500, of: 5000 })),
    ]);
    expect(job).toMatchObject({ status: 'done', counts: { tasks: 5000, comments: 1000, trashed: 0 } });
    const [{ count }] = await db.query<{ count: number }[]>(
      `SELECT count(DISTINCT title)::int AS count FROM tasks WHERE project_id = $1`,
      [job.projectId],
    );
    expect(count).toBe(5000);
  });

  it('imports a Todoist CSV: sections, indents, priorities, @labels, notes and dates in its time zone', async () => {
    const job = await imported(owner, 'todoist', readFileSync(join(FIXTURES, 'todoist-project.csv')));
    expect(job).toMatchObject({ status: 'done', counts: { tasks: 6, comments: 1, labels: 3 } });
    expect(job.problems.map((problem) => problem.item + ': ' + problem.message)).toEqual(
      expect.arrayContaining([
        'row 8: the date "every monday" is not a calendar date: kept in the description',
        expect.stringMatching(/^row 5: assigned to "Grace", who is not a member/),
      ]),
    );
    const document = await exported(owner, job.projectId!);
    expect(document.states.map((state) => state.name)).toEqual([
      'No section',
      'Planning',
      'Done things',
      'In progress',
      'Done',
    ]);
    const byTitle = new Map(document.tasks.map((task) => [task.title, task]));
    expect(byTitle.get('Plan the trip')).toMatchObject({
      priority: 3,
      dueDate: '2027-03-28',
      description: 'Dates first',
    });
    expect(
      byTitle
        .get('Plan the trip')!
        .labels.map((label) => label.name)
        .sort(),
    ).toEqual(['Family', 'travel']);
    expect(byTitle.get('Book flights')).toMatchObject({
      priority: 2,
      dueDate: '2027-03-28',
      parentId: byTitle.get('Plan the trip')!.id,
    });
    expect(byTitle.get('Pick seats')).toMatchObject({
      priority: 1,
      parentId: byTitle.get('Book flights')!.id,
    });
    expect(byTitle.get('Pick seats')!.comments[0].body).toBe('Grace wrote:\n\nWindow seats please');
    expect(byTitle.get('Water the plants')).toMatchObject({
      priority: 0,
      dueDate: null,
      description: 'Due: every monday',
    });
    expect(byTitle.get('Inbox zero')!.stateId).toBe(document.states[0].id);
    expect(byTitle.get('Renew passport ✈')!.stateId).toBe(document.states[2].id);
  });

  it('imports a CSV with a header row, reporting each bad row and value without stopping', async () => {
    const me = (await t.as(owner).get('/users/me').expect(200)).body as { username: string };
    const file = readFileSync(join(FIXTURES, 'tasks.csv'), 'utf8').replace('ASSIGNEE_ME', me.username);
    const job = await imported(owner, 'csv', file);
    expect(job).toMatchObject({ status: 'done', counts: { tasks: 3, labels: 3 } });
    expect(job.problems.map((problem) => `${problem.item}: ${problem.message}`)).toEqual([
      'row 3: due date "2027-02-30" is not a date (YYYY-MM-DD): left out',
      'row 4: no title: the row was skipped',
      'row 5: priority "not-a-number" is not a number: left out',
      'row 3: assigned to "someone@example.com", who is not a member of the new project: left unassigned',
    ]);
    const document = await exported(owner, job.projectId!);
    const byTitle = new Map(document.tasks.map((task) => [task.title, task]));
    expect(byTitle.get('Ship the release')).toMatchObject({
      description: 'Notes, with a comma',
      status: 'in_progress',
      priority: 3,
      dueDate: '2027-01-15',
      assigneeId: owner.id,
    });
    expect(
      byTitle
        .get('Ship the release')!
        .labels.map((label) => label.name)
        .sort(),
    ).toEqual(['release', 'urgent']);
    expect(byTitle.get('Fix the bug 🐛')).toMatchObject({ status: 'completed', priority: 0 });
    expect(byTitle.get('Fix the bug 🐛')!.labels.map((label) => label.name)).toEqual(['urgent']);
  });

  it('fails a malformed or wrong file as a job naming the problem, and leaves no project behind', async () => {
    const projects = await projectCount();
    for (const [source, file, message] of [
      ['taskforge', '{"format": "taskforge.project.v1", "tasks": [', /not valid JSON/],
      ['taskforge', '{"format": "something else", "tasks": []}', /not a Taskforge export/],
      ['trello', 'not json at all', /not valid JSON/],
      ['csv', 'name;description\n"unclosed', /not valid CSV|needs a title column/],
      ['csv', 'colour,size\nred,2\n', /needs a title column/],
      ['todoist', 'a,b\n1,2\n', /not a Todoist CSV/],
      ['csv', `title\n${'T\n'.repeat(100_001)}`, /more than 100,000 tasks/],
    ] as const) {
      const job = await imported(owner, source, file);
      expect({ source, status: job.status, projectId: job.projectId }).toEqual({
        source,
        status: 'failed',
        projectId: null,
      });
      expect(job.problems).toEqual([{ item: 'file', message: expect.stringMatching(message) }]);
    }
    expect(await projectCount()).toBe(projects);
  });

  it('refuses an unknown source, a missing file and a file over IMPORT_MAX_BYTES, and shows a job to its author only', async () => {
    const problems = (res: { body: { errors?: { field: string }[] } }) =>
      (res.body.errors ?? []).map((e) => e.field);
    expect(problems(await upload(owner, 'jira', 'x').expect(422))).toEqual(['source']);
    expect(problems(await t.as(owner).post('/imports').field('source', 'csv').expect(422))).toEqual(['file']);
    await upload(owner, 'csv', Buffer.alloc(MAX_BYTES + 1, 'a')).expect(413);
    const job = await imported(owner, 'csv', 'title\nMine\n');
    await t.as(member).get(`/imports/${job.id}`).expect(404);
    await t.as(outsider).get(`/imports/${randomUUID()}`).expect(404);
    await t.http.get(`/api/v1/imports/${job.id}`).expect(401);
  });

  it('runs a job again from its file when the instance running it died, throwing away what it had built', async () => {
    const storage = t.app.get(AttachmentStorage);
    const key = randomUUID();
    await storage.write(key, Readable.from([Buffer.from('title\nOne\nTwo\n')]));
    const importer = await createUser(t);
    // What a dead instance leaves: a job still running, its lease lapsed, and a half-built project nobody sees.
    const [{ id: halfBuilt }] = await db.query<{ id: string }[]>(
      `INSERT INTO projects (name) VALUES ('Half built') RETURNING id`,
    );
    const [{ id }] = await db.query<{ id: string }[]>(
      `INSERT INTO imports (user_id, source, filename, storage_key, size, status, project_id, attempts, leased_until)
       VALUES ($1, 'csv', 'tasks.csv', $2, 15, 'running', $3, 1, now() - interval '1 second') RETURNING id`,
      [importer.id, key, halfBuilt],
    );
    const job = await settled(importer, id);
    expect(job).toMatchObject({ status: 'done', counts: { tasks: 2 } });
    expect(job.projectId).not.toBe(halfBuilt);
    expect(await db.query(`SELECT id FROM projects WHERE id = $1`, [halfBuilt])).toEqual([]);
    const document = await exported(importer, job.projectId!);
    expect(document.tasks.map((task) => task.title).sort()).toEqual(['One', 'Two']);
  });
});

/** A project as a person sees it, without ids: references by name or title, tasks in their manual order. */
function normalized(document: ProjectDocument) {
  const stateNames = new Map(document.states.map((state) => [state.id, state.name]));
  const titles = new Map(document.tasks.map((task) => [task.id, task.title]));
  const fieldNames = new Map(document.fields.map((field) => [field.id, field]));
  const optionName = (id: unknown) =>
    document.fields.flatMap((field) => field.options).find((option) => option.id === id)?.name ?? id;
  return {
    description: document.project.description,
    states: document.states.map(({ name, category, color, position }) => ({
      name,
      category,
      color,
      position,
    })),
    fields: document.fields.map(({ name, type, position, options }) => ({
      name,
      type,
      position,
      options: options.map(({ name: optionName, color }) => ({ name: optionName, color })),
    })),
    labels: document.labels.map(({ name, color }) => ({ name, color })),
    tasks: [...document.tasks]
      .sort((a, b) => (a.position < b.position ? -1 : 1))
      .map((task) => ({
        title: task.title,
        description: task.description,
        state: stateNames.get(task.stateId),
        status: task.status,
        priority: task.priority,
        dueDate: task.dueDate,
        parent: task.parentId ? titles.get(task.parentId) : null,
        labels: task.labels.map((label) => label.name),
        fields: Object.fromEntries(
          Object.entries(task.fields).map(([id, value]) => [
            fieldNames.get(id)!.name,
            Array.isArray(value) ? value.map(optionName) : optionName(value),
          ]),
        ),
        recurrence: task.recurrence,
        reminders: task.reminders.map(({ before, time }) => ({ before, time })),
        deleted: task.deletedAt !== null,
        comments: task.comments.map((comment) => comment.body.replace(/^.* wrote:\n\n/, '')),
        relations: task.relations.map((relation) => ({
          kind: relation.kind,
          task: titles.get(relation.taskId),
        })),
      })),
  };
}
