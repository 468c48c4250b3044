/**
 * The raw baseline of the benchmark: a bare node:http server with a pg pool doing the least the service must do for
 * a request, with the service's own statements (captured from its repositories by run.ts):
 *
 * - `GET /s0`, `GET /s1`: verify the HS256 access token with node:crypto, run the page query (one round trip), map
 *   the rows to the contract's JSON with the service's own mapper, send it.
 * - `POST /s5`: verify the token, then insert a task and its activity record in one transaction.
 *
 * No framework, no session check, no validation, no logging: what the machine can do for those statements.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { BASE_62_DIGITS } from 'fractional-indexing';
import { Pool } from 'pg';
import { mapTask, TaskRow } from '../src/tasks/dto/task.dto';

/** A statement as the service sent it: text and parameters. */
export interface CapturedStatement {
  sql: string;
  parameters: unknown[];
}

/** What run.ts hands the baseline, as BENCH_STATEMENTS. */
export interface BaselineStatements {
  s0: CapturedStatement;
  s1: CapturedStatement;
  /** The task insert and the activity insert; POSITION_PARAMETER of the first gets a fresh key per request. */
  s5: [CapturedStatement, CapturedStatement];
}

/** The insert's parameter holding the (one-element) array of positions, which must be unique per project. */
export const POSITION_PARAMETER = 13;

const statements = JSON.parse(process.env.BENCH_STATEMENTS!) as BaselineStatements;
const secret = Buffer.from(process.env.JWT_SECRET!);
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DB_POOL_MAX ?? 10),
});

/** HS256 and unexpired, or false. */
function verified(req: IncomingMessage): boolean {
  const token = req.headers.authorization?.slice('Bearer '.length) ?? '';
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return false;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { exp?: number };
  return typeof claims.exp === 'number' && claims.exp * 1000 > Date.now();
}

async function page(statement: CapturedStatement, res: ServerResponse): Promise<void> {
  const { rows } = await pool.query<TaskRow>(statement.sql, statement.parameters);
  res
    .writeHead(200, { 'content-type': 'application/json' })
    .end(JSON.stringify({ items: rows.map(mapTask) }));
}

/**
 * A valid fractional-indexing key the service's own appends never take (between its first integer keys), so the
 * tasks inserted here neither collide nor stop the service computing keys after them in the same project.
 */
function freshPosition(): string {
  const digits = [...randomBytes(12)].map((byte) => BASE_62_DIGITS[byte % 62]);
  return `a0${digits.join('')}${BASE_62_DIGITS[1 + (randomBytes(1)[0] % 61)]}`;
}

async function create(res: ServerResponse): Promise<void> {
  const [insert, activity] = statements.s5;
  const parameters = [...insert.parameters];
  parameters[POSITION_PARAMETER] = [freshPosition()];
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string }>(insert.sql, parameters);
    const activityParameters = [...activity.parameters];
    activityParameters[3] = [rows[0].id];
    await client.query(activity.sql, activityParameters);
    await client.query('COMMIT');
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: rows[0].id }));
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

const server = createServer((req, res) => {
  if (req.url === '/ready') {
    res.writeHead(200).end();
    return;
  }
  if (!verified(req)) {
    res.writeHead(401).end();
    return;
  }
  const work =
    req.url === '/s0'
      ? page(statements.s0, res)
      : req.url === '/s1'
        ? page(statements.s1, res)
        : req.method === 'POST' && req.url === '/s5'
          ? create(res)
          : Promise.resolve(void res.writeHead(404).end());
  work.catch(() => {
    if (!res.headersSent) res.writeHead(500).end();
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void pool.end();
});
