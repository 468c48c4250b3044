import { DataSource } from 'typeorm';
import { GithubRetrier } from '../src/tasks/github-retrier';
import { readActivity, readChanges } from './support/activity';
import { eventually } from './support/eventually';
import { createUser, TestUser } from './support/factories';
import { FakeGithub } from './support/fake-github';
import { createProject, TestProject } from './support/projects';
import { createTask, TestTask } from './support/tasks';
import { api, startTestApp, TestApp } from './support/test-app';

interface GithubRepo {
  fullName: string;
  description: string | null;
  stars: number | null;
  htmlUrl: string | null;
  fetchedAt: string | null;
  status: 'ok' | 'pending' | 'error';
}

describe('GitHub repository enrichment', () => {
  let github: FakeGithub;
  let t: TestApp;
  let owner: TestUser;
  let project: TestProject;
  let db: DataSource;

  beforeAll(async () => {
    github = await FakeGithub.start();
    t = await startTestApp({
      GITHUB_API_BASE: github.url,
      GITHUB_TIMEOUT_MS: '300',
      GITHUB_RETRY_POLL_MS: '100',
    });
    db = t.app.get(DataSource);
    owner = await createUser(t);
    project = await createProject(t, owner);
  });
  afterAll(async () => {
    await t.close();
    await github.close();
  });

  const as = (user: TestUser) => ({ Authorization: user.bearer });

  async function linked(fields: Record<string, unknown>): Promise<TestTask & { githubRepo: GithubRepo }> {
    return (await createTask(t, project, owner, fields)) as TestTask & { githubRepo: GithubRepo };
  }

  async function readTask(id: string): Promise<TestTask & { githubRepo: GithubRepo | null }> {
    return (
      await t.http
        .get(api(`/tasks/${id}`))
        .set(as(owner))
        .expect(200)
    ).body;
  }

  async function cachedRow(key: string): Promise<Record<string, unknown> | undefined> {
    const [row] = await db.query<Record<string, unknown>[]>(
      `SELECT * FROM github_repositories WHERE key = $1`,
      [key],
    );
    return row;
  }

  async function projectTaskCount(): Promise<number> {
    const [{ count }] = await db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM tasks WHERE project_id = $1`,
      [project.id],
    );
    return count;
  }

  it('stores what GitHub answers and shows it on every read of the task', async () => {
    github.put('octocat/Hello-World', { description: 'My first repository', stargazers_count: 2600 });
    const task = await linked({ title: 'Enrich me', githubRepo: 'octocat/Hello-World' });

    const expected = {
      fullName: 'octocat/Hello-World',
      description: 'My first repository',
      stars: 2600,
      htmlUrl: 'https://github.com/octocat/Hello-World',
      status: 'ok',
    };
    expect(task.githubRepo).toMatchObject(expected);
    expect(new Date(task.githubRepo.fetchedAt!).toISOString()).toBe(task.githubRepo.fetchedAt);
    expect((await readTask(task.id)).githubRepo).toEqual(task.githubRepo);
    const list = await t.http
      .get(api(`/projects/${project.id}/tasks`))
      .set(as(owner))
      .expect(200);
    expect(list.body.items.find((item: TestTask) => item.id === task.id).githubRepo).toEqual(task.githubRepo);

    const [request] = github.requestsFor('octocat/Hello-World');
    expect(request.headers['user-agent']).toBe('taskforge');
    expect(request.headers.accept).toBe('application/vnd.github+json');
    const [created] = await readActivity(t, owner, `/tasks/${task.id}/activity`);
    expect(created.changes.githubRepo).toEqual({ from: null, to: 'octocat/hello-world' });
  });

  it('normalizes addresses to one cached repository and asks GitHub once while the cache is fresh', async () => {
    github.put('nestjs/Nest');
    const first = await linked({ githubRepo: 'https://github.com/nestjs/Nest' });
    const asked = github.requestsFor('nestjs/nest').length;
    const second = await linked({ githubRepo: 'https://www.github.com/NestJS/nest.git/' });
    const third = await linked({ githubRepo: ' nestjs/nest ' });

    expect(github.requestsFor('nestjs/nest')).toHaveLength(asked);
    expect(second.githubRepo).toEqual(first.githubRepo);
    expect(third.githubRepo.fullName).toBe('nestjs/Nest');
    const [{ count }] = await db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM github_repositories WHERE key = 'nestjs/nest'`,
    );
    expect(count).toBe(1);
  });

  it.each([
    'octocat',
    'octocat/Hello-World/issues',
    'octocat/..',
    '../../users',
    'https://gitlab.com/octocat/Hello-World',
    'https://github.com.evil.example/octocat/x',
    'http://127.0.0.1:9/repos/octocat/x',
    'octocat/Hello World',
    `${'x'.repeat(101)}/y`,
  ])('refuses the malformed name %j with 422, asking GitHub nothing', async (githubRepo) => {
    const requests = github.requests.length;
    const before = await projectTaskCount();
    const res = await t.http
      .post(api(`/projects/${project.id}/tasks`))
      .set(as(owner))
      .send({ title: 'x', githubRepo })
      .expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'githubRepo' })]);
    expect(github.requests).toHaveLength(requests);
    expect(await projectTaskCount()).toBe(before);
  });

  it('refuses a repository GitHub does not have with 422, writing neither task, cache row nor activity', async () => {
    const before = await projectTaskCount();
    const since = (await readChanges(t, owner)).nextSince;
    const res = await t.http
      .post(api(`/projects/${project.id}/tasks`))
      .set(as(owner))
      .send({ title: 'Ghost', githubRepo: 'octocat/no-such-repo' })
      .expect(422);
    expect(res.body.errors).toEqual([
      { field: 'githubRepo', message: 'GitHub has no repository octocat/no-such-repo' },
    ]);

    const task = await linked({ title: 'Keep me' });
    await t.http
      .patch(api(`/tasks/${task.id}`))
      .set(as(owner))
      .send({ title: 'Changed', githubRepo: 'octocat/no-such-repo' })
      .expect(422);

    expect(await projectTaskCount()).toBe(before + 1);
    expect(await cachedRow('octocat/no-such-repo')).toBeUndefined();
    expect(await readTask(task.id)).toMatchObject({ title: 'Keep me', version: 1, githubRepo: null });
    expect((await readChanges(t, owner, since)).items.map((item) => item.event)).toEqual(['task.created']);
  });

  it('leaves no cache row when the rest of the write is refused after GitHub answered', async () => {
    github.put('acme/orphan-check');
    const stranger = await createUser(t);
    await t.http
      .post(api(`/projects/${project.id}/tasks`))
      .set(as(owner))
      .send({ title: 'x', githubRepo: 'acme/orphan-check', assigneeId: stranger.id })
      .expect(422);
    const task = await linked({ title: 'Versioned' });
    await t.http
      .patch(api(`/tasks/${task.id}`))
      .set({ ...as(owner), 'If-Match': '"99"' })
      .send({ githubRepo: 'acme/orphan-check' })
      .expect(412);

    expect(github.requestsFor('acme/orphan-check').length).toBeGreaterThan(0);
    expect(await cachedRow('acme/orphan-check')).toBeUndefined();
    expect(await readTask(task.id)).toMatchObject({ version: 1, githubRepo: null });
  });

  it('never asks GitHub for a caller who may not write the task', async () => {
    github.put('acme/secret-plans');
    const task = await linked({ title: 'Not yours' });
    const outsider = await createUser(t);
    await t.http
      .patch(api(`/tasks/${task.id}`))
      .set(as(outsider))
      .send({ githubRepo: 'acme/secret-plans' })
      .expect(404);
    await t.http
      .post(api(`/projects/${project.id}/tasks`))
      .set(as(outsider))
      .send({ title: 'x', githubRepo: 'acme/secret-plans' })
      .expect(404);
    await t.http
      .post(api(`/tasks/${task.id}/github/refresh`))
      .set(as(outsider))
      .expect(404);
    expect(github.requestsFor('acme/secret-plans')).toHaveLength(0);
  });

  it('writes the task pending through a 500, then the background retry completes it with task.updated', async () => {
    github.put('acme/flaky', { stargazers_count: 3 });
    github.willAnswerFor('acme/flaky', { status: 500, body: 'oops' });
    const task = await linked({ title: 'Flaky', githubRepo: 'acme/flaky' });
    expect(task.githubRepo).toEqual({
      fullName: 'acme/flaky',
      description: null,
      stars: null,
      htmlUrl: null,
      fetchedAt: null,
      status: 'pending',
    });

    await eventually(
      'the retry to complete',
      async () => (await readTask(task.id)).githubRepo?.status === 'ok',
    );
    const done = await readTask(task.id);
    expect(done).toMatchObject({ version: 2, githubRepo: { stars: 3, description: 'About acme/flaky' } });
    const [completed] = await readActivity(t, owner, `/tasks/${task.id}/activity`);
    expect(completed).toMatchObject({ event: 'task.updated', actorId: null, version: 2 });
    expect(completed.changes.githubRepo).toMatchObject({
      from: { status: 'pending', stars: null },
      to: { status: 'ok', stars: 3 },
    });
  });

  it('does not hold the write on a GitHub slower than the timeout: the task is written pending', async () => {
    github.put('acme/slow');
    github.willAnswerFor('acme/slow', { status: 200, delayMs: 3000, body: '{}' });
    const task = await linked({ title: 'Slow', githubRepo: 'acme/slow' });
    expect(task.githubRepo.status).toBe('pending');
    await eventually(
      'the retry to complete',
      async () => (await readTask(task.id)).githubRepo?.status === 'ok',
    );
  });

  it.each([
    ['a body that is not JSON', { status: 200, body: '<html>' }],
    [
      'fields of the wrong type',
      { status: 200, body: JSON.stringify({ full_name: 'a/b', stargazers_count: 'many', html_url: 'x' }) },
    ],
    [
      'an address that is not https',
      {
        status: 200,
        body: JSON.stringify({
          full_name: 'a/b',
          description: null,
          stargazers_count: 1,
          html_url: 'javascript:alert(1)',
        }),
      },
    ],
    ['a body over the size cap', { status: 200, body: `{"description":"${'x'.repeat(300_000)}"}` }],
  ])('stores nothing from %s: the task stays pending until a real answer', async (_label, answer) => {
    github.put('acme/hostile', { stargazers_count: 11 });
    github.willAnswerFor('acme/hostile', answer);
    const task = await linked({ githubRepo: 'acme/hostile' });
    expect(task.githubRepo).toMatchObject({ status: 'pending', stars: null, htmlUrl: null });
    await eventually(
      'the retry to complete',
      async () => (await readTask(task.id)).githubRepo?.status === 'ok',
    );
    expect((await readTask(task.id)).githubRepo).toMatchObject({
      stars: 11,
      htmlUrl: 'https://github.com/acme/hostile',
    });
    await db.query(`UPDATE tasks SET github_repo = NULL WHERE github_repo = 'acme/hostile'`);
    await db.query(`DELETE FROM github_repositories WHERE key = 'acme/hostile'`);
  });

  it('follows a redirect within the API (a renamed repository) and no other', async () => {
    github.put('acme/renamed-now');
    github.willAnswerFor('acme/old-name', {
      status: 301,
      headers: { location: `${github.url}/repos/acme/renamed-now` },
    });
    const renamed = await linked({ githubRepo: 'acme/old-name' });
    expect(renamed.githubRepo).toMatchObject({ fullName: 'acme/renamed-now', status: 'ok' });

    const elsewhere = await FakeGithub.start();
    try {
      elsewhere.put('acme/lured');
      github.willAnswerFor('acme/lured', {
        status: 302,
        headers: { location: `${elsewhere.url}/repos/acme/lured` },
      });
      const lured = await linked({ githubRepo: 'acme/lured' });
      expect(lured.githubRepo.status).toBe('pending');
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });

  it('refreshes on request: new data bumps the version, a 304 costs nothing and changes nothing', async () => {
    github.put('acme/refreshing', { stargazers_count: 1 });
    const task = await linked({ githubRepo: 'acme/refreshing' });
    const other = await linked({ githubRepo: 'acme/refreshing' });

    github.put('acme/refreshing', { stargazers_count: 2 });
    const refreshed = await t.http
      .post(api(`/tasks/${task.id}/github/refresh`))
      .set(as(owner))
      .expect(200);
    expect(refreshed.body).toMatchObject({ version: 2, githubRepo: { stars: 2, status: 'ok' } });
    expect(refreshed.headers.etag).toMatch(/^"2\.[0-9a-f]{8}"$/);
    // Every task linking the repository shows the new data, under a new version.
    expect(await readTask(other.id)).toMatchObject({ version: 2, githubRepo: { stars: 2 } });

    const again = await t.http
      .post(api(`/tasks/${task.id}/github/refresh`))
      .set(as(owner))
      .expect(200);
    const [, lastRequest] = github.requestsFor('acme/refreshing').slice(-2);
    expect(lastRequest.headers['if-none-match']).toMatch(/^"[0-9a-f]+"$/);
    expect(again.body.version).toBe(2);
    expect(again.body.githubRepo.stars).toBe(2);
    expect(Date.parse(again.body.githubRepo.fetchedAt)).toBeGreaterThanOrEqual(
      Date.parse(refreshed.body.githubRepo.fetchedAt),
    );
  });

  it('marks a repository GitHub no longer has as error on refresh, keeping the task', async () => {
    github.put('acme/doomed');
    const task = await linked({ githubRepo: 'acme/doomed' });
    github.willAnswerFor('acme/doomed', { status: 404 });
    const res = await t.http
      .post(api(`/tasks/${task.id}/github/refresh`))
      .set(as(owner))
      .expect(200);
    expect(res.body).toMatchObject({ version: 2, githubRepo: { fullName: 'acme/doomed', status: 'error' } });
  });

  it('answers 409 when refreshing a task that links no repository', async () => {
    const task = await linked({ title: 'Plain' });
    await t.http
      .post(api(`/tasks/${task.id}/github/refresh`))
      .set(as(owner))
      .expect(409);
  });

  it('unlinks with null, and a PUT resending the linked repository asks GitHub nothing', async () => {
    github.put('acme/kept');
    const task = await linked({ title: 'Keep', githubRepo: 'acme/kept' });
    const asked = github.requestsFor('acme/kept').length;
    const replaced = await t.http
      .put(api(`/tasks/${task.id}`))
      .set(as(owner))
      .send({ title: 'Kept', githubRepo: 'https://github.com/acme/kept' })
      .expect(200);
    expect(replaced.body.githubRepo).toMatchObject({ status: 'ok', fullName: 'acme/kept' });
    expect(github.requestsFor('acme/kept')).toHaveLength(asked);
    const unlinked = await t.http
      .patch(api(`/tasks/${task.id}`))
      .set(as(owner))
      .send({ githubRepo: null })
      .expect(200);
    expect(unlinked.body.githubRepo).toBeNull();
    const [change] = await readActivity(t, owner, `/tasks/${task.id}/activity`);
    expect(change.changes.githubRepo).toEqual({ from: 'acme/kept', to: null });
  });

  it('retries one row from one instance at a time: concurrent retriers lease it once', async () => {
    github.put('acme/leased');
    github.willAnswerFor('acme/leased', { status: 502 });
    await linked({ githubRepo: 'acme/leased' });
    const retrier = t.app.get(GithubRetrier);
    await db.query(`UPDATE github_repositories SET next_attempt_at = now() WHERE key = 'acme/leased'`);
    await Promise.all([retrier.retryDue(), retrier.retryDue(), retrier.retryDue()]);
    await eventually('the retry to complete', async () => (await cachedRow('acme/leased'))?.status === 'ok');
    // The failed first ask, and exactly one retry, whichever retrier (these or the background one) won the lease.
    expect(github.requestsFor('acme/leased')).toHaveLength(2);
  });

  // Last: once GitHub says the rate limit is spent, this app asks nothing until it resets.
  it('stops calling GitHub on a 403 rate limit until the reset, then completes what waited', async () => {
    github.put('acme/limited-one');
    github.put('acme/limited-two');
    const reset = Math.ceil(Date.now() / 1000) + 2;
    github.willAnswerFor('acme/limited-one', {
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      body: '{"message":"API rate limit exceeded"}',
    });
    const first = await linked({ githubRepo: 'acme/limited-one' });
    const second = await linked({ githubRepo: 'acme/limited-two' });
    const refreshed = await t.http
      .post(api(`/tasks/${first.id}/github/refresh`))
      .set(as(owner))
      .expect(200);

    expect(first.githubRepo.status).toBe('pending');
    expect(second.githubRepo.status).toBe('pending');
    expect(refreshed.body.githubRepo.status).toBe('pending');
    expect(github.requestsFor('acme/limited-two')).toHaveLength(0);
    expect(github.requestsFor('acme/limited-one')).toHaveLength(1);
    const [waiting] = await db.query<{ next: Date }[]>(
      `SELECT next_attempt_at AS next FROM github_repositories WHERE key = 'acme/limited-two'`,
    );
    expect(waiting.next.getTime()).toBe(reset * 1000);

    await eventually(
      'both to complete after the reset',
      async () =>
        (await readTask(first.id)).githubRepo?.status === 'ok' &&
        (await readTask(second.id)).githubRepo?.status === 'ok',
    );
    expect(github.requestsFor('acme/limited-one')).toHaveLength(2);
    expect(github.requestsFor('acme/limited-two')).toHaveLength(1);
  });
});
