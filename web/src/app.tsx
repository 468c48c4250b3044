import { signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import {
  api,
  endSession,
  onSessionChange,
  rateLimited,
  refreshSession,
  storedRefreshToken,
  type User,
} from './api/client';
import { exchangeSignInCode, SignIn } from './sign-in';
import { Security } from './security';
import { Projects } from './projects';
import { Board } from './board';
import { TaskLink } from './task-link';
import { Notifications } from './notifications';
import { connection, LiveBoard } from './live';
import { ProblemBanner, dataOr } from './problems';
import { navigate, route } from './router';
import { boardEvents } from './board-store';

/** The signed-in user; undefined while the page is still finding out. */
export const me = signal<User | null | undefined>(undefined);
export const live = new LiveBoard(boardEvents);

async function loadMe(): Promise<void> {
  me.value = dataOr(await api.GET('/api/v1/auth/me')) ?? null;
}

async function resume(): Promise<void> {
  if ((await exchangeSignInCode()) || (storedRefreshToken() && (await refreshSession()))) await loadMe();
  else me.value = null;
}

async function signOut(): Promise<void> {
  const refreshToken = storedRefreshToken();
  if (refreshToken) await api.POST('/api/v1/auth/logout', { body: { refreshToken } });
  endSession();
}

/** A link to another page of the board, followed without reloading it. */
function PageLink({
  path,
  class: className,
  children,
}: {
  path: string;
  class?: string;
  children: ComponentChildren;
}) {
  return (
    <a
      href={path}
      class={className}
      onClick={(event) => {
        event.preventDefault();
        navigate(path);
      }}
    >
      {children}
    </a>
  );
}

export function App() {
  useEffect(() => {
    void resume();
    return onSessionChange((signedIn) => {
      if (!signedIn) {
        me.value = null;
        live.stop();
      } else if (!me.value) void loadMe();
    });
  }, []);
  useEffect(() => {
    if (!me.value) return;
    live.start();
    return () => live.stop();
  }, [me.value?.id]);

  if (me.value === undefined) return <p class="loading">Loading…</p>;
  if (me.value === null) {
    return (
      <main>
        <ProblemBanner />
        <SignIn onSignedIn={loadMe} />
      </main>
    );
  }
  const current = route.value;
  return (
    <>
      <header class="top">
        <PageLink path="/" class="brand">
          Taskforge
        </PageLink>
        <span class={`connection ${connection.value}`} role="status">
          {rateLimited.value
            ? 'Waiting (rate limited)'
            : connection.value === 'live'
              ? 'Live'
              : connection.value === 'offline'
                ? 'Offline'
                : 'Connecting'}
        </span>
        <Notifications />
        <span class="who">{me.value.displayName ?? me.value.username ?? me.value.email}</span>
        <PageLink path="/security">Security</PageLink>
        <button type="button" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <main>
        <ProblemBanner />
        {current.page === 'projects' ? <Projects /> : null}
        {current.page === 'project' ? <Board projectId={current.projectId} /> : null}
        {current.page === 'task' ? <TaskLink taskId={current.taskId} /> : null}
        {current.page === 'security' ? <Security /> : null}
      </main>
    </>
  );
}
