import { eventually } from './support/eventually';
import { FakeGithub } from './support/fake-github';
import { startServiceProcess } from './support/service-process';
import { createTestDatabase, TestDatabase } from './support/test-database';

const IN_FLIGHT = 20;

describe('graceful shutdown under load', () => {
  let github: FakeGithub;
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    github = await FakeGithub.start();
    // Each create waits this long on GitHub before its transaction: long enough to be certainly in flight.
    github.latencyMs = 1500;
    for (let index = 0; index < IN_FLIGHT; index++) github.put(`acme/repo-${index}`);
    // On a server, a database of its own there; otherwise the process runs its own embedded one.
    if (process.env.TEST_DATABASE_URL) database = await createTestDatabase();
  });
  afterAll(async () => {
    await github.close();
    await database?.drop();
  });

  it('finishes every request in flight at SIGTERM, none of them 5xx, then exits', async () => {
    const service = await startServiceProcess({
      GITHUB_API_BASE: github.url,
      ...(database ? { DATABASE_URL: database.url } : {}),
    });
    const post = (path: string, body: unknown, token?: string) =>
      fetch(`${service.url}/api/v1${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
    const registered = await post('/auth/register', {
      email: 'drain@example.com',
      password: 'a-long-enough-password',
      username: 'drain',
    });
    const { accessToken } = (await registered.json()) as { accessToken: string };
    const project = (await (await post('/projects', { name: 'Drain' }, accessToken)).json()) as {
      id: string;
    };

    const inFlight = Array.from({ length: IN_FLIGHT }, (_, index) =>
      post(
        `/projects/${project.id}/tasks`,
        { title: `t${index}`, githubRepo: `acme/repo-${index}` },
        accessToken,
      ),
    );
    await eventually('every create to be waiting on GitHub', () => github.requests.length >= IN_FLIGHT);
    const exit = service.signal('SIGTERM');

    const responses = await Promise.all(inFlight);
    expect(responses.map((res) => res.status)).toEqual(Array(IN_FLIGHT).fill(201));
    const tasks = (await Promise.all(responses.map((res) => res.json()))) as {
      githubRepo: { status: string };
    }[];
    expect(tasks.map((task) => task.githubRepo.status)).toEqual(Array(IN_FLIGHT).fill('ok'));
    // Nest re-raises the signal once it has drained and closed everything.
    expect(await exit).toEqual({ code: null, signal: 'SIGTERM' });
    expect(service.stderr()).not.toMatch(/Shutdown deadline passed/);
  });
});
