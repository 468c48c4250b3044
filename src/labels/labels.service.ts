import { ActivityRecorder } from '../events/activity-recorder';
import { AppConfig } from '../config/app-config';
import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { conflictOnDuplicate } from '../database/database-errors';
import { Transactions } from '../database/transactions';
import { changedFields } from '../events/activity-events';
import { ActivityEntry, projectResourceEntry, taskUpdatedEntry } from '../events/activity-log.repository';
import { ProjectAccessPolicy } from '../projects/project-access.policy';
import { TasksService } from '../tasks/tasks.service';
import { CreateLabelDto, LabelDto, UpdateLabelDto } from './dto/label.dto';
import { LabelsRepository } from './labels.repository';

const RECORDED = ['name', 'color'] as const;

/** Labels belong to a project: its writers manage them, its readers list them. */
@Injectable()
export class LabelsService {
  constructor(
    private readonly recorder: ActivityRecorder,
    private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly access: ProjectAccessPolicy,
    private readonly labels: LabelsRepository,
    private readonly tasks: TasksService,
  ) {}

  async list(principal: Principal, projectId: string): Promise<LabelDto[]> {
    await this.access.require(principal.userId, projectId, 'read');
    return this.labels.list(projectId);
  }

  async get(principal: Principal, projectId: string, id: string): Promise<LabelDto> {
    await this.access.require(principal.userId, projectId, 'read');
    return this.transactions.run((manager) => this.existing(manager, projectId, id));
  }

  create(principal: Principal, projectId: string, dto: CreateLabelDto): Promise<LabelDto> {
    return this.uniquely(() =>
      this.transactions.run(async (manager) => {
        await this.access.require(principal.userId, projectId, 'write-tasks', { manager });
        if ((await this.labels.lockAndCount(manager, projectId)) >= this.config.limits.labelsPerProject) {
          throw new UnprocessableEntityException(
            `A project has at most ${this.config.limits.labelsPerProject} labels`,
          );
        }
        const label = await this.labels.insert(manager, projectId, dto);
        await this.record(manager, 'label.created', principal, label, changedFields(null, label, RECORDED));
        return label;
      }),
    );
  }

  update(principal: Principal, projectId: string, id: string, dto: UpdateLabelDto): Promise<LabelDto> {
    return this.uniquely(() =>
      this.transactions.run(async (manager) => {
        await this.access.require(principal.userId, projectId, 'write-tasks', { manager });
        const before = await this.existing(manager, projectId, id);
        const next = { name: dto.name ?? before.name, color: dto.color ?? before.color };
        const changes = changedFields(before, next, RECORDED);
        if (Object.keys(changes).length === 0) return before;
        const label = await this.labels.update(manager, id, next);
        await this.record(manager, 'label.updated', principal, label, changes);
        return label;
      }),
    );
  }

  /** Takes the label off every task that has it, each change in that task's history. */
  async remove(principal: Principal, projectId: string, id: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.access.require(principal.userId, projectId, 'write-tasks', { manager });
      const label = await this.existing(manager, projectId, id);
      const carriers = await this.labels.delete(manager, id);
      const tasks = await this.tasks.loadMany(
        carriers.map((carrier) => carrier.taskId),
        manager,
      );
      const entries = tasks.map((task, index) =>
        taskUpdatedEntry(task, principal.userId, {
          labelIds: {
            from: carriers[index].before,
            to: carriers[index].before.filter((labelId) => labelId !== id),
          },
        }),
      );
      await this.recorder.record(manager, [
        ...entries,
        this.entry('label.deleted', principal, label, changedFields(label, null, RECORDED)),
      ]);
    });
  }

  private async existing(manager: EntityManager, projectId: string, id: string): Promise<LabelDto> {
    const label = await this.labels.read(manager, projectId, id);
    if (!label) throw new NotFoundException('No such label');
    return label;
  }

  private record(
    manager: EntityManager,
    event: 'label.created' | 'label.updated',
    principal: Principal,
    label: LabelDto,
    changes: ReturnType<typeof changedFields>,
  ): Promise<void> {
    return this.recorder.record(manager, [this.entry(event, principal, label, changes)]);
  }

  private entry(
    event: 'label.created' | 'label.updated' | 'label.deleted',
    principal: Principal,
    label: LabelDto,
    changes: ReturnType<typeof changedFields>,
  ): ActivityEntry {
    return projectResourceEntry(event, principal.userId, label, changes);
  }

  private uniquely<T>(work: () => Promise<T>): Promise<T> {
    return conflictOnDuplicate(work, 'The project already has a label of that name');
  }
}
