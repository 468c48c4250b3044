import { ModulesContainer } from '@nestjs/core';
import { IS_PUBLIC } from '../src/auth/public.decorator';
import { REQUIRED_SCOPE } from '../src/auth/require-scope.decorator';
import { SCOPES } from '../src/auth/scopes';
import { startTestApp, TestApp } from './support/test-app';

const PATH_METADATA = 'path';
const METHOD_METADATA = 'method';

interface Route {
  route: string;
  isPublic: boolean;
  scope?: string;
}

/** Walks every controller handler of the booted app, as the router sees them. */
function routesOf(t: TestApp): Route[] {
  const routes: Route[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => object) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const path = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        const read = (key: string) =>
          Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
        routes.push({
          route: `${controller.name}.${name} ${base}/${path}`,
          isPublic: read(IS_PUBLIC) === true,
          scope: read(REQUIRED_SCOPE),
        });
      }
    }
  }
  return routes;
}

describe('every route declares how it is reached', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('declares exactly one known scope, or is explicitly public', () => {
    const routes = routesOf(t);
    expect(routes.length).toBeGreaterThan(10);
    const undeclared = routes.filter((r) => !r.isPublic && !SCOPES.includes(r.scope as never));
    expect(undeclared).toEqual([]);
  });

  it('opens only the routes the contract opens', () => {
    const open = routesOf(t)
      .filter((r) => r.isPublic)
      .map((r) => r.route.split(' ')[1].replace(/\/+$/, ''))
      .sort();
    expect(open).toEqual([
      'auth/login',
      // The second step's mfaToken is its credential; the single sign-on routes are the way in for who has none.
      'auth/login/2fa',
      'auth/oidc/callback',
      'auth/oidc/exchange',
      'auth/oidc/login',
      'auth/providers',
      'auth/refresh',
      'auth/register',
      // The feed's secret token is its credential (calendar apps send no headers); it opens that feed alone.
      'calendar/:token.ics',
      'health',
      'health/ready',
      'metrics',
    ]);
  });
});

describe('the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('documents every API operation with a success schema, its errors, and its security', async () => {
    const { body } = await t.http.get('/docs-json').expect(200);
    const open = [
      '/api/v1/auth/register',
      '/api/v1/auth/login',
      '/api/v1/auth/login/2fa',
      '/api/v1/auth/providers',
      '/api/v1/auth/oidc/login',
      '/api/v1/auth/oidc/callback',
      '/api/v1/auth/oidc/exchange',
      '/api/v1/auth/refresh',
      '/api/v1/calendar/{token}.ics',
    ];
    const problems: string[] = [];
    for (const [path, operations] of Object.entries<Record<string, Record<string, unknown>>>(body.paths)) {
      if (!path.startsWith('/api/v1/')) continue;
      for (const [method, operation] of Object.entries(operations)) {
        const responses = operation.responses as Record<string, { content?: unknown; description?: string }>;
        // A route whose answer is a redirect (single sign-on's) succeeds with a 302 and no body.
        const success = Object.entries(responses).find(
          ([status]) => status.startsWith('2') || status === '302',
        );
        if (!success) problems.push(`${method} ${path}: no success response`);
        else if (!['204', '302'].includes(success[0]) && !success[1].content)
          problems.push(`${method} ${path}: success without a schema`);
        if (!Object.keys(responses).some((status) => status.startsWith('4')))
          problems.push(`${method} ${path}: no error responses`);
        if (!open.includes(path) && !(operation.security as unknown[] | undefined)?.length) {
          problems.push(`${method} ${path}: no security scheme`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('states the headers each operation honours, the answers they give, and shapes exact enough to generate from', async () => {
    const { body: doc } = await t.http.get('/docs-json').expect(200);
    const operation = (method: string, path: string) => doc.paths[path][method];
    const headers = (method: string, path: string) =>
      (operation(method, path).parameters as { in: string; name: string }[])
        .filter((parameter) => parameter.in === 'header')
        .map((parameter) => parameter.name)
        .sort();
    const statuses = (method: string, path: string) => Object.keys(operation(method, path).responses);

    for (const [method, path] of [
      ['patch', '/api/v1/tasks/{id}'],
      ['put', '/api/v1/tasks/{id}'],
      ['delete', '/api/v1/tasks/{id}'],
      ['post', '/api/v1/tasks/{id}/move'],
      ['patch', '/api/v1/projects/{id}'],
      ['patch', '/api/v1/comments/{id}'],
    ]) {
      expect({ path, headers: headers(method, path) }).toEqual({
        path,
        headers: expect.arrayContaining(['If-Match']),
      });
      expect(statuses(method, path)).toContain('412');
    }
    expect(statuses('patch', '/api/v1/tasks/{id}')).toEqual(expect.arrayContaining(['409', '412', '422']));
    for (const path of ['/api/v1/tasks/{id}', '/api/v1/projects/{id}', '/api/v1/attachments/{id}/content']) {
      expect(headers('get', path)).toContain('If-None-Match');
      expect(statuses('get', path)).toContain('304');
    }
    expect(headers('get', '/api/v1/attachments/{id}/content')).toEqual(
      expect.arrayContaining(['If-None-Match', 'If-Range', 'Range']),
    );
    expect(headers('post', '/api/v1/projects/{projectId}/tasks')).toContain('Idempotency-Key');

    const schemas = doc.components.schemas;
    expect(schemas.CreateWebhookDto.properties.description).toMatchObject({ type: 'string', nullable: true });
    expect(schemas.CommentDto.required).toEqual(expect.arrayContaining(['authorId', 'body', 'mentions']));
    expect(schemas.CommentTombstoneDto.required).toEqual(['id', 'taskId', 'createdAt', 'deleted']);
    expect(schemas.CommentPageDto.properties.items.items.oneOf).toEqual([
      { $ref: '#/components/schemas/CommentDto' },
      { $ref: '#/components/schemas/CommentTombstoneDto' },
    ]);
  });
});
