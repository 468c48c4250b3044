import type { DataSource } from 'typeorm';
import type { CursorCodec } from '../common/cursor';
import { Page, PageQuery, toPage } from '../common/page';

/** A table of things that hang off a task in the order they came (comments, attachments). */
export interface TaskThread {
  /** The cursor's context name, so one list's cursor never fits another. */
  list: string;
  /** `table alias`, e.g. `comments c`. */
  from: string;
  alias: string;
  columns: string;
}

/** The base of a repository whose rows hang off a task: it pages them oldest first, keyset by (created_at, id). */
export abstract class TaskThreadRepository<R extends { created_at: string; id: string }, T> {
  protected constructor(
    protected readonly dataSource: DataSource,
    protected readonly cursors: CursorCodec,
    private readonly thread: TaskThread,
    private readonly map: (row: R) => T,
  ) {}

  async list(taskId: string, query: PageQuery): Promise<Page<T>> {
    const context = { list: this.thread.list, taskId };
    const after = query.cursor ? this.cursors.decode(query.cursor, context, ['timestamptz', 'uuid']) : null;
    const x = this.thread.alias;
    const rows = await this.dataSource.query<R[]>(
      `SELECT ${this.thread.columns} FROM ${this.thread.from}
        WHERE ${x}.task_id = $1 AND ($2::timestamptz IS NULL OR (${x}.created_at, ${x}.id) > ($2::timestamptz, $3::uuid))
        ORDER BY ${x}.created_at, ${x}.id LIMIT $4`,
      [taskId, after?.[0] ?? null, after?.[1] ?? null, query.limit + 1],
    );
    return toPage(rows, query.limit, this.map, (row) =>
      this.cursors.encode([row.created_at, row.id], context),
    );
  }
}
