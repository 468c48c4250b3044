import { signal } from '@preact/signals';
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Task = components['schemas']['TaskDto'];
export type Project = components['schemas']['ProjectDto'];
export type Member = components['schemas']['MemberDto'];
export type User = components['schemas']['MeDto'];
export type Activity = components['schemas']['ActivityDto'];

/** An RFC 9457 problem as the API answers every error; what the page shows of it. */
export interface Problem {
  status: number;
  title: string;
  detail?: string;
}

const REFRESH_KEY = 'taskforge.refreshToken';

/** Whether the page is waiting out a 429; shown beside the connection state. */
export const rateLimited = signal(false);

/**
 * The access token lives in memory only. The refresh token is kept in sessionStorage: it survives a reload of this
 * tab but not its closing, and no other tab or site reads it; the CSP allows no script but the board's own.
 */
let accessToken: string | null = null;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<(signedIn: boolean) => void>();

export function onSessionChange(listener: (signedIn: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentAccessToken(): string | null {
  return accessToken;
}

export function startSession(tokens: { accessToken: string; refreshToken: string }): void {
  accessToken = tokens.accessToken;
  sessionStorage.setItem(REFRESH_KEY, tokens.refreshToken);
  for (const listener of listeners) listener(true);
}

export function endSession(): void {
  accessToken = null;
  sessionStorage.removeItem(REFRESH_KEY);
  for (const listener of listeners) listener(false);
}

export function storedRefreshToken(): string | null {
  return sessionStorage.getItem(REFRESH_KEY);
}

/** One rotation at a time: two requests failing at once must not present the same refresh token twice. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = storedRefreshToken();
    if (!refreshToken) return false;
    const response = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    if (!response.ok) {
      endSession();
      return false;
    }
    startSession((await response.json()) as { accessToken: string; refreshToken: string });
    return true;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds a 429 asks to wait, capped so a page never freezes on a bad header. */
function retryAfterMs(response: Response): number {
  const seconds = Number(response.headers.get('retry-after'));
  return Math.min(Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000, 30_000);
}

/**
 * Every request of the board: the access token added, one refresh and retry after a 401, and a wait for
 * `Retry-After` after a 429 (three times at most) before the answer reaches the page.
 */
async function authorizedFetch(input: Request): Promise<Response> {
  let retriedAuth = false;
  for (let attempt = 0; ; attempt++) {
    const request = input.clone();
    if (accessToken) request.headers.set('authorization', `Bearer ${accessToken}`);
    const response = await fetch(request);
    if (response.status === 401 && !retriedAuth && storedRefreshToken()) {
      retriedAuth = true;
      if (await refreshSession()) continue;
    }
    if (response.status === 429 && attempt < 3) {
      rateLimited.value = true;
      await sleep(retryAfterMs(response));
      rateLimited.value = false;
      continue;
    }
    return response;
  }
}

export const api = createClient<paths>({ fetch: authorizedFetch });
