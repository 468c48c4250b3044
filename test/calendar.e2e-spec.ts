import ICAL from 'ical.js';
import { createUser, TestUser } from './support/factories';
import { createTeam, TestProject } from './support/projects';
import { createTask } from './support/tasks';
import { api, startTestApp, TestApp } from './support/test-app';

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
    const res = await t.as(user).post('/users/me/calendar-feed').expect(201);
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
    await t.as(owner).delete(`/tasks/${trashed.id}`).expect(204);
    const advanced = await t.as(member).patch(`/tasks/${recurring.id}`).send({ completed: true }).expect(200);

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
    await t.as(owner).patch(`/tasks/${task.id}`).send({ title: 'Renamed' }).expect(200);
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
    await t.as(user).delete('/users/me/calendar-feed').expect(204);
    await t.http.get(current.path).expect(404);
    await t.as(user).delete('/users/me/calendar-feed').expect(404);
    await t.http.get(api('/calendar/not-a-token.ics')).expect(404);
  });

  it("hands out its address from PUBLIC_URL, never from the request's Host", async () => {
    const res = await t
      .as(owner)
      .post('/users/me/calendar-feed')
      .set('Host', 'evil.example')
      .set('X-Forwarded-Host', 'evil.example')
      .expect(201);
    expect(res.body.url).toMatch(
      new RegExp(`^${t.url.replace('127.0.0.1', '(127\\.0\\.0\\.1|localhost)')}/api/v1/calendar/`),
    );
    const configured = await startTestApp({ PUBLIC_URL: 'https://tasks.example.com/' });
    try {
      const user = await createUser(configured);
      const feed = await configured
        .as(user)
        .post('/users/me/calendar-feed')
        .set('Host', 'evil.example')
        .expect(201);
      expect(feed.body.url).toMatch(/^https:\/\/tasks\.example\.com\/api\/v1\/calendar\/tfc_[\w-]{43}\.ics$/);
    } finally {
      await configured.close();
    }
  });

  // Tests from here on start apps of their own: closing a second app in a process ends the first one's database
  // connection, so nothing below uses `t`.
  it('limits unknown tokens per address on the feed route only: the user behind that address keeps the API', async () => {
    const strict = await startTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS: '3' });
    try {
      const user = await createUser(strict);
      const key = await strict.as(user).post('/auth/api-keys').send({ name: 'calendar sync' }).expect(201);
      const feed = await strict.as(user).post('/users/me/calendar-feed').expect(201);
      // A calendar app still polling the URL before a rotation.
      const stale = new URL(feed.body.url).pathname;
      await strict.as(user).post('/users/me/calendar-feed').expect(201);
      for (let attempt = 0; attempt < 3; attempt++) await strict.http.get(stale).expect(404);
      const refused = await strict.http.get(stale).expect(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      await strict.http.get(api('/calendar/tfc_guess.ics')).expect(429);
      await strict.as(user).get('/auth/me').expect(200);
      await strict.http.get(api('/auth/me')).set('X-API-Key', key.body.key).expect(200);
      const fresh = await strict.http
        .post(api('/auth/login'))
        .send({ email: user.email, password: user.password })
        .expect(200);
      await strict.http
        .get(api('/auth/me'))
        .set('Authorization', `Bearer ${fresh.body.accessToken}`)
        .expect(200);
    } finally {
      await strict.close();
    }
  });

  describe('bounds', () => {
    let bounded: TestApp;
    beforeAll(async () => {
      bounded = await startTestApp({
        PUBLIC_URL: 'https://tasks.example.com',
        CALENDAR_FEED_MAX_EVENTS: '5',
        CALENDAR_DESCRIPTION_MAX_CHARS: '100',
        CALENDAR_FEED_MAX_BYTES: '10000',
      });
    });
    afterAll(() => bounded.close());

    it('cuts long descriptions, links the task, and carries at most the configured events and bytes', async () => {
      const team = await createTeam(bounded);
      const path = async () =>
        new URL((await bounded.as(team.owner).post('/users/me/calendar-feed').expect(201)).body.url).pathname;
      const long = await createTask(bounded, team.project, team.owner, {
        title: 'Long',
        description: `${'é'.repeat(99)}€ and what follows is cut`,
        dueDate: '2026-01-01',
      });
      for (let day = 2; day <= 7; day++) {
        await createTask(bounded, team.project, team.owner, {
          title: `Day ${day}`,
          dueDate: `2026-01-0${day}`,
        });
      }
      const feedPath = await path();
      const text = (await bounded.http.get(feedPath).query({ scope: 'all' }).expect(200)).text;
      const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
      // Seven dated tasks, five events: the earliest.
      expect(events.map((event) => event.getFirstPropertyValue('summary'))).toEqual([
        'Long',
        'Day 2',
        'Day 3',
        'Day 4',
        'Day 5',
      ]);
      const link = `https://tasks.example.com/tasks/${long.id}`;
      expect(events[0].getFirstPropertyValue('description')).toBe(
        `${'é'.repeat(99)}€…\n\nContinued at ${link}`,
      );
      expect(events[0].getFirstPropertyValue('url')).toBe(link);
      // Every content line is folded to 75 octets without splitting a character.
      for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

      // Long titles make each event large: the byte bound leaves out whole events, and the feed stays valid.
      for (const event of events) {
        const id = String(event.getFirstPropertyValue('uid')).replace('@taskforge', '');
        await bounded
          .as(team.owner)
          .patch(`/tasks/${id}`)
          .send({ title: '𝄞'.repeat(500) })
          .expect(200);
      }
      const capped = (await bounded.http.get(feedPath).query({ scope: 'all' }).expect(200)).text;
      expect(Buffer.byteLength(capped)).toBeLessThanOrEqual(10000);
      const kept = new ICAL.Component(ICAL.parse(capped)).getAllSubcomponents('vevent');
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.length).toBeLessThan(5);
    });
  });
});
