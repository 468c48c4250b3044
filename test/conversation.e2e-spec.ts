import { readChanges } from './support/activity';
import { eventually } from './support/eventually';
import { createUser, TestUser } from './support/factories';
import { addMember, createTeam, TestProject } from './support/projects';
import { connectSocket, TestSocket } from './support/sockets';
import { ScriptedServer } from './support/scripted-server';
import { createTask, shareTask, TestTask } from './support/tasks';
import { startTestApp, TestApp } from './support/test-app';

interface Notification {
  id: string;
  kind: string;
  taskId: string;
  projectId: string;
  actorId: string | null;
  activityId: string;
  createdAt: string;
  readAt: string | null;
}

describe('conversation: comments, mentions and notifications', () => {
  let t: TestApp;
  let owner: TestUser;
  let admin: TestUser;
  let member: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;
  let project: TestProject;
  const sockets: TestSocket[] = [];

  const comment = (by: TestUser, taskId: string, body: string) =>
    t.as(by).post(`/tasks/${taskId}/comments`).send({ body });

  const notificationsOf = async (user: TestUser, query = ''): Promise<Notification[]> => {
    const res = await t.as(user).get(`/notifications${query}`).expect(200);
    return res.body.items;
  };

  const unreadCount = async (user: TestUser): Promise<number> => {
    const res = await t.as(user).get('/notifications/unread-count').expect(200);
    return res.body.count;
  };

  /** The notifications a user has about one task, as `kind` strings, oldest first. */
  const kindsAbout = async (user: TestUser, task: { id: string }) =>
    (await notificationsOf(user, '?limit=200'))
      .filter((n) => n.taskId === task.id)
      .map((n) => n.kind)
      .reverse();

  beforeAll(async () => {
    t = await startTestApp({ WEBHOOK_ALLOW_HOSTS: '127.0.0.1' });
    ({ project, owner, admin, member, viewer, outsider } = await createTeam(t));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await t.close();
  });

  describe('comments', () => {
    let task: TestTask;
    beforeAll(async () => {
      task = await createTask(t, project, member, { title: 'Discuss me' });
    });

    it('lets writers comment and readers read, oldest first, with Location and the full shape', async () => {
      const res = await comment(member, task.id, 'First thoughts').expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        taskId: task.id,
        authorId: member.id,
        body: 'First thoughts',
        mentions: [],
        createdAt: expect.any(String),
        updatedAt: res.body.createdAt,
        editedAt: null,
        version: 1,
      });
      expect(res.headers.location).toBe(`/api/v1/comments/${res.body.id}`);
      await comment(owner, task.id, 'Second').expect(201);
      await comment(viewer, task.id, 'Viewers only read').expect(403);

      const first = await t.as(viewer).get(`/tasks/${task.id}/comments?limit=1`).expect(200);
      expect(first.body.items.map((c: { body: string }) => c.body)).toEqual(['First thoughts']);
      const second = await t
        .as(viewer)
        .get(`/tasks/${task.id}/comments?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`)
        .expect(200);
      expect(second.body.items.map((c: { body: string }) => c.body)).toEqual(['Second']);
      const read = await t.as(viewer).get(`/comments/${res.body.id}`).expect(200);
      expect(read.body).toEqual(res.body);
    });

    it('answers 404 to anyone who cannot read the task, whatever the id', async () => {
      const own = await comment(member, task.id, 'Private to the project').expect(201);
      await comment(outsider, task.id, 'Let me in').expect(404);
      await t.as(outsider).get(`/tasks/${task.id}/comments`).expect(404);
      await t.as(outsider).get(`/comments/${own.body.id}`).expect(404);
      await t.as(outsider).patch(`/comments/${own.body.id}`).send({ body: 'Mine now' }).expect(404);
      await t.as(outsider).delete(`/comments/${own.body.id}`).expect(404);
      await t.as(member).get('/comments/00000000-0000-4000-8000-000000000000').expect(404);
      await t.as(member).get('/comments/not-a-uuid').expect(400);
    });

    it('refuses empty, oversized and non-string bodies, and unknown fields', async () => {
      for (const body of ['', '   ', 'x'.repeat(10_001), 42, null]) {
        const res = await t.as(member).post(`/tasks/${task.id}/comments`).send({ body }).expect(422);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('body');
      }
      await t
        .as(member)
        .post(`/tasks/${task.id}/comments`)
        .send({ body: 'ok', authorId: outsider.id })
        .expect(422);
      await comment(member, task.id, 'x'.repeat(10_000)).expect(201);
    });

    it('lets only the author edit, honours If-Match and version, and marks the edit', async () => {
      const created = (await comment(member, task.id, 'Draft').expect(201)).body;
      await t
        .as(owner)
        .patch(`/comments/${created.id}`)
        .send({ body: 'Owners do not rewrite others' })
        .expect(403);
      await t
        .as(member)
        .patch(`/comments/${created.id}`)
        .set('If-Match', '"7"')
        .send({ body: 'Stale' })
        .expect(412);
      const edited = await t
        .as(member)
        .patch(`/comments/${created.id}`)
        .set('If-Match', '"1"')
        .send({ body: 'Final' })
        .expect(200);
      expect(edited.body).toMatchObject({ body: 'Final', version: 2, editedAt: expect.any(String) });
      expect(edited.headers.etag).toBe('"2"');
      await t.as(member).patch(`/comments/${created.id}`).send({ body: 'Again', version: 1 }).expect(412);
      const unchanged = await t.as(member).get(`/comments/${created.id}`).expect(200);
      expect(unchanged.body).toMatchObject({ body: 'Final', version: 2 });
      // The same text again is no edit: no new version.
      const same = await t.as(member).patch(`/comments/${created.id}`).send({ body: 'Final' }).expect(200);
      expect(same.body.version).toBe(2);
    });

    it('lets the author, owners and admins delete, leaving a tombstone in its place', async () => {
      const thread = await createTask(t, project, owner, { title: 'Thread' });
      const byMember = (await comment(member, thread.id, 'Member says').expect(201)).body;
      const byOwner = (await comment(owner, thread.id, 'Owner says').expect(201)).body;
      const byAdmin = (await comment(admin, thread.id, 'Admin says').expect(201)).body;
      await t.as(member).delete(`/comments/${byOwner.id}`).expect(403);
      await t.as(viewer).delete(`/comments/${byMember.id}`).expect(403);
      await t.as(admin).delete(`/comments/${byMember.id}`).expect(204);
      await t.as(admin).delete(`/comments/${byAdmin.id}`).expect(204);
      await t.as(admin).delete(`/comments/${byAdmin.id}`).expect(404);
      await t.as(member).patch(`/comments/${byMember.id}`).send({ body: 'Resurrect' }).expect(404);

      const list = await t.as(viewer).get(`/tasks/${thread.id}/comments`).expect(200);
      expect(list.body.items).toEqual([
        { id: byMember.id, taskId: thread.id, createdAt: byMember.createdAt, deleted: true },
        byOwner,
        { id: byAdmin.id, taskId: thread.id, createdAt: byAdmin.createdAt, deleted: true },
      ]);
      const task = await t.as(viewer).get(`/tasks/${thread.id}`).expect(200);
      expect(task.body.commentCount).toBe(1);
    });

    it('counts comments on the task, and a new comment changes its ETag so a 304 never hides it', async () => {
      const counted = await createTask(t, project, owner);
      const before = await t.as(member).get(`/tasks/${counted.id}`).expect(200);
      expect(before.body.commentCount).toBe(0);
      await comment(member, counted.id, 'One').expect(201);
      const after = await t
        .as(member)
        .get(`/tasks/${counted.id}`)
        .set('If-None-Match', before.headers.etag)
        .expect(200);
      expect(after.body).toMatchObject({ commentCount: 1, version: before.body.version });
      expect(after.headers.etag).not.toBe(before.headers.etag);
      await t.as(member).get(`/tasks/${counted.id}`).set('If-None-Match', after.headers.etag).expect(304);
      // The count is not a version: a write conditional on the version still applies.
      await t
        .as(member)
        .patch(`/tasks/${counted.id}`)
        .set('If-Match', before.headers.etag)
        .send({ priority: 2 })
        .expect(200);
      const listed = await t.as(member).get(`/projects/${project.id}/tasks?limit=200`).expect(200);
      expect(listed.body.items.find((x: { id: string }) => x.id === counted.id).commentCount).toBe(1);
    });

    it('follows shares: view reads the thread, edit comments too, and neither reaches other tasks', async () => {
      const shared = await createTask(t, project, owner, { title: 'Shared thread' });
      const [reader, writer] = await Promise.all([createUser(t), createUser(t)]);
      await shareTask(t, shared, owner, reader, 'view');
      await shareTask(t, shared, owner, writer, 'edit');
      const posted = (await comment(owner, shared.id, 'For both of you').expect(201)).body;
      await t.as(reader).get(`/tasks/${shared.id}/comments`).expect(200);
      await t.as(reader).get(`/comments/${posted.id}`).expect(200);
      await comment(reader, shared.id, 'I only view').expect(403);
      await comment(writer, shared.id, 'I edit').expect(201);
      await t.as(writer).delete(`/comments/${posted.id}`).expect(403);
      await comment(writer, task.id, 'Not shared with me').expect(404);
    });

    it('hides the thread of a deleted task, and shows it again on restore', async () => {
      const doomed = await createTask(t, project, owner);
      const said = (await comment(owner, doomed.id, 'Before the end').expect(201)).body;
      await t.as(owner).delete(`/tasks/${doomed.id}`).expect(204);
      await t.as(owner).get(`/tasks/${doomed.id}/comments`).expect(404);
      await t.as(owner).get(`/comments/${said.id}`).expect(404);
      await comment(owner, doomed.id, 'Into the void').expect(404);
      await t.as(owner).post(`/tasks/${doomed.id}/restore`).expect(200);
      await t.as(owner).get(`/comments/${said.id}`).expect(200);
    });
  });

  describe('mentions and notifications', () => {
    it('mentions readers only: an outsider stays plain text, and nobody is told of their own words', async () => {
      const task = await createTask(t, project, owner, { title: 'Mentions' });
      const res = await comment(
        member,
        task.id,
        `Hey @${viewer.username}, @${outsider.username} and @${member.username}; mail ${viewer.username}@example.com`,
      ).expect(201);
      expect(res.body.mentions).toHaveLength(2);
      expect(res.body.mentions).toEqual(expect.arrayContaining([viewer.id, member.id]));
      expect(await kindsAbout(viewer, task)).toEqual(['mentioned']);
      expect(await kindsAbout(outsider, task)).toEqual([]);
      expect(await kindsAbout(member, task)).toEqual([]);
      // The creator hears of the comment; the owner is told "commented", once.
      expect(await kindsAbout(owner, task)).toEqual(['commented']);
      const [mention] = await notificationsOf(viewer);
      expect(mention).toEqual({
        id: expect.any(String),
        kind: 'mentioned',
        taskId: task.id,
        projectId: project.id,
        actorId: member.id,
        activityId: expect.any(String),
        createdAt: expect.any(String),
        readAt: null,
      });
    });

    it('matches usernames case-insensitively and takes a full stop after a name as punctuation', async () => {
      const task = await createTask(t, project, owner);
      const res = await comment(owner, task.id, `Thanks @${admin.username.toUpperCase()}.`).expect(201);
      expect(res.body.mentions).toEqual([admin.id]);
    });

    it('tells a newly mentioned reader on edit, and nobody twice', async () => {
      const task = await createTask(t, project, owner);
      const created = (await comment(member, task.id, `cc @${viewer.username}`).expect(201)).body;
      await t
        .as(member)
        .patch(`/comments/${created.id}`)
        .send({ body: `cc @${viewer.username} @${admin.username}` })
        .expect(200);
      await t
        .as(member)
        .patch(`/comments/${created.id}`)
        .send({ body: `cc @${admin.username} @${viewer.username} (again)` })
        .expect(200);
      expect(await kindsAbout(viewer, task)).toEqual(['mentioned']);
      expect(await kindsAbout(admin, task)).toEqual(['mentioned']);
    });

    it('gives one notification per record: a mentioned creator is told "mentioned", not also "commented"', async () => {
      const task = await createTask(t, project, owner, { assigneeId: member.id });
      await comment(admin, task.id, `@${owner.username} look`).expect(201);
      expect(await kindsAbout(owner, task)).toEqual(['mentioned']);
      // The assignee hears of it as a participant; the assignment itself was news too.
      expect(await kindsAbout(member, task)).toEqual(['assigned', 'commented']);
      expect(await kindsAbout(viewer, task)).toEqual([]);
    });

    it('tells an assignee and a share recipient, never about their own action', async () => {
      const selfAssigned = await createTask(t, project, member, { assigneeId: member.id });
      expect(await kindsAbout(member, selfAssigned)).toEqual([]);
      const task = await createTask(t, project, member);
      await t.as(member).patch(`/tasks/${task.id}`).send({ assigneeId: admin.id }).expect(200);
      expect(await kindsAbout(admin, task)).toEqual(['assigned']);

      const guest = await createUser(t);
      await shareTask(t, task, owner, guest, 'view');
      expect(await kindsAbout(guest, task)).toEqual(['shared']);
    });

    it('tells a reader mentioned in a task description, once, when the mention is new', async () => {
      const task = await createTask(t, project, owner, { description: `For @${viewer.username}` });
      expect(await kindsAbout(viewer, task)).toEqual(['mentioned']);
      await t
        .as(owner)
        .patch(`/tasks/${task.id}`)
        .send({ description: `For @${viewer.username} and @${member.username}` })
        .expect(200);
      expect(await kindsAbout(viewer, task)).toEqual(['mentioned']);
      expect(await kindsAbout(member, task)).toEqual(['mentioned']);
    });

    it('counts unread, marks read by id or all, and passes over ids that are not the caller’s', async () => {
      const reader = await createUser(t);
      await addMember(t, project, owner, reader, 'member');
      const tasks = await Promise.all([1, 2, 3].map(() => createTask(t, project, owner)));
      for (const task of tasks) await comment(owner, task.id, `@${reader.username} ping`).expect(201);
      expect(await unreadCount(reader)).toBe(3);
      const mine = await notificationsOf(reader);
      const [othersNotification] = await notificationsOf(viewer);
      await t
        .as(reader)
        .post('/notifications/read')
        .send({ ids: [mine[0].id, othersNotification.id] })
        .expect(204);
      expect(await unreadCount(reader)).toBe(2);
      expect((await notificationsOf(viewer)).find((n) => n.id === othersNotification.id)?.readAt).toBeNull();
      const unread = await notificationsOf(reader, '?unread=true');
      expect(unread.map((n) => n.id)).toEqual([mine[1].id, mine[2].id]);
      expect((await notificationsOf(reader))[0].readAt).toEqual(expect.any(String));

      await t.as(reader).post('/notifications/read').send({ all: true }).expect(204);
      expect(await unreadCount(reader)).toBe(0);
      for (const body of [{}, { ids: ['nope'] }, { all: false }, { ids: [], all: true }, { ids: [] }]) {
        await t.as(reader).post('/notifications/read').send(body).expect(422);
      }
      await t.as(reader).get('/notifications?unread=maybe').expect(400);
    });

    it('pages newest first with a cursor that only fits its own list', async () => {
      const reader = await createUser(t);
      await addMember(t, project, owner, reader, 'viewer');
      const task = await createTask(t, project, owner);
      for (const n of [1, 2, 3]) await comment(owner, task.id, `@${reader.username} ${n}`).expect(201);
      const first = await t.as(reader).get('/notifications?limit=2').expect(200);
      expect(first.body.items).toHaveLength(2);
      const rest = await t
        .as(reader)
        .get(`/notifications?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`)
        .expect(200);
      expect(rest.body.items).toHaveLength(1);
      expect(rest.body.nextCursor).toBeNull();
      const all = [...first.body.items, ...rest.body.items];
      expect(all.map((n: Notification) => n.createdAt)).toEqual(
        [...all.map((n: Notification) => n.createdAt)].sort().reverse(),
      );
      await t
        .as(viewer)
        .get(`/notifications?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`)
        .expect(400);
    });

    it('never shows a notification about a task the user can no longer read', async () => {
      const guest = await createUser(t);
      const task = await createTask(t, project, owner);
      await shareTask(t, task, owner, guest, 'edit');
      await comment(owner, task.id, `@${guest.username} over to you`).expect(201);
      expect(await kindsAbout(guest, task)).toEqual(['shared', 'mentioned']);
      expect(await unreadCount(guest)).toBe(2);
      await t.as(owner).delete(`/tasks/${task.id}/shares/${guest.id}`).expect(204);
      expect(await notificationsOf(guest)).toEqual([]);
      expect(await unreadCount(guest)).toBe(0);
      // Nor is anyone told about a task they cannot read any longer.
      await comment(owner, task.id, `@${guest.username} are you there?`).expect(201);
      expect(await notificationsOf(guest)).toEqual([]);

      const trashed = await createTask(t, project, owner);
      await comment(admin, trashed.id, `@${viewer.username} soon gone`).expect(201);
      expect(await kindsAbout(viewer, trashed)).toEqual(['mentioned']);
      await t.as(owner).delete(`/tasks/${trashed.id}`).expect(204);
      expect(await kindsAbout(viewer, trashed)).toEqual([]);
    });

    it('keeps quiet about a kind the user turned off, and reports the settings', async () => {
      const quiet = await createUser(t);
      await addMember(t, project, owner, quiet, 'member');
      const defaults = await t.as(quiet).get('/users/me/notification-settings').expect(200);
      expect(defaults.body).toEqual({
        mentioned: true,
        assigned: true,
        shared: true,
        unblocked: true,
        reminder: true,
        commented: true,
      });
      const updated = await t
        .as(quiet)
        .patch('/users/me/notification-settings')
        .send({ mentioned: false })
        .expect(200);
      expect(updated.body).toMatchObject({ mentioned: false, assigned: true });
      for (const body of [{ mentioned: 'no' }, { loud: true }]) {
        await t.as(quiet).patch('/users/me/notification-settings').send(body).expect(422);
      }
      const task = await createTask(t, project, owner, { assigneeId: quiet.id });
      await comment(owner, task.id, `@${quiet.username} hello`).expect(201);
      // Mentions are off, but comments on their own tasks are not: the comment still reaches them, as that.
      expect(await kindsAbout(quiet, task)).toEqual(['assigned', 'commented']);
      const other = await createTask(t, project, owner);
      await comment(owner, other.id, `@${quiet.username} hello`).expect(201);
      expect(await kindsAbout(quiet, other)).toEqual([]);
    });

    it('pushes notification.created to its user alone, and lists it in their change feed only', async () => {
      const listener = await createUser(t);
      await addMember(t, project, owner, listener, 'viewer');
      const listenerSocket = await connectSocket(t, { auth: { token: listener.accessToken } });
      const memberSocket = await connectSocket(t, { auth: { token: member.accessToken } });
      sockets.push(listenerSocket, memberSocket);
      expect(await memberSocket.emitWithAck('subscribe', { projectId: project.id })).toEqual({ ok: true });
      const since = (await readChanges(t, listener)).nextSince;
      const task = await createTask(t, project, owner);
      const said = (await comment(member, task.id, `@${listener.username} news`).expect(201)).body;

      const pushed = await listenerSocket.waitFor(
        'the notification',
        (e) => e.name === 'notification.created',
      );
      expect(pushed.payload).toMatchObject({
        event: 'notification.created',
        taskId: task.id,
        notification: { kind: 'mentioned', taskId: task.id, actorId: member.id },
      });
      await memberSocket.waitFor(
        'the comment',
        (e) => e.name === 'comment.created' && e.payload.taskId === task.id,
      );
      await eventually('the notification in the change feed', async () =>
        (await readChanges(t, listener, since)).items.some((item) => item.event === 'notification.created'),
      );
      const feed = (await readChanges(t, listener, since)).items.filter((i) => i.taskId === task.id);
      expect(feed.map((item) => item.event)).toEqual([
        'task.created',
        'comment.created',
        'notification.created',
      ]);
      const comments = (await readChanges(t, member, since)).items.filter((i) => i.taskId === task.id);
      expect(comments.map((item) => item.event)).not.toContain('notification.created');
      expect(
        memberSocket.events.filter((e) => e.name === 'notification.created' && e.payload.taskId === task.id),
      ).toEqual([]);
      const [notification] = await notificationsOf(listener);
      const history = await t.as(owner).get(`/tasks/${task.id}/activity`).expect(200);
      const cause = history.body.items.find((item: { event: string }) => item.event === 'comment.created');
      expect(notification.activityId).toBe(cause.id);
      expect(cause.changes.body.to).toBe(said.body);
      expect(history.body.items.map((item: { event: string }) => item.event)).not.toContain(
        'notification.created',
      );
    });

    it('sends comment events to webhooks and to readers of a shared task, never notification.created', async () => {
      const receiver = await new ScriptedServer(() => ({ status: 200 })).start();
      try {
        const refused = await t
          .as(owner)
          .post(`/projects/${project.id}/webhooks`)
          .send({ url: `${receiver.url}/hook`, events: ['notification.created'] })
          .expect(422);
        expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain('events');
        await t
          .as(owner)
          .post(`/projects/${project.id}/webhooks`)
          .send({ url: `${receiver.url}/hook`, events: ['*'] })
          .expect(201);
        const task = await createTask(t, project, owner);
        const guest = await createUser(t);
        await shareTask(t, task, owner, guest, 'view');
        const since = (await readChanges(t, guest)).nextSince;
        const said = (await comment(member, task.id, `@${guest.username} for you`).expect(201)).body;
        await t.as(member).delete(`/comments/${said.id}`).expect(204);

        await eventually('the comment events at the webhook', () =>
          ['comment.created', 'comment.deleted'].every((event) =>
            receiver.requests.some((request) => request.body.includes(`"event":"${event}"`)),
          ),
        );
        const events = receiver.requests.map(
          (request) => (JSON.parse(request.body) as { event: string }).event,
        );
        expect(events).not.toContain('notification.created');
        const created = receiver.requests
          .map((request) => JSON.parse(request.body) as { event: string; data: Record<string, unknown> })
          .find((delivery) => delivery.event === 'comment.created');
        expect(created?.data).toMatchObject({ taskId: task.id, comment: { id: said.id, body: said.body } });

        const guestFeed = (await readChanges(t, guest, since)).items.map((item) => item.event);
        expect(guestFeed).toEqual(['comment.created', 'notification.created', 'comment.deleted']);
        const outsiderFeed = (await readChanges(t, outsider, since)).items.filter(
          (i) => i.taskId === task.id,
        );
        expect(outsiderFeed).toEqual([]);
      } finally {
        await receiver.close();
      }
    });
  });
});
