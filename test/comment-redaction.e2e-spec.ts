import { eventually } from './support/eventually';
import { createTeam, TestProject } from './support/projects';
import type { TestUser } from './support/factories';
import { ScriptedServer } from './support/scripted-server';
import { createTask, TestTask } from './support/tasks';
import { startTestApp, TestApp } from './support/test-app';

/** Deleting a comment removes its text everywhere the service still serves it; a kept comment's text stays. */
describe('a deleted comment leaves no text behind', () => {
  let t: TestApp;
  let receiver: ScriptedServer;
  let owner: TestUser;
  let project: TestProject;
  let task: TestTask;
  let webhookId: string;

  beforeAll(async () => {
    receiver = await new ScriptedServer(() => ({ status: 200 })).start();
    t = await startTestApp({ WEBHOOK_ALLOW_HOSTS: '127.0.0.1' });
    ({ owner, project } = await createTeam(t));
    webhookId = (
      await t
        .as(owner)
        .post(`/projects/${project.id}/webhooks`)
        .send({
          url: `${receiver.url}/hook`,
          events: ['comment.created', 'comment.updated', 'comment.deleted'],
        })
        .expect(201)
    ).body.id;
    task = await createTask(t, project, owner, { title: 'Thread' });
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const comment = async (body: string) =>
    (await t.as(owner).post(`/tasks/${task.id}/comments`).send({ body }).expect(201)).body as {
      id: string;
      version: number;
    };
  const commentRecords = async () =>
    (
      (await t.as(owner).get(`/tasks/${task.id}/activity?limit=200`).expect(200)).body.items as {
        event: string;
        changes: Record<string, unknown>;
      }[]
    ).filter((record) => record.event.startsWith('comment.'));

  it('redacts the text in history, the change feed and stored webhook bodies, and keeps a kept comment', async () => {
    const kept = await comment('Kept words stay');
    const doomed = await comment('Secret first draft');
    await t.as(owner).patch(`/comments/${doomed.id}`).send({ body: 'Secret second draft' }).expect(200);
    await eventually('three comment deliveries', () => receiver.requests.length >= 3);
    await t.as(owner).delete(`/comments/${doomed.id}`).expect(204);
    await eventually('the deletion delivered', () =>
      receiver.requests.some((r) => r.body.includes('comment.deleted')),
    );

    const history = JSON.stringify(await commentRecords());
    expect(history).not.toContain('Secret');
    expect(history).toContain('Kept words stay');
    const records = await commentRecords();
    expect(
      records.filter((record) => JSON.stringify(record.changes.body) === '{"redacted":true}'),
    ).toHaveLength(2);

    const feed = await t.as(owner).get('/changes?since=0&limit=200').expect(200);
    expect(JSON.stringify(feed.body)).not.toContain('Secret');
    expect(JSON.stringify(feed.body)).toContain('Kept words stay');

    // A redelivery of the creation sends the redacted body, under the same delivery id.
    const deliveries = (
      await t.as(owner).get(`/projects/${project.id}/webhooks/${webhookId}/deliveries`).expect(200)
    ).body.items as { id: string; event: string }[];
    const sentBefore = receiver.requests.length;
    for (const delivery of deliveries.filter((d) => d.event !== 'comment.deleted')) {
      await t
        .as(owner)
        .post(`/projects/${project.id}/webhooks/${webhookId}/deliveries/${delivery.id}/redeliver`)
        .expect(202);
    }
    await eventually('the redeliveries', () => receiver.requests.length >= sentBefore + 3);
    const resent = receiver.requests.slice(sentBefore).map((r) => r.body);
    expect(resent.join()).not.toContain('Secret');
    const redacted = resent
      .map((body) => JSON.parse(body) as { data: { comment: { body: unknown } } })
      .filter((body) => JSON.stringify(body.data.comment.body) === '{"redacted":true}');
    expect(redacted).toHaveLength(2);
    expect(resent.filter((body) => body.includes('Kept words stay'))).toHaveLength(1);
    expect(kept.id).toBeDefined();
  });
});
