/**
 * `npm run bench`: seeds a million tasks (once) into DATABASE_URL (default the local server's `taskforge_bench`),
 * starts the production build, and measures each scenario at 32 connections for 15 s after a warm-up, side by side
 * with two baselines doing the least S0, S1 and S5 need with the service's own SQL: raw node:http + pg, and the same
 * work behind bare NestJS (the framework floor), measured in turns with the service. Prints one table, with each
 * process's CPU time per request, and writes it, with the plans of every scenario's statements, to
 * bench/results/latest.md.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Request } from 'autocannon';
import { Logger } from 'typeorm';
import { CursorCodec } from '../src/common/cursor';
import type { AppConfig } from '../src/config/app-config';
import { TaskListRepository, TaskListScope } from '../src/tasks/task-list.repository';
import { defaultPoolSize } from '../src/config/app-config';
import { TasksRepository } from '../src/tasks/tasks.repository';
import { TASK_DEFAULTS, WRITTEN_COLUMN_NAMES, type TaskState } from '../src/tasks/task-record';
import { recordActivities } from '../src/events/activity-log.repository';
import type { BaselineStatements, CapturedStatement } from './baseline-work';
import { callJson } from './api';
import { openBenchDatabase } from './database';
import { ServerLog, withAutoExplain } from './explain';
import { CONNECTIONS, LoadOptions, LoadResult, measure, measureFanOut, measureInTurns } from './load';
import { BenchProcess, startBaseline, startService } from './processes';
import { BENCH_PASSWORD, BenchData, SEARCH_WORD, seedBenchData } from './seed';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/taskforge_bench';
const S2_DEPTH = 150_000;
/** S8: tasks per bulk edit (the API's most), and connections editing their own batch at once. */
const BULK_SIZE = 200;
const BULK_CONNECTIONS = 8;
const log = (line: string) => process.stdout.write(`bench: ${line}\n`);

/** The service as it runs in production, with request-rate limits lifted so the load is not refused. */
const SERVICE_ENV = {
  NODE_ENV: 'production',
  DATABASE_URL: databaseUrl,
  JWT_SECRET: randomBytes(48).toString('base64url'),
  RATE_LIMIT_PER_MINUTE: '100000000',
  DATA_DIR: '/tmp/taskforge-bench',
};

class CapturingLogger implements Logger {
  statements: CapturedStatement[] = [];
  get last(): CapturedStatement | undefined {
    return this.statements.at(-1);
  }
  logQuery(sql: string, parameters?: unknown[]): void {
    this.statements.push({ sql, parameters: parameters ?? [] });
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

interface Row {
  scenario: string;
  result: LoadResult;
  baseline?: LoadResult;
  /** The service's peak RSS so far, read right after the scenario. */
  peakRssMb: number;
}

interface Context {
  service: BenchProcess;
  data: BenchData;
  bigOwner: string;
  busyUser: string;
  /** S0's user: a project of their own with 50 tasks, and nothing else. */
  smallUser: string;
  deepCursor: string;
  patchable: string[];
  /** S8's tasks: one batch of BULK_SIZE per connection, so bulk edits do not queue on each other's row locks. */
  bulkBatches: string[][];
}

/** Each scenario's request, for the load and for the explain pass. */
function scenarios(context: Context): [string, LoadOptions][] {
  const api = `${context.service.url}/api/v1`;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  let next = 0;
  const patch: Request = {
    method: 'PATCH',
    setupRequest: (request, state: { taskId?: string; version?: number }) => {
      state.taskId ??= context.patchable[next++ % context.patchable.length];
      return {
        ...request,
        path: `/api/v1/tasks/${state.taskId}`,
        headers: { ...request.headers, ...(state.version ? { 'if-match': `"${state.version}"` } : {}) },
        body: JSON.stringify({ priority: Math.floor(Math.random() * 1000) }),
      };
    },
    onResponse: (_status, body, state: { version?: number }) => {
      state.version = (JSON.parse(body) as { version: number }).version;
    },
  };
  let nextBatch = 0;
  const bulkUpdate: Request = {
    method: 'POST',
    setupRequest: (request, state: { batch?: string[] }) => {
      state.batch ??= context.bulkBatches[nextBatch++ % context.bulkBatches.length];
      return {
        ...request,
        path: '/api/v1/tasks/bulk',
        body: JSON.stringify({ ids: state.batch, set: { priority: Math.floor(Math.random() * 1000) } }),
      };
    },
  };
  return [
    ['S0 my 50 tasks', { url: `${api}/tasks?limit=50`, headers: as(context.smallUser) }],
    [
      'S1 first page, 200,000-task project',
      { url: `${api}/projects/${context.data.bigProjectId}/tasks?limit=50`, headers: as(context.bigOwner) },
    ],
    [
      `S2 page ${S2_DEPTH.toLocaleString('en')} rows deep`,
      {
        url: `${api}/projects/${context.data.bigProjectId}/tasks?limit=50&cursor=${encodeURIComponent(context.deepCursor)}`,
        headers: as(context.bigOwner),
      },
    ],
    [
      'S3 pending + overdue by due date, user in 51 projects (220,000 tasks)',
      { url: `${api}/tasks?status=pending&due=overdue&sort=dueDate`, headers: as(context.busyUser) },
    ],
    [
      'S9 first page filtered by a select field, 200,000-task project',
      {
        url: `${api}/projects/${context.data.bigProjectId}/tasks?limit=50&field.${context.data.kindFieldId}=${context.data.kindOptionId}`,
        headers: as(context.bigOwner),
      },
    ],
    [
      `S4 search "${SEARCH_WORD}", same user`,
      { url: `${api}/tasks?q=${SEARCH_WORD}`, headers: as(context.busyUser) },
    ],
    [
      'S5 create a task',
      {
        url: `${api}/projects/${context.data.writesProjectId}/tasks`,
        method: 'POST',
        headers: as(context.bigOwner),
        body: JSON.stringify({ title: 'Benchmark task', priority: 3 }),
      },
    ],
    ['S6 PATCH with If-Match', { url: api, headers: as(context.bigOwner), requests: [patch] }],
    [
      `S8 bulk update of ${BULK_SIZE} tasks (${BULK_CONNECTIONS} connections)`,
      {
        url: api,
        headers: as(context.bigOwner),
        requests: [bulkUpdate],
        connections: BULK_CONNECTIONS,
      },
    ],
  ];
}

async function login(url: string, email: string): Promise<string> {
  const body = { email, password: BENCH_PASSWORD };
  return (await callJson<{ accessToken: string }>(`${url}/api/v1/auth/login`, 'POST', body)).accessToken;
}

const call = (url: string, token: string, method: string, body?: unknown) =>
  callJson<{ id: string; version: number }>(url, method, body, token);

const fmt = (value: number | undefined, digits = 0) =>
  value === undefined || Number.isNaN(value)
    ? ''
    : value.toLocaleString('en', { maximumFractionDigits: digits });

async function main(): Promise<void> {
  const db = await openBenchDatabase(databaseUrl);
  const data = await seedBenchData(db, log);
  const [{ version }] = await db.query<{ version: string }[]>('SELECT version()');

  log('building the service');
  execFileSync('npm', ['run', 'build'], { cwd: join(__dirname, '..'), stdio: 'ignore' });

  const [{ owner_id: ownerId }] = await db.query<{ owner_id: string }[]>(
    `SELECT user_id AS owner_id FROM project_members WHERE project_id = $1 AND role = 'owner'`,
    [data.bigProjectId],
  );
  // Signed as the service signs them, so the deep page's cursor is one the service would have issued.
  const cursors = new CursorCodec({ jwt: { secret: SERVICE_ENV.JWT_SECRET } } as AppConfig);
  const scope: TaskListScope = { kind: 'project', projectId: data.bigProjectId, trash: false };

  const [deep] = await db.query<{ key: string; id: string }[]>(
    `SELECT CAST(priority AS text) AS key, id FROM tasks WHERE project_id = $1 AND deleted_at IS NULL
      ORDER BY priority DESC, id DESC OFFSET $2 LIMIT 1`,
    [data.bigProjectId, S2_DEPTH - 1],
  );
  const deepCursor = cursors.encode([deep.key, deep.id], { scope, sort: '-priority' });

  const rows: Row[] = [];
  let service = await startService(SERVICE_ENV);
  const bigOwner = await login(service.url, data.bigOwnerEmail);
  const busyUser = await login(service.url, data.busyUserEmail);
  const smallUser = await smallAccount(service.url);
  const statements = await captureStatements(cursors, {
    bigProject: scope,
    bigOwnerId: ownerId,
    smallUserId: smallUser.id,
    writesProjectId: data.writesProjectId,
  });
  const patchable: string[] = [];
  for (let index = 0; index < CONNECTIONS * 2; index++) {
    const created = await call(
      `${service.url}/api/v1/projects/${data.writesProjectId}/tasks`,
      bigOwner,
      'POST',
      {
        title: `patch target ${index}`,
      },
    );
    patchable.push(created.id);
  }
  const bulkBatches: string[][] = [];
  for (let batch = 0; batch < BULK_CONNECTIONS; batch++) {
    const created = await callJson<{ results: { id: string }[] }>(
      `${service.url}/api/v1/projects/${data.writesProjectId}/tasks/bulk`,
      'POST',
      {
        items: Array.from({ length: BULK_SIZE }, (_, index) => ({ title: `bulk target ${batch}.${index}` })),
      },
      bigOwner,
    );
    bulkBatches.push(created.results.map((result) => result.id));
  }
  let context: Context = {
    service,
    data,
    bigOwner,
    busyUser,
    smallUser: smallUser.token,
    deepCursor,
    patchable,
    bulkBatches,
  };

  const baselineEnv = {
    DATABASE_URL: databaseUrl,
    DB_POOL_MAX: String(defaultPoolSize()),
    JWT_SECRET: SERVICE_ENV.JWT_SECRET,
    BENCH_STATEMENTS: JSON.stringify(statements),
  };
  // Both baselines stay up through the scenarios they are compared with, each measured in turns with the service.
  const baselines = {
    raw: await startBaseline('raw', baselineEnv),
    floor: await startBaseline('nest', baselineEnv),
  };
  const baselineLoads: Record<BaselineName, (url: string) => LoadOptions> = {
    S0: (url) => ({ url: `${url}/s0`, headers: { authorization: `Bearer ${smallUser.token}` } }),
    S1: (url) => ({ url: `${url}/s1`, headers: { authorization: `Bearer ${bigOwner}` } }),
    S5: (url) => ({ url: `${url}/s5`, method: 'POST', headers: { authorization: `Bearer ${bigOwner}` } }),
  };
  const raw = { results: {}, peakRssMb: 0 } as MeasuredBaseline;
  const floor = { results: {}, peakRssMb: 0 } as MeasuredBaseline;
  for (const [scenario, options] of scenarios(context)) {
    const name = scenario.slice(0, 2) as BaselineName;
    const baselineLoad = baselineLoads[name];
    let result: LoadResult;
    if (baselineLoad) {
      log(`${scenario}, in turns with its raw baseline and framework floor`);
      [result, raw.results[name], floor.results[name]] = await measureInTurns([
        { options, server: service },
        { options: baselineLoad(baselines.raw.url), server: baselines.raw },
        { options: baselineLoad(baselines.floor.url), server: baselines.floor },
      ]);
    } else {
      log(scenario);
      result = await measure(options, service);
    }
    rows.push({ scenario, result, baseline: raw.results[name], peakRssMb: service.peakRssMb() });
  }
  raw.peakRssMb = baselines.raw.peakRssMb();
  floor.peakRssMb = baselines.floor.peakRssMb();
  await Promise.all([baselines.raw.stop(), baselines.floor.stop()]);

  log('S7 fan-out to 500 sockets');
  const [fanOutTask] = patchable;
  let fanOutVersion = (await call(`${service.url}/api/v1/tasks/${fanOutTask}`, bigOwner, 'GET')).version;
  const fanOut = await measureFanOut({
    url: service.url,
    token: bigOwner,
    projectId: data.writesProjectId,
    sockets: 500,
    changes: 20,
    change: async (index) => {
      const updated = await fetch(`${service.url}/api/v1/tasks/${fanOutTask}`, {
        method: 'PATCH',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${bigOwner}`,
          'if-match': `"${fanOutVersion}"`,
        },
        body: JSON.stringify({ title: index < 0 ? 'fan-out warm-up' : `fan-out ${index}` }),
      });
      if (!updated.ok) throw new Error(`S7's change answered ${updated.status}`);
      fanOutVersion = ((await updated.json()) as { version: number }).version;
    },
  });
  const serviceRss = service.peakRssMb();
  await service.stop();

  // The explain pass: one request per scenario through an instance whose connections log their plans. S6 and S8 have
  // just left tens of thousands of dead row versions in the indexes the reads walk (a PATCH of `priority` is never a
  // HOT update); the reads were measured before them, on a vacuumed table, and are explained on one too.
  await db.query(`VACUUM ANALYZE tasks`);
  const plans: string[] = [];
  const serverLog = ServerLog.find(version);
  if (serverLog) {
    log('capturing plans with auto_explain');
    service = await startService({
      ...SERVICE_ENV,
      DATABASE_URL: withAutoExplain(databaseUrl),
      DB_POOL_MAX: '2',
      OUTBOX_POLL_INTERVAL_MS: '60000',
      WEBHOOK_POLL_INTERVAL_MS: '60000',
    });
    context = {
      ...context,
      service,
      bigOwner: await login(service.url, data.bigOwnerEmail),
      busyUser: await login(service.url, data.busyUserEmail),
    };
    serverLog.plansSinceLastRead();
    for (const [scenario, options] of scenarios(context)) {
      if (scenario.startsWith('S8')) {
        serverLog.plansSinceLastRead();
        await fetch(`${service.url}/api/v1/tasks/bulk`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${context.bigOwner}` },
          body: JSON.stringify({ ids: bulkBatches[0], set: { priority: 1 } }),
        });
      } else if (options.requests) {
        const taskId = patchable[patchable.length - 1];
        const current = await call(`${service.url}/api/v1/tasks/${taskId}`, context.bigOwner, 'GET');
        await fetch(`${service.url}/api/v1/tasks/${taskId}`, {
          method: 'PATCH',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${context.bigOwner}`,
            'if-match': `"${current.version}"`,
          },
          body: JSON.stringify({ priority: current.version + 1000 }),
        });
        serverLog.plansSinceLastRead(); // drop the GET that fetched the version
      } else {
        serverLog.plansSinceLastRead();
        await fetch(options.url, {
          method: options.method ?? 'GET',
          headers: { 'content-type': 'application/json', ...options.headers },
          body: options.body,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      const captured = serverLog.plansSinceLastRead();
      plans.push(`### ${scenario}\n\n${captured.map((plan) => `\`\`\`\n${plan}\n\`\`\``).join('\n\n')}\n`);
    }
    await service.stop();
  }
  // The writes leave the data set as they found it, so the next run measures the same thing.
  await db.query(`DELETE FROM tasks WHERE project_id = $1`, [data.writesProjectId]);
  await db.query(`VACUUM ANALYZE tasks`);
  await db.destroy();

  const resultOf = (prefix: string) => rows.find((row) => row.scenario.startsWith(prefix))!.result;
  const [s0, s1, s2, s3, s4, s5, s6, s8, s9] = ['S0', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S8', 'S9'].map(
    resultOf,
  );
  const ratio = (result: LoadResult, base: LoadResult) =>
    (result.requestsPerSecond / base.requestsPerSecond).toFixed(2);
  const cpuRatio = (result: LoadResult, base: LoadResult) =>
    (base.cpuMsPerRequest / result.cpuMsPerRequest).toFixed(2);
  const baselineErrors = [raw, floor]
    .flatMap((baseline) => Object.values(baseline.results))
    .reduce((sum, result) => sum + result.errors, 0);
  const row = (scenario: string, result: LoadResult, base: LoadResult | undefined, rssMb: number) =>
    `| ${scenario} | ${fmt(result.requestsPerSecond)} | ${fmt(result.p50Ms)} | ${fmt(result.p99Ms)} | ${result.errors} | ` +
    `${result.cpuMsPerRequest.toFixed(2)} | ${base ? ratio(result, base) : ''} | ${base ? cpuRatio(result, base) : ''} | ` +
    `${fmt(rssMb)} |`;
  const baselineRows = (baseline: MeasuredBaseline, label: string) =>
    Object.entries(baseline.results).map(([name, result]) =>
      row(`${name} ${label}`, result, raw.results[name as BaselineName], baseline.peakRssMb),
    );
  const table = [
    '| scenario | requests/s | p50 ms | p99 ms | errors | CPU ms per request | ratio to raw baseline | CPU ratio to raw | peak RSS MiB |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...baselineRows(raw, "raw baseline (node:http + pg, the service's SQL)"),
    ...baselineRows(floor, 'framework floor (the same work behind bare NestJS on Express)'),
    ...rows.map(({ scenario, result, baseline: base, peakRssMb }) => row(scenario, result, base, peakRssMb)),
    `| S7 one change to 500 sockets (${fanOut.changes} changes, ${fmt(fanOut.deliveries)} deliveries) | | ${fmt(fanOut.p50Ms, 1)} | ${fmt(fanOut.p99Ms, 1)} | ${fanOut.sockets * fanOut.changes - fanOut.deliveries} | | | | ${fmt(serviceRss)} |`,
  ].join('\n');
  const targets = [
    `- S0 and S1 at least 0.6 of their raw baselines: ${ratio(s0, raw.results.S0)} and ${ratio(s1, raw.results.S1)} ` +
      `(by CPU per request ${cpuRatio(s0, raw.results.S0)} and ${cpuRatio(s1, raw.results.S1)}; the framework ` +
      `floor reaches ${ratio(floor.results.S0, raw.results.S0)} and ${ratio(floor.results.S1, raw.results.S1)})`,
    `- S5 at least 0.5 of the create baseline: ${ratio(s5, raw.results.S5)} (by CPU ${cpuRatio(s5, raw.results.S5)}; ` +
      `the floor ${ratio(floor.results.S5, raw.results.S5)})`,
    `- S2 p99 within 1.5× S1 p99: ${(s2.p99Ms / s1.p99Ms).toFixed(2)}×`,
    `- S9 (a select field's filter) p99 beside S1's: ${fmt(s9.p99Ms)} ms and ${fmt(s1.p99Ms)} ms ` +
      `(${(s9.p99Ms / s1.p99Ms).toFixed(2)}×)`,
    `- S3 and S4 p99 under 50 ms: ${fmt(s3.p99Ms)} ms and ${fmt(s4.p99Ms)} ms`,
    `- no errors: ${rows.reduce((sum, row) => sum + row.result.errors, baselineErrors)}`,
    `- service peak RSS under 300 MB: ${fmt(serviceRss)} MiB (raw baseline ${fmt(raw.peakRssMb)} MiB)`,
    `- S7 p99 delivery under 100 ms: ${fmt(fanOut.p99Ms, 1)} ms (per change, medians: the PATCH's round trip ` +
      `${fmt(fanOut.breakdown.requestMs, 1)} ms, its answer to the first socket's delivery ` +
      `${fmt(fanOut.breakdown.toFirstMs, 1)} ms, first to last of ${fanOut.sockets} sockets ` +
      `${fmt(fanOut.breakdown.firstToLastMs, 1)} ms)`,
    `- S8 p99 under 10× S6 p99: ${fmt(s8.p99Ms)} ms against ${fmt(10 * s6.p99Ms)} ms`,
  ].join('\n');
  const machine = `${cpus().length} CPUs (${cpus()[0]?.model.trim()}), Node ${process.version}, ${version.split(',')[0]}`;
  const report =
    `# Benchmark\n\n${machine}. ${CONNECTIONS} connections, 15 s per scenario after a 5 s warm-up (S0, S1 and S5 ` +
    `in three 5 s turns with their two baselines, so all three see the same machine); ` +
    `1,000,000 tasks (each with three custom fields set), 10,000 users, 2,000 projects.\n\n${table}\n\n## Targets\n\n${targets}\n\n` +
    `## Plans\n\nWhat the service sent for one request of each scenario, as auto_explain logged it ` +
    `(EXPLAIN ANALYZE, BUFFERS).\n\n${plans.join('\n') || '_The server log was not readable; no plans captured._'}\n`;
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(join(__dirname, 'results', 'latest.md'), report);
  process.stdout.write(`\n${machine}\n\n${table}\n\n${targets}\n`);
}

type BaselineName = 'S0' | 'S1' | 'S5';

interface MeasuredBaseline {
  results: Record<BaselineName, LoadResult>;
  peakRssMb: number;
}

/** S0's user: registered for this run, with one project of 50 tasks. */
async function smallAccount(url: string): Promise<{ id: string; token: string }> {
  const name = `small${randomBytes(4).toString('hex')}`;
  const registered = await callJson<{ user: { id: string }; accessToken: string }>(
    `${url}/api/v1/auth/register`,
    'POST',
    { email: `${name}@bench.local`, username: name, password: BENCH_PASSWORD },
  );
  const token = registered.accessToken;
  const project = await callJson<{ id: string }>(`${url}/api/v1/projects`, 'POST', { name: 'Mine' }, token);
  await callJson(
    `${url}/api/v1/projects/${project.id}/tasks/bulk`,
    'POST',
    { items: Array.from({ length: 50 }, (_, index) => ({ title: `my task ${index}`, priority: index % 5 })) },
    token,
  );
  return { id: registered.user.id, token };
}

/**
 * The statements the service's repositories send for S0's and S1's pages and for S5's create (its task insert and
 * activity record, in a transaction rolled back), captured for the baseline to send verbatim.
 */
async function captureStatements(
  cursors: CursorCodec,
  subjects: { bigProject: TaskListScope; bigOwnerId: string; smallUserId: string; writesProjectId: string },
): Promise<BaselineStatements> {
  const capture = new CapturingLogger();
  const capturing = await openBenchDatabase(databaseUrl, { logging: ['query'], logger: capture });
  const lists = new TaskListRepository(capturing, cursors);
  const tasks = new TasksRepository(capturing);
  await lists.list({ kind: 'visible' }, subjects.smallUserId, { limit: 50 });
  const s0 = capture.last!;
  await lists.list(subjects.bigProject, subjects.bigOwnerId, { limit: 50 });
  const s1 = capture.last!;
  const runner = capturing.createQueryRunner();
  await runner.startTransaction();
  const [firstState] = await capturing.query<{ id: string }[]>(
    `SELECT id FROM workflow_states WHERE project_id = $1 ORDER BY position LIMIT 1`,
    [subjects.writesProjectId],
  );
  const state: TaskState = {
    ...TASK_DEFAULTS,
    projectId: subjects.writesProjectId,
    stateId: firstState.id,
    title: 'Benchmark task',
    priority: 3,
    timezone: 'UTC',
    position: 'a0',
    labelIds: [],
    reminders: [],
  };
  const [taskId] = await tasks.insertMany(runner.manager, [state], subjects.bigOwnerId);
  const insert = capture.last!;
  const task = (await tasks.read(taskId, runner.manager))!;
  await recordActivities(runner.manager, [
    {
      event: 'task.created',
      projectId: subjects.writesProjectId,
      taskId,
      actorId: subjects.bigOwnerId,
      version: 1,
      resource: task,
      changes: { title: { from: null, to: state.title }, priority: { from: null, to: state.priority } },
    },
  ]);
  const activity = capture.last!;
  await runner.rollbackTransaction();
  await runner.release();
  await capturing.destroy();
  return { s0, s1, s5: [insert, activity], positionParameter: WRITTEN_COLUMN_NAMES.indexOf('position') };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
