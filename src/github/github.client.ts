import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import type { RepoName } from './github-repo-name';

/** The fields the service keeps of GitHub's answer, each checked before it is stored. */
export interface RepoMetadata {
  fullName: string;
  description: string | null;
  stars: number;
  htmlUrl: string;
}

export type GithubAnswer =
  | { outcome: 'found'; repo: RepoMetadata; etag: string | null }
  | { outcome: 'not-modified' }
  | { outcome: 'not-found' }
  /** Slow, down, rate-limiting or answering nonsense; `retryAt` when GitHub said when to come back. */
  | { outcome: 'unavailable'; reason: string; retryAt?: Date };

/** Far more than any repository's JSON (a few KB); a larger body is not GitHub's answer and is not read. */
const MAX_BODY_BYTES = 256 * 1024;
const MAX_REDIRECTS = 3;
const FULL_NAME = /^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/;

/**
 * The one place that calls GitHub. The address is built from a validated name under GITHUB_API_BASE, redirects are
 * followed only within it (GitHub redirects renamed repositories), and the whole exchange, body included, is bounded
 * by GITHUB_TIMEOUT_MS. Once GitHub says the rate limit is spent, no call is made until it resets.
 */
@Injectable()
export class GithubClient {
  private readonly logger = new Logger(GithubClient.name);
  private readonly apiBase: URL;
  private blockedUntil = 0;

  constructor(private readonly config: AppConfig) {
    this.apiBase = new URL(`${config.github.apiBase}/`);
  }

  async fetchRepository(repo: RepoName, etag: string | null): Promise<GithubAnswer> {
    if (Date.now() < this.blockedUntil) {
      return { outcome: 'unavailable', reason: 'rate limited', retryAt: new Date(this.blockedUntil) };
    }
    const signal = AbortSignal.timeout(this.config.github.timeoutMs);
    let url = new URL(
      `repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`,
      this.apiBase,
    );
    try {
      for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
        const response = await fetch(url, { headers: this.headers(etag), redirect: 'manual', signal });
        const location = response.headers.get('location');
        if (response.status < 300 || response.status >= 400 || response.status === 304 || !location) {
          return await this.interpret(response, repo);
        }
        await response.body?.cancel();
        url = new URL(location, url);
        if (!this.isApiAddress(url)) return this.unavailable(repo, 'redirected outside GITHUB_API_BASE');
      }
      return this.unavailable(repo, 'too many redirects');
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      return this.unavailable(repo, timedOut ? 'timed out' : `unreachable (${(error as Error).message})`);
    }
  }

  private headers(etag: string | null): Record<string, string> {
    return {
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'user-agent': 'taskforge',
      ...(this.config.github.token ? { authorization: `Bearer ${this.config.github.token}` } : {}),
      ...(etag ? { 'if-none-match': etag } : {}),
    };
  }

  private isApiAddress(url: URL): boolean {
    return url.origin === this.apiBase.origin && url.pathname.startsWith(this.apiBase.pathname);
  }

  private async interpret(response: Response, repo: RepoName): Promise<GithubAnswer> {
    const retryAt = this.rateLimitReset(response);
    if (retryAt) {
      await response.body?.cancel();
      this.blockedUntil = Math.max(this.blockedUntil, retryAt.getTime());
      return this.unavailable(repo, 'rate limited', retryAt);
    }
    if (response.status === 304) {
      await response.body?.cancel();
      return { outcome: 'not-modified' };
    }
    if (response.status === 404) {
      await response.body?.cancel();
      return { outcome: 'not-found' };
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      return this.unavailable(repo, `answered ${response.status}`);
    }
    const metadata = parseMetadata(await readCapped(response));
    if (!metadata) return this.unavailable(repo, 'answered a body that is not a repository');
    return { outcome: 'found', repo: metadata, etag: response.headers.get('etag') };
  }

  /**
   * GitHub's primary limit is a 403 or 429 with `x-ratelimit-remaining: 0` and a reset time; secondary limits carry
   * `retry-after`. Either says when calling again is worth it.
   */
  private rateLimitReset(response: Response): Date | null {
    if (response.status !== 403 && response.status !== 429) return null;
    const retryAfter = Number(response.headers.get('retry-after'));
    if (response.headers.get('retry-after') !== null && Number.isFinite(retryAfter) && retryAfter >= 0) {
      return new Date(Date.now() + retryAfter * 1000);
    }
    if (response.headers.get('x-ratelimit-remaining') !== '0') return null;
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    // Without a usable reset GitHub documents waiting at least a minute.
    return new Date(Number.isFinite(reset) && reset > 0 ? reset * 1000 : Date.now() + 60_000);
  }

  private unavailable(repo: RepoName, reason: string, retryAt?: Date): GithubAnswer {
    this.logger.warn(`GitHub ${reason} for ${repo.fullName}`);
    return { outcome: 'unavailable', reason, retryAt };
  }
}

/** Reads at most MAX_BODY_BYTES; null when the body is larger, so a hostile answer cannot fill memory. */
async function readCapped(response: Response): Promise<string | null> {
  if (Number(response.headers.get('content-length')) > MAX_BODY_BYTES || !response.body) {
    await response.body?.cancel();
    return null;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseMetadata(body: string | null): RepoMetadata | null {
  let json: unknown;
  try {
    json = body === null ? null : JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null) return null;
  const { full_name, description, stargazers_count, html_url } = json as Record<string, unknown>;
  const valid =
    typeof full_name === 'string' &&
    FULL_NAME.test(full_name) &&
    (description === null || (typeof description === 'string' && description.length <= 2000)) &&
    Number.isSafeInteger(stargazers_count) &&
    (stargazers_count as number) >= 0 &&
    (stargazers_count as number) <= 2147483647 &&
    typeof html_url === 'string' &&
    isHttpsAddress(html_url);
  if (!valid) return null;
  return { fullName: full_name, description, stars: stargazers_count as number, htmlUrl: html_url };
}

function isHttpsAddress(value: string): boolean {
  if (value.length > 500) return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
