import { eventually } from './support/eventually';
import { createUser, TestUser } from './support/factories';
import { createTeam, TestProject } from './support/projects';
import { connectSocket, TestSocket } from './support/sockets';
import type { TestTask } from './support/tasks';
import { api, startTestApp, TestApp } from './support/test-app';
import { createTestDatabase } from './support/test-database';
const onRealServer = process.env.TEST_DATABASE_URL ? it : it.skip;
const POLL = { REMINDER_POLL_INTERVAL_MS: '100' };

/** Today in UTC plus `days`, as YYYY-MM-DD. */
const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('time: recurrence, reminders', () => {
  let t: TestApp;
  let owner: TestUser;
  let member: TestUser;
  let project: TestProject;
  const sockets: TestSocket[] = [];

  const patch = (by: TestUser, task: { id: string }, body: Record<string, unknown>) =>
    t.as(by).patch(`/tasks/${task.id}`).send(body);
  const create = (by: TestUser, body: Record<string, unknown>) =>
    t
      .as(by)
      .post(`/projects/${project.id}/tasks`)
      .send({ title: 'T', ...body });
  const fieldsOf = (res: { body: { errors?: { field: string }[] } }) => res.body.errors?.map((e) => e.field);
  const historyOf = async (task: { id: string }) =>
    (await t.as(owner).get(`/tasks/${task.id}/activity`).expect(200)).body.items as {
      event: string;
      changes: Record<string, { from: unknown; to: unknown }>;
    }[];
  const remindersOf = async (user: TestUser, task: { id: string }) =>
    (
      (await t.as(user).get('/notifications?limit=200').expect(200)).body.items as {
        kind: string;
        taskId: string;
      }[]
    ).filter((n) => n.kind === 'reminder' && n.taskId === task.id);

  beforeAll(async () => {
    t = await startTestApp(POLL);
    ({ project, owner, member } = await createTeam(t));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await t.close();
  });

  describe('recurrence', () => {
    it('refuses rules with no date in a century at once, alone or in bulk, and serves others meanwhile', async () => {
      const rules = [
        'FREQ=DAILY;BYSETPOS=2',
        'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
        'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
      ];
      const [health, ...answers] = await Promise.all([
        t.http.get('/health'),
        ...rules.map((rule) => create(member, { dueDate: '0001-01-01', recurrence: { rule } })),
      ]);
      expect(health.status).toBe(200);
      for (const res of answers) {
        expect(res.status).toBe(422);
        expect(fieldsOf(res)).toEqual(['recurrence.rule']);
      }
      const bulk = await t
        .as(member)
        .post(`/projects/${project.id}/tasks/bulk`)
        .send({ items: rules.map((rule) => ({ title: 'T', dueDate: '2026-01-01', recurrence: { rule } })) })
        .expect(422);
      expect(JSON.stringify(bulk.body)).toContain('recurrence.rule');
      // A rare rule that does recur is stored with its next dates, decades apart.
      const rare = await create(member, {
        dueDate: '2026-12-07',
        recurrence: { rule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO' },
      }).expect(201);
      expect(rare.body.nextOccurrences).toEqual(['2044-02-29', '2072-02-29', '2112-02-29']);
    });

    it('moves a completed "last Friday" task to its next date, records the occurrence, and lists the next five', async () => {
      const res = await create(member, {
        dueDate: '2026-01-30',
        recurrence: { rule: 'RRULE:FREQ=MONTHLY;BYDAY=-1FR' },
        assigneeId: member.id,
      }).expect(201);
      expect(res.body).toMatchObject({
        recurrence: { rule: 'FREQ=MONTHLY;BYDAY=-1FR', from: 'due' },
        nextOccurrences: ['2026-02-27', '2026-03-27', '2026-04-24', '2026-05-29', '2026-06-26'],
      });
      const done = await patch(member, res.body, { status: 'completed' }).expect(200);
      expect(done.body).toMatchObject({
        id: res.body.id,
        status: 'pending',
        completed: false,
        completedAt: null,
        dueDate: '2026-02-27',
        assigneeId: member.id,
        version: 2,
        nextOccurrences: ['2026-03-27', '2026-04-24', '2026-05-29', '2026-06-26', '2026-07-31'],
      });
      // One write, one version, one record: the occurrence completed and the new due date.
      const history = await historyOf(res.body);
      expect(history.map((item) => item.event)).toEqual(['task.recurred', 'task.created']);
      expect(history[0].changes).toEqual({
        completedOccurrence: { from: null, to: '2026-01-30' },
        dueDate: { from: '2026-01-30', to: '2026-02-27' },
      });
      // What else the same write changed is in that record too.
      await patch(member, done.body, { status: 'completed', title: 'Rent, paid' }).expect(200);
      const [latest] = await historyOf(res.body);
      expect(latest).toMatchObject({
        event: 'task.recurred',
        changes: {
          title: { from: 'T', to: 'Rent, paid' },
          completedOccurrence: { from: null, to: '2026-02-27' },
          dueDate: { from: '2026-02-27', to: '2026-03-27' },
        },
      });
    });

    it('repeats every 2 weeks on Monday and Wednesday', async () => {
      const res = await create(member, {
        dueDate: '2026-12-02',
        recurrence: { rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE' },
      }).expect(201);
      expect(res.body.nextOccurrences).toEqual([
        '2026-12-14',
        '2026-12-16',
        '2026-12-28',
        '2026-12-30',
        '2027-01-11',
      ]);
      const done = await t
        .as(member)
        .put(`/tasks/${res.body.id}`)
        .send({ title: 'T', dueDate: '2026-12-02', recurrence: res.body.recurrence, completed: true })
        .expect(200);
      expect(done.body.dueDate).toBe('2026-12-14');
    });

    it('counts from the completion day when asked to', async () => {
      const res = await create(member, {
        dueDate: '2026-01-01',
        timezone: 'UTC',
        recurrence: { rule: 'FREQ=DAILY;INTERVAL=3', from: 'completion' },
      }).expect(201);
      const done = await patch(member, res.body, { completed: true }).expect(200);
      expect(done.body.dueDate).toBe(dayFromToday(3));
    });

    it('completes for good once COUNT or UNTIL is used up', async () => {
      const counted = (
        await create(member, { dueDate: '2027-01-01', recurrence: { rule: 'FREQ=DAILY;COUNT=2' } }).expect(
          201,
        )
      ).body;
      expect(counted.nextOccurrences).toEqual(['2027-01-02']);
      expect((await patch(member, counted, { completed: true }).expect(200)).body).toMatchObject({
        dueDate: '2027-01-02',
        completed: false,
        nextOccurrences: [],
      });
      expect((await patch(member, counted, { completed: true }).expect(200)).body).toMatchObject({
        dueDate: '2027-01-02',
        completed: true,
      });

      const until = (
        await create(member, {
          dueDate: '2027-01-01',
          recurrence: { rule: 'FREQ=WEEKLY;UNTIL=20270110' },
        }).expect(201)
      ).body;
      expect((await patch(member, until, { completed: true }).expect(200)).body.dueDate).toBe('2027-01-08');
      expect((await patch(member, until, { completed: true }).expect(200)).body.completed).toBe(true);
      // Reopening and changing the rule starts its count again.
      const again = await patch(member, until, {
        completed: false,
        recurrence: { rule: 'FREQ=WEEKLY;COUNT=3' },
      }).expect(200);
      expect(again.body.nextOccurrences).toEqual(['2027-01-15', '2027-01-22']);
    });

    it('advances once when two completions of one occurrence race', async () => {
      const task = (
        await create(member, { dueDate: '2027-03-01', recurrence: { rule: 'FREQ=DAILY' } }).expect(201)
      ).body;
      const answers = await Promise.all([
        patch(member, task, { completed: true }),
        patch(owner, task, { status: 'completed' }),
      ]);
      expect(answers.map((res) => res.status)).toEqual([200, 200]);
      const after = await t.as(member).get(`/tasks/${task.id}`).expect(200);
      expect(after.body).toMatchObject({ dueDate: '2027-03-02', completed: false, version: 2 });
      expect((await historyOf(task)).filter((item) => item.event === 'task.recurred')).toHaveLength(1);
      // Completing the next occurrence, seen afresh, advances again.
      expect((await patch(member, task, { completed: true }).expect(200)).body.dueDate).toBe('2027-03-03');
    });

    it('refuses rules outside the subset, rules with no next date, and a recurring task without a due date', async () => {
      for (const rule of [
        'FREQ=HOURLY',
        'FREQ=DAILY;BYHOUR=9',
        'FREQ=WEEKLY;BYDAY=-1FR',
        'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
      ]) {
        const res = await create(member, { dueDate: '2027-01-01', recurrence: { rule } }).expect(422);
        expect(fieldsOf(res)).toEqual(['recurrence.rule']);
      }
      const res = await create(member, {
        dueDate: '2027-01-01',
        recurrence: { rule: 'FREQ=DAILY', from: 'later' },
      }).expect(422);
      expect(fieldsOf(res)).toEqual(['recurrence.from']);
      expect(fieldsOf(await create(member, { recurrence: { rule: 'FREQ=DAILY' } }).expect(422))).toEqual([
        'recurrence.rule',
      ]);
      expect(
        fieldsOf(
          await create(member, { dueDate: '2027-01-01', recurrence: { rule: 'FREQ=DAILY;COUNT=1' } }).expect(
            422,
          ),
        ),
      ).toEqual(['recurrence.rule']);
      expect(fieldsOf(await create(member, { timezone: 'Mars/Olympus' }).expect(422))).toEqual(['timezone']);

      const task = (
        await create(member, { dueDate: '2027-01-01', recurrence: { rule: 'FREQ=DAILY' } }).expect(201)
      ).body;
      expect(fieldsOf(await patch(member, task, { dueDate: null }).expect(422))).toEqual(['dueDate']);
      const cleared = await patch(member, task, { dueDate: null, recurrence: null }).expect(200);
      expect(cleared.body).toMatchObject({ dueDate: null, recurrence: null, nextOccurrences: [] });
    });

    it("dates a task in its creator's time zone unless told, and keeps the date filters on the current due date", async () => {
      const traveller = await createUser(t);
      await t.as(traveller).patch('/users/me').send({ timezone: 'Pacific/Auckland' }).expect(200);
      const own = await t.as(traveller).post('/tasks').send({ title: 'Mine' }).expect(201);
      expect(own.body.timezone).toBe('Pacific/Auckland');

      const overdue = (
        await create(owner, { dueDate: dayFromToday(-3), recurrence: { rule: 'FREQ=WEEKLY' } }).expect(201)
      ).body;
      const listed = async () =>
        (
          await t.as(owner).get(`/projects/${project.id}/tasks?due=overdue&limit=200`).expect(200)
        ).body.items.map((item: { id: string }) => item.id);
      expect(await listed()).toContain(overdue.id);
      await patch(owner, overdue, { completed: true }).expect(200);
      expect(await listed()).not.toContain(overdue.id);
    });
  });

  describe('reminders', () => {
    it('shows when each reminder falls, keeping its wall time across DST in Berlin and New York', async () => {
      const berlin = await create(member, {
        dueDate: '2026-03-22',
        timezone: 'Europe/Berlin',
        recurrence: { rule: 'FREQ=WEEKLY' },
        reminders: [{ before: 'P1D', time: '09:00' }, { at: '2027-01-01T10:00:00+01:00' }],
      }).expect(201);
      expect(berlin.body.reminders).toEqual([
        { before: 'P1D', time: '09:00', remindAt: '2026-03-21T08:00:00.000Z' },
        { at: '2027-01-01T09:00:00.000Z', remindAt: '2027-01-01T09:00:00.000Z' },
      ]);
      // Berlin changes to summer time on 2026-03-29; the reminder moves with the task and stays at 09:00.
      const moved = await patch(member, berlin.body, { completed: true }).expect(200);
      expect(moved.body.dueDate).toBe('2026-03-29');
      expect(moved.body.reminders[0].remindAt).toBe('2026-03-28T08:00:00.000Z');
      const later = await patch(member, moved.body, { completed: true }).expect(200);
      expect(later.body.reminders[0].remindAt).toBe('2026-04-04T07:00:00.000Z');

      const newYork = await create(member, {
        dueDate: '2026-10-31',
        timezone: 'America/New_York',
        reminders: [{ before: 'PT1H', time: '09:00' }],
      }).expect(201);
      expect(newYork.body.reminders[0].remindAt).toBe('2026-10-31T12:00:00.000Z');
      const afterChange = await patch(member, newYork.body, { dueDate: '2026-11-02' }).expect(200);
      expect(afterChange.body.reminders[0].remindAt).toBe('2026-11-02T13:00:00.000Z');
    });

    it('refuses more than five, half-made ones, and relative ones without a due date', async () => {
      const six = Array.from({ length: 6 }, () => ({ before: 'P1D' }));
      expect(fieldsOf(await create(member, { dueDate: '2027-01-01', reminders: six }).expect(422))).toEqual([
        'reminders',
      ]);
      for (const reminder of [
        {},
        { at: '2027-01-01T10:00:00Z', before: 'P1D' },
        { before: '1 day' },
        { before: '-P1D' },
      ]) {
        const res = await create(member, { dueDate: '2027-01-01', reminders: [reminder] }).expect(422);
        expect(fieldsOf(res)?.every((field) => field.startsWith('reminders.0.'))).toBe(true);
      }
      for (const reminder of [
        { at: '2027-01-01' },
        { at: '2027-01-01T10:00:00' },
        { before: 'P1D', time: '25:00' },
      ]) {
        await create(member, { dueDate: '2027-01-01', reminders: [reminder] }).expect(422);
      }
      expect(fieldsOf(await create(member, { reminders: [{ before: 'P1D' }] }).expect(422))).toEqual([
        'reminders',
      ]);
    });

    it('fires once to the assignee (else the creator): a notification on their socket and task.reminder for webhooks', async () => {
      const socket = await connectSocket(t, { auth: { token: member.accessToken } });
      sockets.push(socket);
      const soon = new Date(Date.now() + 3000).toISOString();
      const assigned = (await create(owner, { assigneeId: member.id, reminders: [{ at: soon }] }).expect(201))
        .body;
      const unassigned = (await create(owner, { reminders: [{ at: soon }] }).expect(201)).body;

      const pushed = await socket.waitFor(
        'the reminder',
        (e) =>
          e.name === 'notification.created' &&
          e.payload.taskId === assigned.id &&
          (e.payload.notification as { kind: string }).kind === 'reminder',
      );
      expect(pushed.payload).toMatchObject({ notification: { kind: 'reminder', actorId: null } });
      await eventually(
        'the creator’s reminder',
        async () => (await remindersOf(owner, unassigned)).length === 1,
      );
      // Several polls later, still once each.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await remindersOf(member, assigned)).toHaveLength(1);
      expect(await remindersOf(owner, unassigned)).toHaveLength(1);
      expect(await remindersOf(owner, assigned)).toHaveLength(0);
      const fired = (await historyOf(assigned)).filter((item) => item.event === 'task.reminder');
      expect(fired).toEqual([expect.objectContaining({ changes: { remindAt: { from: null, to: soon } } })]);
    });

    it('never fires for a deleted, completed or no longer visible task', async () => {
      // The people first: making accounts hashes passwords, the slow part of this setup.
      const leaver = await createUser(t);
      const { project: other, owner: otherOwner } = await createTeam(t);
      await t
        .as(otherOwner)
        .post(`/projects/${other.id}/members`)
        .send({ userId: leaver.id, role: 'member' })
        .expect(201);
      // Far enough ahead that the writes below are done before it falls, even on a loaded machine.
      const soon = new Date(Date.now() + 5000).toISOString();
      const deleted = (await create(owner, { assigneeId: member.id, reminders: [{ at: soon }] }).expect(201))
        .body;
      const completed = (
        await create(owner, { assigneeId: member.id, reminders: [{ at: soon }] }).expect(201)
      ).body;
      // The control: due at the same instant, on a task that stays open and readable, it does fire.
      const control = (await create(owner, { assigneeId: member.id, reminders: [{ at: soon }] }).expect(201))
        .body;
      await t.as(owner).delete(`/tasks/${deleted.id}`).expect(204);
      await patch(owner, completed, { completed: true }).expect(200);
      // A reminder for the creator who has since left the project does not fire either.
      const left = (
        await t
          .as(leaver)
          .post(`/projects/${other.id}/tasks`)
          .send({ title: 'Mine', reminders: [{ at: soon }] })
          .expect(201)
      ).body;
      await t.as(otherOwner).delete(`/projects/${other.id}/members/${leaver.id}`).expect(204);
      expect(Date.now()).toBeLessThan(Date.parse(soon));
      // The poll that fires the control has taken the others too (they fall at the same instant); one more poll
      // passes before they are looked at, so a late one would be seen.
      await eventually('the control reminder', async () => (await remindersOf(member, control)).length === 1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await remindersOf(member, deleted)).toEqual([]);
      expect(await remindersOf(member, completed)).toEqual([]);
      expect(await remindersOf(leaver, left)).toEqual([]);
      expect((await historyOf(completed)).map((item) => item.event)).not.toContain('task.reminder');
    });

    it('fires after a restart the reminders that fell due while the service was down', async () => {
      const database = await createTestDatabase();
      const first = await startTestApp({ REMINDER_POLL_INTERVAL_MS: '60000' }, database);
      let second: TestApp | undefined;
      try {
        const user = await createUser(first);
        const made = await first
          .as(user)
          .post('/tasks')
          .send({ title: 'Due while down', reminders: [{ at: new Date(Date.now() + 1500).toISOString() }] })
          .expect(201);
        await first.close();
        // Down past the reminder's time.
        await new Promise((resolve) => setTimeout(resolve, 1800));
        second = await startTestApp(POLL, database);
        const fresh = await second.http
          .post('/api/v1/auth/login')
          .send({ email: user.email, password: user.password })
          .expect(200);
        await eventually('the late reminder', async () => {
          const res = await second!.http
            .get(api('/notifications'))
            .set('Authorization', `Bearer ${fresh.body.accessToken}`)
            .expect(200);
          return res.body.items.some(
            (n: { kind: string; taskId: string }) => n.kind === 'reminder' && n.taskId === made.body.id,
          );
        });
      } finally {
        await second?.close();
        await database.drop();
      }
    });

    onRealServer('fires each reminder exactly once across two instances', async () => {
      const database = await createTestDatabase();
      const a = await startTestApp(POLL, database);
      const b = await startTestApp(POLL, database);
      try {
        const user = await createUser(a);
        const at = new Date(Date.now() + 5000).toISOString();
        const tasks: TestTask[] = [];
        for (let i = 0; i < 20; i++) {
          tasks.push(
            (
              await a
                .as(user)
                .post('/tasks')
                .send({ title: `R${i}`, reminders: [{ at }, { at }] })
                .expect(201)
            ).body,
          );
        }
        const count = async () =>
          (await a.as(user).get('/notifications/unread-count').expect(200)).body.count as number;
        await eventually('every reminder to fire', async () => (await count()) >= 20);
        await new Promise((resolve) => setTimeout(resolve, 500));
        // Two reminders of one task fire as two records, but a user hears once per record: 40 records, 40 notices.
        expect(await count()).toBe(40);
      } finally {
        await a.app.close();
        await b.app.close();
        await database.drop();
      }
    });
  });
});
