import { ActivityRecorder } from '../events/activity-recorder';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Transactions } from '../database/transactions';
import { ActivityEntry } from '../events/activity-log.repository';
import { GithubService, RepoChange, RepoLookup } from '../github/github.service';
import { TasksRepository } from './tasks.repository';

/**
 * What a change to a linked repository means for tasks: every live task linking it shows the repository, so each
 * gets a new version and a `task.updated` record naming `githubRepo`. Returns those records unwritten, for the
 * caller to record last in its transaction.
 */
@Injectable()
export class TaskGithubLinks {
  constructor(
    private readonly recorder: ActivityRecorder,
    private readonly transactions: Transactions,
    private readonly github: GithubService,
    private readonly tasks: TasksRepository,
  ) {}

  /**
   * Stores a lookup made outside any task write (a refresh, the background retry) and tells every task linking the
   * repository, in one transaction of its own.
   */
  async settle(lookup: RepoLookup, actorId: string | null): Promise<void> {
    await this.transactions.run(async (manager) => {
      const change = await this.github.store(manager, lookup);
      await this.recorder.record(manager, await this.applyChange(manager, change, { actorId }));
    });
  }

  async applyChange(
    manager: EntityManager,
    change: RepoChange | undefined,
    context: { actorId: string | null; exceptTaskIds?: string[] },
  ): Promise<ActivityEntry[]> {
    if (!change) return [];
    const touched = await this.tasks.touchLinking(manager, change.key, context.exceptTaskIds ?? []);
    if (touched.length === 0) return [];
    const tasks = await this.tasks.readMany(touched, manager);
    return tasks.map((task) => ({
      event: 'task.updated',
      projectId: task.projectId,
      taskId: task.id,
      version: task.version,
      resource: task,
      actorId: context.actorId,
      changes: { githubRepo: { from: change.from, to: change.to } },
    }));
  }
}
