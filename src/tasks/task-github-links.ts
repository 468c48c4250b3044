import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ActivityEntry } from '../events/activity-log.repository';
import type { RepoChange } from '../github/github.service';
import { TasksRepository } from './tasks.repository';

/**
 * What a change to a linked repository means for tasks: every live task linking it shows the repository, so each
 * gets a new version and a `task.updated` record naming `githubRepo`. Returns those records unwritten, for the
 * caller to record last in its transaction.
 */
@Injectable()
export class TaskGithubLinks {
  constructor(private readonly tasks: TasksRepository) {}

  async applyChange(
    manager: EntityManager,
    change: RepoChange | undefined,
    context: { actorId: string | null; exceptTaskId?: string },
  ): Promise<ActivityEntry[]> {
    if (!change) return [];
    const touched = await this.tasks.touchLinking(manager, change.key, context.exceptTaskId);
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
