import type { DataSource, EntityManager } from 'typeorm';

/**
 * TypeORM's query() answers an UPDATE or DELETE with `[rows, affectedCount]` but a SELECT or INSERT with the rows;
 * this always gives the rows, so `RETURNING` reads the same whatever the statement.
 */
export async function queryRows<T>(
  db: DataSource | EntityManager,
  sql: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  const result = (await db.query(sql, parameters)) as unknown;
  return /^\s*(UPDATE|DELETE)\b/i.test(sql) ? (result as [T[], number])[0] : (result as T[]);
}
