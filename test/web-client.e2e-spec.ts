import { readFileSync } from 'node:fs';
import { CLIENT_TYPES_FILE, clientTypesOf } from '../scripts/web-client';
import { outsideEventLoopBudget } from './support/event-loop-budget';
import { startTestApp, TestApp } from './support/test-app';

/** The board speaks only through a client typed from this document: a change to the API must regenerate it. */
/** Generating the client is a build step run in the test process, not the service serving a request: not charged. */
function generatedClientOf(document: object): Promise<string> {
  return outsideEventLoopBudget(() => clientTypesOf(document));
}

describe('the web board client', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is what the running service’s /docs-json generates (run npm run web:client after changing the API)', async () => {
    const document = (await t.http.get('/docs-json').expect(200)).body;
    expect(await generatedClientOf(document)).toBe(readFileSync(CLIENT_TYPES_FILE, 'utf8'));
  });

  it('differs when the document does, so the check above can fail', async () => {
    const document = (await t.http.get('/docs-json').expect(200)).body;
    document.paths['/api/v1/extra'] = { get: { responses: { 200: { description: 'new' } } } };
    expect(await generatedClientOf(document)).not.toBe(readFileSync(CLIENT_TYPES_FILE, 'utf8'));
  });

  it('reads every error answer as a problem: each 4xx and 5xx in the document has the problem+json schema', async () => {
    const document = (await t.http.get('/docs-json').expect(200)).body;
    const errors: [string, string, { content?: Record<string, unknown> }][] = [];
    for (const [path, operations] of Object.entries<Record<string, { responses?: object }>>(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          if (Number(status) >= 400) errors.push([`${method} ${path}`, status, response]);
        }
      }
    }
    expect(errors.length).toBeGreaterThan(100);
    expect(errors.filter(([, , response]) => !response.content?.['application/problem+json'])).toEqual([]);
    expect(document.components.schemas.ProblemDto.required).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'instance', 'requestId']),
    );
  });
});
