/**
 * The raw baseline of the benchmark: a bare node:http server with a pg pool, answering every request with the rows of
 * the one query the service sends for S1 (BENCH_SQL, BENCH_PARAMETERS). No framework, no auth, no mapping: what the
 * machine can do for that query.
 */
import { createServer } from 'node:http';
import { Pool } from 'pg';

const sql = process.env.BENCH_SQL!;
const parameters = JSON.parse(process.env.BENCH_PARAMETERS ?? '[]') as unknown[];
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DB_POOL_MAX ?? 10),
});

const server = createServer((req, res) => {
  if (req.url === '/ready') {
    res.writeHead(200).end();
    return;
  }
  pool.query(sql, parameters).then(
    ({ rows }) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: rows }));
    },
    () => res.writeHead(500).end(),
  );
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void pool.end();
});
