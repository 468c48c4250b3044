import { oidcSettingsFor, reserveOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import { seriousViolations, signUp, startBoard, type Board } from './browser';
import { codeAt } from '../support/totp';

describe('identity in the web board', () => {
  let board: Board;
  let provider: TestOidcProvider;

  beforeAll(async () => {
    const reserved = await reserveOidcProvider();
    board = await startBoard({
      ...oidcSettingsFor(reserved.issuer),
      OIDC_NAME: 'Team ID',
    });
    provider = await reserved.start(`${board.t.url}/api/v1/auth/oidc/callback`);
  });
  afterAll(async () => {
    await provider?.close();
    await board?.close();
  });
  afterEach(() => {
    expect(board.pageErrors).toEqual([]);
  });

  it('turns two-factor sign-in on from the security page, then asks for a code at sign-in', async () => {
    const { page } = await board.person();
    const person = await signUp(page);
    await page.getByRole('link', { name: 'Security' }).click();
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const secret = (await page.locator('.security code').first().textContent())!.trim();
    await page.getByLabel('Code', { exact: true }).fill(await codeAt(secret));
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await page.getByRole('heading', { name: 'Recovery codes' }).waitFor();
    expect(await page.locator('.recovery-codes li').count()).toBe(10);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Sign out' }).click();
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Email or username').fill(person.username);
    await form.getByLabel('Password').fill(person.password);
    await form.getByRole('button', { name: 'Sign in' }).click();
    const prompt = page.getByRole('form', { name: 'Two-factor code' });
    await prompt.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await prompt.getByLabel('Authentication code').fill('000000');
    await prompt.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('alert').filter({ hasText: 'The code is wrong or was already used' }).waitFor();
    await prompt.getByLabel('Authentication code').fill(await codeAt(secret, 1));
    await prompt.getByRole('button', { name: 'Verify' }).click();
    // Signed in again where the person signed out: on the security page, which says the second factor is on.
    await page.getByRole('button', { name: 'Turn off two-factor sign-in' }).waitFor();
  });

  it("lists the person's sessions and ends another one, which is signed out", async () => {
    const first = await board.person();
    const person = await signUp(first.page);
    const second = await board.person();
    await second.page.goto('/');
    const form = second.page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Email or username').fill(person.email);
    await form.getByLabel('Password').fill(person.password);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await second.page.getByRole('heading', { name: 'Projects' }).waitFor();

    await first.page.goto('/security');
    const sessions = first.page.getByRole('region', { name: 'Sessions' });
    await sessions.getByText('This session').waitFor();
    await sessions.getByRole('button', { name: 'End session' }).click();
    await sessions.getByRole('button', { name: 'End session' }).waitFor({ state: 'detached' });
    // The ended session's next request finds itself signed out.
    await second.page.reload();
    await second.page.getByRole('form', { name: 'Sign in' }).waitFor();
  });

  it('signs in with the team’s provider and lands where the person was going', async () => {
    await provider.signInAs({
      sub: 'web-sso-1',
      email: 'web-sso-1@example.com',
      email_verified: true,
      name: 'Web SSO',
    });
    const { page } = await board.person();
    await page.goto('/security');
    await page.getByRole('link', { name: 'Sign in with Team ID' }).click();
    await page.getByRole('heading', { name: 'Security' }).waitFor();
    expect(new URL(page.url()).hash).toBe('');
    await page.getByText('Web SSO').waitFor();
  });
});
