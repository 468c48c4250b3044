/**
 * Replays the inputs that stalled the service before the hardening round (recurrence rules with no next date, a
 * page of rare rules, a huge calendar feed) against the production build on a real PostgreSQL, and reports each
 * request's time beside the worst delay `/health` saw while it ran. Writes bench/results/hardening.md.
 *
 *   npm run bench:hardening            (BENCH_HARDENING_DATABASE_URL to use another server)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { callJson } from './api';
import { ensureDatabase } from './database';
import { startService } from './processes';

const DATABASE_URL =
  process.env.BENCH_HARDENING_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/taskforge_hardening';

interface Row {
  case: string;
  status: string;
  ms: number;
  healthMs: number;
  note?: string;
}

async function freshDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
  await client.end();
  await ensureDatabase(url);
}

/** Runs `work` while `/health` is asked every 10 ms; returns the work's result and time, and the worst health wait. */
async function whileProbing<T>(
  base: string,
  work: () => Promise<T>,
): Promise<{ result: T; ms: number; healthMs: number }> {
  let running = true;
  let worst = 0;
  const probe = (async () => {
    while (running) {
      const began = performance.now();
      await fetch(`${base}/health`);
      worst = Math.max(worst, performance.now() - began);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  const began = performance.now();
  const result = await work();
  const ms = performance.now() - began;
  running = false;
  await probe;
  return { result, ms, healthMs: worst };
}

async function main(): Promise<void> {
  await freshDatabase(DATABASE_URL);
  const service = await startService({
    DATABASE_URL,
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256-0123456789',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000',
    REGISTER_LIMIT_PER_HOUR: '1000',
  });
  const api = `${service.url}/api/v1`;
  const rows: Row[] = [];
  try {
    const { accessToken, user } = await callJson<{ accessToken: string; user: { id: string } }>(
      `${api}/auth/register`,
      'POST',
      { email: 'bench@example.com', password: 'bench-password-1' },
    );
    const project = await callJson<{ id: string }>(`${api}/projects`, 'POST', { name: 'Bench' }, accessToken);
    const send = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${api}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, bytes: (await res.arrayBuffer()).byteLength };
    };
    const measure = async (name: string, method: string, path: string, body?: unknown, note?: string) => {
      const { result, ms, healthMs } = await whileProbing(service.url, () => send(method, path, body));
      rows.push({
        case: name,
        status: String(result.status),
        ms,
        healthMs,
        note: note ?? `${result.bytes} bytes`,
      });
    };

    // Item 1: rules with no next date, alone and in a bulk, and a page of rare but real rules.
    const rule = (text: string, dueDate = '2026-01-01') => ({
      title: 'x',
      dueDate,
      recurrence: { rule: text },
    });
    await measure('POST /tasks FREQ=DAILY;BYSETPOS=2', 'POST', '/tasks', rule('FREQ=DAILY;BYSETPOS=2'));
    await measure(
      'POST /tasks FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
      'POST',
      '/tasks',
      rule('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'),
    );
    await measure(
      'POST /tasks BYSETPOS=2, dueDate 0001-01-01',
      'POST',
      '/tasks',
      rule('FREQ=DAILY;BYSETPOS=2', '0001-01-01'),
    );
    await measure('bulk create of 3 such rules', 'POST', `/projects/${project.id}/tasks/bulk`, {
      items: [
        rule('FREQ=DAILY;BYSETPOS=2'),
        rule('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'),
        rule('FREQ=DAILY;BYSETPOS=2', '0001-01-01'),
      ],
    });
    const rare = rule('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO', '2026-12-07');
    await measure('bulk create of 200 rare rules', 'POST', `/projects/${project.id}/tasks/bulk`, {
      items: Array.from({ length: 200 }, () => rare),
    });
    await measure('GET a page of 200 rare rules', 'GET', `/projects/${project.id}/tasks?limit=200`);

    // Item 2: 2,000 dated tasks with 20,000-character descriptions, then the feed, alone and five at once.
    const description = 'Long notes. '.repeat(1667).slice(0, 20_000);
    for (let batch = 0; batch < 50; batch++) {
      await callJson(
        `${api}/projects/${project.id}/tasks/bulk`,
        'POST',
        {
          items: Array.from({ length: 40 }, (_, index) => ({
            title: `Dated ${batch * 40 + index}`,
            description,
            dueDate: '2026-12-24',
            assigneeId: user.id,
          })),
        },
        accessToken,
      );
    }
    const { url } = await callJson<{ url: string }>(
      `${api}/users/me/calendar-feed`,
      'POST',
      undefined,
      accessToken,
    );
    const feed = async () => {
      const res = await fetch(url);
      return { status: res.status, bytes: (await res.arrayBuffer()).byteLength };
    };
    const one = await whileProbing(service.url, feed);
    rows.push({
      case: 'GET the calendar feed (2,000 long tasks)',
      status: String(one.result.status),
      ms: one.ms,
      healthMs: one.healthMs,
      note: `${one.result.bytes} bytes`,
    });
    const rssBefore = service.rssMb();
    const five = await whileProbing(service.url, () => Promise.all(Array.from({ length: 5 }, feed)));
    rows.push({
      case: 'five feed fetches at once',
      status: five.result.map((answer) => answer.status).join(' '),
      ms: five.ms,
      healthMs: five.healthMs,
      note: `RSS ${rssBefore.toFixed(0)} MiB before, peak ${service.peakRssMb().toFixed(0)} MiB`,
    });
  } finally {
    await service.stop();
  }

  const table = [
    '| case | status | request | worst /health wait meanwhile | note |',
    '| --- | --- | ---: | ---: | --- |',
    ...rows.map(
      (row) =>
        `| ${row.case} | ${row.status} | ${row.ms.toFixed(0)} ms | ${row.healthMs.toFixed(0)} ms | ${row.note ?? ''} |`,
    ),
  ].join('\n');
  const report = `# Hardening: the inputs that stalled the service, replayed\n\nProduction build, PostgreSQL 15, ${new Date().toISOString().slice(0, 10)}.\n\n${table}\n`;
  writeFileSync(join(__dirname, 'results', 'hardening.md'), report);
  process.stdout.write(`${report}\n`);
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
