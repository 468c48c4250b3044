import { createHash } from 'node:crypto';
import type { Response as AgentResponse } from 'superagent';
import { DataSource } from 'typeorm';
import { AttachmentStore, diskStore, s3Store } from './support/attachment-stores';
import { eventually } from './support/eventually';
import { createUser, TestUser } from './support/factories';
import { createProject, createTeam, TestProject } from './support/projects';
import { createTask, shareTask, TestTask } from './support/tasks';
import { api, startTestApp, TestApp } from './support/test-app';
const MAX_BYTES = 64 * 1024;
const QUOTA_BYTES = 150_000;
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082',
  'hex',
);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A parser that keeps a download's body as the bytes it was, whatever its type. */
const asBytes = (res: AgentResponse, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe.each([
  ['on local disk', diskStore],
  ['in S3 (s3rver on loopback)', s3Store],
])('attachments %s', (_where, openStore: () => Promise<AttachmentStore>) => {
  let store: AttachmentStore;
  let t: TestApp;
  let owner: TestUser;
  let admin: TestUser;
  let member: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;
  let project: TestProject;
  let task: TestTask;

  const upload = (by: TestUser, taskId: string, bytes: Buffer, filename = 'file.bin', contentType?: string) =>
    t
      .as(by)
      .post(`/tasks/${taskId}/attachments`)
      .attach('file', bytes, { filename, contentType: contentType ?? 'application/octet-stream' });

  const download = (by: TestUser, id: string) =>
    t.as(by).get(`/attachments/${id}/content`).buffer(true).parse(asBytes);

  /** Stored keys match the attachment rows exactly, once the sweeper has done its part: nothing orphaned. */
  const storageMatchesRows = () =>
    eventually('storage to hold exactly the attachments', async () => {
      const rows = await t.app
        .get(DataSource)
        .query<{ storage_key: string }[]>(`SELECT storage_key FROM attachments ORDER BY storage_key`);
      const stored = (await store.keys()).sort();
      return JSON.stringify(stored) === JSON.stringify(rows.map((row) => row.storage_key));
    });

  beforeAll(async () => {
    store = await openStore();
    t = await startTestApp({
      ...store.env,
      ATTACHMENT_MAX_BYTES: String(MAX_BYTES),
      ATTACHMENT_PROJECT_QUOTA_BYTES: String(QUOTA_BYTES),
      ATTACHMENT_SWEEP_INTERVAL_MS: '200',
    });
    ({ project, owner, admin, member, viewer, outsider } = await createTeam(t));
    task = await createTask(t, project, member, { title: 'With files' });
  });
  afterAll(async () => {
    await t?.close();
    await store?.close();
  });

  it('stores an upload, types it from its bytes, and names it without any path', async () => {
    const before = await t.as(member).get(`/tasks/${task.id}`).expect(200);
    const res = await upload(member, task.id, PNG, '../../etc/diagram.png', 'text/html').expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      taskId: task.id,
      filename: 'diagram.png',
      contentType: 'image/png',
      size: PNG.length,
      sha256: sha256(PNG),
      createdById: member.id,
      createdAt: expect.any(String),
    });
    expect(res.headers.location).toBe(`/api/v1/attachments/${res.body.id}`);

    const listed = await t.as(viewer).get(`/tasks/${task.id}/attachments`).expect(200);
    expect(listed.body).toEqual({ items: [res.body], nextCursor: null });
    const read = await t.as(viewer).get(`/attachments/${res.body.id}`).expect(200);
    expect(read.body).toEqual(res.body);
    const after = await t
      .as(member)
      .get(`/tasks/${task.id}`)
      .set('If-None-Match', before.headers.etag)
      .expect(200);
    expect(after.body.attachmentCount).toBe(before.body.attachmentCount + 1);

    const history = await t.as(viewer).get(`/tasks/${task.id}/activity`).expect(200);
    expect(history.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          event: 'attachment.added',
          actorId: member.id,
          changes: {
            filename: { from: null, to: 'diagram.png' },
            contentType: { from: null, to: 'image/png' },
            size: { from: null, to: PNG.length },
          },
        }),
      ]),
    );
    await storageMatchesRows();
  });

  it('ignores the declared type: HTML sent as an image is stored and served as plain text', async () => {
    const page = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    const res = await upload(member, task.id, page, 'innocent.png', 'image/png').expect(201);
    expect(res.body.contentType).toBe('text/plain; charset=utf-8');
    const got = await download(viewer, res.body.id).expect(200);
    expect(got.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(got.headers['content-security-policy']).toContain('sandbox');
    expect(got.headers['content-disposition']).toBe('attachment; filename=innocent.png');
  });

  it('serves readers the bytes with validators, ranges and conditional answers', async () => {
    const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
    const { body: attachment } = await upload(member, task.id, bytes, 'naïve report.bin').expect(201);

    const full = await download(viewer, attachment.id).expect(200);
    expect(Buffer.compare(full.body as Buffer, bytes)).toBe(0);
    expect(full.headers).toMatchObject({
      'content-type': 'application/octet-stream',
      'content-length': '1000',
      'x-content-type-options': 'nosniff',
      'accept-ranges': 'bytes',
      etag: `"${attachment.sha256}"`,
      'content-disposition': `attachment; filename="na?ve report.bin"; filename*=UTF-8''na%C3%AFve%20report.bin`,
    });

    await download(viewer, attachment.id).set('If-None-Match', `"${attachment.sha256}"`).expect(304);
    const part = await download(viewer, attachment.id).set('Range', 'bytes=10-19').expect(206);
    expect(part.headers['content-range']).toBe('bytes 10-19/1000');
    expect(Buffer.compare(part.body as Buffer, bytes.subarray(10, 20))).toBe(0);
    const tail = await download(viewer, attachment.id).set('Range', 'bytes=-5').expect(206);
    expect(Buffer.compare(tail.body as Buffer, bytes.subarray(995))).toBe(0);
    const past = await download(viewer, attachment.id).set('Range', 'bytes=5000-').expect(416);
    expect(past.headers['content-range']).toBe('bytes */1000');
    // A range against a representation that has changed since gets the whole file.
    await download(viewer, attachment.id).set('Range', 'bytes=0-9').set('If-Range', '"stale"').expect(200);
    const head = await t.http
      .head(api(`/attachments/${attachment.id}/content`))
      .set('Authorization', viewer.bearer)
      .expect(200);
    expect(head.headers['content-length']).toBe('1000');
  });

  it('keeps files from anyone who cannot read the task, and uploads from readers who cannot write it', async () => {
    const { body: attachment } = await upload(member, task.id, Buffer.from('secret plans')).expect(201);
    await upload(viewer, task.id, Buffer.from('viewers only read')).expect(403);
    await upload(outsider, task.id, Buffer.from('let me in')).expect(404);
    await t.as(outsider).get(`/tasks/${task.id}/attachments`).expect(404);
    await t.as(outsider).get(`/attachments/${attachment.id}`).expect(404);
    await download(outsider, attachment.id).expect(404);
    await t.as(outsider).delete(`/attachments/${attachment.id}`).expect(404);

    const guest = await createUser(t);
    await shareTask(t, task, owner, guest, 'view');
    const got = await download(guest, attachment.id).expect(200);
    expect((got.body as Buffer).toString()).toBe('secret plans');
    await upload(guest, task.id, Buffer.from('viewers only read')).expect(403);

    const other = await createTask(t, project, owner);
    await upload(guest, other.id, Buffer.from('not shared with me')).expect(404);
    await t.as(owner).delete(`/tasks/${task.id}/shares/${guest.id}`).expect(204);
    await download(guest, attachment.id).expect(404);
    await storageMatchesRows();
  });

  it('refuses a file over the limit, whether the length says so up front or only the stream does', async () => {
    const fresh = await createTask(t, project, member);
    const justOver = Buffer.alloc(MAX_BYTES + 1, 7);
    const res = await upload(member, fresh.id, justOver).expect(413);
    expect(res.body.detail).toContain(String(MAX_BYTES));
    await upload(member, fresh.id, Buffer.alloc(MAX_BYTES * 4, 7)).expect(413);
    const exactly = await upload(member, fresh.id, Buffer.alloc(MAX_BYTES, 7)).expect(201);
    expect(exactly.body.size).toBe(MAX_BYTES);
    const listed = await t.as(member).get(`/tasks/${fresh.id}/attachments`).expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([exactly.body.id]);
    await storageMatchesRows();
  });

  it('refuses bodies that are not one file in a part named `file`', async () => {
    await t.as(member).post(`/tasks/${task.id}/attachments`).send({ file: 'aGVsbG8=' }).expect(415);
    const noFile = await t
      .as(member)
      .post(`/tasks/${task.id}/attachments`)
      .field('note', 'no file here')
      .expect(422);
    expect(noFile.body.errors).toEqual([{ field: 'file', message: expect.any(String) }]);
    await t
      .as(member)
      .post(`/tasks/${task.id}/attachments`)
      .attach('upload', Buffer.from('wrong part'), 'a.txt')
      .expect(422);
    await t
      .as(member)
      .post(`/tasks/${task.id}/attachments`)
      .attach('file', Buffer.from('one'), 'a.txt')
      .attach('file', Buffer.from('two'), 'b.txt')
      .expect(422);
    await t
      .as(member)
      .post(`/tasks/${task.id}/attachments`)
      .set('Content-Type', 'multipart/form-data; boundary=xyz')
      .send('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\ncut off')
      .expect(400);
    await storageMatchesRows();
  });

  it('holds each project to its quota, even when uploads race for the last of it', async () => {
    const [solo, racing] = [await createProject(t, owner), await createProject(t, owner)];
    const soloTask = await createTask(t, solo, owner);
    await upload(owner, soloTask.id, Buffer.alloc(60_000, 1)).expect(201);
    await upload(owner, soloTask.id, Buffer.alloc(60_000, 2)).expect(201);
    const full = await upload(owner, soloTask.id, Buffer.alloc(60_000, 3)).expect(413);
    expect(full.body.detail).toMatch(/quota/);
    // What is left still fits a small file.
    await upload(owner, soloTask.id, Buffer.alloc(20_000, 4)).expect(201);

    const racingTask = await createTask(t, racing, owner);
    await upload(owner, racingTask.id, Buffer.alloc(60_000, 1)).expect(201);
    const answers = await Promise.all([
      upload(owner, racingTask.id, Buffer.alloc(60_000, 2)),
      upload(owner, racingTask.id, Buffer.alloc(60_000, 3)),
    ]);
    expect(answers.map((res) => res.status).sort()).toEqual([201, 413]);
    await storageMatchesRows();
  });

  it('lets the uploader, owners and admins remove a file, and removes its bytes', async () => {
    const { body: mine } = await upload(member, task.id, Buffer.from('member file')).expect(201);
    const { body: theirs } = await upload(owner, task.id, Buffer.from('owner file')).expect(201);
    await t.as(member).delete(`/attachments/${theirs.id}`).expect(403);
    await t.as(viewer).delete(`/attachments/${mine.id}`).expect(403);
    await t.as(member).delete(`/attachments/${mine.id}`).expect(204);
    await t.as(admin).delete(`/attachments/${theirs.id}`).expect(204);
    await t.as(member).delete(`/attachments/${mine.id}`).expect(404);
    await download(member, mine.id).expect(404);
    const history = await t.as(viewer).get(`/tasks/${task.id}/activity`).expect(200);
    const removed = history.body.items.filter(
      (item: { event: string }) => item.event === 'attachment.removed',
    );
    expect(removed).toHaveLength(2);
    expect(removed[0].changes).toEqual({
      filename: { from: 'file.bin', to: null },
      contentType: { from: 'text/plain; charset=utf-8', to: null },
      size: { from: expect.any(Number), to: null },
    });
    await storageMatchesRows();
  });

  it('hides the files of a trashed task, and removes the bytes when its project is deleted', async () => {
    const doomed = await createProject(t, owner);
    const doomedTask = await createTask(t, doomed, owner);
    const { body: attachment } = await upload(owner, doomedTask.id, Buffer.from('soon gone')).expect(201);
    await t.as(owner).delete(`/tasks/${doomedTask.id}`).expect(204);
    await download(owner, attachment.id).expect(404);
    await t.as(owner).post(`/tasks/${doomedTask.id}/restore`).expect(200);
    await download(owner, attachment.id).expect(200);
    await t.as(owner).delete(`/projects/${doomed.id}`).expect(204);
    await storageMatchesRows();
  });
});
