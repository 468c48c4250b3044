import { useEffect, useState } from 'preact/hooks';
import { api, startSession } from './api/client';
import type { components } from './api/schema';
import { dataOr } from './problems';

type Providers = components['schemas']['ProvidersDto'];
type Answer = Parameters<typeof dataOr>[0];

function field(form: HTMLFormElement, name: string): string {
  return (form.elements.namedItem(name) as HTMLInputElement).value;
}

/** A 401 whose problem type ends in mfa-required: the password was right and a code is due. */
function mfaTokenOf(answer: Answer): string | null {
  const body = answer.error as { type?: unknown; mfaToken?: unknown } | undefined;
  return answer.response.status === 401 &&
    typeof body?.type === 'string' &&
    body.type.endsWith('mfa-required') &&
    typeof body.mfaToken === 'string'
    ? body.mfaToken
    : null;
}

/** Every way in: a password (then a code, when two-factor is on), the team's provider, or a new account. */
export function SignIn({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [providers, setProviders] = useState<Providers | null>(null);
  const [mfaToken, setMfaToken] = useState<string | null>(null);

  useEffect(() => {
    void api.GET('/api/v1/auth/providers').then((answer) => setProviders(dataOr(answer)));
  }, []);

  async function enter(request: Promise<Answer>) {
    setBusy(true);
    try {
      const answer = await request;
      const token = mfaTokenOf(answer);
      if (token) return setMfaToken(token);
      const tokens = dataOr(answer) as { accessToken: string; refreshToken: string } | null;
      if (tokens) {
        startSession(tokens);
        await onSignedIn();
      }
    } finally {
      setBusy(false);
    }
  }

  function signIn(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const account = field(form, 'account').trim();
    const password = field(form, 'password');
    const who = account.includes('@') ? { email: account } : { username: account };
    void enter(api.POST('/api/v1/auth/login', { body: { ...who, password } }));
  }

  function answerCode(event: Event) {
    event.preventDefault();
    const answer = field(event.currentTarget as HTMLFormElement, 'code').trim();
    const body = /^\d{6}$/.test(answer) ? { code: answer } : { recoveryCode: answer };
    void enter(api.POST('/api/v1/auth/login/2fa', { body: { mfaToken: mfaToken!, ...body } }));
  }

  function register(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const body = {
      email: field(form, 'email').trim(),
      username: field(form, 'username').trim() || undefined,
      password: field(form, 'password'),
    };
    void enter(api.POST('/api/v1/auth/register', { body }));
  }

  if (mfaToken) {
    return (
      <div class="sign-in">
        <h1>Taskforge</h1>
        <form onSubmit={answerCode} aria-labelledby="code-heading">
          <h2 id="code-heading">Two-factor code</h2>
          <label>
            Authentication code
            <input name="code" autocomplete="one-time-code" inputMode="numeric" required autoFocus />
          </label>
          <p class="hint">The 6 digits your authenticator app shows, or one of your recovery codes.</p>
          <button type="submit" disabled={busy}>
            Verify
          </button>
          <button type="button" onClick={() => setMfaToken(null)}>
            Back
          </button>
        </form>
      </div>
    );
  }

  const passwords = providers?.password !== false;
  return (
    <div class="sign-in">
      <h1>Taskforge</h1>
      {providers?.oidc ? (
        <a
          class="button provider"
          href={`${providers.oidc.loginUrl}?returnTo=${encodeURIComponent(location.pathname + location.search)}`}
        >
          Sign in with {providers.oidc.name}
        </a>
      ) : null}
      {passwords ? (
        <>
          <form onSubmit={signIn} aria-labelledby="sign-in-heading">
            <h2 id="sign-in-heading">Sign in</h2>
            <label>
              Email or username
              <input name="account" autocomplete="username" required />
            </label>
            <label>
              Password
              <input name="password" type="password" autocomplete="current-password" required />
            </label>
            <button type="submit" disabled={busy}>
              Sign in
            </button>
          </form>
          <form onSubmit={register} aria-labelledby="register-heading">
            <h2 id="register-heading">Create account</h2>
            <label>
              Email
              <input name="email" type="email" autocomplete="email" required />
            </label>
            <label>
              Username
              <input name="username" autocomplete="username" pattern="[a-z0-9_.\-]{3,32}" />
            </label>
            <label>
              Password
              <input name="password" type="password" autocomplete="new-password" minLength={8} required />
            </label>
            <button type="submit" disabled={busy}>
              Create account
            </button>
          </form>
        </>
      ) : null}
    </div>
  );
}

/**
 * The single sign-on callback leads back with `#code=…`: the code is taken out of the address at once (so it is
 * neither bookmarked nor left in history) and exchanged for a session. True when it signed in.
 */
export async function exchangeSignInCode(): Promise<boolean> {
  const code = new URLSearchParams(location.hash.slice(1)).get('code');
  if (!code) return false;
  history.replaceState(null, '', location.pathname + location.search);
  const tokens = dataOr(await api.POST('/api/v1/auth/oidc/exchange', { body: { code } }));
  if (!tokens) return false;
  startSession(tokens);
  return true;
}
