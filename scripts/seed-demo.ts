/**
 * Fills a running Taskforge with demo data through its own API: three users (passwords printed), two projects
 * with members, and a few hundred tasks. Run `npm start` first, then `npm run seed:demo` (BASE_URL to point
 * elsewhere). Running it again reuses the same accounts.
 */
const baseUrl = (process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const PASSWORD = 'demo-password-123';

interface Session {
  id: string;
  email: string;
  token: string;
}

async function call<T>(
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function signIn(username: string, displayName: string): Promise<Session> {
  const email = `${username}@demo.taskforge.local`;
  type Auth = { user: { id: string }; accessToken: string };
  let res = await call<Auth>('POST', '/auth/register', undefined, {
    email,
    password: PASSWORD,
    username,
    displayName,
  });
  if (res.status === 409)
    res = await call<Auth>('POST', '/auth/login', undefined, { email, password: PASSWORD });
  if (res.status >= 300)
    throw new Error(`Could not sign in ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.user.id, email, token: res.body.accessToken };
}

const VERBS = ['Draft', 'Review', 'Ship', 'Fix', 'Plan', 'Test', 'Document', 'Refactor', 'Design', 'Measure'];
const THINGS = [
  'landing page',
  'billing flow',
  'API docs',
  'search',
  'onboarding',
  'mobile menu',
  'release notes',
  'dashboard',
];
const STATUSES = ['pending', 'pending', 'in_progress', 'completed'];

function dateIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function main(): Promise<void> {
  const health = await fetch(`${baseUrl}/health`).catch(() => undefined);
  if (!health?.ok) throw new Error(`No Taskforge answers at ${baseUrl}; start it with npm start first`);

  const [ada, grace, linus] = await Promise.all([
    signIn('ada', 'Ada Lovelace'),
    signIn('grace', 'Grace Hopper'),
    signIn('linus', 'Linus Torvalds'),
  ]);
  const projects: { id: string }[] = [];
  for (const name of ['Website relaunch', 'Mobile app']) {
    const project = await call<{ id: string }>('POST', '/projects', ada.token, {
      name,
      description: `Demo project: ${name}`,
    });
    projects.push(project.body);
    await call('POST', `/projects/${project.body.id}/members`, ada.token, {
      userId: grace.id,
      role: 'admin',
    });
    await call('POST', `/projects/${project.body.id}/members`, ada.token, {
      userId: linus.id,
      role: 'member',
    });
  }
  const labelIds = await seedLabels(projects, ada);
  const people = [ada.id, grace.id, linus.id, null];
  let created = 0;
  const firstTasks: string[] = [];
  for (let index = 0; index < 300; index += 1) {
    const project = projects[index % projects.length];
    const res = await call('POST', `/projects/${project.id}/tasks`, ada.token, {
      title: `${VERBS[index % VERBS.length]} the ${THINGS[index % THINGS.length]} #${index + 1}`,
      description: index % 3 === 0 ? 'Seeded by npm run seed:demo' : undefined,
      status: STATUSES[index % STATUSES.length],
      priority: index % 5,
      dueDate: index % 4 === 0 ? null : dateIn((index % 21) - 7),
      assigneeId: people[index % people.length],
      labelIds: index % 2 === 0 ? [labelIds[project.id][index % 3]] : [],
    });
    if (res.status === 201) created += 1;
    if (res.status === 201 && firstTasks.length < 5) firstTasks.push((res.body as { id: string }).id);
  }
  const conversations = await seedConversation(firstTasks, ada, grace, linus);
  const feedUrl = await seedTime(projects[0].id, ada, grace);
  await seedSubtasks(projects[1].id, ada);
  process.stdout.write(
    [
      `Seeded ${baseUrl}: 2 projects, ${created} tasks, ${conversations} comments and an attachment.`,
      `Sign in (password for all three: ${PASSWORD}):`,
      ...[ada, grace, linus].map((user) => `  ${user.email}`),
      `Try: curl -s ${baseUrl}/api/v1/tasks?due=overdue -H "authorization: Bearer <accessToken from /auth/login>"`,
      `Grace's calendar (subscribe in any calendar app): ${feedUrl}`,
      '',
    ].join('\n'),
  );
}

/** A launch checklist: one task with subtasks, one of them with its own, one blocking another, reordered. */
async function seedSubtasks(projectId: string, ada: Session): Promise<void> {
  const create = async (title: string, parentId?: string) =>
    (await call<{ id: string }>('POST', `/projects/${projectId}/tasks`, ada.token, { title, parentId })).body
      .id;
  const launch = await create('Launch the app');
  const submit = await create('Submit to the stores', launch);
  const beta = await create('Run the beta', launch);
  await create('Invite 50 testers', beta);
  // The beta must end before the submission: "Submit to the stores" shows as blocked until it is done.
  await call('POST', `/tasks/${beta}/relations`, ada.token, { type: 'blocks', taskId: submit });
  // Created in the wrong order: the beta goes first in the manual order (sort=position).
  await call('POST', `/tasks/${beta}/move`, ada.token, { before: submit });
}

/** Three labels per project, by project id. */
async function seedLabels(projects: { id: string }[], ada: Session): Promise<Record<string, string[]>> {
  const byProject: Record<string, string[]> = {};
  for (const project of projects) {
    const existing = await call<{ items: { id: string; name: string }[] }>(
      'GET',
      `/projects/${project.id}/labels`,
      ada.token,
    );
    const ids: string[] = [];
    for (const [name, color] of [
      ['bug', '#d73a4a'],
      ['feature', '#0e8a16'],
      ['docs', '#0075ca'],
    ]) {
      const found = existing.body.items.find((label) => label.name === name);
      ids.push(
        found?.id ??
          (await call<{ id: string }>('POST', `/projects/${project.id}/labels`, ada.token, { name, color }))
            .body.id,
      );
    }
    byProject[project.id] = ids;
  }
  return byProject;
}

/** Recurring tasks with reminders, and a calendar feed for grace, who is assigned to them. */
async function seedTime(projectId: string, ada: Session, grace: Session): Promise<string> {
  const recurring = [
    { title: 'Pay the hosting bill', rule: 'FREQ=MONTHLY;BYDAY=-1FR', dueDate: dateIn(3) },
    { title: 'Team retro', rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE', dueDate: dateIn(1) },
    {
      title: 'Water the office plants',
      rule: 'FREQ=DAILY;INTERVAL=3',
      dueDate: dateIn(0),
      from: 'completion',
    },
  ];
  for (const task of recurring) {
    await call('POST', `/projects/${projectId}/tasks`, ada.token, {
      title: task.title,
      dueDate: task.dueDate,
      assigneeId: grace.id,
      timezone: 'Europe/Berlin',
      recurrence: { rule: task.rule, from: task.from ?? 'due' },
      reminders: [{ before: 'P1D', time: '09:00' }],
    });
  }
  const feed = await call<{ url: string }>('POST', '/users/me/calendar-feed', grace.token);
  return feed.body.url;
}

/** A short thread on each task with mentions (so grace and linus have notifications), and a file on the first. */
async function seedConversation(
  taskIds: string[],
  ada: Session,
  grace: Session,
  linus: Session,
): Promise<number> {
  let comments = 0;
  for (const taskId of taskIds) {
    const thread: [Session, string][] = [
      [ada, '@grace could you look at this before Friday?'],
      [grace, 'On it. @linus, can you pair with me on the tricky part?'],
      [linus, 'Sure, after lunch.'],
    ];
    for (const [author, body] of thread) {
      const res = await call('POST', `/tasks/${taskId}/comments`, author.token, { body });
      if (res.status === 201) comments += 1;
    }
  }
  const form = new FormData();
  form.append('file', new Blob(['# Notes\n\nSeeded by npm run seed:demo.\n']), 'notes.md');
  const upload = await fetch(`${baseUrl}/api/v1/tasks/${taskIds[0]}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ada.token}` },
    body: form,
  });
  if (upload.status !== 201)
    throw new Error(`Could not attach a file: ${upload.status} ${await upload.text()}`);
  return comments;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
