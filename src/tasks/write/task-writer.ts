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
import { recurredEntry, taskSubject, trashEntries, updateEntries, withoutEmpties } from './task-records';
import { nextTaskState, TaskWrite } from '../task-state';
import { applyRecurrence, assertTimeRules, movesReminders, upcomingReminders } from '../scheduling/task-time';
import { NamedLabels, TaskWriteChecks, TaskWritePlan, withoutFailures } from './task-write-checks';
import { TasksRepository } from '../tasks.repository';
import type { FieldCatalog, TaskFieldValues } from '../../workflow/custom-fields';
import { StateCatalog } from '../../workflow/workflow';
import { WorkflowRepository } from '../../workflow/workflow.repository';
import {
  answerOf,
  PLACEMENT_FIELDS,
  TASK_DEFAULTS,
  TaskRecord,
  TaskState,
  TRACKED_FIELDS,
} from '../task-record';

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
    private readonly workflow: WorkflowRepository,
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
      const states = await this.checkCreates(principal, dtos, { projectId: target, timezone, keys }, manager);
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
          changes: withoutEmpties(changedFields(null, states[index], TRACKED_FIELDS)),
        })),
        ...linked,
      ]);
      return tasks;
    });
  }

  /**
   * The state each create leaves its new task in, after the same rules an update passes; throws the one failure of
   * a single create, or a 422 naming every failing item's fields.
   */
  private async checkCreates(
    principal: Principal,
    dtos: CreateTaskDto[],
    place: { projectId: string; timezone: string; keys: string[] },
    manager: EntityManager,
  ): Promise<TaskState[]> {
    const failures = new Map<number, HttpException>();
    let creates: NewTask[] = [];
    const states = await this.workflow.catalog(manager, [place.projectId]);
    const fields = await this.workflow.fieldCatalog(manager, [place.projectId]);
    dtos.forEach((dto, index) => {
      // A create is a PUT onto a task of defaults: whatever is not sent takes its default.
      const write = { ...dto, githubRepo: dto.githubRepo ? parseRepoName(dto.githubRepo)!.key : null };
      const { projectId, timezone } = place;
      const blank = {
        ...TASK_DEFAULTS,
        projectId,
        stateId: '',
        title: dto.title,
        timezone,
        position: place.keys[index],
      };
      checkItem(failures, index, () => {
        const next = settledState(states, null, nextTaskState(blank, write, 'replace'), write);
        next.fields = fields.settle(next.projectId, next.fields, write.fields);
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
    return creates.map((create) => create.next);
  }

  /**
   * Writes `dto` to each task of `ids`; one outcome per id, in order. Outside the transaction: what GitHub says of a
   * repository linked anew. Inside: access and the rows' state, then the rules, then the rows, then their effects.
   */
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
    const write: TaskWrite = {
      ...dto,
      githubRepo: dto.githubRepo === undefined ? undefined : (repo?.key ?? null),
    };
    return this.atomically(async (manager) => {
      // The repository row is locked before the tasks, the order every writer of linked tasks keeps.
      const change =
        lookup && !(lookup instanceof HttpException) ? await this.github.store(manager, lookup) : undefined;
      const batch: UpdateBatch = { ids, outcomes: new Map(), failures: new Map() };
      const records = await this.readWritable(principal, batch, manager);
      const projectIds = [
        ...records.map((record) => record.state.projectId),
        ...(write.projectId ? [write.projectId] : []),
      ];
      const catalogs = {
        states: await this.workflow.catalog(manager, projectIds),
        fields: await this.workflow.fieldCatalog(manager, projectIds),
      };
      let plans: TaskWritePlan[] = [];
      for (const record of records) {
        const id = record.facts.id;
        const seen = seenDueDates.get(id);
        const state = record.state;
        if (state.recurrence && seen !== undefined && state.dueDate !== seen && !options.expected.has(id)) {
          batch.outcomes.set(id, answerOf(record));
        } else if (lookup instanceof HttpException && relink?.linking.has(id) !== true) {
          batch.failures.set(id, lookup);
        } else {
          checkItem(batch.failures, id, () =>
            plans.push(planOf(record, write, namedLabels(dto), options.mode, catalogs)),
          );
        }
      }
      plans = await this.applyRules(principal, plans, dto, options, batch.failures, manager, catalogs.states);
      const changed = changesOf(plans, options, batch);
      if (options.atomic && batch.failures.size > 0)
        throw new NothingWritten(atomicOutcomes(ids, batch.failures));
      for (const [id, failure] of batch.failures) batch.outcomes.set(id, failure);
      if (changed.length > 0)
        await this.persist(principal, changed, change, options, batch.outcomes, manager);
      return ids.map((id) => batch.outcomes.get(id)!);
    });
  }

  /** The stored state of each task the caller may update; the others fail as their own request would. */
  private async readWritable(
    principal: Principal,
    batch: UpdateBatch,
    manager: EntityManager,
  ): Promise<TaskRecord[]> {
    const access = await this.access.taskAccess(principal.userId, batch.ids, 'update', manager);
    for (const [id, granted] of access) if (granted instanceof HttpException) batch.failures.set(id, granted);
    const records = await this.tasks.records(
      batch.ids.filter((id) => !batch.failures.has(id)),
      manager,
    );
    const byId = new Map(records.map((record) => [record.facts.id, record]));
    return [...new Set(batch.ids)].flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * The rules a write must pass, in order: blockers, recurrence and dates, moves between projects, labels, parents,
   * and placement. Returns the plans that passed them all, with the state each leaves its task in.
   */
  private async applyRules(
    principal: Principal,
    plans: TaskWritePlan[],
    dto: UpdateTaskDto | ReplaceTaskDto,
    options: WriteOptions,
    failures: Map<string, HttpException>,
    manager: EntityManager,
    states: StateCatalog,
  ): Promise<TaskWritePlan[]> {
    plans = await this.checks.blockers(principal, plans, options.force, failures, manager);
    for (const plan of plans) {
      checkItem(failures, plan.id, () => {
        const { state, recurred } = applyRecurrence(plan.current, plan.next);
        assertTimeRules(state, plan.write);
        // A recurring task reopened takes its project's first open state.
        Object.assign(plan, { next: states.follow(state), recurred });
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
    return withoutFailures(plans, failures);
  }

  /** Writes the changed rows, then their effects, and records it all; each task's outcome is its new answer. */
  private async persist(
    principal: Principal,
    changed: ChangedPlan[],
    change: RepoChange | undefined,
    options: WriteOptions,
    outcomes: Map<string, Outcome>,
    manager: EntityManager,
  ): Promise<void> {
    const written = await this.tasks.updateMany(
      manager,
      changed.map((plan) => ({ id: plan.id, state: plan.next, expected: options.expected.get(plan.id) })),
    );
    if (written.length !== changed.length) throw new PreconditionFailedException('A task changed meanwhile');
    const effects = await this.afterUpdate(principal, changed, change, manager);
    const updated = new Map((await this.tasks.readMany(written, manager)).map((task) => [task.id, task]));
    for (const plan of changed) outcomes.set(plan.id, updated.get(plan.id)!);
    const event = options.placement ? 'task.moved' : 'task.updated';
    await this.recorder.record(manager, [
      ...changed.flatMap((plan) => {
        const task = updated.get(plan.id)!;
        const [update, ...assignments] = updateEntries(
          task,
          plan.current,
          plan.changes,
          principal.userId,
          event,
        );
        const main = plan.recurred
          ? recurredEntry(task, plan.recurred, principal.userId, plan.changes)
          : update;
        return [main, ...assignments];
      }),
      ...effects,
    ]);
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
    changed: ChangedPlan[],
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
      const lost = new Map(subtree.map((moved) => [moved.id, moved]));
      for (const task of await this.tasks.readMany(
        subtree.map((moved) => moved.id),
        manager,
      )) {
        const { unassigned, droppedFields } = lost.get(task.id)!;
        entries.push(
          ...updateEntries(
            task,
            { ...plan.current, assigneeId: unassigned ?? task.assigneeId },
            {
              projectId: { from: plan.current.projectId, to: plan.next.projectId },
              ...(unassigned && { assigneeId: { from: unassigned, to: null } }),
              ...(droppedFields && { fields: { from: droppedFields, to: {} } }),
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
  ): Promise<{ id: string; unassigned: string | null; droppedFields: TaskFieldValues | null }[]> {
    const below = (await this.tasks.liveDescendants(manager, id)).filter((taskId) => !written.has(taskId));
    if (below.length === 0) return [];
    const keys = keysAfter(await this.positions.last(manager, projectId), below.length);
    return this.tasks.moveDescendants(manager, below, keys, projectId);
  }
}

/** The ids a batch names, in order, and what has become of each so far. */
interface UpdateBatch {
  ids: string[];
  outcomes: Map<string, Outcome>;
  failures: Map<string, HttpException>;
}

type ChangedPlan = TaskWritePlan & { changes: FieldChanges };

/** A task's way through the checks: the state it is in, and the state the write would leave it in. */
function planOf(
  record: TaskRecord,
  write: TaskWrite,
  named: NamedLabels,
  mode: WriteOptions['mode'],
  catalogs: { states: StateCatalog; fields: FieldCatalog },
): TaskWritePlan {
  const current = record.state;
  const next = settledState(catalogs.states, current, nextTaskState(current, write, mode), write);
  next.fields = catalogs.fields.settle(next.projectId, next.fields, write.fields);
  return {
    id: record.facts.id,
    task: answerOf(record),
    current,
    next,
    write,
    named,
    completing: current.status !== 'completed' && next.status === 'completed',
    pastBlockers: [],
  };
}

/** The state a write leaves a task in, its workflow state and status in step (see StateCatalog). */
function settledState(
  states: StateCatalog,
  current: TaskState | null,
  next: TaskState,
  write: TaskWrite,
): TaskState {
  const statusSent = write.status !== undefined || write.completed !== undefined;
  return states.settle(current, next, write.stateId, statusSent);
}

/**
 * The plans that change their task, with what they change. A stale version fails (412); a write of what is already
 * there is not a change: it answers the task as it is, with no new version, activity or event.
 */
function changesOf(plans: TaskWritePlan[], options: WriteOptions, batch: UpdateBatch): ChangedPlan[] {
  const fields = options.placement ? PLACEMENT_FIELDS : TRACKED_FIELDS;
  const changed: ChangedPlan[] = [];
  for (const plan of plans) {
    const changes = changedFields<TaskState>(plan.current, plan.next, fields);
    const expected = options.expected.get(plan.id);
    if (expected !== undefined && expected !== plan.task.version) {
      batch.failures.set(plan.id, new PreconditionFailedException('The task has changed since that version'));
    } else if (Object.keys(changes).length === 0) {
      batch.outcomes.set(plan.id, plan.task);
    } else {
      if (plan.pastBlockers.length > 0) changes.completedPastBlockers = { from: null, to: plan.pastBlockers };
      changed.push({ ...plan, changes });
    }
  }
  return changed;
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
