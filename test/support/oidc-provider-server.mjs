/**
 * A real OpenID provider (oidc-provider) on loopback, run as its own Node process by test/support/oidc-provider.ts.
 * Interactions finish at once as the account the test chose; a test can ask that the next ID token be forged
 * (signed by another key), or signed by the provider's key but expired, for another audience, with another sign-in's
 * nonce or from another issuer, as an attacker in the middle or a replaying one would present it.
 *
 * Settings come in the environment: OIDC_TEST_PORT, OIDC_TEST_REDIRECT_URI, OIDC_TEST_JWKS (private JWKS).
 */
import { createServer } from 'node:http';
import * as jose from 'jose';
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_TEST_PORT);
const issuer = `http://127.0.0.1:${port}`;
const jwks = JSON.parse(process.env.OIDC_TEST_JWKS);
const accounts = new Map();
let nextAccount = null;
let nextIdToken = 'genuine';

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'taskforge',
      client_secret: 'taskforge-test-secret',
      redirect_uris: [process.env.OIDC_TEST_REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  jwks,
  cookies: { keys: ['oidc-test-cookie-key-0123456789'] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // Scope claims in the ID token as well, as Keycloak, Entra ID and Google put them there.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  async findAccount(_ctx, sub) {
    const account = accounts.get(sub);
    return account && { accountId: sub, claims: async () => ({ sub, ...account }) };
  },
});
provider.proxy = false;

provider.use(async (ctx, next) => {
  if (ctx.path.startsWith('/interaction/')) {
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    const accountId = nextAccount;
    const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
    grant.addOIDCScope(details.params.scope);
    const grantId = await grant.save();
    await provider.interactionFinished(ctx.req, ctx.res, { login: { accountId }, consent: { grantId } });
    return;
  }
  await next();
  if (ctx.path === '/token' && ctx.status === 200 && nextIdToken !== 'genuine') {
    ctx.body = { ...ctx.body, id_token: await tampered(ctx.body.id_token, nextIdToken) };
    nextIdToken = 'genuine';
  }
});

/** Claims as an attacker would change them; each is signed with the provider's own key but `forged`. */
const CHANGES = {
  forged: () => ({}),
  expired: (now) => ({ iat: now - 7200, exp: now - 3600 }),
  audience: () => ({ aud: 'another-client' }),
  nonce: () => ({ nonce: 'a-nonce-from-another-sign-in' }),
  issuer: () => ({ iss: 'http://127.0.0.1:1' }),
};

async function tampered(idToken, how) {
  const claims = jose.decodeJwt(idToken);
  const { kid } = jose.decodeProtectedHeader(idToken);
  const key =
    how === 'forged'
      ? (await jose.generateKeyPair('RS256')).privateKey
      : await jose.importJWK(jwks.keys[0], 'RS256');
  const changed = { ...claims, ...CHANGES[how](Math.floor(Date.now() / 1000)) };
  return new jose.SignJWT(changed).setProtectedHeader({ alg: 'RS256', kid }).sign(key);
}

const callback = provider.callback();
createServer(async (req, res) => {
  if (req.url === '/test/ready') return res.end('ok');
  if (req.method === 'POST' && req.url.startsWith('/test/')) {
    let body = '';
    for await (const chunk of req) body += chunk;
    const input = JSON.parse(body);
    if (req.url === '/test/account') {
      const { sub, ...claims } = input;
      accounts.set(sub, claims);
      nextAccount = sub;
    } else if (req.url === '/test/next-id-token') {
      nextIdToken = input.how;
    }
    res.statusCode = 204;
    return res.end();
  }
  return callback(req, res);
}).listen(port, '127.0.0.1');
