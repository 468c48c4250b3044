import {
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { conflictOnDuplicate } from '../database/database-errors';
import { insertionPoint, movedTo } from '../database/ordered-rows.repository';
import { Transactions } from '../database/transactions';
import { ActivityRecorder } from '../events/activity-recorder';
import { changedFields, FieldChanges } from '../events/activity-events';
import { ActivityEntry, projectResourceEntry, taskUpdatedEntry } from '../events/activity-log.repository';
import { ProjectAccessPolicy } from '../projects/project-access.policy';
import { TasksService } from '../tasks/tasks.service';
import { STATUS_OF_CATEGORY } from '../workflow/workflow';
import { CreateStateDto, MAX_STATES_PER_PROJECT, StateDto, UpdateStateDto } from './dto/state.dto';
import { StateFields, StatesRepository } from './states.repository';

const RECORDED = ['name', 'category', 'color', 'position'] as const;
const DEFAULT_COLOR = '#8b949e';

const problem = (field: string, message: string) =>
  new UnprocessableEntityException({ message, errors: [{ field, message }] });

/**
 * A project's workflow states: its readers list them, its owners and admins shape them. Two rules keep every task's
 * status meaningful: a project always has a state of each status (so a status written, or a recurrence reopening a
 * task, has somewhere to go), and a state's tasks never change status behind their backs (a category that would
 * change it waits until the state is empty, and a deleted state's tasks go to one of the same status).
 */
@Injectable()
export class StatesService {
  constructor(
    private readonly recorder: ActivityRecorder,
    private readonly transactions: Transactions,
    private readonly access: ProjectAccessPolicy,
    private readonly states: StatesRepository,
    private readonly tasks: TasksService,
  ) {}

  async list(principal: Principal, projectId: string): Promise<StateDto[]> {
    await this.access.require(principal.userId, projectId, 'read');
    return this.states.list(projectId);
  }

  create(principal: Principal, projectId: string, dto: CreateStateDto): Promise<StateDto> {
    return this.uniquely(() =>
      this.transactions.run(async (manager) => {
        await this.access.require(principal.userId, projectId, 'manage-workflow', { manager });
        const all = await this.states.lockAll(manager, projectId);
        if (all.length >= MAX_STATES_PER_PROJECT) {
          throw new UnprocessableEntityException(`A project has at most ${MAX_STATES_PER_PROJECT} states`);
        }
        const fields = { name: dto.name, category: dto.category, color: dto.color ?? DEFAULT_COLOR };
        // The others make room first, so the new state is created where it belongs, at its first version.
        const at = insertionPoint(all.length, dto.position);
        await this.states.renumber(
          manager,
          all.map((state) => state.id),
          at,
        );
        const id = await this.states.insert(manager, projectId, fields, at);
        const state = existing(await this.states.list(projectId, manager), id);
        await this.recorder.record(manager, [
          this.entry('state.created', principal, state, changedFields(null, state, RECORDED)),
        ]);
        return state;
      }),
    );
  }

  update(principal: Principal, projectId: string, id: string, dto: UpdateStateDto): Promise<StateDto> {
    return this.uniquely(() =>
      this.transactions.run(async (manager) => {
        await this.access.require(principal.userId, projectId, 'manage-workflow', { manager });
        const all = await this.states.lockAll(manager, projectId);
        const before = existing(all, id);
        const fields: StateFields = {
          name: dto.name ?? before.name,
          category: dto.category ?? before.category,
          color: dto.color ?? before.color,
        };
        if (STATUS_OF_CATEGORY[fields.category] !== STATUS_OF_CATEGORY[before.category]) {
          assertAnotherOfStatus(all, before);
          if (await this.states.holdsTasks(manager, id)) {
            throw new ConflictException(
              "A state's category may change its tasks' status only once it holds no task: move them first",
            );
          }
        }
        // An unchanged state keeps its version: only what changes is written.
        if (Object.keys(changedFields(before, fields, ['name', 'category', 'color'])).length > 0) {
          await this.states.update(manager, id, fields);
        }
        const after = await this.place(manager, projectId, id, dto.position);
        const changes = changedFields(before, after, RECORDED);
        if (Object.keys(changes).length === 0) return before;
        await this.recorder.record(manager, [this.entry('state.updated', principal, after, changes)]);
        return after;
      }),
    );
  }

  /** Deletes the state; the tasks in it, if any, move to `moveTo`, each change in that task's history. */
  async remove(principal: Principal, projectId: string, id: string, moveTo?: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.access.require(principal.userId, projectId, 'manage-workflow', { manager });
      const all = await this.states.lockAll(manager, projectId);
      const state = existing(all, id);
      assertAnotherOfStatus(all, state);
      const target =
        moveTo === undefined ? undefined : all.find((other) => other.id === moveTo.toLowerCase());
      if (moveTo !== undefined && (!target || target.id === id)) {
        throw problem('moveTo', 'moveTo must be another state of this project');
      }
      if (target && STATUS_OF_CATEGORY[target.category] !== STATUS_OF_CATEGORY[state.category]) {
        throw problem(
          'moveTo',
          'moveTo must have the same status as the deleted state, so its tasks keep theirs',
        );
      }
      let moved: ActivityEntry[] = [];
      if (await this.states.holdsTasks(manager, id)) {
        if (!target) throw new ConflictException('The state holds tasks: name a state for them with moveTo');
        moved = await this.moveTasks(manager, principal, state, target);
      }
      await this.states.delete(manager, id);
      await this.states.renumber(
        manager,
        all.filter((other) => other.id !== id).map((other) => other.id),
      );
      await this.recorder.record(manager, [
        ...moved,
        this.entry('state.deleted', principal, state, changedFields(state, null, RECORDED)),
      ]);
    });
  }

  private async moveTasks(
    manager: EntityManager,
    principal: Principal,
    from: StateDto,
    to: StateDto,
  ): Promise<ActivityEntry[]> {
    const ids = await this.states.moveTasks(manager, from.id, to.id);
    const tasks = await this.tasks.loadMany(ids, manager);
    return tasks.map((task) =>
      taskUpdatedEntry(task, principal.userId, { stateId: { from: from.id, to: to.id } }),
    );
  }

  /** Moves the state to `position` (clamped to the end), renumbering the others; returns it as stored. */
  private async place(
    manager: EntityManager,
    projectId: string,
    id: string,
    position: number | undefined,
  ): Promise<StateDto> {
    if (position !== undefined) {
      const ids = (await this.states.list(projectId, manager)).map((state) => state.id);
      await this.states.renumber(manager, movedTo(ids, id, position));
    }
    return existing(await this.states.list(projectId, manager), id);
  }

  private entry(
    event: 'state.created' | 'state.updated' | 'state.deleted',
    principal: Principal,
    state: StateDto,
    changes: FieldChanges,
  ): ActivityEntry {
    return projectResourceEntry(event, principal.userId, state, changes);
  }

  private uniquely<T>(work: () => Promise<T>): Promise<T> {
    return conflictOnDuplicate(work, 'The project already has a state of that name');
  }
}

function existing(states: StateDto[], id: string): StateDto {
  const state = states.find((candidate) => candidate.id === id);
  if (!state) throw new NotFoundException('No such state');
  return state;
}

/** A project keeps a state of each status: the last one cannot go, nor change to another status. */
function assertAnotherOfStatus(states: StateDto[], state: StateDto): void {
  const status = STATUS_OF_CATEGORY[state.category];
  if (!states.some((other) => other.id !== state.id && STATUS_OF_CATEGORY[other.category] === status)) {
    throw new ConflictException(`The project's last state with status ${status} must stay`);
  }
}
