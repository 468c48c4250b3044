import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from './support/eventually';
import { startServiceProcess } from './support/service-process';
import { createTestDatabase } from './support/test-database';

const onServer = Boolean(process.env.TEST_DATABASE_URL);
if (!onServer)
  process.stdout.write(
    'crash safety: TEST_DATABASE_URL is not set, so only the embedded database is killed\n',
  );
const itOnServer = onServer ? it : it.skip;
const WRITERS = 8;

interface Session {
  url: string;
  token: string;
}

async function call(session: Session, method: string, path: string, body?: unknown) {
  return fetch(`${session.url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/**
 * Writes from eight clients at once, kills the service with SIGKILL mid-burst, starts it again on the same data,
 * and returns what every write the clients saw acknowledged (a 201 with its body read) looks like now.
 */
async function killDuringBurst(env: Record<string, string>) {
  const first = await startServiceProcess(env);
  const registered = await fetch(`${first.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'crash@example.com',
      password: 'a-long-enough-password',
      username: 'crash',
    }),
  });
  const session = {
    url: first.url,
    token: ((await registered.json()) as { accessToken: string }).accessToken,
  };
  const project = (await (await call(session, 'POST', '/projects', { name: 'Crash' })).json()) as {
    id: string;
  };

  const acknowledged: string[] = [];
  let killed = false;
  const writer = async (client: number) => {
    for (let index = 0; !killed; index++) {
      try {
        const res = await call(session, 'POST', `/projects/${project.id}/tasks`, {
          title: `${client}.${index}`,
        });
        if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
      } catch {
        return; // the connection died with the process: this write was never acknowledged
      }
    }
  };
  const writers = Array.from({ length: WRITERS }, (_, client) => writer(client));
  await eventually('a burst of acknowledged writes', () => acknowledged.length >= 150, 60_000);
  first.child.kill('SIGKILL');
  killed = true;
  await Promise.all(writers);
  expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

  const second = await startServiceProcess(env);
  try {
    const restarted = { ...session, url: second.url };
    // Read back at the writers' concurrency: hundreds of reads at once would queue past the pool's acquire timeout
    // on a loaded machine and answer 503, which says nothing about durability.
    const statuses: number[] = [];
    for (let start = 0; start < acknowledged.length; start += WRITERS) {
      const batch = acknowledged.slice(start, start + WRITERS);
      const reads = await Promise.all(batch.map((id) => call(restarted, 'GET', `/tasks/${id}`)));
      statuses.push(...reads.map((res) => res.status));
    }
    const changes: { event: string; taskId: string | null }[] = [];
    for (let since = 0, more = true; more;) {
      const page = (await (await call(restarted, 'GET', `/changes?since=${since}&limit=200`)).json()) as {
        items: { event: string; taskId: string | null }[];
        nextSince: number;
        hasMore: boolean;
      };
      changes.push(...page.items);
      [since, more] = [page.nextSince, page.hasMore];
    }
    return { acknowledged, statuses, changes };
  } finally {
    await second.signal('SIGTERM');
  }
}

function expectNothingLost(result: Awaited<ReturnType<typeof killDuringBurst>>) {
  expect(result.acknowledged.length).toBeGreaterThanOrEqual(150);
  expect(result.statuses.filter((status) => status !== 200)).toEqual([]);
  // Each acknowledged write kept its activity record too: it committed in the same transaction.
  const created = new Set(result.changes.filter((c) => c.event === 'task.created').map((c) => c.taskId));
  expect(result.acknowledged.filter((id) => !created.has(id))).toEqual([]);
}

describe('every acknowledged write survives kill -9', () => {
  it('on the embedded database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'taskforge-crash-'));
    try {
      expectNothingLost(await killDuringBurst({ DATA_DIR: dataDir }));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  itOnServer('on PostgreSQL', async () => {
    const database = await createTestDatabase();
    try {
      expectNothingLost(await killDuringBurst({ DATABASE_URL: database.url }));
    } finally {
      await database.drop();
    }
  });
});
