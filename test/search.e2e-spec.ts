import { TestUser } from './support/factories';
import { createProject, createTeam, TestProject } from './support/projects';
import { createTask } from './support/tasks';
import { api, startTestApp, TestApp } from './support/test-app';

describe('search', () => {
  let t: TestApp;
  let member: TestUser;
  let outsider: TestUser;
  let project: TestProject;

  const titlesFor = async (query: Record<string, string | number>, by = member) =>
    (
      await t.http
        .get(api(`/projects/${project.id}/tasks`))
        .query({ limit: 100, ...query })
        .set('Authorization', by.bearer)
        .expect(200)
    ).body.items.map((task: { title: string }) => task.title);

  beforeAll(async () => {
    t = await startTestApp();
    ({ project, member, outsider } = await createTeam(t));
    await createTask(t, project, member, { title: 'Plan the webinar', description: 'Invite the speakers' });
    await createTask(t, project, member, {
      title: 'Running the launch',
      description: 'A webinar about pricing',
    });
    await createTask(t, project, member, { title: 'Order chairs', description: 'For the office' });
    const commented = await createTask(t, project, member, { title: 'Quarterly review' });
    await t
      .as(member)
      .post(`/tasks/${commented.id}/comments`)
      .send({ body: 'We should record the webinar this time' })
      .expect(201);
    const outsiders = await createProject(t, outsider);
    await createTask(t, outsiders, outsider, { title: 'Secret webinar' });
    const discussed = await createTask(t, outsiders, outsider, { title: 'Hidden planning' });
    await t
      .as(outsider)
      .post(`/tasks/${discussed.id}/comments`)
      .send({ body: 'The webinar budget is secret' })
      .expect(201);
  });
  afterAll(() => t.close());

  it('matches stemmed words in title, description and comments, title matches first', async () => {
    expect(await titlesFor({ search: 'webinars' })).toEqual([
      'Plan the webinar',
      'Running the launch',
      'Quarterly review',
    ]);
    // Every word must match; "runs" finds "Running" by its stem.
    expect(await titlesFor({ search: 'runs launch' })).toEqual(['Running the launch']);
    // The last word is a prefix.
    expect(await titlesFor({ search: 'speak' })).toEqual(['Plan the webinar']);
  });

  it('finds a word by any start typed so far, even one longer than its stem', async () => {
    const typing = await createProject(t, member, 'Typing');
    for (const title of ['Billing export', 'Onboarding checklist', 'Landing page', 'Bills to pay']) {
      await createTask(t, typing, member, { title });
    }
    const found = async (search: string) =>
      (
        await t.http
          .get(api(`/projects/${typing.id}/tasks`))
          .query({ search })
          .set('Authorization', member.bearer)
          .expect(200)
      ).body.items.map((task: { title: string }) => task.title);
    // "landing" is stored as `land`: every start of it finds the task, past the stem included.
    for (const typed of ['la', 'lan', 'land', 'landi', 'landin', 'landing']) {
      expect(await found(typed)).toEqual(['Landing page']);
    }
    expect(await found('onboardi')).toEqual(['Onboarding checklist']);
    expect((await found('billi')).sort()).toEqual(['Billing export', 'Bills to pay']);
    expect(await found('export billi')).toEqual(['Billing export']);
    // Still every word must match, and a start that no word has finds nothing.
    expect(await found('lanx')).toEqual([]);
    expect(await found('export landi')).toEqual([]);
  });

  it('reads operators and punctuation as plain text', async () => {
    expect(await titlesFor({ search: "webinar & !chairs | ('office')" })).toEqual([]);
    expect(await titlesFor({ search: 'order: chairs!' })).toEqual(['Order chairs']);
    await t.http
      .get(api(`/projects/${project.id}/tasks`))
      .query({ search: '&&&' })
      .set('Authorization', member.bearer)
      .expect(400);
    await t.http
      .get(api(`/projects/${project.id}/tasks`))
      .query({ sort: 'relevance' })
      .set('Authorization', member.bearer)
      .expect(400);
  });

  it('never finds what the caller cannot see, and combines with filters and paging', async () => {
    const everywhere = (
      await t.http
        .get(api('/tasks'))
        .query({ search: 'webinar' })
        .set('Authorization', member.bearer)
        .expect(200)
    ).body.items.map((task: { title: string }) => task.title);
    expect(everywhere).not.toContain('Secret webinar');
    // Not through a comment either.
    expect(everywhere).not.toContain('Hidden planning');
    expect(everywhere).toHaveLength(3);

    const first = await t.http
      .get(api(`/projects/${project.id}/tasks`))
      .query({ search: 'webinar', limit: 2 })
      .set('Authorization', member.bearer)
      .expect(200);
    const second = await t.http
      .get(api(`/projects/${project.id}/tasks`))
      .query({ search: 'webinar', limit: 2, cursor: first.body.nextCursor })
      .set('Authorization', member.bearer)
      .expect(200);
    expect([...first.body.items, ...second.body.items].map((task: { title: string }) => task.title)).toEqual(
      await titlesFor({ search: 'webinar' }),
    );
    expect(second.body.nextCursor).toBeNull();
    expect(await titlesFor({ search: 'webinar', sort: 'title' })).toEqual([
      'Plan the webinar',
      'Quarterly review',
      'Running the launch',
    ]);
    expect(await titlesFor({ search: 'webinar', q: 'pricing' })).toEqual(['Running the launch']);
  });

  it("finds the outsider's own tasks for them, comments included", async () => {
    const theirs = (
      await t.http
        .get(api('/tasks'))
        .query({ search: 'webinar', sort: 'title' })
        .set('Authorization', outsider.bearer)
        .expect(200)
    ).body.items.map((task: { title: string }) => task.title);
    expect(theirs).toEqual(['Hidden planning', 'Secret webinar']);
  });

  it('keeps q a case-insensitive substring', async () => {
    expect(await titlesFor({ q: 'WEBIN', sort: 'title' })).toEqual([
      'Plan the webinar',
      'Running the launch',
    ]);
    expect(await titlesFor({ q: '%' })).toEqual([]);
  });
});
