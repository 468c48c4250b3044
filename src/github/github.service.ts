import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { recordActivity } from '../activity/record-activity';
import type { Principal } from '../auth/principal';
import { AppConfig } from '../config/app-config';
import { queryRows } from '../database/query-rows';
import { ProjectAccessPolicy } from '../projects/project-access.policy';
import { linkedRepoKey, mapTask, readTask, TASK_COLUMNS, TaskDto, TaskRow } from '../tasks/dto/task.dto';
import { GithubRepoDto, githubRepoJson } from './dto/github-repo.dto';
import { GithubAnswer, GithubClient } from './github.client';
import { parseRepoName, RepoName } from './github-repo-name';

/** What GitHub (or a fresh cache) said about one repository, learned before the write's transaction opened. */
export interface RepoLookup {
  repo: RepoName;
  /** null: the cached row is fresh and stays as it is. */
  answer: GithubAnswer | null;
}

/** Who caused a store, for the activity of the tasks whose repository data it changes. */
export interface StoreContext {
  actorId: string | null;
  /** A task the caller's own write records activity for; it is not told twice. */
  writingTaskId?: string;
}

const RENDERED = githubRepoJson('g');

@Injectable()
export class GithubService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly client: GithubClient,
    private readonly config: AppConfig,
    private readonly access: ProjectAccessPolicy,
  ) {}

  /** Asks GitHub again now for the repository a task links, for whoever may edit the task. */
  async refresh(principal: Principal, taskId: string): Promise<TaskDto> {
    await this.access.requireTask(principal.userId, taskId, 'update');
    const key = await linkedRepoKey(this.dataSource, taskId);
    if (!key) throw new ConflictException('The task links no GitHub repository');
    const lookup = await this.lookupNow(parseRepoName(key)!);
    await this.dataSource.transaction((manager) =>
      this.store(manager, lookup, { actorId: principal.userId }),
    );
    return (await readTask(this.dataSource, taskId))!;
  }

  /**
   * Asks before any transaction opens, so a slow GitHub never holds a task write open longer than the timeout.
   * A repository GitHub does not have is a 422, and the caller writes nothing.
   */
  async lookupForLink(repo: RepoName): Promise<RepoLookup> {
    const [cached] = await this.dataSource.query<{ etag: string | null; fresh: boolean }[]>(
      `SELECT etag, status = 'ok' AND fetched_at > now() - make_interval(secs => $2) AS fresh
         FROM github_repositories WHERE key = $1`,
      [repo.key, this.config.github.cacheMaxAgeSeconds],
    );
    if (cached?.fresh) return { repo, answer: null };
    const answer = await this.client.fetchRepository(repo, cached?.etag ?? null);
    if (answer.outcome === 'not-found') {
      const message = `GitHub has no repository ${repo.fullName}`;
      throw new UnprocessableEntityException({ message, errors: [{ field: 'githubRepo', message }] });
    }
    return { repo, answer };
  }

  /** Asks GitHub now, whatever the cache holds (refresh, and the background retry). */
  async lookupNow(repo: RepoName): Promise<RepoLookup> {
    const [cached] = await this.dataSource.query<{ etag: string | null }[]>(
      `SELECT etag FROM github_repositories WHERE key = $1`,
      [repo.key],
    );
    return { repo, answer: await this.client.fetchRepository(repo, cached?.etag ?? null) };
  }

  /**
   * Stores what a lookup learned, inside the caller's transaction, so the row exists exactly when the write that
   * needs it commits. A failed lookup leaves the row pending with any older data kept, and schedules a retry. When
   * what tasks show of the repository changes, each task linking it gets a new version and a `task.updated` record.
   * Call it before the transaction locks any task: it locks the repository row and then the tasks linking it, and
   * one order for every writer keeps two of them from deadlocking.
   */
  async store(manager: EntityManager, { repo, answer }: RepoLookup, context: StoreContext): Promise<void> {
    if (!answer) return;
    const [before] = await manager.query<{ rendered: GithubRepoDto }[]>(
      `SELECT ${RENDERED} AS rendered FROM github_repositories g WHERE g.key = $1 FOR UPDATE`,
      [repo.key],
    );
    const [after] = await manager.query<{ rendered: GithubRepoDto }[]>(
      `WITH stored AS (${this.upsert(answer)}) SELECT ${RENDERED} AS rendered FROM stored g`,
      this.upsertParameters(repo, answer),
    );
    if (before && after && !sameRepository(before.rendered, after.rendered)) {
      await this.announce(manager, repo.key, before.rendered, after.rendered, context);
    }
  }

  private upsert(answer: GithubAnswer): string {
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

  private upsertParameters(repo: RepoName, answer: GithubAnswer): unknown[] {
    switch (answer.outcome) {
      case 'found': {
        const { fullName, description, stars, htmlUrl } = answer.repo;
        return [repo.key, fullName, description, stars, htmlUrl, answer.etag];
      }
      case 'unavailable':
        return [repo.key, repo.fullName, answer.retryAt ?? null, this.config.github.retryPollMs / 1000];
      default:
        return [repo.key];
    }
  }

  private async announce(
    manager: EntityManager,
    key: string,
    from: GithubRepoDto,
    to: GithubRepoDto,
    context: StoreContext,
  ): Promise<void> {
    const touched = await queryRows<{ id: string }>(
      manager,
      `UPDATE tasks SET version = version + 1, updated_at = now()
        WHERE github_repo = $1 AND deleted_at IS NULL AND id IS DISTINCT FROM $2::uuid RETURNING id`,
      [key, context.writingTaskId ?? null],
    );
    if (touched.length === 0) return;
    const rows = await manager.query<TaskRow[]>(
      `SELECT ${TASK_COLUMNS} FROM tasks t WHERE t.id = ANY($1) ORDER BY t.id`,
      [touched.map((task) => task.id)],
    );
    for (const task of rows.map(mapTask)) {
      await recordActivity(manager, {
        event: 'task.updated',
        projectId: task.projectId,
        taskId: task.id,
        version: task.version,
        resource: task,
        actorId: context.actorId,
        changes: { githubRepo: { from, to } },
      });
    }
  }
}

/** Equal in what a reader cares about: a refetch that only moves fetchedAt is not a change to the task. */
function sameRepository(a: GithubRepoDto, b: GithubRepoDto): boolean {
  return JSON.stringify({ ...a, fetchedAt: null }) === JSON.stringify({ ...b, fetchedAt: null });
}
