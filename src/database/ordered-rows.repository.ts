import type { EntityManager } from 'typeorm';

/** Tables whose rows a person orders by hand within a project (columns of a board, fields of a form). */
export type OrderedTable = 'workflow_states' | 'custom_fields';

/**
 * Numbers the rows 0, 1, … in the order given, leaving `gapAt` free for a row about to be inserted there; a row
 * whose place changes moves to a new version. The table name comes from the caller's constants, never from a request.
 */
export async function renumberRows(
  manager: EntityManager,
  table: OrderedTable,
  ids: string[],
  gapAt = ids.length,
): Promise<void> {
  await manager.query(
    `UPDATE ${table} r SET position = p.position, version = r.version + 1, updated_at = now()
       FROM unnest($1::uuid[]) WITH ORDINALITY AS o (id, ordinal),
            LATERAL (SELECT CASE WHEN o.ordinal - 1 >= $2 THEN o.ordinal ELSE o.ordinal - 1 END AS position) AS p
      WHERE r.id = o.id AND r.position <> p.position`,
    [ids, gapAt],
  );
}

/** Where a new row asked for at `position` goes among `count` (at the end when not asked). */
export const insertionPoint = (count: number, position: number | undefined) =>
  Math.min(position ?? count, count);

/** The ids in their new order once `id` moves to `position` (clamped to the end). */
export function movedTo(ids: string[], id: string, position: number): string[] {
  const others = ids.filter((other) => other !== id);
  const at = Math.min(position, others.length);
  return [...others.slice(0, at), id, ...others.slice(at)];
}
