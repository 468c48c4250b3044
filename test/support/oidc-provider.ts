import { ChildProcess, spawn } from 'node:child_process';
import { generateKeyPair, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { freePort, waitUntilReady } from './local-process';

export type IdTokenTampering = 'forged' | 'expired' | 'audience' | 'nonce' | 'issuer';

export interface ProviderAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

/** The loopback OpenID provider of test/support/oidc-provider-server.mjs, and a browser's walk through it. */
export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The account the next sign-in at the provider is made as. */
  signInAs(account: ProviderAccount): Promise<void>;
  /** The next ID token the token endpoint answers is signed by a stranger's key, or has a claim changed. */
  tamperNextIdToken(how: IdTokenTampering): Promise<void>;
  /**
   * Follows redirects from an authorization URL, keeping the provider's cookies as a browser would, until one leads
   * back to `callbackPrefix`; answers that address.
   */
  authorize(authorizationUrl: string, callbackPrefix: string): Promise<string>;
  close(): Promise<void>;
}

/** The settings that point the app at a provider of this file. */
export function oidcSettingsFor(issuer: string): Record<string, string> {
  return { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'taskforge', OIDC_CLIENT_SECRET: 'taskforge-test-secret' };
}

/** Starts the provider on a port chosen now, so the app can be configured with its issuer before it runs. */
export async function reserveOidcProvider(): Promise<{
  issuer: string;
  start(redirectUri: string): Promise<TestOidcProvider>;
}> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  return { issuer, start: (redirectUri) => startProvider(port, issuer, redirectUri) };
}

async function startProvider(port: number, issuer: string, redirectUri: string): Promise<TestOidcProvider> {
  // Off the event loop: an RSA key takes long enough to trip the tests' event-loop guard.
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'oidc-provider-server.mjs')], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      OIDC_TEST_PORT: String(port),
      OIDC_TEST_REDIRECT_URI: redirectUri,
      OIDC_TEST_JWKS: JSON.stringify({ keys: [jwk] }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitUntilReady(child, `${issuer}/test/ready`, () => output);

  const control = async (path: string, body: object) => {
    const res = await fetch(`${issuer}/test/${path}`, { method: 'POST', body: JSON.stringify(body) });
    if (res.status !== 204) throw new Error(`provider control ${path}: ${res.status}`);
  };
  return {
    issuer,
    clientId: 'taskforge',
    clientSecret: 'taskforge-test-secret',
    signInAs: (account) => control('account', account),
    tamperNextIdToken: (how) => control('next-id-token', { how }),
    async authorize(authorizationUrl, callbackPrefix) {
      const cookies = new Map<string, string>();
      let url = authorizationUrl;
      for (let hop = 0; hop < 10; hop += 1) {
        if (url.startsWith(callbackPrefix)) return url;
        const res = await fetch(url, {
          redirect: 'manual',
          headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
        });
        for (const cookie of res.headers.getSetCookie()) {
          const [pair] = cookie.split(';');
          const at = pair.indexOf('=');
          cookies.set(pair.slice(0, at), pair.slice(at + 1));
        }
        const location = res.headers.get('location');
        if (!location)
          throw new Error(`the provider stopped at ${url} with ${res.status}: ${await res.text()}`);
        url = new URL(location, url).toString();
      }
      throw new Error('the provider redirected too many times');
    },
    async close() {
      child.kill();
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    },
  };
}
