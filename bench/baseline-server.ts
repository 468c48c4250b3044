/**
 * The raw baseline of the benchmark: a bare node:http server doing baseline-work's least per request (`GET /s0`,
 * `GET /s1`: the page; `POST /s5`: the create). No framework, no session check, no validation, no logging: what the
 * machine can do for the service's statements.
 */
import { createServer, ServerResponse } from 'node:http';
import { createTask, page, pool, statements, verified } from './baseline-work';

const send = (res: ServerResponse, status: number, body: string) =>
  void res.writeHead(status, { 'content-type': 'application/json' }).end(body);

const server = createServer((req, res) => {
  if (req.url === '/ready') {
    res.writeHead(200).end();
    return;
  }
  if (!verified(req.headers.authorization)) {
    res.writeHead(401).end();
    return;
  }
  const work =
    req.url === '/s0'
      ? page(statements.s0).then((body) => send(res, 200, JSON.stringify(body)))
      : req.url === '/s1'
        ? page(statements.s1).then((body) => send(res, 200, JSON.stringify(body)))
        : req.method === 'POST' && req.url === '/s5'
          ? createTask().then((task) => send(res, 201, JSON.stringify(task)))
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
