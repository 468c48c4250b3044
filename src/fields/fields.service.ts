import { Injectable, NotFoundException, OnModuleInit, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { conflictOnDuplicate } from '../database/database-errors';
import { insertionPoint, movedTo } from '../database/ordered-rows.repository';
import { Transactions } from '../database/transactions';
import { ActivityRecorder } from '../events/activity-recorder';
import { changedFields, FieldChanges } from '../events/activity-events';
import { ActivityEntry, projectResourceEntry, taskUpdatedEntry } from '../events/activity-log.repository';
import { MemberDepartures } from '../projects/member-departures';
import { ProjectAccessPolicy } from '../projects/project-access.policy';
import { TasksService } from '../tasks/tasks.service';
import { FieldOption, FieldType, MAX_FIELDS_PER_PROJECT } from '../workflow/custom-fields';
import { CreateFieldDto, FieldDto, FieldOptionInput, UpdateFieldDto } from './dto/field.dto';
import { FieldsRepository, StrippedTask } from './fields.repository';

const RECORDED = ['name', 'type', 'options', 'position'] as const;
const DEFAULT_OPTION_COLOR = '#8b949e';
const WITH_OPTIONS: readonly FieldType[] = ['select', 'multi_select'];

const problem = (field: string, message: string) =>
  new UnprocessableEntityException({ message: `${field} ${message}`, errors: [{ field, message }] });

/**
 * A project's custom fields: its readers list them, its owners and admins shape them. A value never outlives what
 * it names: deleting a field, removing an option or a member leaving takes the values off the tasks, each change
 * in that task's history, in the same transaction.
 */
@Injectable()
export class FieldsService implements OnModuleInit {
  constructor(
    private readonly recorder: ActivityRecorder,
    private readonly transactions: Transactions,
    private readonly access: ProjectAccessPolicy,
    private readonly fields: FieldsRepository,
    private readonly tasks: TasksService,
    private readonly departures: MemberDepartures,
  ) {}

  onModuleInit(): void {
    this.departures.register((manager, { projectId, userId, actorId }) =>
      this.forgetMember(manager, projectId, userId, actorId),
    );
  }

  async list(principal: Principal, projectId: string): Promise<FieldDto[]> {
    await this.access.require(principal.userId, projectId, 'read');
    return this.fields.list(projectId);
  }

  create(principal: Principal, projectId: string, dto: CreateFieldDto): Promise<FieldDto> {
    return this.uniquely(() =>
      this.transactions.run(async (manager) => {
        await this.access.require(principal.userId, projectId, 'manage-workflow', { manager });
        const all = await this.fields.lockAll(manager, projectId);
        if (all.length >= MAX_FIELDS_PER_PROJECT) {
          throw new UnprocessableEntityException(`A project has at most ${MAX_FIELDS_PER_PROJECT} fields`);
        }
        const options = optionsOf(dto.type, [], dto.options);
        // The others make room first, so the new field is created where it belongs, at its first version.
        const at = insertionPoint(all.length, dto.position);
        await this.fields.renumber(
          manager,
          all.map((field) => field.id),
          at,
        );
        const id = await this.fields.insert(
          manager,
          projectId,
          { name: dto.name, type: dto.type, options },
          at,
        );
        const field = existing(await this.fields.list(projectId, manager), id);
        await this.recorder.record(manager, [
          this.entry('field.created', principal, field, changedFields(null, field, RECORDED)),
        ]);
        return field;
      }),
    );
  }

  update(principal: Principal, projectId: string, id: string, dto: UpdateFieldDto): Promise<FieldDto> {
    return this.uniquely(() =>
      this.transactions.run(async (manager) => {
        await this.access.require(principal.userId, projectId, 'manage-workflow', { manager });
        const before = existing(await this.fields.lockAll(manager, projectId), id);
        const options =
          dto.options === undefined ? before.options : optionsOf(before.type, before.options, dto.options);
        const name = dto.name ?? before.name;
        // An unchanged field keeps its version: only what changes is written.
        if (
          Object.keys(changedFields(before, { ...before, name, options }, ['name', 'options'])).length > 0
        ) {
          await this.fields.update(manager, id, name, options);
        }
        const kept = new Set(options.map((option) => option.id));
        const removed = before.options.filter((option) => !kept.has(option.id)).map((option) => option.id);
        const stripped = removed.length > 0 ? await this.fields.stripValues(manager, id, removed) : [];
        const after = await this.place(manager, projectId, id, dto.position);
        const changes = changedFields(before, after, RECORDED);
        if (Object.keys(changes).length === 0) return before;
        await this.recorder.record(manager, [
          ...(await this.strippedEntries(manager, principal.userId, stripped)),
          this.entry('field.updated', principal, after, changes),
        ]);
        return after;
      }),
    );
  }

  /** Deletes the field, taking its values off every task that had one, each change in that task's history. */
  async remove(principal: Principal, projectId: string, id: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.access.require(principal.userId, projectId, 'manage-workflow', { manager });
      const all = await this.fields.lockAll(manager, projectId);
      const field = existing(all, id);
      const stripped = await this.fields.stripValues(manager, id, null);
      await this.fields.delete(manager, id);
      await this.fields.renumber(
        manager,
        all.filter((other) => other.id !== id).map((other) => other.id),
      );
      await this.recorder.record(manager, [
        ...(await this.strippedEntries(manager, principal.userId, stripped)),
        this.entry('field.deleted', principal, field, changedFields(field, null, RECORDED)),
      ]);
    });
  }

  /** Someone who left a project is no longer named in its user fields. */
  private async forgetMember(
    manager: EntityManager,
    projectId: string,
    userId: string,
    actorId: string,
  ): Promise<ActivityEntry[]> {
    const stripped: StrippedTask[] = [];
    for (const field of await this.fields.ofType(manager, projectId, 'user')) {
      stripped.push(...(await this.fields.stripValues(manager, field.id, [userId])));
    }
    return this.strippedEntries(manager, actorId, stripped);
  }

  private async strippedEntries(
    manager: EntityManager,
    actorId: string,
    stripped: StrippedTask[],
  ): Promise<ActivityEntry[]> {
    const byId = new Map(stripped.map((task) => [task.id, task]));
    const tasks = await this.tasks.loadMany([...byId.keys()], manager);
    return tasks.map((task) =>
      taskUpdatedEntry(task, actorId, { fields: { from: byId.get(task.id)!.before, to: task.fields } }),
    );
  }

  /** Moves the field to `position` (clamped to the end), renumbering the others; returns it as stored. */
  private async place(
    manager: EntityManager,
    projectId: string,
    id: string,
    position: number | undefined,
  ): Promise<FieldDto> {
    if (position !== undefined) {
      const ids = (await this.fields.list(projectId, manager)).map((field) => field.id);
      await this.fields.renumber(manager, movedTo(ids, id, position));
    }
    return existing(await this.fields.list(projectId, manager), id);
  }

  private entry(
    event: 'field.created' | 'field.updated' | 'field.deleted',
    principal: Principal,
    field: FieldDto,
    changes: FieldChanges,
  ): ActivityEntry {
    return projectResourceEntry(event, principal.userId, field, changes);
  }

  private uniquely<T>(work: () => Promise<T>): Promise<T> {
    return conflictOnDuplicate(work, 'The project already has a field of that name');
  }
}

/**
 * The options a field will have: only selects have any; an option sent with an id keeps that option (which must
 * be one of the field's), one without is new. Names are unique within the field, ignoring case.
 */
function optionsOf(
  type: FieldType,
  current: FieldOption[],
  sent: FieldOptionInput[] | undefined,
): FieldOption[] {
  if (!WITH_OPTIONS.includes(type)) {
    if (sent !== undefined && sent.length > 0)
      throw problem('options', 'are for select and multi_select fields only');
    return [];
  }
  const known = new Set(current.map((option) => option.id));
  const options = (sent ?? []).map((option, index): FieldOption => {
    const id = option.id?.toLowerCase();
    if (id !== undefined && !known.has(id))
      throw problem(`options.${index}.id`, "is not one of the field's options");
    return { id: id ?? randomUUID(), name: option.name, color: option.color ?? DEFAULT_OPTION_COLOR };
  });
  const names = options.map((option) => option.name.toLowerCase());
  if (new Set(names).size !== names.length)
    throw problem('options', 'must not repeat a name (ignoring case)');
  if (new Set(options.map((option) => option.id)).size !== options.length) {
    throw problem('options', 'must not repeat an option');
  }
  return options;
}

function existing(fields: FieldDto[], id: string): FieldDto {
  const field = fields.find((candidate) => candidate.id === id);
  if (!field) throw new NotFoundException('No such field');
  return field;
}
