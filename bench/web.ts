/**
 * npm run bench:web: the board's budgets, measured on the production build in headless Chromium.
 *   1. What a first load sends: the page's JavaScript and CSS, gzipped (target ≤ 120 KB).
 *   2. First render of a board holding 500 tasks: navigation start to the 500th card in the page (target < 1 s).
 *   3. Live repaint: a change's commit (its API answer) to its card repainting on another open board, p95 over 50
 *      changes (target < 300 ms).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../test/web/chromium';
import { callJson as json } from './api';
import { startService } from './processes';

const ROOT = join(__dirname, '..');
const WEB = join(ROOT, 'dist', 'web');
const TASKS = 500;
const CHANGES = 50;

/** The little of the DOM this Node-typed file touches inside the page. */
type PageGlobals = { document: { querySelectorAll(selector: string): { length: number } } };

const log = (line: string) => process.stdout.write(`${line}\n`);
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];

/** Gzipped bytes of every script and stylesheet index.html names. */
function firstLoadBytes(): { js: number; css: number } {
  const page = readFileSync(join(WEB, 'index.html'), 'utf8');
  const sizes = { js: 0, css: 0 };
  for (const [, path] of page.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)) {
    const bytes = gzipSync(readFileSync(join(WEB, path)), { level: 9 }).length;
    sizes[path.endsWith('.css') ? 'css' : 'js'] += bytes;
  }
  return sizes;
}

async function main(): Promise<void> {
  log('building the service and the board');
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const bytes = firstLoadBytes();

  const service = await startService({
    NODE_ENV: 'production',
    DATABASE_URL: '',
    DATA_DIR: 'memory://',
    JWT_SECRET: randomBytes(48).toString('base64url'),
    RATE_LIMIT_PER_MINUTE: '100000000',
  });
  const browser = await launchChromium();
  try {
    const api = `${service.url}/api/v1`;
    const session = await json<{ accessToken: string; refreshToken: string }>(
      `${api}/auth/register`,
      'POST',
      {
        email: 'bench@example.com',
        username: 'bench',
        password: 'correct horse battery',
      },
    );
    const token = session.accessToken;
    const project = await json<{ id: string }>(`${api}/projects`, 'POST', { name: 'Bench board' }, token);
    const ids: string[] = [];
    for (let start = 0; start < TASKS; start += 200) {
      const items = Array.from({ length: Math.min(200, TASKS - start) }, (_, index) => ({
        title: `Task ${start + index}`,
        status: (['pending', 'in_progress', 'completed'] as const)[(start + index) % 3],
      }));
      const created = await json<{ results: { id: string }[] }>(
        `${api}/projects/${project.id}/tasks/bulk`,
        'POST',
        { items },
        token,
      );
      ids.push(...created.results.map((result) => result.id));
    }

    /** A signed-in page: the board reads its refresh token from this tab's sessionStorage. */
    const openBoard = async () => {
      const fresh = await json<{ refreshToken: string }>(`${api}/auth/login`, 'POST', {
        username: 'bench',
        password: 'correct horse battery',
      });
      const context = await browser.newContext({ baseURL: service.url });
      // Browser code as text: this file is type-checked for Node, without the DOM's globals.
      await context.addInitScript(
        `sessionStorage.setItem('taskforge.refreshToken', ${JSON.stringify(fresh.refreshToken)})`,
      );
      const page = await context.newPage();
      await page.goto(`/projects/${project.id}`);
      // A function, not text: the page's CSP refuses to evaluate strings, and that is how text predicates run.
      await page.waitForFunction(
        (count) =>
          (globalThis as unknown as PageGlobals).document.querySelectorAll('article').length === count,
        TASKS,
      );
      const renderMs = await page.evaluate<number>('performance.now()');
      return { context, page, renderMs };
    };

    const renders: number[] = [];
    for (let round = 0; round < 5; round++) {
      const { context, renderMs } = await openBoard();
      renders.push(renderMs);
      await context.close();
    }

    const watcher = await openBoard();
    await watcher.page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    const repaints: number[] = [];
    for (let change = 0; change < CHANGES; change++) {
      const title = `Renamed ${change}`;
      const painted = watcher.page.evaluate<number>(`new Promise((resolve) => {
        const check = () => {
          const cards = [...document.querySelectorAll('article')];
          if (cards.some((card) => card.getAttribute('aria-label') === ${JSON.stringify(title)})) {
            requestAnimationFrame(() => resolve(Date.now()));
          } else requestAnimationFrame(check);
        };
        check();
      })`);
      await json(`${api}/tasks/${ids[change]}`, 'PATCH', { title }, token);
      const committed = Date.now();
      repaints.push(Math.max(0, (await painted) - committed));
    }

    log('');
    log(`| budget | measured | target |`);
    log(`| --- | --- | --- |`);
    log(
      `| first load, gzipped | ${((bytes.js + bytes.css) / 1024).toFixed(1)} KB (JS ${(bytes.js / 1024).toFixed(1)}, CSS ${(bytes.css / 1024).toFixed(1)}) | ≤ 120 KB |`,
    );
    log(
      `| first render, ${TASKS} tasks (median of 5) | ${percentile(renders, 50).toFixed(0)} ms | < 1000 ms |`,
    );
    log(
      `| commit to repaint, p95 of ${CHANGES} (p50) | ${percentile(repaints, 95)} ms (${percentile(repaints, 50)} ms) | < 300 ms |`,
    );
  } finally {
    await browser.close();
    await service.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
