import { HttpException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../auth/principal';
import { fieldProblem } from '../../common/problem';
import { AppConfig } from '../../config/app-config';
import { checkItemAsync } from '../write/batch-outcomes';
import type { TaskStatus } from '../dto/task-fields';
import { keyBetween, keysAfter } from './task-positions';
import { TaskPositionsRepository } from './task-positions.repository';
import type { TaskState } from '../task-record';

/** Neighbours a move places the task between. */
export interface Placement {
  before?: string;
  after?: string;
}

/** A task being written, as placing it needs it: where it was, where the write sends it, the status it names. */
interface PlacedTask {
  id: string;
  current: TaskState;
  next: TaskState;
  write: { status?: TaskStatus };
}

/** Where task writes leave their tasks in the manual order (see task-positions.ts for the keys). */
@Injectable()
export class TaskPlacement {
  constructor(
    private readonly positions: TaskPositionsRepository,
    private readonly config: AppConfig,
  ) {}

  /**
   * Where the writes leave their tasks in the manual order: tasks arriving in another project go after the tasks
   * there; a move's task goes between the neighbours it names (see `between`); others stay where they were.
   */
  async place(
    principal: Principal,
    plans: PlacedTask[],
    placement: Placement | undefined,
    failures: Map<string, HttpException>,
    manager: EntityManager,
  ): Promise<void> {
    if (placement && (placement.before || placement.after)) {
      for (const plan of plans) {
        await checkItemAsync(failures, plan.id, async () => {
          plan.next = {
            ...plan.next,
            position: await this.between(principal, plan, placement, manager),
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
   * A key between the neighbours a move names (right after `after` when both are named): a 422 on the neighbour when it is no live task of the target project
   * the caller sees, is the task itself, is in another column than the `status` the move sets, or is on the wrong
   * side of the other one. A task already there keeps its key; a key that would grow past the limit respaces the
   * project first.
   */
  private async between(
    principal: Principal,
    plan: PlacedTask,
    placement: Placement,
    manager: EntityManager,
  ): Promise<string> {
    const { id, current, next, write } = plan;
    await this.positions.lock(manager, next.projectId, 'place');
    const neighbour = async (field: 'before' | 'after', neighbourId: string | undefined) => {
      if (neighbourId === undefined) return undefined;
      const found =
        neighbourId === id
          ? undefined
          : await this.positions.neighbour(manager, principal.userId, next.projectId, neighbourId);
      if (!found)
        throw fieldProblem(field, `${field} must be another task of the project the task is placed in`);
      if (write.status !== undefined && found.status !== next.status)
        throw fieldProblem(field, `${field} must be a task in the column (status) the task moves to`);
      return found.position;
    };
    for (let attempt = 0; ; attempt++) {
      const beforeKey = await neighbour('before', placement.before);
      const afterKey = await neighbour('after', placement.after);
      if (beforeKey !== undefined && afterKey !== undefined && afterKey >= beforeKey)
        throw fieldProblem('before', 'after must come before before in the order');
      const low =
        afterKey ?? (await this.positions.adjacent(manager, next.projectId, beforeKey!, 'before', id));
      // With both neighbours named, the gap is read as it is now, under the lock: twenty moves into one gap each
      // take the next key after the one placed before them, rather than all the same key (19 of 20 failed).
      const high =
        afterKey === undefined
          ? beforeKey!
          : await this.positions.adjacent(manager, next.projectId, afterKey, 'after', id);
      const staying = next.projectId === current.projectId;
      if (staying && (low === null || low < current.position) && (high === null || current.position < high))
        return current.position;
      const key = keyBetween(low, high);
      if (key.length <= this.config.tasks.positionMaxLength || attempt > 0) return key;
      await this.positions.respace(manager, next.projectId);
    }
  }
}
