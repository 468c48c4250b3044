import {
  Injectable,
  NotFoundException,
  PreconditionFailedException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { changedFields } from '../activity/activity-events';
import { recordActivity } from '../activity/record-activity';
import type { Principal } from '../auth/principal';
import type { Page } from '../common/page';
import { queryRows } from '../database/query-rows';
import { parseRepoName, RepoName } from '../github/github-repo-name';
import { GithubService, RepoLookup } from '../github/github.service';
import { ProjectAccessPolicy } from '../projects/project-access.policy';
import type { ListAllTasksQuery, ListProjectTasksQuery } from './dto/list-tasks.query';
import { linkedRepoKey, readTask, TaskDto } from './dto/task.dto';
import type { TaskStatus } from './dto/task-fields';
import type { CreateTaskDto, ReplaceTaskDto, UpdateTaskDto } from './dto/task-write.dto';
import { TasksRepository } from './tasks.repository';

/** The state a write leaves a task in, before it is stored. */
interface TaskState {
  projectId: string;
  title: string;
  description: string | null;
  status: TaskStatus;
  priority: number;
  dueDate: string | null;
  assigneeId: string | null;
  /** The linked repository's cache key (lower-cased owner/name). */
  githubRepo: string | null;
}

/** The fields whose changes the activity log records. */
const TRACKED_FIELDS = [
  'projectId',
  'title',
  'description',
  'status',
  'priority',
  'dueDate',
  'assigneeId',
  'githubRepo',
] as const satisfies readonly (keyof TaskState)[];

const DEFAULTS = {
  description: null,
  status: 'pending',
  priority: 0,
  dueDate: null,
  assigneeId: null,
  githubRepo: null,
} as const;

@Injectable()
export class TasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProjectAccessPolicy,
    private readonly tasks: TasksRepository,
    private readonly github: GithubService,
  ) {}

  /** Creates in `projectId`, or in the caller's Inbox when none is given. */
  async create(principal: Principal, projectId: string | undefined, dto: CreateTaskDto): Promise<TaskDto> {
    const repo = dto.githubRepo ? parseRepoName(dto.githubRepo) : null;
    // Only a caller the write would accept gets GitHub asked, so outsiders cannot spend the service's rate limit.
    if (repo && projectId) await this.access.require(principal.userId, projectId, 'write-tasks');
    const lookup = repo ? await this.github.lookupForLink(repo) : undefined;
    return this.dataSource.transaction(async (manager) => {
      if (lookup) await this.github.store(manager, lookup, { actorId: principal.userId });
      const inbox = projectId ? null : await this.inboxOf(principal.userId, manager);
      const target = projectId ?? inbox!.id;
      await this.access.require(principal.userId, target, 'write-tasks', manager);
      const state: TaskState = {
        projectId: target,
        title: dto.title,
        description: dto.description ?? DEFAULTS.description,
        status: statusOf(dto, DEFAULTS.status) ?? DEFAULTS.status,
        priority: dto.priority ?? DEFAULTS.priority,
        dueDate: dto.dueDate ?? DEFAULTS.dueDate,
        assigneeId: dto.assigneeId ?? DEFAULTS.assigneeId,
        githubRepo: repo?.key ?? DEFAULTS.githubRepo,
      };
      await this.assertAssignable(state, manager);
      const [{ id }] = await manager.query<{ id: string }[]>(
        `INSERT INTO tasks (project_id, title, description, status, priority, due_date, assignee_id, created_by,
                            completed_at, github_repo)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $4 = 'completed' THEN now() END, $9)
         RETURNING id`,
        [
          state.projectId,
          state.title,
          state.description,
          state.status,
          state.priority,
          state.dueDate,
          state.assigneeId,
          principal.userId,
          state.githubRepo,
        ],
      );
      const task = await this.load(id, manager);
      if (inbox?.created) {
        await recordActivity(manager, {
          event: 'project.created',
          projectId: target,
          actorId: principal.userId,
          changes: { name: { from: null, to: 'Inbox' } },
          version: 1,
        });
      }
      await recordActivity(manager, {
        event: 'task.created',
        ...this.subject(task),
        actorId: principal.userId,
        changes: changedFields(null, state, TRACKED_FIELDS),
      });
      return task;
    });
  }

  async get(principal: Principal, id: string): Promise<TaskDto> {
    await this.access.requireTask(principal.userId, id, 'read');
    return this.load(id);
  }

  /** PATCH (`replace` false) changes what is sent; PUT replaces every writable field. Both may move the task. */
  async update(
    principal: Principal,
    id: string,
    dto: UpdateTaskDto | ReplaceTaskDto,
    expected: number | undefined,
    replace: boolean,
  ): Promise<TaskDto> {
    const repo = dto.githubRepo ? parseRepoName(dto.githubRepo) : null;
    const lookup = repo ? await this.lookupRelink(principal, id, repo) : undefined;
    return this.dataSource.transaction(async (manager) => {
      if (lookup) await this.github.store(manager, lookup, { actorId: principal.userId, writingTaskId: id });
      await this.access.requireTask(principal.userId, id, 'update', manager, { lock: true });
      const task = await this.load(id, manager);
      const current: TaskState & { version: number } = {
        ...task,
        githubRepo: await linkedRepoKey(manager, id),
      };
      const base: TaskState = replace
        ? { ...DEFAULTS, projectId: current.projectId, title: current.title }
        : current;
      const next: TaskState = {
        projectId: dto.projectId ?? current.projectId,
        title: dto.title ?? base.title,
        description: dto.description !== undefined ? dto.description : base.description,
        status: statusOf(dto, base.status) ?? base.status,
        priority: dto.priority ?? base.priority,
        dueDate: dto.dueDate !== undefined ? dto.dueDate : base.dueDate,
        assigneeId: dto.assigneeId !== undefined ? dto.assigneeId : base.assigneeId,
        githubRepo: dto.githubRepo !== undefined ? (repo?.key ?? null) : base.githubRepo,
      };
      if (next.projectId !== current.projectId) {
        // Moving needs task-writing rights in both projects; a share does not carry a task elsewhere.
        await this.access.require(principal.userId, current.projectId, 'write-tasks', manager);
        await this.access.require(principal.userId, next.projectId, 'write-tasks', manager);
      }
      if (next.assigneeId !== current.assigneeId || next.projectId !== current.projectId) {
        await this.assertAssignable(next, manager);
      }
      const changes = changedFields<TaskState>(current, next, TRACKED_FIELDS);
      if (Object.keys(changes).length === 0) {
        // Writing what is already there is not a change: no new version, no activity, no event.
        if (expected !== undefined && expected !== current.version)
          throw new PreconditionFailedException('The task has changed since that version');
        return task;
      }
      // The version check is part of the UPDATE itself: of racing writers at one version exactly one wins.
      const updated = await queryRows(
        manager,
        `UPDATE tasks SET project_id = $2, title = $3, description = $4, status = $5, priority = $6, due_date = $7,
                assignee_id = $8, github_repo = $10,
                completed_at = CASE WHEN $5 <> 'completed' THEN NULL ELSE COALESCE(completed_at, now()) END,
                version = version + 1, updated_at = now()
          WHERE id = $1 AND deleted_at IS NULL AND ($9::integer IS NULL OR version = $9)
          RETURNING id`,
        [
          id,
          next.projectId,
          next.title,
          next.description,
          next.status,
          next.priority,
          next.dueDate,
          next.assigneeId,
          expected ?? null,
          next.githubRepo,
        ],
      );
      if (updated.length === 0)
        throw new PreconditionFailedException('The task has changed since that version');
      const updatedTask = await this.load(id, manager);
      await recordActivity(manager, {
        event: changes.assigneeId ? 'task.assigned' : 'task.updated',
        ...this.subject(updatedTask),
        fromProjectId: changes.projectId ? current.projectId : undefined,
        actorId: principal.userId,
        changes,
      });
      return updatedTask;
    });
  }

  /**
   * Asks GitHub about a repository a write links anew, before the write's transaction opens; relinking the
   * repository a task already has asks nothing (a PUT resending it must not fail because GitHub is down).
   */
  private async lookupRelink(
    principal: Principal,
    id: string,
    repo: RepoName,
  ): Promise<RepoLookup | undefined> {
    await this.access.requireTask(principal.userId, id, 'update');
    if ((await linkedRepoKey(this.dataSource, id)) === repo.key) return undefined;
    return this.github.lookupForLink(repo);
  }

  /** Soft delete: the row stays for restore and the activity log, and the task is 404 everywhere else. */
  async remove(principal: Principal, id: string, expected: number | undefined): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.requireTask(principal.userId, id, 'delete', manager);
      const [deleted] = await queryRows<{ deleted_at: Date }>(
        manager,
        `UPDATE tasks SET deleted_at = now(), version = version + 1, updated_at = now()
          WHERE id = $1 AND deleted_at IS NULL AND ($2::integer IS NULL OR version = $2) RETURNING deleted_at`,
        [id, expected ?? null],
      );
      if (!deleted) throw new PreconditionFailedException('The task has changed since that version');
      await recordActivity(manager, {
        event: 'task.deleted',
        ...this.subject(await this.load(id, manager)),
        actorId: principal.userId,
        changes: { deletedAt: { from: null, to: deleted.deleted_at.toISOString() } },
      });
    });
  }

  async restore(principal: Principal, id: string): Promise<TaskDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.requireTask(principal.userId, id, 'restore', manager, { deleted: true, lock: true });
      const [restored] = await queryRows<{ deleted_at: Date }>(
        manager,
        `UPDATE tasks t SET deleted_at = NULL, version = t.version + 1, updated_at = now()
           FROM tasks before WHERE t.id = $1 AND before.id = t.id RETURNING before.deleted_at`,
        [id],
      );
      const task = await this.load(id, manager);
      await recordActivity(manager, {
        event: 'task.restored',
        ...this.subject(task),
        actorId: principal.userId,
        changes: { deletedAt: { from: restored.deleted_at.toISOString(), to: null } },
      });
      return task;
    });
  }

  async listProject(
    principal: Principal,
    projectId: string,
    query: ListProjectTasksQuery,
  ): Promise<Page<TaskDto>> {
    const trash = query.deleted === true;
    if (trash) await this.access.require(principal.userId, projectId, 'manage-trash');
    const page = await this.tasks.list(
      {
        name: `project:${projectId}`,
        deleted: trash,
        apply: (builder) => {
          builder.andWhere('t.project_id = :projectId', { projectId });
          return trash ? builder : this.access.scopeToReadableProject(builder, projectId, principal.userId);
        },
      },
      principal.userId,
      query,
    );
    // An empty page is also what a caller who may not read the project gets; only then is it asked, for the 404.
    if (!trash && page.items.length === 0) await this.access.require(principal.userId, projectId, 'read');
    return page;
  }

  async listVisible(principal: Principal, query: ListAllTasksQuery): Promise<Page<TaskDto>> {
    return this.tasks.list(
      {
        name: 'visible',
        deleted: false,
        apply: (builder) => {
          this.access.scopeToVisibleTasks(builder, principal.userId);
          return query.projectId
            ? builder.andWhere('t.project_id = :projectId', { projectId: query.projectId })
            : builder;
        },
      },
      principal.userId,
      query,
    );
  }

  async load(id: string, manager: EntityManager = this.dataSource.manager): Promise<TaskDto> {
    const task = await readTask(manager, id);
    if (!task) throw new NotFoundException('No such task');
    return task;
  }

  /** What an activity record of this task names: its project, itself, its version and state after the change. */
  private subject(task: TaskDto) {
    return { projectId: task.projectId, taskId: task.id, version: task.version, resource: task };
  }

  /** The caller's Inbox project, made on first use; the unique inbox_of makes it once under concurrent first calls. */
  private async inboxOf(userId: string, manager: EntityManager): Promise<{ id: string; created: boolean }> {
    const [created] = await manager.query<{ id: string }[]>(
      `INSERT INTO projects (name, inbox_of) VALUES ('Inbox', $1) ON CONFLICT (inbox_of) DO NOTHING RETURNING id`,
      [userId],
    );
    if (created) {
      await manager.query(
        `INSERT INTO project_members (project_id, user_id, role) VALUES ($1, $2, 'owner')`,
        [created.id, userId],
      );
      return { id: created.id, created: true };
    }
    const [existing] = await manager.query<{ id: string }[]>(`SELECT id FROM projects WHERE inbox_of = $1`, [
      userId,
    ]);
    return { id: existing.id, created: false };
  }

  private async assertAssignable(state: TaskState, manager: EntityManager): Promise<void> {
    if (state.assigneeId === null) return;
    if (!(await this.access.memberRole(state.assigneeId, state.projectId, manager))) {
      const message = 'The assignee must be a member of the project';
      throw new UnprocessableEntityException({ message, errors: [{ field: 'assigneeId', message }] });
    }
  }
}

/**
 * `completed` is `status == "completed"`: either may be written, and a body where they disagree is refused.
 * Un-completing keeps a task that was not completed where it was, and sends a completed one back to pending.
 */
function statusOf(
  dto: { status?: TaskStatus; completed?: boolean },
  before: TaskStatus,
): TaskStatus | undefined {
  if (dto.completed === undefined) return dto.status;
  if (dto.status !== undefined && (dto.status === 'completed') !== dto.completed) {
    const message = 'status and completed disagree';
    throw new UnprocessableEntityException({
      message,
      errors: [
        { field: 'status', message },
        { field: 'completed', message },
      ],
    });
  }
  if (dto.status !== undefined) return dto.status;
  if (dto.completed) return 'completed';
  return before === 'completed' ? 'pending' : before;
}
