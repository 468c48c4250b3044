import {
  ConflictException,
  HttpException,
  HttpStatus,
  Injectable,
  PreconditionFailedException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { changedFields, FieldChanges } from '../events/activity-events';
import { ActivityEntry, recordActivities } from '../events/activity-log.repository';

import { parseRepoName, RepoName } from '../github/github-repo-name';
import { GithubService, RepoChange, RepoLookup } from '../github/github.service';
import { NotificationsService } from '../notifications/notifications.service';
import { ProjectAccessPolicy } from '../projects/project-access.policy';
import { ProjectsService } from '../projects/projects.service';
import type { TaskDto } from './dto/task.dto';
import type { TaskStatus } from './dto/task-fields';
import type { CreateTaskDto, ReplaceTaskDto, UpdateTaskDto } from './dto/task-write.dto';
import type { Reminder } from './reminders';
import { TaskGithubLinks } from './task-github-links';
import { keyBetween, keysAfter } from './task-positions';
import { TaskPositionsRepository } from './task-positions.repository';
import { nextTaskState, PLACEMENT_FIELDS, TASK_DEFAULTS, TaskWrite, TRACKED_FIELDS } from './task-state';
import { applyRecurrence, assertTimeRules, movesReminders, Recurred, upcomingReminders } from './task-time';
import { HiddenState, TasksRepository, TaskState } from './tasks.repository';

/** How deep subtasks nest, a top-level task being level 1. */
const MAX_LEVELS = 5;

/** Neighbours a move places the task between. */
export interface Placement {
  before?: string;
  after?: string;
  /** The column the move sends the task to, when it names one: neighbours must be in it. */
  status?: TaskStatus;
}

export interface WriteOptions {
  mode: 'merge' | 'replace';
  /** The version each task must be at (If-Match, or a bulk's `versions`); 412 when it is at another. */
  expected: Map<string, number>;
  /** Complete tasks though open tasks block them. */
  force: boolean;
  /** Write nothing unless every task can take the write; the others then answer 424. */
  atomic: boolean;
  /** Set by a move of one task, which records `task.moved`. */
  placement?: Placement;
}

/** What became of one task of a batch: its answer, or the error a request about it alone would have met. */
export type Outcome = TaskDto | HttpException;

/** One task of a batch on its way through the checks. */
interface Plan {
  id: string;
  task: TaskDto;
  current: TaskState;
  next: TaskState;
  write: TaskWrite;
  /** Labels the write names, each of which must be of the task's project. */
  named: string[];
  recurred?: Recurred;
  completing: boolean;
  pastBlockers: string[];
}

/** A create of a batch on its way through the checks, named by its place in the request. */
interface NewTask {
  index: number;
  next: TaskState;
  write: TaskWrite;
}

/**
 * Every write of task fields, for one task or two hundred: the same checks in the same order, each one query for the
 * whole batch (parents and placements, which walk trees, go task by task), then set-based writes. A single PATCH
 * is a batch of one, so a bulk item answers exactly what its own PATCH would have.
 */
@Injectable()
export class TaskWriter {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: ProjectAccessPolicy,
    private readonly tasks: TasksRepository,
    private readonly positions: TaskPositionsRepository,
    private readonly projects: ProjectsService,
    private readonly github: GithubService,
    private readonly githubLinks: TaskGithubLinks,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Creates tasks in `projectId` (the caller's Inbox when none is given), after the tasks there, in order: all of
   * them or, on the first problem, none (a 422 naming `items.<i>.<field>` when there are several).
   */
  async create(
    principal: Principal,
    projectId: string | undefined,
    dtos: CreateTaskDto[],
  ): Promise<TaskDto[]> {
    const repos = [...new Set(dtos.map((dto) => dto.githubRepo).filter((name) => !!name))].map((name) =>
      parseRepoName(name!)!,
    );
    // Only a caller the write would accept gets GitHub asked, so outsiders cannot spend the service's rate limit.
    if (repos.length > 0 && projectId) await this.access.require(principal.userId, projectId, 'write-tasks');
    const lookups = await Promise.all(repos.map((repo) => this.github.lookupForLink(repo)));
    return this.transactions.run(async (manager) => {
      const changes = await this.storeLookups(manager, lookups);
      const inbox = projectId ? undefined : await this.projects.ensureInbox(manager, principal.userId);
      const target = projectId ?? inbox!.id;
      await this.access.require(principal.userId, target, 'write-tasks', { manager });
      const timezone = await this.tasks.timeZoneOf(principal.userId, manager);
      await this.positions.lock(manager, target, 'append');
      const keys = keysAfter(await this.positions.last(manager, target), dtos.length);
      const failures = new Map<number, HttpException>();
      let creates: NewTask[] = [];
      dtos.forEach((dto, index) => {
        // A create is a PUT onto a task of defaults: whatever is not sent takes its default.
        const write = { ...dto, githubRepo: dto.githubRepo ? parseRepoName(dto.githubRepo)!.key : null };
        const blank = {
          ...TASK_DEFAULTS,
          projectId: target,
          title: dto.title,
          timezone,
          position: keys[index],
        };
        attempt(failures, index, () => {
          const next = nextTaskState(blank, write, 'replace');
          assertTimeRules(next, write);
          creates.push({ index, next, write });
        });
      });
      const assignable = await this.assignable(
        manager,
        creates.map((create) => create.next),
      );
      creates = creates.filter((create) => attempt(failures, create.index, () => assignable(create.next)));
      const labelled = await this.labelCheck(
        manager,
        creates.map((create) => create.next),
      );
      for (const create of creates) {
        attempt(failures, create.index, () => {
          create.next = labelled(create.next, create.next.labelIds);
        });
      }
      for (const create of creates.filter((create) => !failures.has(create.index))) {
        await attemptAsync(failures, create.index, () =>
          this.assertParent(principal, null, null, create.next, manager),
        );
      }
      if (failures.size > 0) throw combined(failures, dtos.length);

      const states = creates.map((create) => create.next);
      const ids = await this.tasks.insertMany(manager, states, principal.userId);
      await this.tasks.setLabels(
        manager,
        states.map((state, index) => ({ taskId: ids[index], labelIds: state.labelIds })),
      );
      await this.tasks.scheduleReminders(
        manager,
        states.map((state, index) => ({ taskId: ids[index], reminders: upcomingReminders(state) })),
      );
      const linked = await this.linkEntries(manager, changes, principal.userId, ids);
      const tasks = inOrder(ids, await this.tasks.readMany(ids, manager));
      await this.notifications.record(manager, [
        ...(inbox?.created ? [inbox.created] : []),
        ...tasks.map((task, index): ActivityEntry => ({
          event: 'task.created',
          ...subject(task),
          actorId: principal.userId,
          // A new task's history names what it was created with, not the empty lists it lacks.
          changes: withoutEmptyLists(changedFields(null, states[index], TRACKED_FIELDS)),
        })),
        ...linked,
      ]);
      return tasks;
    });
  }

  /** Writes `dto` to each task of `ids`; one outcome per id, in order. */
  async update(
    principal: Principal,
    ids: string[],
    dto: UpdateTaskDto | ReplaceTaskDto,
    options: WriteOptions,
  ): Promise<Outcome[]> {
    const repo = dto.githubRepo ? parseRepoName(dto.githubRepo) : null;
    const relink = repo ? await this.lookupRelink(principal, ids, repo.key) : undefined;
    const lookup = repo && relink?.ask ? await this.lookupOrFailure(repo) : undefined;
    // The occurrence each caller saw: two completions of it racing must advance a recurring task once.
    const seenDueDates = completes(dto)
      ? new Map((await this.tasks.readMany(ids)).map((task) => [task.id, task.dueDate]))
      : new Map<string, string | null>();
    return this.atomically(async (manager) => {
      // The repository row is locked before the tasks, the order every writer of linked tasks keeps.
      const change =
        lookup && !(lookup instanceof HttpException) ? await this.github.store(manager, lookup) : undefined;
      const outcomes = new Map<string, Outcome>();
      const failures = new Map<string, HttpException>();
      const access = await this.access.taskAccess(principal.userId, ids, 'update', manager);
      for (const [id, granted] of access) if (granted instanceof HttpException) failures.set(id, granted);
      const readable = ids.filter((id) => !failures.has(id));
      const found = new Map((await this.tasks.readMany(readable, manager)).map((task) => [task.id, task]));
      const hidden = await this.tasks.hiddenStates(readable, manager);
      const write: TaskWrite = {
        ...dto,
        githubRepo: dto.githubRepo === undefined ? undefined : (repo?.key ?? null),
      };
      let plans: Plan[] = [];
      for (const id of readable) {
        const task = found.get(id)!;
        const seen = seenDueDates.get(id);
        if (task.recurrence && seen !== undefined && task.dueDate !== seen && !options.expected.has(id)) {
          outcomes.set(id, task);
          continue;
        }
        if (lookup instanceof HttpException && relink?.linking.has(id) !== true) {
          failures.set(id, lookup);
          continue;
        }
        attempt(failures, id, () => {
          const current = stateOf(task, hidden.get(id)!);
          const next = nextTaskState(current, write, options.mode);
          const completing = current.status !== 'completed' && next.status === 'completed';
          plans.push({
            id,
            task,
            current,
            next,
            write,
            named: namedLabels(dto),
            completing,
            pastBlockers: [],
          });
        });
      }

      plans = await this.checkBlockers(principal, plans, options.force, failures, manager);
      for (const plan of plans) {
        attempt(failures, plan.id, () => {
          const { state, recurred } = applyRecurrence(plan.current, plan.next);
          assertTimeRules(state, write);
          Object.assign(plan, { next: state, recurred });
        });
      }
      plans = await this.checkMoves(principal, live(plans, failures), failures, manager);
      const labelled = await this.labelCheck(
        manager,
        plans.map((plan) => plan.next),
      );
      for (const plan of plans) {
        attempt(failures, plan.id, () => {
          const next = labelled(plan.next, plan.named);
          // A subtask moved on its own to another project leaves its parent behind.
          const detached = next.projectId !== plan.current.projectId && dto.parentId === undefined;
          plan.next = detached ? { ...next, parentId: null } : next;
        });
      }
      for (const plan of live(plans, failures)) {
        await attemptAsync(failures, plan.id, () =>
          this.assertParent(principal, plan.id, plan.current, plan.next, manager),
        );
      }
      plans = live(plans, failures);
      await this.place(principal, plans, options.placement, failures, manager);

      const fields = options.placement ? PLACEMENT_FIELDS : TRACKED_FIELDS;
      const changed: (Plan & { changes: FieldChanges })[] = [];
      for (const plan of live(plans, failures)) {
        const changes = changedFields<TaskState>(plan.current, plan.next, fields);
        const expected = options.expected.get(plan.id);
        if (expected !== undefined && expected !== plan.task.version) {
          failures.set(plan.id, new PreconditionFailedException('The task has changed since that version'));
        } else if (Object.keys(changes).length === 0) {
          // Writing what is already there is not a change: no new version, no activity, no event.
          outcomes.set(plan.id, plan.task);
        } else {
          if (plan.pastBlockers.length > 0)
            changes.completedPastBlockers = { from: null, to: plan.pastBlockers };
          changed.push({ ...plan, changes });
        }
      }
      if (options.atomic && failures.size > 0) throw new NothingWritten(atomicOutcomes(ids, failures));
      for (const [id, failure] of failures) outcomes.set(id, failure);
      if (changed.length === 0) return ids.map((id) => outcomes.get(id)!);

      const written = await this.tasks.updateMany(
        manager,
        changed.map((plan) => ({ id: plan.id, state: plan.next, expected: options.expected.get(plan.id) })),
      );
      if (written.length !== changed.length)
        throw new PreconditionFailedException('A task changed meanwhile');
      const entries = await this.afterUpdate(principal, changed, change, manager);
      const updated = new Map((await this.tasks.readMany(written, manager)).map((task) => [task.id, task]));
      for (const plan of changed) outcomes.set(plan.id, updated.get(plan.id)!);
      await this.notifications.record(manager, [
        ...changed.flatMap((plan) =>
          updateEntries(
            updated.get(plan.id)!,
            plan.current,
            plan.changes,
            principal.userId,
            options.placement ? 'task.moved' : 'task.updated',
          ),
        ),
        ...changed
          .filter((plan) => plan.recurred)
          .map((plan) => recurredEntry(updated.get(plan.id)!, plan.recurred!, principal.userId)),
        ...entries,
      ]);
      return ids.map((id) => outcomes.get(id)!);
    });
  }

  /** Sends tasks (and their subtrees) to the trash; one outcome per id, in order (null: deleted). */
  async remove(
    principal: Principal,
    ids: string[],
    expected: Map<string, number>,
    atomic: boolean,
  ): Promise<(HttpException | null)[]> {
    return this.atomically(async (manager) => {
      const failures = new Map<string, HttpException>();
      const access = await this.access.taskAccess(principal.userId, ids, 'delete', manager);
      for (const [id, granted] of access) if (granted instanceof HttpException) failures.set(id, granted);
      const versions = new Map(
        (
          await this.tasks.readMany(
            ids.filter((id) => !failures.has(id) && expected.has(id)),
            manager,
          )
        ).map((task) => [task.id, task.version]),
      );
      for (const [id, version] of versions) {
        if (version !== expected.get(id))
          failures.set(id, new PreconditionFailedException('The task has changed since that version'));
      }
      if (atomic && failures.size > 0) throw new NothingWritten(atomicOutcomes(ids, failures));
      const { ids: trashed, deletedAt } = await this.tasks.trashMany(
        manager,
        ids.filter((id) => !failures.has(id)),
      );
      // Their subtasks go to the trash with them, at the same time, so a restore brings back exactly those.
      const subtrees = await this.tasks.trashDescendants(manager, trashed);
      const tasks = await this.tasks.readMany([...trashed, ...subtrees], manager);
      if (deletedAt)
        await recordActivities(manager, trashEntries(tasks, 'task.deleted', principal.userId, deletedAt));
      return ids.map((id) => failures.get(id) ?? null);
    });
  }

  /** Runs a batch in a transaction; one that throws NothingWritten rolls back and answers its outcomes. */
  private async atomically<T>(
    work: (manager: EntityManager) => Promise<T[]>,
  ): Promise<(T | HttpException)[]> {
    try {
      return await this.transactions.run(work);
    } catch (error) {
      if (error instanceof NothingWritten) return error.outcomes;
      throw error;
    }
  }

  /**
   * Asks GitHub about a repository a write links anew, before the write's transaction opens, only for a caller the
   * write would accept; relinking what the tasks already link asks nothing (a PUT resending it must not fail
   * because GitHub is down). A batch of one refuses its caller here, as its own request would.
   */
  private async lookupRelink(
    principal: Principal,
    ids: string[],
    repoKey: string,
  ): Promise<{ ask: boolean; linking: Set<string> }> {
    const access = await this.transactions.run((manager) =>
      this.access.taskAccess(principal.userId, ids, 'update', manager),
    );
    const writable = ids.filter((id) => !(access.get(id) instanceof HttpException));
    if (ids.length === 1 && writable.length === 0) throw access.get(ids[0]) as HttpException;
    const linking = new Set(
      [...(await this.tasks.hiddenStates(writable))].flatMap(([id, hidden]) =>
        hidden.githubRepo === repoKey ? [id] : [],
      ),
    );
    return { ask: writable.some((id) => !linking.has(id)), linking };
  }

  private async lookupOrFailure(repo: RepoName): Promise<RepoLookup | HttpException> {
    try {
      return await this.github.lookupForLink(repo);
    } catch (error) {
      if (error instanceof HttpException) return error;
      throw error;
    }
  }

  private async storeLookups(manager: EntityManager, lookups: RepoLookup[]): Promise<RepoChange[]> {
    const changes: RepoChange[] = [];
    for (const lookup of lookups) {
      const change = await this.github.store(manager, lookup);
      if (change) changes.push(change);
    }
    return changes;
  }

  /** The other tasks linking repositories whose details a write refreshed, told of the change. */
  private async linkEntries(
    manager: EntityManager,
    changes: RepoChange[],
    actorId: string,
    writtenIds: string[],
  ): Promise<ActivityEntry[]> {
    const entries: ActivityEntry[] = [];
    for (const change of changes) {
      entries.push(
        ...(await this.githubLinks.applyChange(manager, change, { actorId, exceptTaskIds: writtenIds })),
      );
    }
    return entries;
  }

  /**
   * An open task blocking one a write completes makes that a 409 naming the blockers the caller can see, unless the
   * write says `force`; then the blockers it went past are kept for the history.
   */
  private async checkBlockers(
    principal: Principal,
    plans: Plan[],
    force: boolean,
    failures: Map<string, HttpException>,
    manager: EntityManager,
  ): Promise<Plan[]> {
    const completing = plans.filter((plan) => plan.completing);
    if (completing.length === 0) return plans;
    const blockers = await this.tasks.openBlockers(
      manager,
      completing.map((plan) => plan.id),
      principal.userId,
    );
    for (const plan of completing) {
      const blocked = blockers.get(plan.id);
      if (!blocked) continue;
      if (force) plan.pastBlockers = blocked.visible;
      else {
        failures.set(
          plan.id,
          new ConflictException({
            message: `${blocked.count} open task(s) block this one; complete them first or send force=true`,
            blockers: blocked.visible,
          }),
        );
      }
    }
    return live(plans, failures);
  }

  /** Moving needs task-writing rights in both projects (a share does not carry a task elsewhere). */
  private async checkMoves(
    principal: Principal,
    plans: Plan[],
    failures: Map<string, HttpException>,
    manager: EntityManager,
  ): Promise<Plan[]> {
    const rights = new Map<string, HttpException | null>();
    const mayWrite = async (projectId: string) => {
      if (!rights.has(projectId)) {
        try {
          await this.access.require(principal.userId, projectId, 'write-tasks', { manager });
          rights.set(projectId, null);
        } catch (error) {
          if (!(error instanceof HttpException)) throw error;
          rights.set(projectId, error);
        }
      }
      return rights.get(projectId);
    };
    for (const plan of plans.filter((plan) => plan.next.projectId !== plan.current.projectId)) {
      const refused = (await mayWrite(plan.current.projectId)) ?? (await mayWrite(plan.next.projectId));
      if (refused) failures.set(plan.id, refused);
    }
    const checked = live(plans, failures).filter(
      (plan) =>
        plan.next.assigneeId !== plan.current.assigneeId || plan.next.projectId !== plan.current.projectId,
    );
    const assignable = await this.assignable(
      manager,
      checked.map((plan) => plan.next),
    );
    for (const plan of checked) attempt(failures, plan.id, () => assignable(plan.next));
    return live(plans, failures);
  }

  /** A check that each state's assignee is a member of its project (a 422 on assigneeId), one query for them all. */
  private async assignable(manager: EntityManager, states: TaskState[]): Promise<(state: TaskState) => void> {
    const pairs = states.flatMap((state) =>
      state.assigneeId === null ? [] : [{ userId: state.assigneeId, projectId: state.projectId }],
    );
    const members = pairs.length > 0 ? await this.access.memberPairs(manager, pairs) : new Set<string>();
    return (state) => {
      if (state.assigneeId !== null && !members.has(`${state.assigneeId}:${state.projectId}`)) {
        refuse('assigneeId', 'The assignee must be a member of the project');
      }
    };
  }

  /**
   * Labels belong to the task's project: one a write names from elsewhere is a 422; one the task carried into
   * another project is dropped (labels do not travel). Returns, for each state, the state with the labels it may
   * have; one query for them all.
   */
  private async labelCheck(
    manager: EntityManager,
    states: TaskState[],
  ): Promise<(state: TaskState, named: string[]) => TaskState> {
    const valid = await this.tasks.labelsOf(
      manager,
      [...new Set(states.map((state) => state.projectId))],
      [...new Set(states.flatMap((state) => state.labelIds))],
    );
    return (state, named) => {
      const ofProject = (id: string) => valid.has(`${state.projectId}:${id}`);
      if (!named.every(ofProject)) refuse('labelIds', "Every label must be one of the task's project");
      return { ...state, labelIds: state.labelIds.filter(ofProject) };
    };
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
    const parent = await this.tasks.parentFacts(
      manager,
      principal.userId,
      next.projectId,
      next.parentId,
      taskId,
    );
    if (!parent) refuse('parentId', 'The parent must be a task of the same project');
    if (parent.cycle) refuse('parentId', 'A task cannot be placed below itself');
    const height = taskId ? await this.tasks.subtreeHeight(manager, taskId) : 1;
    if (parent.level + height > MAX_LEVELS)
      refuse('parentId', `Subtasks nest at most ${MAX_LEVELS} levels deep`);
  }

  /**
   * Where the writes leave their tasks in the manual order: tasks arriving in another project go after the tasks
   * there; a move's task goes between the neighbours it names (see `placeBetween`); others stay where they were.
   */
  private async place(
    principal: Principal,
    plans: Plan[],
    placement: Placement | undefined,
    failures: Map<string, HttpException>,
    manager: EntityManager,
  ): Promise<void> {
    if (placement && (placement.before || placement.after)) {
      for (const plan of plans) {
        await attemptAsync(failures, plan.id, async () => {
          plan.next = {
            ...plan.next,
            position: await this.placeBetween(principal, plan, placement, manager),
          };
        });
      }
      return;
    }
    const arriving = plans.filter((plan) => plan.next.projectId !== plan.current.projectId);
    for (const projectId of new Set(arriving.map((plan) => plan.next.projectId))) {
      const here = arriving.filter((plan) => plan.next.projectId === projectId);
      await this.positions.lock(manager, projectId, 'append');
      const keys = keysAfter(await this.positions.last(manager, projectId), here.length);
      here.forEach((plan, index) => (plan.next = { ...plan.next, position: keys[index] }));
    }
  }

  /**
   * A key between the neighbours a move names: a 422 on the neighbour when it is no live task of the target project
   * the caller sees, is the task itself, is in another column than the `status` the move sets, or is on the wrong
   * side of the other one. A task already there keeps its key; a key that would grow past the limit respaces the
   * project first.
   */
  private async placeBetween(
    principal: Principal,
    plan: Plan,
    placement: Placement,
    manager: EntityManager,
  ): Promise<string> {
    const { id, current, next } = plan;
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
      const staying = next.projectId === current.projectId;
      if (staying && (low === null || low < current.position) && (high === null || current.position < high))
        return current.position;
      const key = keyBetween(low, high);
      if (key.length <= this.config.tasks.positionMaxLength || attempt > 0) return key;
      await this.positions.respace(manager, next.projectId);
    }
  }

  /**
   * What follows the tasks' own rows: reminders, labels, subtrees following their parents to another project,
   * repositories linked anew, tasks the completions unblocked. Returns the records those make.
   */
  private async afterUpdate(
    principal: Principal,
    changed: (Plan & { changes: FieldChanges })[],
    change: RepoChange | undefined,
    manager: EntityManager,
  ): Promise<ActivityEntry[]> {
    await this.tasks.scheduleReminders(
      manager,
      changed
        .filter((plan) => movesReminders(plan.current, plan.next))
        .map((plan) => ({ taskId: plan.id, reminders: upcomingReminders(plan.next) })),
    );
    await this.tasks.setLabels(
      manager,
      changed
        .filter((plan) => plan.changes.labelIds)
        .map((plan) => ({ taskId: plan.id, labelIds: plan.next.labelIds })),
    );
    const entries: ActivityEntry[] = [];
    const writtenIds = new Set(changed.map((plan) => plan.id));
    for (const plan of changed.filter((plan) => plan.changes.projectId)) {
      const subtree = await this.moveSubtree(manager, plan.id, plan.next.projectId, writtenIds);
      entries.push(
        ...(await this.tasks.readMany(subtree, manager)).map((task): ActivityEntry => ({
          event: 'task.updated',
          ...subject(task),
          fromProjectId: plan.current.projectId,
          actorId: principal.userId,
          changes: { projectId: { from: plan.current.projectId, to: plan.next.projectId } },
        })),
      );
    }
    entries.push(
      ...(await this.linkEntries(manager, change ? [change] : [], principal.userId, [...writtenIds])),
    );
    const completed = changed.filter((plan) => plan.completing && plan.next.status === 'completed');
    const unblocked = completed.length
      ? await this.tasks.unblockedBy(
          manager,
          completed.map((plan) => plan.id),
        )
      : [];
    entries.push(
      ...(await this.tasks.readMany(unblocked, manager)).map((task): ActivityEntry => ({
        event: 'task.unblocked',
        ...subject(task),
        userId: task.assigneeId ?? undefined,
        actorId: principal.userId,
        changes: { blocked: { from: true, to: false } },
      })),
    );
    return entries;
  }

  /**
   * Takes the live subtree below a task to its new project, after the tasks there (those the same batch writes
   * itself excepted); returns the moved tasks.
   */
  private async moveSubtree(
    manager: EntityManager,
    id: string,
    projectId: string,
    written: Set<string>,
  ): Promise<string[]> {
    const below = (await this.tasks.liveDescendants(manager, id)).filter((taskId) => !written.has(taskId));
    if (below.length > 0) {
      const keys = keysAfter(await this.positions.last(manager, projectId), below.length);
      await this.tasks.moveDescendants(manager, below, keys, projectId);
    }
    return below;
  }
}

function refuse(field: string, message: string): never {
  throw new UnprocessableEntityException({ message, errors: [{ field, message }] });
}

/** Runs one item's check, recording its failure; true when it passed. */
function attempt<K>(failures: Map<K, HttpException>, key: K, check: () => void): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (!(error instanceof HttpException)) throw error;
    failures.set(key, error);
    return false;
  }
}

async function attemptAsync<K>(
  failures: Map<K, HttpException>,
  key: K,
  check: () => Promise<void>,
): Promise<void> {
  try {
    await check();
  } catch (error) {
    if (!(error instanceof HttpException)) throw error;
    failures.set(key, error);
  }
}

/** The plans no check has failed yet. */
function live(plans: Plan[], failures: Map<string, HttpException>): Plan[] {
  return plans.filter((plan) => !failures.has(plan.id));
}

/** Thrown to roll back a batch that may not be written in part (whatever it stored on the way included). */
class NothingWritten extends Error {
  constructor(readonly outcomes: HttpException[]) {
    super('Nothing written');
  }
}

/** An atomic batch that cannot be written whole: its failures, and 424 for every item that would have passed. */
function atomicOutcomes(ids: string[], failures: Map<string, HttpException>): HttpException[] {
  return ids.map(
    (id) =>
      failures.get(id) ??
      new HttpException(
        'Not written: another item of this atomic request failed',
        HttpStatus.FAILED_DEPENDENCY,
      ),
  );
}

/** The one failure of a batch of one, or a 422 naming each item's fields as `items.<index>.<field>`. */
function combined(failures: Map<number, HttpException>, count: number): HttpException {
  if (count === 1) return failures.get(0)!;
  const errors = [...failures].flatMap(([index, failure]) => {
    const body = failure.getResponse() as { errors?: { field: string; message: string }[] };
    return (body.errors ?? [{ field: '', message: failure.message }]).map((error) => ({
      field: `items.${index}${error.field ? `.${error.field}` : ''}`,
      message: error.message,
    }));
  });
  return new UnprocessableEntityException({ message: 'No task was created: some items are invalid', errors });
}

function inOrder(ids: string[], tasks: TaskDto[]): TaskDto[] {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  return ids.map((id) => byId.get(id)!);
}

function namedLabels(dto: UpdateTaskDto | ReplaceTaskDto): string[] {
  return [...(dto.labelIds ?? []), ...(('addLabelIds' in dto && dto.addLabelIds) || [])];
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
function stateOf(task: TaskDto, hidden: HiddenState): TaskState {
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
export function trashEntries(
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
export function subject(task: TaskDto) {
  return { projectId: task.projectId, taskId: task.id, version: task.version, resource: task };
}

/**
 * Every update is `task.updated` (a move's `task.moved`), with all it changed. A change of assignee also yields
 * `task.assigned` (to the new assignee) or `task.unassigned` (to the one who lost it), so their subscribers and
 * rooms hear of it by name.
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
