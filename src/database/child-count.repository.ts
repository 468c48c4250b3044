import type { EntityManager } from 'typeorm';

/** A parent row and the rows that belong to it, as a limit on "how many per parent" names them. */
export interface ChildCount {
  parent: 'projects' | 'tasks';
  children: string;
  /** The children's column naming the parent. */
  key: string;
}

/**
 * Locks the parent row and counts its children, so two writers racing to add the last child a limit allows cannot
 * both pass it: the second waits for the first's commit, then counts again. Table names come from the caller's
 * constants, never from a request.
 */
export async function countUnderLock(
  manager: EntityManager,
  { parent, children, key }: ChildCount,
  parentId: string,
): Promise<number> {
  await manager.query(`SELECT 1 FROM ${parent} WHERE id = $1 FOR UPDATE`, [parentId]);
  const [{ count }] = await manager.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM ${children} WHERE ${key} = $1`,
    [parentId],
  );
  return count;
}
