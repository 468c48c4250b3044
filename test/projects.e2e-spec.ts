import { createUser, TestUser } from './support/factories';
import { addMember, createProject, TestProject } from './support/projects';
import { startTestApp, TestApp } from './support/test-app';

type Actor = 'owner' | 'admin' | 'member' | 'viewer' | 'outsider';
const ACTORS: Actor[] = ['owner', 'admin', 'member', 'viewer', 'outsider'];

describe('projects and members', () => {
  let t: TestApp;
  let users: Record<Actor | 'otherAdmin' | 'target' | 'newcomer', TestUser>;

  beforeAll(async () => {
    t = await startTestApp();
    const names = [...ACTORS, 'otherAdmin', 'target', 'newcomer'] as const;
    const created = await Promise.all(names.map(() => createUser(t)));
    users = Object.fromEntries(names.map((name, index) => [name, created[index]])) as typeof users;
  });
  afterAll(() => t.close());

  /** A fresh project where every actor holds its role, plus another admin and a plain member to act on. */
  async function staffedProject(): Promise<TestProject> {
    const project = await createProject(t, users.owner);
    await addMember(t, project, users.owner, users.admin, 'admin');
    await addMember(t, project, users.owner, users.otherAdmin, 'admin');
    await addMember(t, project, users.owner, users.member, 'member');
    await addMember(t, project, users.owner, users.viewer, 'viewer');
    await addMember(t, project, users.owner, users.target, 'member');
    return project;
  }

  const actions: Record<
    string,
    {
      run: (project: TestProject, actor: TestUser) => Promise<{ status: number }>;
      expected: Record<Actor, number>;
    }
  > = {
    'read the project': {
      run: (p, a) => t.as(a).get(`/projects/${p.id}`),
      expected: { owner: 200, admin: 200, member: 200, viewer: 200, outsider: 404 },
    },
    'list its members': {
      run: (p, a) => t.as(a).get(`/projects/${p.id}/members`),
      expected: { owner: 200, admin: 200, member: 200, viewer: 200, outsider: 404 },
    },
    'patch the project': {
      run: (p, a) => t.as(a).patch(`/projects/${p.id}`).send({ name: 'Renamed' }),
      expected: { owner: 200, admin: 200, member: 403, viewer: 403, outsider: 404 },
    },
    'replace the project': {
      run: (p, a) => t.as(a).put(`/projects/${p.id}`).send({ name: 'Replaced' }),
      expected: { owner: 200, admin: 200, member: 403, viewer: 403, outsider: 404 },
    },
    'add a viewer': {
      run: (p, a) =>
        t.as(a).post(`/projects/${p.id}/members`).send({ userId: users.newcomer.id, role: 'viewer' }),
      expected: { owner: 201, admin: 201, member: 403, viewer: 403, outsider: 404 },
    },
    'add an admin': {
      run: (p, a) =>
        t.as(a).post(`/projects/${p.id}/members`).send({ userId: users.newcomer.id, role: 'admin' }),
      expected: { owner: 201, admin: 403, member: 403, viewer: 403, outsider: 404 },
    },
    "change a member's role": {
      run: (p, a) => t.as(a).patch(`/projects/${p.id}/members/${users.target.id}`).send({ role: 'viewer' }),
      expected: { owner: 200, admin: 200, member: 403, viewer: 403, outsider: 404 },
    },
    "change an admin's role": {
      run: (p, a) =>
        t.as(a).patch(`/projects/${p.id}/members/${users.otherAdmin.id}`).send({ role: 'member' }),
      expected: { owner: 200, admin: 403, member: 403, viewer: 403, outsider: 404 },
    },
    'remove a member': {
      run: (p, a) => t.as(a).delete(`/projects/${p.id}/members/${users.target.id}`),
      expected: { owner: 204, admin: 204, member: 403, viewer: 403, outsider: 404 },
    },
    'remove an admin': {
      run: (p, a) => t.as(a).delete(`/projects/${p.id}/members/${users.otherAdmin.id}`),
      expected: { owner: 204, admin: 403, member: 403, viewer: 403, outsider: 404 },
    },
    'remove the owner': {
      run: (p, a) => t.as(a).delete(`/projects/${p.id}/members/${users.owner.id}`),
      expected: { owner: 409, admin: 403, member: 403, viewer: 403, outsider: 404 },
    },
    'transfer ownership': {
      run: (p, a) => t.as(a).post(`/projects/${p.id}/transfer`).send({ userId: users.target.id }),
      expected: { owner: 200, admin: 403, member: 403, viewer: 403, outsider: 404 },
    },
    'delete the project': {
      run: (p, a) => t.as(a).delete(`/projects/${p.id}`),
      expected: { owner: 204, admin: 403, member: 403, viewer: 403, outsider: 404 },
    },
  };

  describe.each(Object.entries(actions))('%s', (_name, action) => {
    it.each(ACTORS)('as %s', async (actor) => {
      const project = await staffedProject();
      const res = await action.run(project, users[actor]);
      expect(res.status).toBe(action.expected[actor]);
    });
  });

  it('creates with Location, ETag and the caller as owner', async () => {
    const res = await t
      .as(users.owner)
      .post('/projects')
      .send({ name: '  Launch  ', description: 'Ship it' })
      .expect(201);
    expect(res.body).toMatchObject({
      name: 'Launch',
      description: 'Ship it',
      ownerId: users.owner.id,
      role: 'owner',
      version: 1,
    });
    expect(res.headers.location).toBe(`/api/v1/projects/${res.body.id}`);
    expect(res.headers.etag).toBe('"1"');
    await t.as(users.owner).post('/projects').send({ name: '', ownerId: users.admin.id }).expect(422);
  });

  it('answers 400 for malformed ids and 404 for unknown ones', async () => {
    await t.as(users.owner).get('/projects/not-a-uuid').expect(400);
    await t.as(users.owner).get('/projects/00000000-0000-4000-8000-000000000000').expect(404);
    const project = await createProject(t, users.owner);
    await t.as(users.owner).delete(`/projects/${project.id}/members/bad`).expect(400);
    await t
      .as(users.owner)
      .patch(`/projects/${project.id}/members/${users.outsider.id}`)
      .send({ role: 'viewer' })
      .expect(404);
  });

  it('adds members by email, refuses duplicates and unknown people, and never grants owner', async () => {
    const project = await createProject(t, users.owner);
    const added = await t
      .as(users.owner)
      .post(`/projects/${project.id}/members`)
      .send({ email: users.member.email.toUpperCase(), role: 'member' })
      .expect(201);
    expect(added.body).toMatchObject({
      userId: users.member.id,
      role: 'member',
      username: users.member.username,
    });
    await t
      .as(users.owner)
      .post(`/projects/${project.id}/members`)
      .send({ userId: users.member.id, role: 'viewer' })
      .expect(409);
    await t
      .as(users.owner)
      .post(`/projects/${project.id}/members`)
      .send({ email: 'nobody-at-all@example.com', role: 'viewer' })
      .expect(422);
    await t
      .as(users.owner)
      .post(`/projects/${project.id}/members`)
      .send({ userId: users.viewer.id, role: 'owner' })
      .expect(422);
    const members = await t.as(users.member).get(`/projects/${project.id}/members`).expect(200);
    expect(members.body.items.map((m: { userId: string }) => m.userId).sort()).toEqual(
      [users.owner.id, users.member.id].sort(),
    );
  });

  it('lets a member leave, after which the project is not found for them', async () => {
    const project = await staffedProject();
    await t.as(users.viewer).delete(`/projects/${project.id}/members/${users.viewer.id}`).expect(204);
    await t.as(users.viewer).get(`/projects/${project.id}`).expect(404);
  });

  it('transfers ownership: the old owner becomes admin', async () => {
    const project = await staffedProject();
    const res = await t
      .as(users.owner)
      .post(`/projects/${project.id}/transfer`)
      .send({ userId: users.member.id })
      .expect(200);
    expect(res.body).toMatchObject({ ownerId: users.member.id, role: 'admin' });
    const asNewOwner = await t.as(users.member).get(`/projects/${project.id}`).expect(200);
    expect(asNewOwner.body.role).toBe('owner');
    await t
      .as(users.member)
      .post(`/projects/${project.id}/transfer`)
      .send({ userId: users.member.id })
      .expect(422);
    await t
      .as(users.member)
      .post(`/projects/${project.id}/transfer`)
      .send({ userId: users.outsider.id })
      .expect(422);
  });

  it('keeps exactly one owner under two concurrent transfers', async () => {
    const project = await staffedProject();
    const results = await Promise.all(
      [users.admin, users.member].map((to) =>
        t.as(users.owner).post(`/projects/${project.id}/transfer`).send({ userId: to.id }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 403]);
    const members = await t.as(users.owner).get(`/projects/${project.id}/members`).expect(200);
    expect(members.body.items.filter((m: { role: string }) => m.role === 'owner')).toHaveLength(1);
  });

  it('applies writes only at the expected version: 412 otherwise, 304 for an unchanged read, one winner of ten', async () => {
    const project = await createProject(t, users.owner);
    const read = await t.as(users.owner).get(`/projects/${project.id}`).expect(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.headers['cache-control']).toBe('private, no-cache');
    await t.as(users.owner).get(`/projects/${project.id}`).set('If-None-Match', '"1"').expect(304);

    const racers = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        t
          .as(users.owner)
          .patch(`/projects/${project.id}`)
          .set('If-Match', '"1"')
          .send({ name: `Racer ${index}` }),
      ),
    );
    expect(racers.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(412)]);
    expect(racers.filter((r) => r.status === 412)).toHaveLength(9);

    const stale = await t
      .as(users.owner)
      .patch(`/projects/${project.id}`)
      .send({ name: 'Stale', version: 1 });
    expect(stale.status).toBe(412);
    const current = await t.as(users.owner).get(`/projects/${project.id}`).expect(200);
    expect(current.body.version).toBe(2);
    expect(current.body.name).toMatch(/^Racer \d$/);
    await t.as(users.owner).delete(`/projects/${project.id}`).set('If-Match', '"1"').expect(412);
  });

  it('replaces with PUT (clearing what is not sent) and patches only what is sent', async () => {
    const created = await t
      .as(users.owner)
      .post('/projects')
      .send({ name: 'Original', description: 'Keep me?' })
      .expect(201);
    const patched = await t.as(users.owner).patch(`/projects/${created.body.id}`).send({ name: 'Patched' });
    expect(patched.body).toMatchObject({ name: 'Patched', description: 'Keep me?', version: 2 });
    expect(patched.headers.etag).toBe('"2"');
    const replaced = await t.as(users.owner).put(`/projects/${created.body.id}`).send({ name: 'Replaced' });
    expect(replaced.body).toMatchObject({ name: 'Replaced', description: null, version: 3 });
    await t.as(users.owner).put(`/projects/${created.body.id}`).send({ description: 'no name' }).expect(422);
  });

  it('lists only the caller’s projects, newest first, paged and filtered, and forgets deleted ones', async () => {
    const lister = await createUser(t);
    const ids: string[] = [];
    for (const name of ['Alpha', 'Beta', 'Gamma', 'Alpine'])
      ids.push((await createProject(t, lister, name)).id);
    await createProject(t, users.owner, 'Alps of someone else');

    const first = await t.as(lister).get('/projects?limit=3').expect(200);
    expect(first.body.items.map((p: { id: string }) => p.id)).toEqual(ids.slice(1).reverse());
    const second = await t.as(lister).get(`/projects?limit=3&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });

    const filtered = await t.as(lister).get('/projects?q=alp').expect(200);
    expect(filtered.body.items.map((p: { name: string }) => p.name)).toEqual(['Alpine', 'Alpha']);
    await t.as(lister).get(`/projects?q=beta&cursor=${first.body.nextCursor}`).expect(400);

    await t.as(lister).delete(`/projects/${ids[1]}`).expect(204);
    const after = await t.as(lister).get('/projects').expect(200);
    expect(after.body.items.map((p: { id: string }) => p.id)).not.toContain(ids[1]);
    await t.as(lister).get(`/projects/${ids[1]}`).expect(404);
  });
});
