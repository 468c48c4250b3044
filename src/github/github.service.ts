import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import type { GithubRepoDto } from './dto/github-repo.dto';
import { GithubAnswer, GithubClient } from './github.client';
import type { RepoName } from './github-repo-name';
import { GithubRepository } from './github.repository';
import { fieldProblem } from '../common/problem';

/** What GitHub (or a fresh cache) said about one repository, learned before the write's transaction opened. */
export interface RepoLookup {
  repo: RepoName;
  /** null: the cached row is fresh and stays as it is. */
  answer: GithubAnswer | null;
}

/** What a store changed in how tasks show a repository; the tasks module applies it to the tasks linking it. */
export interface RepoChange {
  key: string;
  from: GithubRepoDto;
  to: GithubRepoDto;
}

/**
 * Talks to GitHub and keeps its answers in the shared repository cache. It knows nothing of tasks: it reports what
 * changed about a repository, and whoever links to it decides what that means for them.
 */
@Injectable()
export class GithubService {
  constructor(
    private readonly client: GithubClient,
    private readonly config: AppConfig,
    private readonly repositories: GithubRepository,
  ) {}

  /**
   * Asks before any transaction opens, so a slow GitHub never holds a task write open longer than the timeout.
   * A repository GitHub does not have is a 422, and the caller writes nothing.
   */
  async lookupForLink(repo: RepoName): Promise<RepoLookup> {
    const cached = await this.repositories.cached(repo.key, this.config.github.cacheMaxAgeSeconds);
    if (cached?.fresh) return { repo, answer: null };
    const answer = await this.client.fetchRepository(repo, cached?.etag ?? null);
    if (answer.outcome === 'not-found') {
      throw fieldProblem('githubRepo', `GitHub has no repository ${repo.fullName}`);
    }
    return { repo, answer };
  }

  /** Asks GitHub now, whatever the cache holds (refresh, and the background retry). */
  async lookupNow(repo: RepoName): Promise<RepoLookup> {
    const cached = await this.repositories.cached(repo.key, 0);
    return { repo, answer: await this.client.fetchRepository(repo, cached?.etag ?? null) };
  }

  /**
   * Stores what a lookup learned, inside the caller's transaction, so the row exists exactly when the write that
   * needs it commits. A failed lookup leaves the row pending with any older data kept, and schedules a retry.
   * Locks the repository row: call it before the transaction locks any task, so every writer takes the repository
   * first and then tasks, and no two of them deadlock.
   */
  async store(manager: EntityManager, { repo, answer }: RepoLookup): Promise<RepoChange | undefined> {
    if (!answer) return undefined;
    const before = await this.repositories.lockRendered(manager, repo.key);
    const after = await this.repositories.store(manager, repo, answer, this.config.github.retryPollMs / 1000);
    if (!before || !after || sameRepository(before, after)) return undefined;
    return { key: repo.key, from: before, to: after };
  }

  /** Leases the pending repositories due for a retry. */
  leaseDue(limit: number): Promise<{ key: string }[]> {
    return this.repositories.leaseDue(this.config.github.timeoutMs / 1000 + 30, limit);
  }
}

/** Equal in what a reader cares about: a refetch that only moves fetchedAt is not a change to the task. */
function sameRepository(a: GithubRepoDto, b: GithubRepoDto): boolean {
  return JSON.stringify({ ...a, fetchedAt: null }) === JSON.stringify({ ...b, fetchedAt: null });
}
