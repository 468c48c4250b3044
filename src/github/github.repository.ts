import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isoTimestamp } from '../database/iso-timestamp';
import { queryRows } from '../database/query-rows';
import type { GithubRepoDto } from './dto/github-repo.dto';
import type { GithubAnswer } from './github.client';
import type { RepoName } from './github-repo-name';

/** The repository row `alias` rendered as GithubRepoDto, in SQL, so a task read needs no second query. */
export function githubRepoJson(alias: string): string {
  return `json_build_object('fullName', ${alias}.full_name, 'description', ${alias}.description,
    'stars', ${alias}.stars, 'htmlUrl', ${alias}.html_url,
    'fetchedAt', ${isoTimestamp(`${alias}.fetched_at`)},
    'status', ${alias}.status)`;
}

const RENDERED = githubRepoJson('g');

/** The cache of what GitHub said about each linked repository, shared by every task that links it. */
@Injectable()
export class GithubRepository {
  constructor(private readonly dataSource: DataSource) {}

  async cached(
    key: string,
    maxAgeSeconds: number,
  ): Promise<{ etag: string | null; fresh: boolean } | undefined> {
    const [row] = await this.dataSource.query<{ etag: string | null; fresh: boolean }[]>(
      `SELECT etag, status = 'ok' AND fetched_at > now() - make_interval(secs => $2) AS fresh
         FROM github_repositories WHERE key = $1`,
      [key, maxAgeSeconds],
    );
    return row;
  }

  /** The repository as tasks show it, locked until commit, so one writer at a time changes it. */
  async lockRendered(manager: EntityManager, key: string): Promise<GithubRepoDto | undefined> {
    const [row] = await manager.query<{ rendered: GithubRepoDto }[]>(
      `SELECT ${RENDERED} AS rendered FROM github_repositories g WHERE g.key = $1 FOR UPDATE`,
      [key],
    );
    return row?.rendered;
  }

  /** Stores an answer and returns the repository as tasks now show it (undefined when there was no row to update). */
  async store(
    manager: EntityManager,
    repo: RepoName,
    answer: GithubAnswer,
    retryPollSeconds: number,
  ): Promise<GithubRepoDto | undefined> {
    const [row] = await manager.query<{ rendered: GithubRepoDto }[]>(
      `WITH stored AS (${upsert(answer)}) SELECT ${RENDERED} AS rendered FROM stored g`,
      upsertParameters(repo, answer, retryPollSeconds),
    );
    return row?.rendered;
  }

  /**
   * Leases pending repositories whose backoff has passed and that a live task still links, so with several
   * instances each is retried by one of them; the lease lapses if its holder dies.
   */
  leaseDue(leaseSeconds: number, limit: number): Promise<{ key: string }[]> {
    return queryRows<{ key: string }>(
      this.dataSource,
      `UPDATE github_repositories SET leased_until = now() + make_interval(secs => $1)
        WHERE key IN (
          SELECT g.key FROM github_repositories g
           WHERE g.status = 'pending' AND g.next_attempt_at <= now()
             AND (g.leased_until IS NULL OR g.leased_until < now())
             AND EXISTS (SELECT 1 FROM tasks t WHERE t.github_repo = g.key AND t.deleted_at IS NULL)
           ORDER BY g.next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING key`,
      [leaseSeconds, limit],
    );
  }
}

function upsert(answer: GithubAnswer): string {
  const settled = `attempts = 0, next_attempt_at = NULL, leased_until = NULL, fetched_at = now()`;
  switch (answer.outcome) {
    case 'found':
      return `INSERT INTO github_repositories (key, full_name, description, stars, html_url, etag, status, fetched_at)
              VALUES ($1, $2, $3, $4, $5, $6, 'ok', now())
              ON CONFLICT (key) DO UPDATE SET full_name = $2, description = $3, stars = $4, html_url = $5,
                etag = $6, status = 'ok', ${settled}
              RETURNING *`;
    case 'not-modified':
      return `UPDATE github_repositories SET status = 'ok', ${settled} WHERE key = $1 RETURNING *`;
    case 'not-found':
      return `UPDATE github_repositories SET status = 'error', ${settled} WHERE key = $1 RETURNING *`;
    case 'unavailable':
      // Backoff doubles from the poll interval to an hour, with jitter so instances do not retry in step;
      // a rate limit's reset time wins when GitHub gave one.
      return `INSERT INTO github_repositories AS g (key, full_name, status, attempts, next_attempt_at)
              VALUES ($1, $2, 'pending', 1, COALESCE($3::timestamptz, now() + make_interval(secs => $4)))
              ON CONFLICT (key) DO UPDATE SET status = 'pending', attempts = g.attempts + 1, leased_until = NULL,
                next_attempt_at = COALESCE($3::timestamptz, now() + make_interval(
                  secs => LEAST(3600, $4 * power(2, g.attempts)) * (0.5 + random() / 2)))
              RETURNING *`;
  }
}

function upsertParameters(repo: RepoName, answer: GithubAnswer, retryPollSeconds: number): unknown[] {
  switch (answer.outcome) {
    case 'found': {
      const { fullName, description, stars, htmlUrl } = answer.repo;
      return [repo.key, fullName, description, stars, htmlUrl, answer.etag];
    }
    case 'unavailable':
      return [repo.key, repo.fullName, answer.retryAt ?? null, retryPollSeconds];
    default:
      return [repo.key];
  }
}
