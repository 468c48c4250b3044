import { ActivityRecorder } from '../../events/activity-recorder';
import { HttpException, Injectable, PreconditionFailedException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../auth/principal';
import { Transactions } from '../../database/transactions';
import { changedFields, FieldChanges } from '../../events/activity-events';
import { ActivityEntry } from '../../events/activity-log.repository';
import { parseRepoName, RepoName } from '../../github/github-repo-name';
import { GithubService, RepoChange, RepoLookup } from '../../github/github.service';
import { ProjectAccessPolicy } from '../../projects/project-access.policy';
import { ProjectsService } from '../../projects/projects.service';
import {
  atomicOutcomes,
  checkItem,
  checkItemAsync,
  createsFailure,
  NothingWritten,
  Outcome,
} from './batch-outcomes';
import type { TaskDto } from '../dto/task.dto';
import type { CreateTaskDto, ReplaceTaskDto, UpdateTaskDto } from '../dto/task-write.dto';
import { TaskGithubLinks } from '../task-github-links';
import { Placement, TaskPlacement } from '../ordering/task-placement';
import { keysAfter } from '../ordering/task-positions';
import { TaskPositionsRepository } from '../ordering/task-positions.repository';
import { recurredEntry, taskSubject, trashEntries, updateEntries, withoutEmptyLists } from './task-records';
import { nextTaskState, TaskWrite } from '../task-state';
import { applyRecurrence, assertTimeRules, movesReminders, upcomingReminders } from '../scheduling/task-time';
import { NamedLabels, TaskWriteChecks, TaskWritePlan, withoutFailures } from './task-write-checks';
import { TasksRepository } from '../tasks.repository';
import { answerOf, PLACEMENT_FIELDS, TASK_DEFAULTS, TaskState, TRACKED_FIELDS } from '../task-record';

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

/** A create of a batch on its way through the checks, named by its place in the request. */
interface NewTask {
  index: number;
  next: TaskState;
}

/**
 * Every write of task fields, for one task or two hundred: the same checks in the same order, each one query for the
 * whole batch (parents and placements, which walk trees, go task by task), then set-based writes. A single PATCH
 * is a batch of one, so a bulk item answers exactly what its own PATCH would have.
 */
@Injectable()
export class TaskWriter {
  constructor(
    private readonly recorder: ActivityRecorder,
    private readonly transactions: Transactions,
    private readonly access: ProjectAccessPolicy,
    private readonly tasks: TasksRepository,
    private readonly positions: TaskPositionsRepository,
    private readonly placement: TaskPlacement,
    private readonly checks: TaskWriteChecks,
    private readonly projects: ProjectsService,
    private readonly github: GithubService,
    private readonly githubLinks: TaskGithubLinks,
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
        checkItem(failures, index, () => {
          const next = nextTaskState(blank, write, 'replace');
          assertTimeRules(next, write);
          creates.push({ index, next });
        });
      });
      const assignable = await this.checks.assignable(
        manager,
        creates.map((create) => create.next),
      );
      creates = creates.filter((create) => checkItem(failures, create.index, () => assignable(create.next)));
      const labelled = await this.checks.labels(
        manager,
        creates.map((create) => create.next),
      );
      for (const create of creates) {
        checkItem(failures, create.index, () => {
          create.next = labelled(create.next, { labelIds: create.next.labelIds, addLabelIds: [] });
        });
      }
      for (const create of creates.filter((create) => !failures.has(create.index))) {
        await checkItemAsync(failures, create.index, () =>
          this.checks.parent(principal, null, null, create.next, manager),
        );
      }
      if (failures.size > 0) throw createsFailure(failures, dtos.length);

      const states = creates.map((create) => create.next);
      const ids = await this.tasks.insertMany(manager, states, principal.userId);
      // A new task has nothing to replace: only those created with labels or reminders cost a statement.
      await this.tasks.setLabels(
        manager,
        states
          .map((state, index) => ({ taskId: ids[index], labelIds: state.labelIds }))
          .filter((write) => write.labelIds.length > 0),
      );
      await this.tasks.scheduleReminders(
        manager,
        states
          .map((state, index) => ({ taskId: ids[index], reminders: upcomingReminders(state) }))
          .filter((write) => write.reminders.length > 0),
      );
      const linked = await this.linkEntries(manager, changes, principal.userId, ids);
      const tasks = inOrder(ids, await this.tasks.readMany(ids, manager));
      await this.recorder.record(manager, [
        ...(inbox?.created ? [inbox.created] : []),
        ...tasks.map((task, index): ActivityEntry => ({
          event: 'task.created',
          ...taskSubject(task),
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
      const found = new Map(
        (await this.tasks.records(readable, manager)).map((task) => [task.facts.id, task]),
      );
      const write: TaskWrite = {
        ...dto,
        githubRepo: dto.githubRepo === undefined ? undefined : (repo?.key ?? null),
      };
      let plans: TaskWritePlan[] = [];
      for (const id of readable) {
        const record = found.get(id)!;
        const current = record.state;
        const task = answerOf(record);
        const seen = seenDueDates.get(id);
        if (
          current.recurrence &&
          seen !== undefined &&
          current.dueDate !== seen &&
          !options.expected.has(id)
        ) {
          outcomes.set(id, task);
          continue;
        }
        if (lookup instanceof HttpException && relink?.linking.has(id) !== true) {
          failures.set(id, lookup);
          continue;
        }
        checkItem(failures, id, () => {
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

      plans = await this.checks.blockers(principal, plans, options.force, failures, manager);
      for (const plan of plans) {
        checkItem(failures, plan.id, () => {
          const { state, recurred } = applyRecurrence(plan.current, plan.next);
          assertTimeRules(state, write);
          Object.assign(plan, { next: state, recurred });
        });
      }
      plans = await this.checks.moves(principal, withoutFailures(plans, failures), failures, manager);
      const labelled = await this.checks.labels(
        manager,
        plans.map((plan) => plan.next),
      );
      for (const plan of plans) {
        checkItem(failures, plan.id, () => {
          const next = labelled(plan.next, plan.named);
          // A subtask moved on its own to another project leaves its parent behind.
          const detached = next.projectId !== plan.current.projectId && dto.parentId === undefined;
          plan.next = detached ? { ...next, parentId: null } : next;
        });
      }
      for (const plan of withoutFailures(plans, failures)) {
        await checkItemAsync(failures, plan.id, () =>
          this.checks.parent(principal, plan.id, plan.current, plan.next, manager),
        );
      }
      plans = withoutFailures(plans, failures);
      await this.placement.place(principal, plans, options.placement, failures, manager);

      const fields = options.placement ? PLACEMENT_FIELDS : TRACKED_FIELDS;
      const changed: (TaskWritePlan & { changes: FieldChanges })[] = [];
      for (const plan of withoutFailures(plans, failures)) {
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
      await this.recorder.record(manager, [
        ...changed.flatMap((plan) => {
          const task = updated.get(plan.id)!;
          const [update, ...assignments] = updateEntries(
            task,
            plan.current,
            plan.changes,
            principal.userId,
            options.placement ? 'task.moved' : 'task.updated',
          );
          const main = plan.recurred
            ? recurredEntry(task, plan.recurred, principal.userId, plan.changes)
            : update;
          return [main, ...assignments];
        }),
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
        await this.recorder.record(manager, trashEntries(tasks, 'task.deleted', principal.userId, deletedAt));
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
      (await this.tasks.records(writable))
        .filter((task) => task.state.githubRepo === repoKey)
        .map((task) => task.facts.id),
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
   * What follows the tasks' own rows: reminders, labels, subtrees following their parents to another project,
   * repositories linked anew, tasks the completions unblocked. Returns the records those make.
   */
  private async afterUpdate(
    principal: Principal,
    changed: (TaskWritePlan & { changes: FieldChanges })[],
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
      const lostAssignee = new Map(subtree.map((moved) => [moved.id, moved.unassigned]));
      for (const task of await this.tasks.readMany(
        subtree.map((moved) => moved.id),
        manager,
      )) {
        const unassigned = lostAssignee.get(task.id);
        entries.push(
          ...updateEntries(
            task,
            { ...plan.current, assigneeId: unassigned ?? task.assigneeId },
            {
              projectId: { from: plan.current.projectId, to: plan.next.projectId },
              ...(unassigned && { assigneeId: { from: unassigned, to: null } }),
            },
            principal.userId,
            'task.updated',
          ),
        );
      }
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
        ...taskSubject(task),
        userId: task.assigneeId ?? undefined,
        actorId: principal.userId,
        changes: { blocked: { from: true, to: false } },
      })),
    );
    return entries;
  }

  /**
   * Takes the live subtree below a task to its new project, after the tasks there (those the same batch writes
   * itself excepted); returns the moved tasks, with the assignee each lost for not being a member there.
   */
  private async moveSubtree(
    manager: EntityManager,
    id: string,
    projectId: string,
    written: Set<string>,
  ): Promise<{ id: string; unassigned: string | null }[]> {
    const below = (await this.tasks.liveDescendants(manager, id)).filter((taskId) => !written.has(taskId));
    if (below.length === 0) return [];
    const keys = keysAfter(await this.positions.last(manager, projectId), below.length);
    return this.tasks.moveDescendants(manager, below, keys, projectId);
  }
}

function inOrder(ids: string[], tasks: TaskDto[]): TaskDto[] {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  return ids.map((id) => byId.get(id)!);
}

function namedLabels(dto: UpdateTaskDto | ReplaceTaskDto): NamedLabels {
  return { labelIds: dto.labelIds ?? [], addLabelIds: ('addLabelIds' in dto && dto.addLabelIds) || [] };
}

/** Whether a write completes the task. */
function completes(dto: UpdateTaskDto | ReplaceTaskDto): boolean {
  return dto.status === 'completed' || dto.completed === true;
}
