import { useEffect, useState } from 'preact/hooks';
import { api } from './api/client';
import type { components } from './api/schema';
import { me } from './app';
import { dataOr } from './problems';

type Session = components['schemas']['SessionDto'];
type SignInRecord = components['schemas']['SignInDto'];
type Setup = components['schemas']['TwoFactorSetupDto'];

const when = (iso: string) => new Date(iso).toLocaleString();

/** Where you are signed in, your second factor, and your recent sign-ins. */
export function Security() {
  return (
    <section class="security" aria-labelledby="security-heading">
      <h1 id="security-heading">Security</h1>
      <TwoFactor />
      <Sessions />
      <SignIns />
    </section>
  );
}

function Sessions() {
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const load = async () => setSessions(dataOr(await api.GET('/api/v1/auth/sessions')));
  useEffect(() => void load(), []);

  async function end(session: Session) {
    const answer = await api.DELETE('/api/v1/auth/sessions/{id}', { params: { path: { id: session.id } } });
    if (answer.response.ok) await load();
    else dataOr(answer);
  }

  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Sessions</h2>
      <ul class="sessions">
        {(sessions ?? []).map((session) => (
          <li key={session.id} aria-label={`Session ${session.userAgent ?? 'unknown browser'}`}>
            <span>{session.userAgent ?? 'Unknown browser'}</span>
            <span>{session.address ?? ''}</span>
            <span>Last used {when(session.lastUsedAt)}</span>
            {session.current ? (
              <strong>This session</strong>
            ) : (
              <button type="button" onClick={() => void end(session)}>
                End session
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function TwoFactor() {
  const [setup, setSetup] = useState<Setup | null>(null);
  const [qrCode, setQrCode] = useState<string | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const enabled = me.value?.twoFactor === true;

  async function begin() {
    const answer = dataOr(await api.POST('/api/v1/auth/2fa/setup'));
    if (!answer) return;
    setSetup(answer);
    // Loaded only here: most visits never need a QR encoder.
    const { toDataURL } = await import('qrcode');
    setQrCode(await toDataURL(answer.otpauthUrl, { margin: 1, width: 192 }));
  }

  async function refreshMe() {
    const fresh = dataOr(await api.GET('/api/v1/auth/me'));
    if (fresh) me.value = fresh;
  }

  async function turnOn(event: Event) {
    event.preventDefault();
    const code = ((event.currentTarget as HTMLFormElement).elements.namedItem('code') as HTMLInputElement)
      .value;
    const answer = dataOr(await api.POST('/api/v1/auth/2fa/enable', { body: { code: code.trim() } }));
    if (!answer) return;
    setRecoveryCodes(answer.recoveryCodes);
    setSetup(null);
    await refreshMe();
  }

  async function turnOff(event: Event) {
    event.preventDefault();
    const given = (
      (event.currentTarget as HTMLFormElement).elements.namedItem('code') as HTMLInputElement
    ).value.trim();
    const body = /^\d{6}$/.test(given) ? { code: given } : { recoveryCode: given };
    const answer = await api.POST('/api/v1/auth/2fa/disable', { body });
    if (!answer.response.ok) return void dataOr(answer);
    setRecoveryCodes(null);
    await refreshMe();
  }

  return (
    <section aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">Two-factor sign-in</h2>
      {recoveryCodes ? (
        <div aria-labelledby="recovery-heading">
          <h3 id="recovery-heading">Recovery codes</h3>
          <p>
            Keep these somewhere safe: each signs you in once if your phone is lost. They are shown only now.
          </p>
          <ul class="recovery-codes">
            {recoveryCodes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {enabled ? (
        <form onSubmit={(event) => void turnOff(event)}>
          <p>On: signing in asks for a code from your authenticator app.</p>
          <label>
            Code or recovery code
            <input name="code" autocomplete="one-time-code" required />
          </label>
          <button type="submit">Turn off two-factor sign-in</button>
        </form>
      ) : setup ? (
        <form onSubmit={(event) => void turnOn(event)}>
          <p>Scan this with your authenticator app, or type the key in, then enter the code it shows.</p>
          {qrCode ? (
            <img src={qrCode} alt="QR code for your authenticator app" width={192} height={192} />
          ) : null}
          <p>
            Key: <code>{setup.secret}</code>
          </p>
          <label>
            Code
            <input name="code" autocomplete="one-time-code" inputMode="numeric" pattern="\d{6}" required />
          </label>
          <button type="submit">Turn on two-factor sign-in</button>
        </form>
      ) : (
        <button type="button" onClick={() => void begin()}>
          Set up two-factor sign-in
        </button>
      )}
    </section>
  );
}

function SignIns() {
  const [history, setHistory] = useState<SignInRecord[] | null>(null);
  useEffect(() => {
    void api
      .GET('/api/v1/auth/sign-ins', { params: { query: { limit: 20 } } })
      .then((answer) => setHistory(dataOr(answer)?.items ?? null));
  }, []);
  return (
    <section aria-labelledby="sign-ins-heading">
      <h2 id="sign-ins-heading">Recent sign-ins</h2>
      <ul class="sign-ins">
        {(history ?? []).map((record) => (
          <li key={record.id}>
            {when(record.at)}: {record.succeeded ? 'signed in' : `failed (${record.reason ?? 'refused'})`} by{' '}
            {record.method.replace('_', ' ')} from {record.address ?? 'an unknown address'}
          </li>
        ))}
      </ul>
    </section>
  );
}
