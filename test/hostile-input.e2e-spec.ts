import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { eventually } from './support/eventually';
import { createUser, TestUser } from './support/factories';
import { addMember, createProject, TestProject } from './support/projects';
import { ScriptedServer } from './support/scripted-server';
import { createTask, TestTask } from './support/tasks';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Property-based attacks on every operation the OpenAPI document lists: random and malformed JSON, wrong types, huge
 * and unicode-edge strings, injection strings and other people's ids, in bodies, query parameters, path ids and
 * headers. Whatever arrives, the answer is never a 5xx, and nothing the caller may not touch changes.
 */

interface SchemaObject {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  format?: string;
  enum?: unknown[];
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  allOf?: SchemaObject[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, SchemaObject> };
}

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  pathParams: string[];
  queryParams: string[];
  body?: Record<string, SchemaObject>;
  /** Takes a file as multipart/form-data. */
  multipart: boolean;
}

/** A multipart upload: well-formed parts with hostile names and bytes, or a raw body no form encoder makes. */
type Upload = { field: string; filename: string; bytes: Uint8Array } | { raw: string };

interface Attempt {
  operation: Operation;
  path: string;
  query: Record<string, unknown>;
  body?: unknown;
  rawBody?: string;
  upload?: Upload;
  headers: Record<string, string>;
}

const INJECTIONS = [
  "' OR 1=1 --",
  "'; DROP TABLE tasks; --",
  '%',
  '_',
  '\\',
  '$1',
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202eevil',
  '\ufeff',
  'e\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦',
  '\r\nX-Injected: 1',
  'null',
  'NaN',
  '-1',
  '1e309',
  '9'.repeat(400),
  '0x10',
  ' ',
  '',
  '__proto__',
  'constructor',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '2026-02-30',
  '-infinity',
  'me',
  'none',
  '*',
  'https://169.254.169.254/latest/meta-data',
  'http://127.0.0.1:1/x',
  'file:///etc/passwd',
  'https://[::1]/x',
  'https://0x7f000001/x',
];

/** Raw request bodies no JSON encoder would produce. */
const MALFORMED_BODIES = [
  '{',
  '{"title":',
  '[1,2',
  "{'title':'x'}",
  '{"title":"x",}',
  'null',
  '1',
  '"x"',
  '[]',
  'true',
  '{"title":"x","title":"y"}',
  '{"__proto__":{"polluted":true},"title":"x"}',
  '{"constructor":{"prototype":{"polluted":true}},"title":"x"}',
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  `{"title":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`,
  '\u0000',
  '{"title":"\\ud800"}',
  '{"title":"\\u0000"}',
];

const hostileString = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(25_000), 'é'.repeat(300_000), '\u0000'.repeat(10_000)) },
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, -0, 0.5, 1e308) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

const BOUNDARY = 'hostile-boundary';

/** Raw multipart bodies (sent with boundary BOUNDARY) that are cut off, mislabelled or malformed. */
const MALFORMED_MULTIPART = [
  '',
  '--hostile-boundary',
  '--hostile-boundary\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\ncut off',
  '--hostile-boundary\r\nContent-Disposition: form-data; name="file"\r\n\r\nnot a file\r\n--hostile-boundary--',
  '--other\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nx\r\n--other--',
  '--hostile-boundary\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8\'\'%FF%FE\r\n\r\nx\r\n--hostile-boundary--',
  '--hostile-boundary\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nx\r\n'.repeat(40),
  `--hostile-boundary\r\nContent-Disposition: form-data; name="${'n'.repeat(5000)}"\r\n\r\nx\r\n--hostile-boundary--`,
];

const upload: fc.Arbitrary<Upload> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      field: fc.constantFrom('file', 'file', 'file', 'files', 'FILE', ''),
      filename: fc.oneof(
        fc.constantFrom(
          '../../../etc/passwd',
          'C:\\boot.ini',
          '"><img src=x>.html',
          '\u202egnp.exe',
          '.',
          'x'.repeat(400),
        ),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
      ),
      bytes: fc.oneof(
        fc.uint8Array({ maxLength: 3000 }),
        fc.constantFrom(
          Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
          Buffer.from('89504e470d0a1a0a', 'hex'),
          Buffer.alloc(0),
        ),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_MULTIPART).map((raw) => ({ raw })) },
);

/** A header value a client can send at all (visible ASCII), hostile in meaning. */
const headerValue = fc.oneof(
  fc.constantFrom('"1"', '"999999999999"', 'W/"1"', '*', '"-1"', '""', "' OR 1=1 --", 'x'.repeat(300)),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }).map((value) => value.replace(/[^\x21-\x7e]/g, '')),
);

function resolveSchema(doc: OpenApiDocument, schema: SchemaObject): SchemaObject {
  let resolved = schema;
  while (resolved.$ref) resolved = doc.components.schemas[resolved.$ref.split('/').pop()!];
  if (resolved.allOf?.length === 1) {
    return { ...resolveSchema(doc, resolved.allOf[0]), nullable: resolved.nullable ?? schema.nullable };
  }
  return schema.nullable ? { ...resolved, nullable: true } : resolved;
}

/** A value of each JSON type, with the schema types that take it. */
const JSON_KINDS: { value: unknown; takenBy: string[] }[] = [
  { value: null, takenBy: [] },
  { value: true, takenBy: ['boolean'] },
  { value: 7, takenBy: ['integer', 'number'] },
  { value: 1.5, takenBy: ['number'] },
  { value: 'x', takenBy: ['string'] },
  { value: [], takenBy: ['array'] },
  { value: [{ rule: 'FREQ=DAILY' }], takenBy: ['array'] },
  { value: [null], takenBy: [] },
  { value: {}, takenBy: ['object'] },
  { value: { rule: 'FREQ=DAILY' }, takenBy: ['object'] },
];

/**
 * Every route is held to the contract's whole rule on type confusion, a 422 naming the field, but the admin routes:
 * the pass speaks as a project owner, whom they answer 403 before reading a body (their bodies are checked as an
 * admin in auth.e2e).
 */
const heldToTheWholeRule = (path: string) => !path.startsWith('/api/v1/admin/');

/** The values of JSON types a body field does not take: null where it cannot be cleared, and every other type. */
function confusedValues(schema: SchemaObject): unknown[] {
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  if (!type) return [];
  return JSON_KINDS.filter(({ value, takenBy }) => {
    if (value === null) return !schema.nullable;
    if (Array.isArray(value) && value[0] === null) return type !== 'array' || schema.items?.nullable !== true;
    return !takenBy.includes(type);
  }).map(({ value }) => value);
}

/** Every API operation with its parameters and, for writes, the properties its body schema names. */
function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const [method, spec] of Object.entries(methods)) {
      const parameters = (spec.parameters as { in: string; name: string }[] | undefined) ?? [];
      const content = (spec.requestBody as { content?: Record<string, { schema: SchemaObject }> } | undefined)
        ?.content;
      const schema = content?.['application/json']?.schema;
      const resolved = schema && resolveSchema(doc, schema);
      operations.push({
        method: method as Operation['method'],
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        body:
          resolved &&
          Object.fromEntries(
            Object.entries(resolved.properties ?? {}).map(([name, property]) => [
              name,
              resolveSchema(doc, property),
            ]),
          ),
        multipart: content?.['multipart/form-data'] !== undefined,
      });
    }
  }
  return operations;
}

describe('hostile input on every operation', () => {
  let t: TestApp;
  let db: DataSource;
  let receiver: ScriptedServer;
  let owner: TestUser;
  let member: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;
  let project: TestProject;
  let outsiderProject: TestProject;
  let task: TestTask;
  let outsiderTask: TestTask;
  let ids: Record<string, string>;
  let operations: Operation[];

  beforeAll(async () => {
    receiver = await new ScriptedServer(() => ({ status: 200 })).start();
    t = await startTestApp({
      // GitHub is a closed port: a lookup fails at once and the link is stored pending.
      GITHUB_API_BASE: 'http://127.0.0.1:9',
      WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
    });
    db = t.app.get(DataSource);
    [owner, member, viewer, outsider] = [
      await createUser(t),
      await createUser(t),
      await createUser(t),
      await createUser(t),
    ];
    project = await createProject(t, owner, 'Guarded');
    await addMember(t, project, owner, member, 'member');
    await addMember(t, project, owner, viewer, 'viewer');
    outsiderProject = await createProject(t, outsider, 'Outside');
    const webhook = await t
      .as(owner)
      .post(`/projects/${project.id}/webhooks`)
      .send({ url: `${receiver.url}/hook`, events: ['*'] })
      .expect(201);
    task = await createTask(t, project, owner, { title: 'Guarded task', assigneeId: member.id });
    outsiderTask = await createTask(t, outsiderProject, outsider, { title: 'Outside task' });
    await t
      .as(owner)
      .post(`/tasks/${task.id}/shares`)
      .send({ userId: outsider.id, permission: 'view' })
      .expect(201);
    await t.as(owner).delete(`/tasks/${task.id}/shares/${outsider.id}`).expect(204);
    const comment = await t
      .as(owner)
      .post(`/tasks/${task.id}/comments`)
      .send({ body: `@${member.username} a comment to aim at` })
      .expect(201);
    const attachment = await t
      .as(owner)
      .post(`/tasks/${task.id}/attachments`)
      .attach('file', Buffer.from('a file to aim at'), 'aim.txt')
      .expect(201);
    const key = await t.as(owner).post('/auth/api-keys').send({ name: 'guarded key' }).expect(201);
    const states = await t.as(owner).get(`/projects/${project.id}/states`).expect(200);
    const view = await t
      .as(owner)
      .post(`/projects/${project.id}/views`)
      .send({ name: 'Guarded view', query: 'completed=false', layout: 'board', shared: true })
      .expect(201);
    const field = await t
      .as(owner)
      .post(`/projects/${project.id}/fields`)
      .send({ name: 'Guarded field', type: 'select', options: [{ name: 'One' }, { name: 'Two' }] })
      .expect(201);
    await t
      .as(owner)
      .patch(`/tasks/${task.id}`)
      .send({ fields: { [field.body.id]: field.body.options[0].id } })
      .expect(200);
    const deliveries = async () =>
      (await t.as(owner).get(`/projects/${project.id}/webhooks/${webhook.body.id}/deliveries`).expect(200))
        .body.items as { id: string; status: string }[];
    await eventually('the deliveries to settle', async () =>
      (await deliveries()).every((delivery) => delivery.status !== 'pending'),
    );
    ids = {
      project: project.id,
      task: task.id,
      member: member.id,
      owner: owner.id,
      webhook: webhook.body.id,
      delivery: (await deliveries())[0].id,
      key: key.body.id,
      comment: comment.body.id,
      attachment: attachment.body.id,
      state: states.body.items[0].id,
      view: view.body.id,
      field: field.body.id,
    };
    const { body: doc } = await t.http.get('/docs-json').expect(200);
    operations = operationsOf(doc as OpenApiDocument);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  /** A digest of everything of the guarded project and its people that an outsider or a viewer must not change. */
  async function guardedState(): Promise<string> {
    const [{ digest }] = await db.query<{ digest: string }[]>(
      `SELECT md5(concat_ws('|',
         (SELECT string_agg(p::text, ',') FROM projects p WHERE p.id = $1),
         (SELECT string_agg(m::text, ',' ORDER BY m.user_id) FROM project_members m WHERE m.project_id = $1),
         (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM tasks t WHERE t.project_id = $1),
         (SELECT string_agg(s::text, ',' ORDER BY s.task_id, s.user_id)
            FROM task_shares s JOIN tasks t ON t.id = s.task_id WHERE t.project_id = $1),
         (SELECT string_agg(concat_ws(';', w.id, w.url, w.events, w.secret_encrypted, w.active, w.version), ','
                            ORDER BY w.id) FROM webhooks w WHERE w.project_id = $1),
         (SELECT count(*) FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE w.project_id = $1),
         (SELECT string_agg(u::text, ',' ORDER BY u.id) FROM users u WHERE u.id = ANY ($2)),
         (SELECT string_agg(concat_ws(';', k.id, k.name, k.scopes, k.revoked_at), ',' ORDER BY k.id)
            FROM api_keys k WHERE k.user_id = ANY ($2)),
         (SELECT string_agg(s::text, ',' ORDER BY s.id) FROM auth_sessions s WHERE s.user_id = ANY ($2)),
         (SELECT string_agg(c::text, ',' ORDER BY c.id) FROM comments c JOIN tasks t ON t.id = c.task_id
           WHERE t.project_id = $1),
         (SELECT string_agg(a::text, ',' ORDER BY a.id) FROM attachments a JOIN tasks t ON t.id = a.task_id
           WHERE t.project_id = $1),
         (SELECT string_agg(n::text, ',' ORDER BY n.id) FROM notifications n WHERE n.user_id = ANY ($2)),
         (SELECT string_agg(s::text, ',' ORDER BY s.id) FROM workflow_states s WHERE s.project_id = $1),
         (SELECT string_agg(l::text, ',' ORDER BY l.id) FROM labels l WHERE l.project_id = $1),
         (SELECT string_agg(f::text, ',' ORDER BY f.id) FROM custom_fields f WHERE f.project_id = $1),
         -- Shared views only: anyone who reads the project may keep views of their own.
         (SELECT string_agg(v::text, ',' ORDER BY v.id) FROM views v WHERE v.project_id = $1 AND v.shared)
       )) AS digest`,
      [project.id, [owner.id, member.id]],
    );
    return digest;
  }

  /** Path ids: the guarded project's own, so an attack aims at something real. */
  function pathFor(operation: Operation, overrides: Record<string, string> = {}): string {
    const named: Record<string, string> = {
      projectId: ids.project,
      webhookId: ids.webhook,
      deliveryId: ids.delivery,
      userId: ids.member,
      stateId: ids.state,
      fieldId: ids.field,
    };
    return operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
      // Through UTF-8 and back: a lone surrogate cannot be percent-encoded, so it goes as U+FFFD.
      if (overrides[name] !== undefined)
        return encodeURIComponent(Buffer.from(overrides[name], 'utf8').toString('utf8'));
      if (named[name]) return named[name];
      if (operation.path.startsWith('/api/v1/tasks/')) return ids.task;
      if (operation.path.startsWith('/api/v1/comments/')) return ids.comment;
      if (operation.path.startsWith('/api/v1/attachments/')) return ids.attachment;
      if (operation.path.startsWith('/api/v1/admin/users/')) return ids.owner;
      if (operation.path.startsWith('/api/v1/auth/api-keys/')) return ids.key;
      if (operation.path.startsWith('/api/v1/views/')) return ids.view;
      return ids.project;
    });
  }

  /** A value for a body property that validation accepts, so the write itself is attempted. */
  function plausibleValue(schema: SchemaObject): fc.Arbitrary<unknown> {
    const everyone = [owner.id, member.id, viewer.id, outsider.id, project.id, task.id, outsiderTask.id];
    if (schema.enum) return fc.constantFrom(...schema.enum);
    if (schema.format === 'uuid') return fc.constantFrom(...everyone, outsiderProject.id);
    if (schema.format === 'date') return fc.constantFrom('2026-01-31', '2031-12-31', '1900-01-01');
    if (schema.format === 'email') return fc.constantFrom(owner.email, 'someone@example.com');
    if (schema.type === 'integer' || schema.type === 'number') return fc.integer({ min: -5, max: 5 });
    if (schema.type === 'boolean') return fc.boolean();
    if (schema.type === 'array')
      return fc.array(schema.items?.enum ? fc.constantFrom(...schema.items.enum) : hostileString, {
        maxLength: 3,
      });
    return fc.string({ minLength: 1, maxLength: 30 }).filter((text) => text.trim().length > 0);
  }

  /** A body: mostly fields validation accepts (so the write is tried), else hostile fields, else any JSON. */
  function bodyOf(properties: Record<string, SchemaObject>): fc.Arbitrary<unknown> {
    const fields = (value: (schema: SchemaObject) => fc.Arbitrary<unknown>) =>
      fc.record(
        Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, value(schema)])),
        { requiredKeys: [] },
      );
    return fc.oneof(
      { weight: 4, arbitrary: fields(plausibleValue) },
      { weight: 4, arbitrary: fields((schema) => fc.oneof(plausibleValue(schema), hostileValue)) },
      { weight: 1, arbitrary: hostileValue },
    );
  }

  function attempts(ops: Operation[], hostilePaths: boolean): fc.Arbitrary<Attempt> {
    return fc.constantFrom(...ops).chain((operation) =>
      fc.record({
        operation: fc.constant(operation),
        path: hostilePaths
          ? fc
              .record(Object.fromEntries(operation.pathParams.map((name) => [name, hostileString])), {
                requiredKeys: [],
              })
              .map((overrides) => pathFor(operation, overrides as Record<string, string>))
          : fc.constant(pathFor(operation)),
        query: fc.record(
          Object.fromEntries(
            operation.queryParams.map((name) => [name, fc.oneof(hostileString, hostileValue)]),
          ),
          { requiredKeys: [] },
        ),
        body: operation.body ? bodyOf(operation.body) : fc.constant(undefined),
        upload: operation.multipart ? upload : fc.constant(undefined),
        rawBody: operation.body
          ? fc.oneof(
              { weight: 3, arbitrary: fc.constant(undefined) },
              {
                weight: 1,
                arbitrary: fc.oneof(fc.constantFrom(...MALFORMED_BODIES), fc.string({ unit: 'binary' })),
              },
            )
          : fc.constant(undefined),
        headers: fc.oneof(
          { weight: 2, arbitrary: fc.constant({}) },
          {
            weight: 1,
            arbitrary: fc.record(
              { 'If-Match': headerValue, 'Idempotency-Key': headerValue, 'X-Request-Id': headerValue },
              { requiredKeys: [] },
            ),
          },
        ),
      }),
    );
  }

  async function send(attempt: Attempt, user: TestUser) {
    const { operation } = attempt;
    const request = t.http[operation.method](attempt.path)
      .set('Authorization', user.bearer)
      .set(attempt.headers)
      .query(
        Object.fromEntries(
          Object.entries(attempt.query).map(([name, value]) => [
            name,
            typeof value === 'string' ? value : JSON.stringify(value),
          ]),
        ),
      );
    if (attempt.upload && 'raw' in attempt.upload) {
      return request
        .set('Content-Type', `multipart/form-data; boundary=${BOUNDARY}`)
        .send(attempt.upload.raw);
    }
    if (attempt.upload) {
      return request.attach(attempt.upload.field, Buffer.from(attempt.upload.bytes), attempt.upload.filename);
    }
    const body = attempt.rawBody ?? (attempt.body === undefined ? undefined : JSON.stringify(attempt.body));
    return body === undefined ? request : request.set('Content-Type', 'application/json').send(body);
  }

  const describeInput = (attempt: Attempt) =>
    JSON.stringify({
      query: attempt.query,
      headers: attempt.headers,
      body: attempt.rawBody ?? attempt.body,
      upload:
        attempt.upload &&
        ('raw' in attempt.upload
          ? attempt.upload.raw
          : { ...attempt.upload, bytes: attempt.upload.bytes.length }),
    }).slice(0, 600);
  const describeAttempt = (attempt: Attempt) =>
    `${attempt.operation.method.toUpperCase()} ${attempt.path.slice(0, 200)}`;

  /**
   * fc.assert, with a failure reported as its cause and seed only: a counterexample can be a megabyte of brackets.
   */
  async function holds(property: fc.IAsyncProperty<[Attempt]>, numRuns: number): Promise<void> {
    const details = await fc.check(property, { numRuns, endOnFailure: true });
    if (details.failed) {
      const cause =
        details.errorInstance instanceof Error
          ? details.errorInstance.message
          : String(details.errorInstance);
      throw new Error(`${cause.slice(0, 2000)} (seed ${details.seed}, path ${details.counterexamplePath})`);
    }
  }

  /** Runs `attempts` as `user`; each answer must be below 500, and the guarded state must stay as it was. */
  async function attack(
    user: TestUser,
    arbitrary: fc.Arbitrary<Attempt>,
    numRuns: number,
    expectRefused: boolean,
  ) {
    const before = await guardedState();
    await holds(
      fc.asyncProperty(arbitrary, async (attempt) => {
        const res = await send(attempt, user);
        if (res.status >= 500)
          throw new Error(`${describeAttempt(attempt)} answered ${res.status} to ${describeInput(attempt)}`);
        if (expectRefused && res.status < 400)
          throw new Error(`${describeAttempt(attempt)} let an outsider through with ${res.status}`);
        if ((await guardedState()) !== before)
          throw new Error(`${describeAttempt(attempt)} changed what ${user.username} may not touch`);
      }),
      numRuns,
    );
  }

  it('never answers 5xx to an outsider, refuses every operation on the guarded project, and changes nothing', async () => {
    const onGuarded = operations.filter((operation) => operation.pathParams.length > 0);
    await attack(outsider, attempts(onGuarded, false), 1000, true);
  });

  it('never answers 5xx to an outsider calling the operations on their own account, and changes nothing of others', async () => {
    const unscoped = operations.filter((operation) => operation.pathParams.length === 0);
    await attack(outsider, attempts(unscoped, false), 600, false);
  });

  it('never answers 5xx to a viewer, and lets a viewer change nothing of the project', async () => {
    await attack(viewer, attempts(operations, false), 1000, false);
  });

  it('answers every body field given a JSON type it does not take without a 5xx, and with a 422 naming it where held (type confusion)', async () => {
    const withBodies = operations.filter(
      (operation) =>
        operation.body && !['/api/v1/auth/logout', '/api/v1/users/me/password'].includes(operation.path),
    );
    const failures: string[] = [];
    let sent = 0;
    for (const operation of withBodies) {
      for (const [field, schema] of Object.entries(operation.body!)) {
        for (const value of confusedValues(schema)) {
          const attempt = {
            operation,
            path: pathFor(operation),
            query: {},
            headers: {},
            body: { [field]: value },
          };
          const res = await send(attempt, owner);
          sent += 1;
          const named = ((res.body as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
          const namesField = named.some((name) => name === field || name.startsWith(`${field}.`));
          if (
            res.status >= 500 ||
            (heldToTheWholeRule(operation.path) && (res.status !== 422 || !namesField))
          )
            failures.push(
              `${describeAttempt(attempt)} {"${field}": ${JSON.stringify(value)}} answered ${res.status} ${named.join()}`,
            );
        }
      }
    }
    // The pass is only as good as its reach: every write's fields, each with several wrong types (1,119 today).
    expect(sent).toBeGreaterThan(1000);
    // And the strict part reaches every route with a body but the admin one (39 today), each created and changed.
    const strict = withBodies.filter((operation) => heldToTheWholeRule(operation.path));
    expect(strict.length).toBeGreaterThanOrEqual(39);
    expect(withBodies.length - strict.length).toBe(1);
    expect(failures).toEqual([]);
  });

  it("sees in its digest a change to each of the project's states, labels, fields and shared views, and not a personal view", async () => {
    let before = await guardedState();
    const changes = [
      () => t.as(owner).patch(`/projects/${ids.project}/states/${ids.state}`).send({ color: '#123456' }),
      () =>
        t
          .as(owner)
          .post(`/projects/${ids.project}/labels`)
          .send({ name: 'digest control', color: '#654321' }),
      () => t.as(owner).patch(`/views/${ids.view}`).send({ name: 'Renamed guarded view' }),
      () => t.as(owner).patch(`/projects/${ids.project}/fields/${ids.field}`).send({ name: 'Renamed field' }),
    ];
    for (const change of changes) {
      expect((await change()).status).toBeLessThan(300);
      const after = await guardedState();
      expect(after).not.toBe(before);
      before = after;
    }
    // Their webhook deliveries are made after commit, by the outbox: wait until it has handed every record on.
    await eventually('the outbox to hand on every record', async () => {
      const [{ done }] = await db.query<{ done: boolean }[]>(
        `SELECT bool_and(o.position >= (SELECT max(a.seq) FROM activity a)) AS done FROM outbox_positions o`,
      );
      return done;
    });
    before = await guardedState();
    await t
      .as(viewer)
      .post(`/projects/${ids.project}/views`)
      .send({ name: 'Viewer’s own', query: '', layout: 'list' })
      .expect(201);
    expect(await guardedState()).toBe(before);
  });

  it('never answers 5xx to the owner sending anything to their own project, and leaves it readable', async () => {
    const everything = operations.filter(
      // Signing out or changing the password would end the run's own login; those are tested in auth.
      (operation) => !['/api/v1/auth/logout', '/api/v1/users/me/password'].includes(operation.path),
    );
    await holds(
      fc.asyncProperty(attempts(everything, true), async (attempt) => {
        const res = await send(attempt, owner);
        if (res.status >= 500)
          throw new Error(`${describeAttempt(attempt)} answered ${res.status} to ${describeInput(attempt)}`);
      }),
      1000,
    );
    const page = await t.http
      .get(`/api/v1/projects/${project.id}/tasks`)
      .query({ limit: 100 })
      .set('Authorization', owner.bearer);
    // The owner may have deleted or moved the project in the run; then it is gone whole, not half.
    expect([200, 404]).toContain(page.status);
    for (const item of page.body.items ?? []) {
      const read = await t.as(owner).get(`/tasks/${item.id}`).expect(200);
      expect(read.body).toMatchObject({
        id: item.id,
        title: expect.any(String),
        version: expect.any(Number),
      });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
