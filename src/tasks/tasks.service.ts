import {
  ConflictException,
  Injectable,
  NotFoundException,
  PreconditionFailedException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import type { Page } from '../common/page';
import { Transactions } from '../database/transactions';
import { changedFields, FieldChanges } from '../events/activity-events';
import { ActivityEntry, recordActivities } from '../events/activity-log.repository';
import { parseRepoName, RepoName } from '../github/github-repo-name';
import { GithubService, RepoLookup } from '../github/github.service';
import { NotificationsService } from '../notifications/notifications.service';
import { ProjectAccessPolicy } from '../projects/project-access.policy';
import { ProjectsService } from '../projects/projects.service';
import type { ListAllTasksQuery, ListProjectTasksQuery } from './dto/list-tasks.query';
import type { TaskDto } from './dto/task.dto';
import type { CreateTaskDto, ReplaceTaskDto, UpdateTaskDto } from './dto/task-write.dto';
import type { Reminder } from './reminders';
import { nextTaskState, PLACEMENT_FIELDS, TASK_DEFAULTS, TRACKED_FIELDS } from './task-state';
import { applyRecurrence, assertTimeRules, movesReminders, Recurred, upcomingReminders } from './task-time';
import { TaskGithubLinks } from './task-github-links';
import { TasksRepository, TaskState } from './tasks.repository';
import { keyAfter, keyBetween, keysAfter } from './task-positions';
import { TaskPositionsRepository } from './task-positions.repository';
import { AppConfig } from '../config/app-config';
import type { MoveTaskDto } from './dto/move-task.dto';
import type { TaskStatus } from './dto/task-fields';

@Injectable()
export class TasksService {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: ProjectAccessPolicy,
    private readonly tasks: TasksRepository,
    private readonly projects: ProjectsService,
    private readonly github: GithubService,
    private readonly githubLinks: TaskGithubLinks,
    private readonly notifications: NotificationsService,
    private readonly positions: TaskPositionsRepository,
    private readonly config: AppConfig,
  ) {}

  /** Creates in `projectId`, or in the caller's Inbox when none is given. */
  async create(principal: Principal, projectId: string | undefined, dto: CreateTaskDto): Promise<TaskDto> {
    const repo = dto.githubRepo ? parseRepoName(dto.githubRepo) : null;
    // Only a caller the write would accept gets GitHub asked, so outsiders cannot spend the service's rate limit.
    if (repo && projectId) await this.access.require(principal.userId, projectId, 'write-tasks');
    const lookup = repo ? await this.github.lookupForLink(repo) : undefined;
    return this.transactions.run(async (manager) => {
      const change = lookup && (await this.github.store(manager, lookup));
      const inbox = projectId ? undefined : await this.projects.ensureInbox(manager, principal.userId);
      const target = projectId ?? inbox!.id;
      await this.access.require(principal.userId, target, 'write-tasks', { manager });
      // A create is a PUT onto a task of defaults: whatever is not sent takes its default.
      const write = { ...dto, githubRepo: repo?.key ?? null };
      const timezone = await this.tasks.timeZoneOf(principal.userId, manager);
      const position = await this.positionAtEnd(manager, target);
      const state = nextTaskState(
        { ...TASK_DEFAULTS, projectId: target, title: dto.title, timezone, position },
        write,
        'replace',
      );
      assertTimeRules(state, write);
      await this.assertAssignable(state, manager);
      await this.assertLabels(state, state.labelIds, manager);
      await this.assertParent(principal, null, null, state, manager);
      const id = await this.tasks.insert(manager, state, principal.userId);
      await this.tasks.setLabels(manager, id, state.labelIds);
      await this.tasks.scheduleReminders(manager, id, upcomingReminders(state));
      const linked = await this.githubLinks.applyChange(manager, change, {
        actorId: principal.userId,
        exceptTaskId: id,
      });
      const task = await this.load(id, manager);
      await this.notifications.record(manager, [
        ...(inbox?.created ? [inbox.created] : []),
        {
          event: 'task.created',
          ...subject(task),
          actorId: principal.userId,
          // A new task's history names what it was created with, not the empty lists it lacks.
          changes: withoutEmptyLists(changedFields(null, state, TRACKED_FIELDS)),
        },
        ...linked,
      ]);
      return task;
    });
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
    return this.write(principal, id, dto, { expected, mode: 'merge', force });
  }

  /** PUT: every writable field; what is not sent takes its default. */
  replace(
    principal: Principal,
    id: string,
    dto: ReplaceTaskDto,
    expected?: number,
    force = false,
  ): Promise<TaskDto> {
    return this.write(principal, id, dto, { expected, mode: 'replace', force });
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
    return this.write(principal, id, fields, {
      expected,
      mode: 'merge',
      force,
      placement: { before, after, status: dto.status },
    });
  }

  /** Asks GitHub again now for the repository a task links, for whoever may edit the task. */
  async refreshGithub(principal: Principal, id: string): Promise<TaskDto> {
    await this.access.requireTask(principal.userId, id, 'update');
    const key = await this.tasks.linkedRepoKey(id);
    if (!key) throw new ConflictException('The task links no GitHub repository');
    await this.githubLinks.settle(await this.github.lookupNow(parseRepoName(key)!), principal.userId);
    return this.load(id);
  }

  /** Soft delete: the row stays for restore and the activity log, and the task is 404 everywhere else. */
  async remove(principal: Principal, id: string, expected: number | undefined): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.access.requireTask(principal.userId, id, 'delete', { manager });
      const deletedAt = await this.tasks.trash(manager, id, expected);
      if (!deletedAt) throw new PreconditionFailedException('The task has changed since that version');
      // Its subtasks go to the trash with it, at the same time, so a restore brings back exactly those.
      const subtree = await this.tasks.trashDescendants(manager, id);
      const tasks = await this.tasks.readMany([id, ...subtree], manager);
      await recordActivities(manager, trashEntries(tasks, 'task.deleted', principal.userId, deletedAt));
    });
  }

  async restore(principal: Principal, id: string): Promise<TaskDto> {
    return this.transactions.run(async (manager) => {
      await this.access.requireTask(principal.userId, id, 'restore', { manager, deleted: true, lock: true });
      const subtree = await this.tasks.restoreDescendants(manager, id);
      const deletedAt = await this.tasks.restore(manager, id);
      const tasks = await this.tasks.readMany([id, ...subtree], manager);
      await recordActivities(manager, trashEntries(tasks, 'task.restored', principal.userId, deletedAt));
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
    const page = await this.tasks.list({ kind: 'project', projectId, trash }, principal.userId, query);
    // An empty page is also what a caller who may not read the project gets; only then is it asked, for the 404.
    if (!trash && page.items.length === 0) await this.access.require(principal.userId, projectId, 'read');
    return page;
  }

  listVisible(principal: Principal, query: ListAllTasksQuery): Promise<Page<TaskDto>> {
    return this.tasks.list({ kind: 'visible', projectId: query.projectId }, principal.userId, query);
  }

  async load(id: string, manager?: EntityManager): Promise<TaskDto> {
    const task = await this.tasks.read(id, manager);
    if (!task) throw new NotFoundException('No such task');
    return task;
  }

  private async write(
    principal: Principal,
    id: string,
    dto: UpdateTaskDto | ReplaceTaskDto,
    { expected, mode, force, placement }: WriteOptions,
  ): Promise<TaskDto> {
    const repo = dto.githubRepo ? parseRepoName(dto.githubRepo) : null;
    const lookup = repo ? await this.lookupRelink(principal, id, repo) : undefined;
    // The occurrence the caller saw: two completions of it racing must advance a recurring task once.
    const seenDueDate = completes(dto) ? (await this.tasks.read(id))?.dueDate : undefined;
    return this.transactions.run(async (manager) => {
      // The repository row is locked before the task, the order every writer of linked tasks keeps.
      const change = lookup && (await this.github.store(manager, lookup));
      await this.access.requireTask(principal.userId, id, 'update', { manager, lock: true });
      const task = await this.load(id, manager);
      if (
        task.recurrence &&
        seenDueDate !== undefined &&
        task.dueDate !== seenDueDate &&
        expected === undefined
      ) {
        return task;
      }
      const current = stateOf(task, await this.tasks.hiddenState(id, manager));
      const write = { ...dto, githubRepo: dto.githubRepo === undefined ? undefined : (repo?.key ?? null) };
      const written = nextTaskState(current, write, mode);
      const completing = current.status !== 'completed' && written.status === 'completed';
      const pastBlockers = completing ? await this.assertUnblocked(principal, id, force, manager) : [];
      const { state: moved, recurred } = applyRecurrence(current, written);
      assertTimeRules(moved, write);
      await this.authorizeMove(principal, current, moved, manager);
      const named = [...(dto.labelIds ?? []), ...(('addLabelIds' in dto && dto.addLabelIds) || [])];
      const labelled = await this.assertLabels(moved, named, manager);
      // A subtask moved on its own to another project leaves its parent behind.
      const next =
        labelled.projectId !== current.projectId && dto.parentId === undefined
          ? { ...labelled, parentId: null }
          : labelled;
      await this.assertParent(principal, id, current, next, manager);
      const placed = {
        ...next,
        position: await this.place(principal, id, current, next, placement, manager),
      };
      const changes = changedFields<TaskState>(
        current,
        placed,
        placement ? PLACEMENT_FIELDS : TRACKED_FIELDS,
      );
      if (Object.keys(changes).length === 0) {
        // Writing what is already there is not a change: no new version, no activity, no event.
        if (expected !== undefined && expected !== task.version)
          throw new PreconditionFailedException('The task has changed since that version');
        return task;
      }
      if (!(await this.tasks.update(manager, id, placed, expected)))
        throw new PreconditionFailedException('The task has changed since that version');
      if (movesReminders(current, next))
        await this.tasks.scheduleReminders(manager, id, upcomingReminders(next));
      if (changes.labelIds) await this.tasks.setLabels(manager, id, next.labelIds);
      const subtree = changes.projectId ? await this.moveSubtree(manager, id, next.projectId) : [];
      const linked = await this.githubLinks.applyChange(manager, change, {
        actorId: principal.userId,
        exceptTaskId: id,
      });
      const updated = await this.load(id, manager);
      const movedBelow = await this.tasks.readMany(subtree, manager);
      const unblocked =
        next.status === 'completed' && completing ? await this.tasks.unblockedBy(manager, id) : [];
      if (pastBlockers.length > 0) changes.completedPastBlockers = { from: null, to: pastBlockers };
      await this.notifications.record(manager, [
        ...updateEntries(
          updated,
          current,
          changes,
          principal.userId,
          placement ? 'task.moved' : 'task.updated',
        ),
        ...movedBelow.map((task): ActivityEntry => ({
          event: 'task.updated',
          ...subject(task),
          fromProjectId: current.projectId,
          actorId: principal.userId,
          changes: { projectId: { from: current.projectId, to: next.projectId } },
        })),
        ...(recurred ? [recurredEntry(updated, recurred, principal.userId)] : []),
        ...(await this.tasks.readMany(unblocked, manager)).map((task): ActivityEntry => ({
          event: 'task.unblocked',
          ...subject(task),
          userId: task.assigneeId ?? undefined,
          actorId: principal.userId,
          changes: { blocked: { from: true, to: false } },
        })),
        ...linked,
      ]);
      return updated;
    });
  }

  /** Moving needs task-writing rights in both projects (a share does not carry a task elsewhere). */
  private async authorizeMove(
    principal: Principal,
    current: TaskState,
    next: TaskState,
    manager: EntityManager,
  ): Promise<void> {
    if (next.projectId !== current.projectId) {
      await this.access.require(principal.userId, current.projectId, 'write-tasks', { manager });
      await this.access.require(principal.userId, next.projectId, 'write-tasks', { manager });
    }
    if (next.assigneeId !== current.assigneeId || next.projectId !== current.projectId) {
      await this.assertAssignable(next, manager);
    }
  }

  /**
   * Where a write leaves the task in its project's manual order: between the neighbours a move names (a 422 on the
   * neighbour when it is no live task of the target project the caller sees, the task itself, from another column
   * than the `status` the move sets, or on the wrong side of the other one); at the end of a project it arrives in;
   * else where it was. A placement whose key would grow past the limit respaces the project first.
   */
  private async place(
    principal: Principal,
    id: string,
    current: TaskState,
    next: TaskState,
    placement: Placement | undefined,
    manager: EntityManager,
  ): Promise<string> {
    const moving = next.projectId !== current.projectId;
    if (!placement?.before && !placement?.after) {
      return moving ? this.positionAtEnd(manager, next.projectId) : current.position;
    }
    await this.positions.lock(manager, next.projectId, 'place');
    const neighbour = async (field: 'before' | 'after', neighbourId: string | undefined) => {
      if (neighbourId === undefined) return undefined;
      const found =
        neighbourId === id
          ? undefined
          : await this.positions.neighbour(manager, principal.userId, next.projectId, neighbourId);
      if (!found) refuse(field, `${field} must be another task of the project the task is placed in`);
      if (placement.status !== undefined && found.status !== next.status)
        refuse(field, `${field} must be a task in the column (status) the task moves to`);
      return found.position;
    };
    for (let attempt = 0; ; attempt++) {
      const beforeKey = await neighbour('before', placement.before);
      const afterKey = await neighbour('after', placement.after);
      if (beforeKey !== undefined && afterKey !== undefined && afterKey >= beforeKey)
        refuse('before', 'after must come before before in the order');
      const low =
        afterKey ?? (await this.positions.adjacent(manager, next.projectId, beforeKey!, 'before', id));
      const high =
        beforeKey ?? (await this.positions.adjacent(manager, next.projectId, afterKey!, 'after', id));
      // Already there: not a change.
      if (!moving && (low === null || low < current.position) && (high === null || current.position < high))
        return current.position;
      const key = keyBetween(low, high);
      if (key.length <= this.config.tasks.positionMaxLength || attempt > 0) return key;
      await this.positions.respace(manager, next.projectId);
    }
  }

  /** A key after the project's last task, for a task created in it or arriving from another project. */
  private async positionAtEnd(manager: EntityManager, projectId: string): Promise<string> {
    await this.positions.lock(manager, projectId, 'append');
    return keyAfter(await this.positions.last(manager, projectId));
  }

  /** Takes the live subtree below a task to its new project, after the tasks there; returns the moved tasks. */
  private async moveSubtree(manager: EntityManager, id: string, projectId: string): Promise<string[]> {
    const below = await this.tasks.liveDescendants(manager, id);
    if (below.length > 0) {
      const keys = keysAfter(await this.positions.last(manager, projectId), below.length);
      await this.tasks.moveDescendants(manager, below, keys, projectId);
    }
    return below;
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
    if ((await this.tasks.linkedRepoKey(id)) === repo.key) return undefined;
    return this.github.lookupForLink(repo);
  }

  /**
   * Labels belong to the task's project: one the write names from elsewhere is a 422; one the task carried into
   * another project is dropped (labels do not travel). Returns the state with the labels it may have.
   */
  private async assertLabels(state: TaskState, named: string[], manager: EntityManager): Promise<TaskState> {
    const valid = new Set(await this.tasks.labelsOf(manager, state.projectId, state.labelIds));
    if (named.some((id) => !valid.has(id))) {
      const message = "Every label must be one of the task's project";
      throw new UnprocessableEntityException({ message, errors: [{ field: 'labelIds', message }] });
    }
    return { ...state, labelIds: state.labelIds.filter((id) => valid.has(id)) };
  }

  /**
   * An open task blocking this one makes completing it a 409 naming the blockers the caller can see, unless the
   * write says `force`; then the blockers it went past are returned, for the history.
   */
  private async assertUnblocked(
    principal: Principal,
    id: string,
    force: boolean,
    manager: EntityManager,
  ): Promise<string[]> {
    const blockers = await this.tasks.openBlockers(manager, id, principal.userId);
    if (blockers.count === 0) return [];
    if (force) return blockers.visible;
    throw new ConflictException({
      message: `${blockers.count} open task(s) block this one; complete them first or send force=true`,
      blockers: blockers.visible,
    });
  }

  /**
   * A parent must be a live task of the same project the caller can see, the task must not end up below itself,
   * and the deepest subtask must stay within MAX_LEVELS (a top-level task being level 1). Each is a 422 on parentId.
   */
  private async assertParent(
    principal: Principal,
    taskId: string | null,
    current: TaskState | null,
    next: TaskState,
    manager: EntityManager,
  ): Promise<void> {
    if (next.parentId === null) return;
    if (current && current.parentId === next.parentId && current.projectId === next.projectId) return;
    const refuse = (message: string): never => {
      throw new UnprocessableEntityException({ message, errors: [{ field: 'parentId', message }] });
    };
    const parent = await this.tasks.parentFacts(
      manager,
      principal.userId,
      next.projectId,
      next.parentId,
      taskId,
    );
    if (!parent) refuse('The parent must be a task of the same project');
    if (parent!.cycle) refuse('A task cannot be placed below itself');
    const height = taskId ? await this.tasks.subtreeHeight(manager, taskId) : 1;
    if (parent!.level + height > MAX_LEVELS) refuse(`Subtasks nest at most ${MAX_LEVELS} levels deep`);
  }

  private async assertAssignable(state: TaskState, manager: EntityManager): Promise<void> {
    if (state.assigneeId === null) return;
    if (!(await this.access.memberRole(state.assigneeId, state.projectId, { manager }))) {
      const message = 'The assignee must be a member of the project';
      throw new UnprocessableEntityException({ message, errors: [{ field: 'assigneeId', message }] });
    }
  }
}

/** How deep subtasks nest, a top-level task being level 1. */
const MAX_LEVELS = 5;

/** Neighbours a move places the task between. */
interface Placement {
  before?: string;
  after?: string;
  /** The column the move sends the task to, when it names one: neighbours must be in it. */
  status?: TaskStatus;
}

interface WriteOptions {
  /** The version an If-Match (or the body) names; 412 when the task is at another. */
  expected: number | undefined;
  mode: 'merge' | 'replace';
  /** Complete the task though open tasks block it. */
  force: boolean;
  /** Set by a move, which records `task.moved`. */
  placement?: Placement;
}

function refuse(field: string, message: string): never {
  throw new UnprocessableEntityException({ message, errors: [{ field, message }] });
}

function withoutEmptyLists(changes: FieldChanges): FieldChanges {
  return Object.fromEntries(
    Object.entries(changes).filter(([, change]) => !(Array.isArray(change.to) && change.to.length === 0)),
  );
}

/** Whether a write completes the task. */
function completes(dto: UpdateTaskDto | ReplaceTaskDto): boolean {
  return dto.status === 'completed' || dto.completed === true;
}

/** The state a write starts from: what the answer shows, as stored, and what it does not show. */
function stateOf(task: TaskDto, hidden: { githubRepo: string | null; recurrenceDone: number }): TaskState {
  return {
    projectId: task.projectId,
    title: task.title,
    description: task.description,
    status: task.status,
    priority: task.priority,
    dueDate: task.dueDate,
    assigneeId: task.assigneeId,
    githubRepo: hidden.githubRepo,
    recurrence: task.recurrence,
    recurrenceDone: hidden.recurrenceDone,
    timezone: task.timezone,
    reminders: task.reminders.map(({ remindAt: _remindAt, ...reminder }) => reminder as Reminder),
    labelIds: task.labels.map((label) => label.id).sort(),
    parentId: task.parentId,
    position: task.position,
  };
}

/** One record per task of a subtree that went to the trash (`deletedAt` then) or came back from it. */
function trashEntries(
  tasks: TaskDto[],
  event: 'task.deleted' | 'task.restored',
  actorId: string,
  deletedAt: Date,
): ActivityEntry[] {
  const when = deletedAt.toISOString();
  return tasks.map((task) => ({
    event,
    ...subject(task),
    actorId,
    changes: { deletedAt: event === 'task.deleted' ? { from: null, to: when } : { from: when, to: null } },
  }));
}

/** The history's record of a completed occurrence of a recurring task. */
function recurredEntry(task: TaskDto, recurred: Recurred, actorId: string): ActivityEntry {
  return {
    event: 'task.recurred',
    ...subject(task),
    actorId,
    changes: {
      completedOccurrence: { from: null, to: recurred.completedOccurrence },
      dueDate: { from: recurred.completedOccurrence, to: recurred.nextDueDate },
    },
  };
}

/** What an activity record of this task names: its project, itself, its version and state after the change. */
function subject(task: TaskDto) {
  return { projectId: task.projectId, taskId: task.id, version: task.version, resource: task };
}

/**
 * Every update is `task.updated`, with all it changed. A change of assignee also yields `task.assigned` (to the
 * new assignee) or `task.unassigned` (to the one who lost it), so their subscribers and rooms hear of it by name.
 */
function updateEntries(
  task: TaskDto,
  before: TaskState,
  changes: FieldChanges,
  actorId: string,
  event: 'task.updated' | 'task.moved',
): ActivityEntry[] {
  const entries: ActivityEntry[] = [
    {
      event,
      ...subject(task),
      fromProjectId: changes.projectId ? before.projectId : undefined,
      actorId,
      changes,
    },
  ];
  if (changes.assigneeId) {
    const assigned = task.assigneeId !== null;
    entries.push({
      event: assigned ? 'task.assigned' : 'task.unassigned',
      ...subject(task),
      userId: (assigned ? task.assigneeId : before.assigneeId) ?? undefined,
      actorId,
      changes: { assigneeId: changes.assigneeId },
    });
  }
  return entries;
}
