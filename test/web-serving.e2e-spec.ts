import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The board's files as the API process serves them, from a stand-in build: the page for `/` and deep links, hashed
 * assets cached for good, and every path the API answers itself kept from the page.
 */
describe('web board serving', () => {
  let t: TestApp;
  let webDir: string;
  const PAGE =
    '<!doctype html><title>Taskforge</title><script type="module" src="/assets/index-abc123.js"></script>';

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'taskforge-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), PAGE);
    writeFileSync(join(webDir, 'assets', 'index-abc123.js'), 'console.log("board")');
    t = await startTestApp({ WEB_DIR: webDir });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it.each([
    '/',
    '/projects/6a1f0c1e-0000-4000-8000-000000000000',
    '/tasks/6a1f0c1e-0000-4000-8000-000000000000',
  ])('answers %s with the page, revalidated on every load', async (path) => {
    const res = await t.http.get(path).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toBe(PAGE);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves a hashed asset cached for a year, immutable', async () => {
    const res = await t.http.get('/assets/index-abc123.js').expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('runs no inline script and loads nothing from another origin, by its CSP', async () => {
    const csp = Object.fromEntries(
      String((await t.http.get('/').expect(200)).headers['content-security-policy'])
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name, ...sources]) => [name, sources]),
    );
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['default-src']).toEqual(["'self'"]);
    for (const directive of ['style-src', 'font-src', 'img-src', 'connect-src']) {
      expect(
        (csp[directive] ?? csp['default-src']).filter((source: string) => /^(https?:|\*)/.test(source)),
      ).toEqual([]);
    }
  });

  it('keeps the API, the docs, health and metrics their own: an unknown API path is a problem, never the page', async () => {
    const unknown = await t.http.get('/api/v1/no-such-thing').expect(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    const missingAsset = await t.http.get('/assets/index-gone.js').expect(404);
    expect(missingAsset.text).not.toContain('<!doctype html>');
    expect((await t.http.get('/docs-json').expect(200)).body.openapi).toMatch(/^3\./);
    expect((await t.http.get('/docs/').expect(200)).text).toContain('swagger');
    expect((await t.http.get('/health').expect(200)).body).toEqual(expect.objectContaining({ status: 'ok' }));
    expect((await t.http.get('/metrics').expect(200)).text).toContain('# HELP');
    expect((await t.http.get('/socket.io/?EIO=4&transport=polling')).text).not.toContain('<!doctype html>');
  });
});
