import { ArrivalChecks } from './arrival-checks';
import { ConflictException, HttpException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../auth/principal';
import { fieldProblem } from '../../common/problem';
import { ProjectAccessPolicy } from '../../projects/project-access.policy';
import type { TaskDto } from '../dto/task.dto';
import { checkItem } from './batch-outcomes';
import type { TaskWrite } from '../task-state';
import type { Recurred } from '../scheduling/task-time';
import { TasksRepository } from '../tasks.repository';
import type { TaskState } from '../task-record';

/** How deep subtasks nest, a top-level task being level 1. */
const MAX_LEVELS = 5;

/** The labels a write names, by the field that named them, so a refusal names the right one. */
export interface NamedLabels {
  labelIds: string[];
  addLabelIds: string[];
}

/** One task of a batch on its way through the checks. */
export interface TaskWritePlan {
  id: string;
  task: TaskDto;
  current: TaskState;
  next: TaskState;
  write: TaskWrite;
  /** Labels the write names, each of which must be of the task's project. */
  named: NamedLabels;
  recurred?: Recurred;
  completing: boolean;
  pastBlockers: string[];
}

/** The plans no check has failed yet. */
export function withoutFailures(
  plans: TaskWritePlan[],
  failures: Map<string, HttpException>,
): TaskWritePlan[] {
  return plans.filter((plan) => !failures.has(plan.id));
}

/**
 * The rules a task write must pass that need the database, each asked once for a whole batch (a parent, which walks
 * a tree, task by task). A failing task gets the exception its own request would have met.
 */
@Injectable()
export class TaskWriteChecks {
  constructor(
    private readonly access: ProjectAccessPolicy,
    private readonly tasks: TasksRepository,
    private readonly arrivals: ArrivalChecks,
  ) {}

  /**
   * An open task blocking one a write completes makes that a 409 naming the blockers the caller can see, unless the
   * write says `force`; then the blockers it went past are kept for the history.
   */
  async blockers(
    principal: Principal,
    plans: TaskWritePlan[],
    force: boolean,
    failures: Map<string, HttpException>,
    manager: EntityManager,
  ): Promise<TaskWritePlan[]> {
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
            message: `Open tasks block this one; complete them first or send force=true`,
            blockers: blocked.visible,
            // Blockers the caller cannot read are counted, never named: their ids would tell of private tasks.
            hiddenBlockers: blocked.count - blocked.visible.length,
          }),
        );
      }
    }
    return withoutFailures(plans, failures);
  }

  /**
   * Moving needs task-writing rights in both projects (a share does not carry a task elsewhere) and room in the new
   * project's attachment quota for what the tasks carry. A moved task whose assignee is not a member there is
   * unassigned (its subtasks are too, as they follow); naming such an assignee in the write is a 422.
   */
  async moves(
    principal: Principal,
    plans: TaskWritePlan[],
    failures: Map<string, HttpException>,
    manager: EntityManager,
  ): Promise<TaskWritePlan[]> {
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
    const moving = plans.filter((plan) => plan.next.projectId !== plan.current.projectId);
    for (const plan of moving) {
      const refused = (await mayWrite(plan.current.projectId)) ?? (await mayWrite(plan.next.projectId));
      if (refused) failures.set(plan.id, refused);
    }
    await this.arrivalChecks(withoutFailures(moving, failures), failures, manager);
    await this.unassignNonMembers(withoutFailures(moving, failures), manager);
    const checked = withoutFailures(plans, failures).filter(
      (plan) =>
        plan.next.assigneeId !== plan.current.assigneeId || plan.next.projectId !== plan.current.projectId,
    );
    const assignable = await this.assignable(
      manager,
      checked.map((plan) => plan.next),
    );
    for (const plan of checked) checkItem(failures, plan.id, () => assignable(plan.next));
    return withoutFailures(plans, failures);
  }

  /** What other modules require of tasks arriving in a project (its attachment quota), per target project. */
  private async arrivalChecks(
    moving: TaskWritePlan[],
    failures: Map<string, HttpException>,
    manager: EntityManager,
  ): Promise<void> {
    const targets = [...new Set(moving.map((plan) => plan.next.projectId))].sort();
    for (const projectId of targets) {
      const into = moving.filter((plan) => plan.next.projectId === projectId);
      const ids = into.map((plan) => plan.id);
      const refused = await this.arrivals.refusal(manager, projectId, ids);
      if (refused) for (const id of ids) failures.set(id, refused);
    }
  }

  /** Moved tasks keep their assignee only where the assignee is a member; a write naming one is checked as named. */
  private async unassignNonMembers(moving: TaskWritePlan[], manager: EntityManager): Promise<void> {
    const keeping = moving.filter(
      (plan) => plan.write.assigneeId === undefined && plan.next.assigneeId !== null,
    );
    if (keeping.length === 0) return;
    const members = await this.access.memberPairs(
      manager,
      keeping.map((plan) => ({ userId: plan.next.assigneeId!, projectId: plan.next.projectId })),
    );
    for (const plan of keeping) {
      if (!members.has(`${plan.next.assigneeId}:${plan.next.projectId}`))
        plan.next = { ...plan.next, assigneeId: null };
    }
  }

  /** A check that each state's assignee is a member of its project (a 422 on assigneeId), one query for them all. */
  async assignable(manager: EntityManager, states: TaskState[]): Promise<(state: TaskState) => void> {
    const pairs = states.flatMap((state) =>
      state.assigneeId === null ? [] : [{ userId: state.assigneeId, projectId: state.projectId }],
    );
    const members = pairs.length > 0 ? await this.access.memberPairs(manager, pairs) : new Set<string>();
    return (state) => {
      if (state.assigneeId !== null && !members.has(`${state.assigneeId}:${state.projectId}`)) {
        throw fieldProblem('assigneeId', 'The assignee must be a member of the project');
      }
    };
  }

  /**
   * Labels belong to the task's project: one a write names from elsewhere is a 422; one the task carried into
   * another project is dropped (labels do not travel). Returns, for each state, the state with the labels it may
   * have; one query for them all.
   */
  async labels(
    manager: EntityManager,
    states: TaskState[],
  ): Promise<(state: TaskState, named: NamedLabels) => TaskState> {
    const valid = await this.tasks.labelsOf(
      manager,
      [...new Set(states.map((state) => state.projectId))],
      [...new Set(states.flatMap((state) => state.labelIds))],
    );
    return (state, named) => {
      const ofProject = (id: string) => valid.has(`${state.projectId}:${id}`);
      for (const field of ['labelIds', 'addLabelIds'] as const) {
        if (!named[field].every(ofProject))
          throw fieldProblem(field, "Every label must be one of the task's project");
      }
      return { ...state, labelIds: state.labelIds.filter(ofProject) };
    };
  }

  /**
   * A parent must be a live task of the same project the caller can see, the task must not end up below itself,
   * and the deepest subtask must stay within MAX_LEVELS (a top-level task being level 1). Each is a 422 on parentId.
   */
  async parent(
    principal: Principal,
    taskId: string | null,
    current: TaskState | null,
    next: TaskState,
    manager: EntityManager,
  ): Promise<void> {
    if (next.parentId === null) return;
    if (current && current.parentId === next.parentId && current.projectId === next.projectId) return;
    await this.tasks.lockTrees(manager, next.projectId);
    const parent = await this.tasks.parentFacts(
      manager,
      principal.userId,
      next.projectId,
      next.parentId,
      taskId,
    );
    if (!parent) throw fieldProblem('parentId', 'The parent must be a task of the same project');
    if (parent.cycle) throw fieldProblem('parentId', 'A task cannot be placed below itself');
    const height = taskId ? await this.tasks.subtreeHeight(manager, taskId) : 1;
    if (parent.level + height > MAX_LEVELS)
      throw fieldProblem('parentId', `Subtasks nest at most ${MAX_LEVELS} levels deep`);
  }
}
