import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { startTestApp, type TestApp } from '../support/test-app';

export const WEB_DIR = join(__dirname, '..', '..', 'dist', 'web');

export interface Board {
  t: TestApp;
  browser: Browser;
  /** A fresh browser profile (its own storage and socket), as a second person would have. */
  person(): Promise<{ context: BrowserContext; page: Page }>;
  /** Uncaught errors of any page: each is a defect of the board, whatever the test was looking at. */
  pageErrors: Error[];
  close(): Promise<void>;
}

/** The app with the built board (and any settings of `env`), and a headless Chromium to open it in. */
export async function startBoard(env: Record<string, string> = {}): Promise<Board> {
  if (!existsSync(join(WEB_DIR, 'index.html'))) throw new Error('Build the board first: npm run build');
  const t = await startTestApp({ WEB_DIR, ...env });
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  const pageErrors: Error[] = [];
  return {
    t,
    browser,
    pageErrors,
    async person() {
      const context = await browser.newContext({ baseURL: t.url });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error));
      return { context, page };
    },
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
      await t.close();
    },
  };
}

let accounts = 0;

/** Creates an account through the board's own form and waits for the projects page. */
export async function signUp(page: Page): Promise<{ username: string; email: string; password: string }> {
  accounts += 1;
  const username = `person${accounts}_${process.pid}`;
  const email = `${username}@example.com`;
  const password = 'correct horse battery';
  await page.goto('/');
  const form = page.getByRole('form', { name: 'Create account' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Username').fill(username);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Projects' }).waitFor();
  return { username, email, password };
}

/** Creates a project from the projects page and waits for its board. */
export async function newProject(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name: 'New project' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByRole('heading', { name }).waitFor();
  return /\/projects\/([0-9a-f-]{36})/.exec(page.url())![1];
}

/** Adds a task to a column through its "New task" button. */
export async function newTask(page: Page, column: string, title: string): Promise<void> {
  const region = page.getByRole('region', { name: column });
  const open = region.getByRole('button', { name: 'New task' });
  if (await open.isVisible()) await open.click();
  await region.getByLabel('Title').fill(title);
  await region.getByRole('button', { name: 'Add task' }).click();
  await region.getByRole('article', { name: title }).waitFor();
}

/**
 * Two people on one board: Ada signs up, creates `name` and invites Bob (signed up in his own browser context) as a
 * member; Bob's page is still on his projects list.
 */
export async function twoPeopleOnOneBoard(board: Board, name: string) {
  const ada = await board.person();
  const bob = await board.person();
  const bobAccount = await signUp(bob.page);
  await signUp(ada.page);
  const projectId = await newProject(ada.page, name);
  await ada.page.getByRole('button', { name: 'Invite member' }).click();
  await ada.page.getByLabel('Username').fill(bobAccount.username);
  await ada.page.getByRole('button', { name: 'Invite', exact: true }).click();
  await ada.page.getByRole('button', { name: 'Invite member' }).waitFor();
  return { ada, bob, bobAccount, projectId };
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical findings on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the page's own CSP (rightly) refuses an injected script tag.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } }
    ).axe;
    return (await axe.run()).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}
