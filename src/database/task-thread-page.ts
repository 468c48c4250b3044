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

/** One page of a task's items, oldest first, keyset-paged by (created_at, id). */
export async function taskThreadPage<R extends { created_at: string; id: string }, T>(
  db: DataSource,
  cursors: CursorCodec,
  thread: TaskThread,
  taskId: string,
  query: PageQuery,
  map: (row: R) => T,
): Promise<Page<T>> {
  const context = { list: thread.list, taskId };
  const after = query.cursor ? cursors.decode(query.cursor, context, ['timestamptz', 'uuid']) : null;
  const x = thread.alias;
  const rows = await db.query<R[]>(
    `SELECT ${thread.columns} FROM ${thread.from}
      WHERE ${x}.task_id = $1 AND ($2::timestamptz IS NULL OR (${x}.created_at, ${x}.id) > ($2::timestamptz, $3::uuid))
      ORDER BY ${x}.created_at, ${x}.id LIMIT $4`,
    [taskId, after?.[0] ?? null, after?.[1] ?? null, query.limit + 1],
  );
  return toPage(rows, query.limit, map, (row) => cursors.encode([row.created_at, row.id], context));
}
