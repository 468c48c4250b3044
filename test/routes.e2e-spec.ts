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
      'auth/refresh',
      'auth/register',
      'health',
      'health/ready',
      'metrics',
    ]);
  });
});
