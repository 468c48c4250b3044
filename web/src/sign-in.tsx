import { useState } from 'preact/hooks';
import { api, startSession } from './api/client';
import { dataOr } from './problems';

function field(form: HTMLFormElement, name: string): string {
  return (form.elements.namedItem(name) as HTMLInputElement).value;
}

/** Both ways in, side by side: an existing account, or a new one. */
export function SignIn({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);

  async function enter(request: Promise<Parameters<typeof dataOr>[0]>) {
    setBusy(true);
    try {
      const answer = dataOr(await request) as { accessToken: string; refreshToken: string } | null;
      if (answer) {
        startSession(answer);
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

  return (
    <div class="sign-in">
      <h1>Taskforge</h1>
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
    </div>
  );
}
