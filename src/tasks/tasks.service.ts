import { ActivityRecorder } from '../events/activity-recorder';
import { ConflictException, HttpException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import type { Page } from '../common/page';
import { Transactions } from '../database/transactions';

import { parseRepoName } from '../github/github-repo-name';
import { GithubService } from '../github/github.service';
import { ProjectAccessPolicy } from '../projects/project-access.policy';
import type { ListAllTasksQuery, ListProjectTasksQuery } from './dto/list-tasks.query';
import type { MoveTaskDto } from './dto/move-task.dto';
import type { TaskDto } from './dto/task.dto';
import type { CreateTaskDto, ReplaceTaskDto, UpdateTaskDto } from './dto/task-write.dto';
import { TaskGithubLinks } from './task-github-links';
import type { Outcome } from './write/batch-outcomes';
import { trashEntries } from './write/task-records';
import { TaskWriter, WriteOptions } from './write/task-writer';
import { TaskListRepository } from './task-list.repository';
import { TasksRepository } from './tasks.repository';

/**
 * The use cases of the task routes, one method per route. Writes of one task are batches of one inside (TaskWriter
 * runs every write, single or bulk, through the same checks); this is where a single request becomes that batch and
 * its one outcome becomes the answer or the exception a client sees, and where the steps around a write that are not
 * the writer's live (the Inbox, restore, GitHub refresh). The bulk methods hand their batch on as it is.
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly recorder: ActivityRecorder,
    private readonly transactions: Transactions,
    private readonly access: ProjectAccessPolicy,
    private readonly tasks: TasksRepository,
    private readonly lists: TaskListRepository,
    private readonly github: GithubService,
    private readonly githubLinks: TaskGithubLinks,
    private readonly writer: TaskWriter,
  ) {}

  /** Creates in `projectId`, or in the caller's Inbox when none is given. */
  async create(principal: Principal, projectId: string | undefined, dto: CreateTaskDto): Promise<TaskDto> {
    const [task] = await this.writer.create(principal, projectId, [dto]);
    return task;
  }

  /** Creates up to 200 tasks in a project, in order after its tasks: all of them or none. */
  createMany(principal: Principal, projectId: string, dtos: CreateTaskDto[]): Promise<TaskDto[]> {
    return this.writer.create(principal, projectId, dtos);
  }

  async get(principal: Principal, id: string): Promise<TaskDto> {
    await this.access.requireTask(principal.userId, id, 'read');
    return this.load(id);
  }

  /** PATCH: changes what is sent, and may move the task to another project. */
  update(
    principal: Principal,
    id: string,
    dto: UpdateTaskDto,
    expected?: number,
    force = false,
  ): Promise<TaskDto> {
    return this.writeOne(principal, id, dto, { expected: versions(id, expected), mode: 'merge', force });
  }

  /** PUT: every writable field; what is not sent takes its default. */
  replace(
    principal: Principal,
    id: string,
    dto: ReplaceTaskDto,
    expected?: number,
    force = false,
  ): Promise<TaskDto> {
    return this.writeOne(principal, id, dto, { expected: versions(id, expected), mode: 'replace', force });
  }

  /**
   * Places a task between neighbours, optionally in another status (a board column) or project, as one write with
   * one `task.moved` record.
   */
  move(
    principal: Principal,
    id: string,
    dto: MoveTaskDto,
    expected?: number,
    force = false,
  ): Promise<TaskDto> {
    const { before, after, version: _version, ...fields } = dto;
    return this.writeOne(principal, id, fields, {
      expected: versions(id, expected),
      mode: 'merge',
      force,
      placement: { before, after },
    });
  }

  /** One PATCH for many tasks: each answers what its own PATCH would have (see BulkUpdateDto). */
  updateMany(
    principal: Principal,
    ids: string[],
    dto: UpdateTaskDto,
    options: { expected: Map<string, number>; atomic: boolean; force: boolean },
  ): Promise<Outcome[]> {
    return this.writer.update(principal, ids, dto, { ...options, mode: 'merge' });
  }

  /** Asks GitHub again now for the repository a task links, for whoever may edit the task. */
  async refreshGithub(principal: Principal, id: string): Promise<TaskDto> {
    await this.access.requireTask(principal.userId, id, 'update');
    const [task] = await this.tasks.records([id]);
    const key = task?.state.githubRepo;
    if (!key) throw new ConflictException('The task links no GitHub repository');
    await this.githubLinks.settle(await this.github.lookupNow(parseRepoName(key)!), principal.userId);
    return this.load(id);
  }

  /** Soft delete: the row stays for restore and the activity log, and the task is 404 everywhere else. */
  async remove(principal: Principal, id: string, expected: number | undefined): Promise<void> {
    const [failure] = await this.writer.remove(principal, [id], versions(id, expected), true);
    if (failure) throw failure;
  }

  /** Soft deletes many: one outcome per id (null: deleted). */
  removeMany(
    principal: Principal,
    ids: string[],
    options: { expected: Map<string, number>; atomic: boolean },
  ): Promise<(HttpException | null)[]> {
    return this.writer.remove(principal, ids, options.expected, options.atomic);
  }

  async restore(principal: Principal, id: string): Promise<TaskDto> {
    return this.transactions.run(async (manager) => {
      await this.access.requireTask(principal.userId, id, 'restore', { manager, deleted: true, lock: true });
      const subtree = await this.tasks.restoreDescendants(manager, id);
      const deletedAt = await this.tasks.restore(manager, id);
      const tasks = await this.tasks.readMany([id, ...subtree], manager);
      await this.recorder.record(manager, trashEntries(tasks, 'task.restored', principal.userId, deletedAt));
      return tasks.find((task) => task.id === id)!;
    });
  }

  async listProject(
    principal: Principal,
    projectId: string,
    query: ListProjectTasksQuery,
  ): Promise<Page<TaskDto>> {
    const trash = query.deleted === true;
    if (trash) await this.access.require(principal.userId, projectId, 'manage-trash');
    const page = await this.lists.list({ kind: 'project', projectId, trash }, principal.userId, query);
    // An empty page is also what a caller who may not read the project gets; only then is it asked, for the 404.
    if (!trash && page.items.length === 0) await this.access.require(principal.userId, projectId, 'read');
    return page;
  }

  listVisible(principal: Principal, query: ListAllTasksQuery): Promise<Page<TaskDto>> {
    return this.lists.list({ kind: 'visible', projectId: query.projectId }, principal.userId, query);
  }

  /** The tasks among `ids` that exist, trashed or not, in id order: for other modules' records about them. */
  loadMany(ids: string[], manager?: EntityManager): Promise<TaskDto[]> {
    return this.tasks.readMany(ids, manager);
  }

  async load(id: string, manager?: EntityManager): Promise<TaskDto> {
    const task = await this.tasks.read(id, manager);
    if (!task) throw new NotFoundException('No such task');
    return task;
  }

  private async writeOne(
    principal: Principal,
    id: string,
    dto: UpdateTaskDto | ReplaceTaskDto,
    options: Omit<WriteOptions, 'atomic'>,
  ): Promise<TaskDto> {
    const [outcome] = await this.writer.update(principal, [id], dto, { ...options, atomic: true });
    if (outcome instanceof HttpException) throw outcome;
    return outcome;
  }
}

/** The version a single write expects, as the writer takes them. */
function versions(id: string, expected: number | undefined): Map<string, number> {
  return new Map(expected === undefined ? [] : [[id, expected]]);
}
