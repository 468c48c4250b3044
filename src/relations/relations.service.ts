import { ActivityRecorder } from '../events/activity-recorder';
import { AppConfig } from '../config/app-config';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { Transactions } from '../database/transactions';

import { ProjectAccessPolicy } from '../projects/project-access.policy';
import { CreateRelationDto, mapRelation, RelationDto, RelationRow, storedAs } from './dto/relation.dto';
import { RelationsRepository } from './relations.repository';
import { fieldProblem } from '../common/problem';

/**
 * Relations between two tasks the caller can read, written from a task they may edit. One row per pair, listed from
 * both sides; `blocks` never loops.
 */
@Injectable()
export class RelationsService {
  constructor(
    private readonly recorder: ActivityRecorder,
    private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly access: ProjectAccessPolicy,
    private readonly relations: RelationsRepository,
  ) {}

  async list(principal: Principal, taskId: string): Promise<RelationDto[]> {
    await this.access.requireTask(principal.userId, taskId, 'read');
    return (await this.relations.list(taskId, principal.userId)).map(mapRelation);
  }

  create(principal: Principal, taskId: string, dto: CreateRelationDto): Promise<RelationDto> {
    return this.transactions.run(async (manager) => {
      const { projectId } = await this.access.requireTask(principal.userId, taskId, 'update', { manager });
      if (dto.taskId === taskId) refuse('A task cannot be related to itself');
      // The other task answers like a missing one when it cannot be read: no hint that it exists.
      await this.access
        .requireTask(principal.userId, dto.taskId, 'read', { manager })
        .catch((error: unknown) => {
          if (error instanceof NotFoundException) refuse('No such task to relate to');
          throw error;
        });
      if (
        (await this.relations.lockAndCountMost(manager, [taskId, dto.taskId])) >=
        this.config.limits.relationsPerTask
      ) {
        refuse(`A task has at most ${this.config.limits.relationsPerTask} relations`);
      }
      const stored = storedAs(dto.type, taskId, dto.taskId);
      if (stored.kind === 'blocks') {
        await this.relations.lockBlocksGraph(manager);
        if (await this.relations.blocksTransitively(manager, stored.target, stored.source)) {
          refuse('That would make tasks block each other in a loop');
        }
      }
      const id = await this.relations.insert(manager, { ...stored, createdBy: principal.userId });
      if (!id) throw new ConflictException('These tasks are already related');
      const relation = mapRelation((await this.relations.read(manager, taskId, id, principal.userId))!);
      await this.record(manager, 'relation.created', principal, projectId, taskId, relation);
      return relation;
    });
  }

  async remove(principal: Principal, taskId: string, id: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const { projectId } = await this.access.requireTask(principal.userId, taskId, 'update', { manager });
      // A relation whose other task the caller cannot read is not there for them, on this verb as on the others.
      const row: RelationRow | undefined = await this.relations.read(manager, taskId, id, principal.userId);
      if (!row) throw new NotFoundException('No such relation');
      await this.relations.delete(manager, id);
      await this.record(manager, 'relation.deleted', principal, projectId, taskId, mapRelation(row));
    });
  }

  private record(
    manager: EntityManager,
    event: 'relation.created' | 'relation.deleted',
    principal: Principal,
    projectId: string,
    taskId: string,
    relation: RelationDto,
  ): Promise<void> {
    const link = { type: relation.type, taskId: relation.task.id };
    return this.recorder.recordOne(manager, {
      event,
      projectId,
      taskId,
      actorId: principal.userId,
      changes: {
        relation: event === 'relation.created' ? { from: null, to: link } : { from: link, to: null },
      },
      resource: relation,
      relatedTaskId: relation.task.id,
    });
  }
}

function refuse(message: string): never {
  throw fieldProblem('taskId', message);
}
