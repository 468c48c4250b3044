/**
 * `npm run soak`: the production build under 50 connections of mixed reads and writes for SOAK_SECONDS (default 60)
 * against DATABASE_URL (default the local server's `taskforge_soak`). Then it checks that no answer was a 5xx, that
 * every acknowledged write reads back as written, and that resident memory grew less than 10 % from the end of the
 * warm-up to the end. Exits 1 if any check fails.
 */
import autocannon, { Request } from 'autocannon';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { callJson } from './api';
import { ensureDatabase } from './database';
import { startService } from './processes';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/taskforge_soak';
const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CONNECTIONS = 50;
const USERS = 10;
const MAX_RSS_GROWTH = 0.1;
const log = (line: string) => process.stdout.write(`soak: ${line}\n`);

interface Account {
  token: string;
  projectId: string;
}

interface ConnectionState {
  account?: Account;
  taskId?: string;
  title?: string;
}

async function main(): Promise<void> {
  await ensureDatabase(databaseUrl);
  log('building the service');
  execFileSync('npm', ['run', 'build'], { cwd: join(__dirname, '..'), stdio: 'ignore' });
  const service = await startService({
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: randomBytes(48).toString('base64url'),
    RATE_LIMIT_PER_MINUTE: '100000000',
    REGISTER_LIMIT_PER_HOUR: '100000',
    DATA_DIR: '/tmp/taskforge-soak',
  });
  const api = `${service.url}/api/v1`;
  const post = <T>(path: string, body: unknown, token?: string) =>
    callJson<T>(`${api}${path}`, 'POST', body, token);

  const run = randomBytes(4).toString('hex');
  const accounts: Account[] = [];
  for (let index = 0; index < USERS; index++) {
    const username = `soak${run}${index}`;
    const { accessToken } = await post<{ accessToken: string }>('/auth/register', {
      email: `${username}@example.com`,
      password: 'a-long-enough-password',
      username,
    });
    const project = await post<{ id: string }>('/projects', { name: `Soak ${index}` }, accessToken);
    accounts.push({ token: accessToken, projectId: project.id });
  }

  /** Per task: the title last acknowledged, and the one of a change still in flight (it may land or not). */
  const acknowledged = new Map<string, { title: string; token: string; inFlight?: string }>();
  const statuses = new Map<number, number>();
  let nextAccount = 0;
  let writes = 0;
  const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
  const accountOf = (state: ConnectionState) => (state.account ??= accounts[nextAccount++ % accounts.length]);
  const as = (state: ConnectionState, request: Request, path: string, body?: unknown): Request => ({
    ...request,
    path,
    headers: { ...request.headers, authorization: `Bearer ${accountOf(state).token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // Each connection cycles: create, read it, change it, list its project, search, follow the change feed.
  const requests: Request[] = [
    {
      method: 'POST',
      setupRequest: (request, state: ConnectionState) => {
        state.title = `soak task ${++writes}`;
        const path = `/api/v1/projects/${accountOf(state).projectId}/tasks`;
        return as(state, request, path, { title: state.title, priority: writes % 5 });
      },
      onResponse: (status, body, state: ConnectionState) => {
        count(status);
        if (status !== 201) return;
        state.taskId = (JSON.parse(body) as { id: string }).id;
        acknowledged.set(state.taskId, { title: state.title!, token: state.account!.token });
      },
    },
    {
      method: 'GET',
      setupRequest: (request, state: ConnectionState) => as(state, request, `/api/v1/tasks/${state.taskId}`),
      onResponse: (status) => count(status),
    },
    {
      method: 'PATCH',
      setupRequest: (request, state: ConnectionState) => {
        state.title = `${state.title} (edited)`;
        const written = acknowledged.get(state.taskId!);
        if (written) written.inFlight = state.title;
        return as(state, request, `/api/v1/tasks/${state.taskId}`, {
          title: state.title,
          status: 'in_progress',
        });
      },
      onResponse: (status, _body, state: ConnectionState) => {
        count(status);
        if (status === 200)
          acknowledged.set(state.taskId!, { title: state.title!, token: state.account!.token });
      },
    },
    {
      method: 'GET',
      setupRequest: (request, state: ConnectionState) =>
        as(state, request, `/api/v1/projects/${state.account!.projectId}/tasks?limit=50`),
      onResponse: (status) => count(status),
    },
    {
      method: 'GET',
      setupRequest: (request, state: ConnectionState) =>
        as(state, request, '/api/v1/tasks?q=edited&limit=20'),
      onResponse: (status) => count(status),
    },
    {
      method: 'GET',
      setupRequest: (request, state: ConnectionState) => as(state, request, '/api/v1/changes?limit=100'),
      onResponse: (status) => count(status),
    },
  ];

  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(service.rssMb()), 1000);
  log(`${CONNECTIONS} connections for ${SECONDS} s`);
  const result = await autocannon({
    url: service.url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { 'content-type': 'application/json' },
    requests,
  });
  clearInterval(sampler);

  log(`reading back ${acknowledged.size} acknowledged writes`);
  const lost: string[] = [];
  const entries = [...acknowledged.entries()];
  for (let start = 0; start < entries.length; start += 50) {
    await Promise.all(
      entries.slice(start, start + 50).map(async ([id, { title, token, inFlight }]) => {
        const res = await fetch(`${api}/tasks/${id}`, { headers: { authorization: `Bearer ${token}` } });
        const task = res.ok ? ((await res.json()) as { title: string }) : undefined;
        if (task?.title !== title && task?.title !== inFlight) lost.push(id);
      }),
    );
  }
  await service.stop();

  const warm = samples[Math.min(samples.length - 1, Math.floor(samples.length / 4))];
  const end = samples[samples.length - 1];
  const growth = (end - warm) / warm;
  const serverErrors = [...statuses.entries()].filter(([status]) => status >= 500);
  const unexpected = [...statuses.entries()].filter(([status]) => ![200, 201].includes(status));
  log(
    `${result.requests.total.toLocaleString('en')} requests (${Math.round(result.requests.average)}/s), ` +
      `statuses ${JSON.stringify(Object.fromEntries(statuses))}, connection errors ${result.errors}, ` +
      `timeouts ${result.timeouts}`,
  );
  log(
    `RSS ${warm.toFixed(0)} MiB after warm-up, ${end.toFixed(0)} MiB at the end: ${(growth * 100).toFixed(1)} %`,
  );
  const failures = [
    serverErrors.length > 0 && `5xx answers: ${JSON.stringify(serverErrors)}`,
    unexpected.length > 0 && `unexpected answers: ${JSON.stringify(unexpected)}`,
    result.errors + result.timeouts > 0 && `${result.errors} errors and ${result.timeouts} timeouts`,
    lost.length > 0 && `${lost.length} acknowledged writes did not read back, e.g. ${lost[0]}`,
    // Without these the other checks would pass on a run that measured nothing.
    acknowledged.size === 0 && 'no write was acknowledged',
    samples.length < 4 && `only ${samples.length} memory samples: run for longer`,
    !(growth < MAX_RSS_GROWTH) && `RSS grew ${(growth * 100).toFixed(1)} %`,
  ].filter(Boolean);
  for (const failure of failures) log(`FAILED: ${failure as string}`);
  log(failures.length === 0 ? 'passed' : 'failed');
  process.exit(failures.length === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
