import { HttpException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../../src/auth/principal';
import { scopesForRole } from '../../src/auth/scopes';
import { TasksModule } from '../../src/tasks/tasks.module';
import { TaskWriter, WriteOptions } from '../../src/tasks/write/task-writer';
import type { Outcome } from '../../src/tasks/write/batch-outcomes';
import { mediumFactories, MediumFactories, MediumModule, startMediumModule } from '../support/medium';

/**
 * The write pipeline without HTTP: access, then the rules, then the rows, then their records, each item of a batch
 * answered as its own request would be, and nothing of a failed item (or of a failed atomic batch) on disk.
 */
describe('TaskWriter on a real database', () => {
  let medium: MediumModule;
  let db: DataSource;
  let writer: TaskWriter;
  let rows: MediumFactories;

  beforeAll(async () => {
    medium = await startMediumModule({ imports: [TasksModule] });
    db = medium.db;
    writer = medium.module.get(TaskWriter, { strict: false });
    rows = mediumFactories(db);
  });
  afterAll(async () => {
    await medium?.close();
  });

  const principalOf = (userId: string): Principal => ({
    userId,
    role: 'user',
    scopes: new Set(scopesForRole('user')),
  });
  const options = (overrides: Partial<WriteOptions> = {}): WriteOptions => ({
    mode: 'merge',
    expected: new Map(),
    force: false,
    atomic: false,
    ...overrides,
  });
  const statusOf = (outcome: Outcome) => (outcome instanceof HttpException ? outcome.getStatus() : 200);
  const titles = (ids: string[]) =>
    db.query<{ id: string; title: string; version: number }[]>(
      `SELECT id, title, version FROM tasks WHERE id = ANY($1) ORDER BY title`,
      [ids],
    );
  const updateRecords = (ids: string[]) =>
    db.query<{ task_id: string }[]>(
      `SELECT task_id FROM activity WHERE event = 'task.updated' AND task_id = ANY($1)`,
      [ids],
    );

  async function board() {
    const [owner, viewer, outsider] = [await rows.newUser(), await rows.newUser(), await rows.newUser()];
    const projectId = await rows.newProject([
      [owner, 'owner'],
      [viewer, 'viewer'],
    ]);
    const elsewhere = await rows.newProject([[outsider, 'owner']]);
    const [first, second] = [await rows.newTask(projectId, owner), await rows.newTask(projectId, owner)];
    const foreign = await rows.newTask(elsewhere, outsider);
    return { owner, viewer, projectId, first, second, foreign };
  }

  it('writes each item it may and answers the others as their own requests would: stale 412, unseen 404', async () => {
    const { owner, first, second, foreign } = await board();
    const outcomes = await writer.update(
      principalOf(owner),
      [first, second, foreign],
      { title: 'Renamed' },
      options({ expected: new Map([[second, 7]]) }),
    );
    expect(outcomes.map(statusOf)).toEqual([200, 412, 404]);
    expect(await titles([first, second, foreign])).toEqual([
      { id: first, title: 'Renamed', version: 2 },
      { id: second, title: 'T', version: 1 },
      { id: foreign, title: 'T', version: 1 },
    ]);
    expect(await updateRecords([first, second, foreign])).toEqual([{ task_id: first }]);
  });

  it('writes nothing of an atomic batch with one failing item: the failure keeps its answer, the others 424', async () => {
    const { owner, first, second } = await board();
    const outcomes = await writer.update(
      principalOf(owner),
      [first, second],
      { title: 'Renamed' },
      options({ atomic: true, expected: new Map([[second, 7]]) }),
    );
    expect(outcomes.map(statusOf)).toEqual([424, 412]);
    expect((await titles([first, second])).map((row) => row.title)).toEqual(['T', 'T']);
    expect(await updateRecords([first, second])).toEqual([]);
  });

  it('lets a viewer read but not write: 403, and the row untouched', async () => {
    const { viewer, first } = await board();
    const [outcome] = await writer.update(principalOf(viewer), [first], { title: 'Mine' }, options());
    expect(statusOf(outcome)).toBe(403);
    expect((await titles([first]))[0].title).toBe('T');
  });

  it('creates a batch whole or not at all: one bad item names its index and stores none', async () => {
    const { owner, projectId } = await board();
    const count = async () =>
      Number((await db.query(`SELECT count(*) AS n FROM tasks WHERE project_id = $1`, [projectId]))[0].n);
    const before = await count();
    const failure = writer.create(principalOf(owner), projectId, [
      { title: 'Fine' },
      { title: 'Bad label', labelIds: ['6a1f0c1e-0000-4000-8000-000000000000'] },
    ]);
    await expect(failure).rejects.toMatchObject({ status: 422 });
    expect(await count()).toBe(before);
    const created = await writer.create(principalOf(owner), projectId, [{ title: 'One' }, { title: 'Two' }]);
    expect(created.map((task) => task.title)).toEqual(['One', 'Two']);
    expect(await count()).toBe(before + 2);
  });
});
