import { DataSource } from 'typeorm';
import type { ActivityEntry } from '../../src/events/activity-log.repository';
import { ActivityRecorder } from '../../src/events/activity-recorder';
import { NotificationsModule } from '../../src/notifications/notifications.module';
import { mediumFactories, MediumFactories, MediumModule, startMediumModule } from '../support/medium';

/**
 * The one recorder, with the notifications module registered as it is in the app: whatever a service records, the
 * people it concerns are told in the same transaction, with no step of the service's own.
 */
describe('ActivityRecorder and notification recipients on a real database', () => {
  let medium: MediumModule;
  let db: DataSource;
  let recorder: ActivityRecorder;
  let rows: MediumFactories;

  beforeAll(async () => {
    medium = await startMediumModule({ imports: [NotificationsModule] });
    db = medium.db;
    recorder = medium.module.get(ActivityRecorder);
    rows = mediumFactories(db);
  });
  afterAll(async () => {
    await medium?.close();
  });

  const record = (entries: ActivityEntry[]) => db.transaction((manager) => recorder.record(manager, entries));
  const notificationsOf = (userId: string) =>
    db.query<{ kind: string; task_id: string; activity_id: string }[]>(
      `SELECT kind, task_id, activity_id FROM notifications WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
  const recordsNaming = (activityId: string) =>
    db.query<{ event: string; user_id: string }[]>(
      `SELECT event, user_id FROM activity WHERE changes -> 'activityId' ->> 'to' = $1`,
      [activityId],
    );

  async function team() {
    const [actor, assignee, outsider] = [await rows.newUser(), await rows.newUser(), await rows.newUser()];
    const projectId = await rows.newProject([
      [actor, 'owner'],
      [assignee, 'member'],
    ]);
    const taskId = await rows.newTask(projectId, actor);
    return { actor, assignee, outsider, projectId, taskId };
  }

  it('tells the assignee of an assignment, in the transaction that records it, announced by its own record', async () => {
    const { actor, assignee, projectId, taskId } = await team();
    const id = '7d8e4c1a-0000-4000-8000-000000000001';
    await record([
      { id, event: 'task.assigned', projectId, taskId, userId: assignee, actorId: actor, changes: {} },
    ]);
    expect(await notificationsOf(assignee)).toEqual([{ kind: 'assigned', task_id: taskId, activity_id: id }]);
    expect(await recordsNaming(id)).toEqual([{ event: 'notification.created', user_id: assignee }]);
  });

  it('tells nobody of their own action, nobody who cannot read the task, and nothing of a record that concerns no one', async () => {
    const { actor, outsider, projectId, taskId } = await team();
    await record([
      { event: 'task.assigned', projectId, taskId, userId: actor, actorId: actor, changes: {} },
      { event: 'task.assigned', projectId, taskId, userId: outsider, actorId: actor, changes: {} },
      { event: 'task.deleted', projectId, taskId, actorId: actor, changes: {} },
    ]);
    expect(await notificationsOf(actor)).toEqual([]);
    expect(await notificationsOf(outsider)).toEqual([]);
  });

  it('writes nothing at all when the transaction rolls back', async () => {
    const { actor, assignee, projectId, taskId } = await team();
    await expect(
      db.transaction(async (manager) => {
        await recorder.record(manager, [
          { event: 'task.assigned', projectId, taskId, userId: assignee, actorId: actor, changes: {} },
        ]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await notificationsOf(assignee)).toEqual([]);
  });
});
