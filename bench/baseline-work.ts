/**
 * The least the service must do for the baseline scenarios, with the service's own statements (captured from its
 * repositories by run.ts): verify the HS256 access token with node:crypto, run the page query (one round trip) and
 * map the rows to the contract's JSON with the service's own mapper; or insert a task and its activity record in one
 * transaction. Shared by the raw node:http baseline and the bare NestJS floor, so the two differ only in the
 * framework around the work.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { BASE_62_DIGITS } from 'fractional-indexing';
import { Pool } from 'pg';
import type { TaskDto } from '../src/tasks/dto/task.dto';
import { answerOf, recordOf, TaskRow } from '../src/tasks/task-record';

/** A statement as the service sent it: text and parameters. */
export interface CapturedStatement {
  sql: string;
  parameters: unknown[];
}

/** What run.ts hands the baselines, as BENCH_STATEMENTS. */
export interface BaselineStatements {
  s0: CapturedStatement;
  s1: CapturedStatement;
  /** The task insert and the activity insert; the first's `positionParameter` gets a fresh key per request. */
  s5: [CapturedStatement, CapturedStatement];
  /**
   * The insert's parameter holding the (one-element) array of positions, which must be unique per project: found
   * by the column's name where the statement was captured, so a column added to the task record cannot shift it.
   */
  positionParameter: number;
}

export const statements = JSON.parse(process.env.BENCH_STATEMENTS!) as BaselineStatements;
const secret = Buffer.from(process.env.JWT_SECRET!);
export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DB_POOL_MAX ?? 10),
});

/** HS256 and unexpired, or false. */
export function verified(authorization: string | undefined): boolean {
  const token = authorization?.slice('Bearer '.length) ?? '';
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return false;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { exp?: number };
  return typeof claims.exp === 'number' && claims.exp * 1000 > Date.now();
}

/** One page of S0 or S1 in the contract's shape. */
export async function page(statement: CapturedStatement): Promise<{ items: TaskDto[] }> {
  const { rows } = await pool.query<TaskRow>(statement.sql, statement.parameters);
  return { items: rows.map((row) => answerOf(recordOf(row))) };
}

/**
 * A valid fractional-indexing key the service's own appends never take (between its first integer keys), so the
 * tasks inserted here neither collide nor stop the service computing keys after them in the same project.
 */
function freshPosition(): string {
  const digits = [...randomBytes(12)].map((byte) => BASE_62_DIGITS[byte % 62]);
  return `a0${digits.join('')}${BASE_62_DIGITS[1 + (randomBytes(1)[0] % 61)]}`;
}

/** S5's create: the task and its activity record in one transaction; answers the new id. */
export async function createTask(): Promise<{ id: string }> {
  const [insert, activity] = statements.s5;
  const parameters = [...insert.parameters];
  parameters[statements.positionParameter] = [freshPosition()];
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string }>(insert.sql, parameters);
    const activityParameters = [...activity.parameters];
    activityParameters[3] = [rows[0].id];
    await client.query(activity.sql, activityParameters);
    await client.query('COMMIT');
    return { id: rows[0].id };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
