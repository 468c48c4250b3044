import ICAL from 'ical.js';
import { createUser, TestUser } from './support/factories';
import { createTeam, TestProject } from './support/projects';
import { createTask } from './support/tasks';
import { startTestApp, TestApp } from './support/test-app';

const api = (path: string) => `/api/v1${path}`;

interface FeedEvent {
  uid: string;
  summary: string;
  start: string;
  sequence: number;
  /** The first dates a calendar app shows for it. */
  dates: string[];
}

/** The feed as a calendar app reads it: parsed and expanded by ical.js. */
function readFeed(text: string): FeedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const dates: string[] = [];
    const iterator = event.iterator();
    for (let next = iterator.next(); next && dates.length < 6; next = iterator.next())
      dates.push(next.toString());
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      sequence: event.sequence,
      dates,
    };
  });
}

describe('calendar feed', () => {
  let t: TestApp;
  let owner: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let project: TestProject;

  const makeFeed = async (user: TestUser) => {
    const res = await t.http
      .post(api('/users/me/calendar-feed'))
      .set('Authorization', user.bearer)
      .expect(201);
    const url = new URL(res.body.url);
    expect(url.pathname).toMatch(/^\/api\/v1\/calendar\/tfc_[\w-]{43}\.ics$/);
    return { path: url.pathname, token: url.pathname.slice('/api/v1/calendar/'.length, -'.ics'.length) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    ({ project, owner, member, outsider } = await createTeam(t));
  });
  afterAll(() => t.close());

  it("serves the user's dated tasks as all-day events that expand to the dates the API lists", async () => {
    const recurring = await createTask(t, project, owner, {
      title: 'Pay rent; on time, please',
      dueDate: '2026-01-30',
      assigneeId: member.id,
      recurrence: { rule: 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=4' },
    });
    const plain = await createTask(t, project, owner, {
      title: 'Plain',
      dueDate: '2026-12-24',
      assigneeId: member.id,
    });
    const undated = await createTask(t, project, owner, { title: 'Undated', assigneeId: member.id });
    const unassigned = await createTask(t, project, owner, { title: 'Not mine', dueDate: '2026-12-25' });
    const trashed = await createTask(t, project, owner, {
      title: 'Trashed',
      dueDate: '2026-12-26',
      assigneeId: member.id,
    });
    await t.http
      .delete(api(`/tasks/${trashed.id}`))
      .set('Authorization', owner.bearer)
      .expect(204);
    const advanced = await t.http
      .patch(api(`/tasks/${recurring.id}`))
      .set('Authorization', member.bearer)
      .send({ completed: true })
      .expect(200);

    const { path } = await makeFeed(member);
    const res = await t.http.get(path).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const events = readFeed(res.text);
    expect(events.map((event) => event.uid).sort()).toEqual(
      [`${plain.id}@taskforge`, `${recurring.id}@taskforge`].sort(),
    );
    const rent = events.find((event) => event.uid === `${recurring.id}@taskforge`)!;
    expect(rent).toMatchObject({ summary: 'Pay rent; on time, please', start: '2026-02-27', sequence: 2 });
    // The current date, then exactly the next dates the API lists (COUNT counts what is left).
    expect(rent.dates).toEqual([advanced.body.dueDate, ...advanced.body.nextOccurrences]);
    expect(rent.dates).toEqual(['2026-02-27', '2026-03-27', '2026-04-24']);
    expect(events.find((event) => event.uid === `${plain.id}@taskforge`)).toMatchObject({
      start: '2026-12-24',
      dates: ['2026-12-24'],
      sequence: 1,
    });

    const all = readFeed((await t.http.get(path).query({ scope: 'all' }).expect(200)).text).map(
      (event) => event.uid,
    );
    expect(all).toContain(`${unassigned.id}@taskforge`);
    expect(all).not.toContain(`${undated.id}@taskforge`);
    expect(all).not.toContain(`${trashed.id}@taskforge`);
    await t.http.get(path).query({ scope: 'everything' }).expect(400);
  });

  it('revalidates with ETag, and changes when a task does', async () => {
    const task = await createTask(t, project, owner, {
      title: 'Cached',
      dueDate: '2027-02-01',
      assigneeId: owner.id,
    });
    const { path } = await makeFeed(owner);
    const first = await t.http.get(path).expect(200);
    await t.http.get(path).set('If-None-Match', first.headers.etag).expect(304);
    await t.http
      .patch(api(`/tasks/${task.id}`))
      .set('Authorization', owner.bearer)
      .send({ title: 'Renamed' })
      .expect(200);
    const second = await t.http.get(path).set('If-None-Match', first.headers.etag).expect(200);
    expect(readFeed(second.text).find((event) => event.uid === `${task.id}@taskforge`)).toMatchObject({
      summary: 'Renamed',
      sequence: 2,
    });
  });

  it('shows nothing the user cannot see', async () => {
    const theirs = await createTask(t, project, owner, { title: 'Project only', dueDate: '2027-03-01' });
    const { path } = await makeFeed(outsider);
    const events = readFeed((await t.http.get(path).query({ scope: 'all' }).expect(200)).text);
    expect(events.map((event) => event.uid)).not.toContain(`${theirs.id}@taskforge`);
  });

  it('ends a feed when it is rotated or deleted, and its token opens nothing else', async () => {
    const user = await createUser(t);
    const old = await makeFeed(user);
    const current = await makeFeed(user);
    await t.http.get(old.path).expect(404);
    await t.http.get(current.path).expect(200);
    await t.http.get(api('/users/me')).set('Authorization', `Bearer ${current.token}`).expect(401);
    await t.http.get(api('/users/me')).set('X-API-Key', current.token).expect(401);
    await t.http.get(api('/tasks')).set('Authorization', `Bearer ${current.token}`).expect(401);
    await t.http.delete(api('/users/me/calendar-feed')).set('Authorization', user.bearer).expect(204);
    await t.http.get(current.path).expect(404);
    await t.http.delete(api('/users/me/calendar-feed')).set('Authorization', user.bearer).expect(404);
    await t.http.get(api('/calendar/not-a-token.ics')).expect(404);
  });

  it('counts unknown tokens against the address like other bad credentials', async () => {
    const strict = await startTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS: '3' });
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        await strict.http.get(api(`/calendar/tfc_guess${attempt}.ics`)).expect(404);
      }
      const refused = await strict.http.get(api('/calendar/tfc_guess4.ics')).expect(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await strict.close();
    }
  });
});
