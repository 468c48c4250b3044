import { ActivityRecorder } from '../events/activity-recorder';
import { AppConfig } from '../config/app-config';
import {
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';

import type { Principal } from '../auth/principal';
import { isUniqueViolation } from '../database/database-errors';
import { Transactions } from '../database/transactions';
import { ProjectAccessPolicy } from '../projects/project-access.policy';
import { UsersService } from '../users/users.service';
import { TasksService } from '../tasks/tasks.service';
import { ShareDto, ShareListDto, ShareTaskDto } from './dto/share.dto';
import { SharesRepository } from './shares.repository';

@Injectable()
export class SharesService {
  constructor(
    private readonly recorder: ActivityRecorder,
    private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly shares: SharesRepository,
    private readonly access: ProjectAccessPolicy,
    private readonly users: UsersService,
    private readonly tasks: TasksService,
  ) {}

  /** Shares are few per task, so one page holds them all. */
  async list(principal: Principal, taskId: string): Promise<ShareListDto> {
    await this.access.requireTask(principal.userId, taskId, 'read');
    return { items: await this.shares.list(taskId), nextCursor: null };
  }

  async share(principal: Principal, taskId: string, dto: ShareTaskDto): Promise<ShareDto> {
    return this.transactions.run(async (manager) => {
      const { projectId } = await this.access.requireTask(principal.userId, taskId, 'share', { manager });
      const userId = await this.users.resolveActiveUserId(dto, manager);
      if ((await this.shares.lockAndCount(manager, taskId)) >= this.config.limits.sharesPerTask) {
        throw new UnprocessableEntityException(
          `A task is shared with at most ${this.config.limits.sharesPerTask} people; share its project instead`,
        );
      }
      try {
        await this.shares.insert(manager, taskId, userId, dto.permission);
      } catch (error) {
        if (isUniqueViolation(error))
          throw new ConflictException('The task is already shared with that user');
        throw error;
      }
      const task = await this.tasks.load(taskId, manager);
      await this.recorder.record(manager, [
        {
          event: 'task.shared',
          projectId,
          taskId,
          userId,
          actorId: principal.userId,
          changes: { permission: { from: null, to: dto.permission } },
          version: task.version,
          resource: task,
        },
      ]);
      return (await this.shares.find(manager, taskId, userId))!;
    });
  }

  /** Owners and admins revoke any share; a recipient may drop their own. */
  async unshare(principal: Principal, taskId: string, userId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const { projectId } = await this.access.requireTask(
        principal.userId,
        taskId,
        userId === principal.userId ? 'read' : 'share',
        { manager },
      );
      const removed = await this.shares.delete(manager, taskId, userId);
      if (!removed) throw new NotFoundException('The task is not shared with that user');
      // The recipient may no longer see the task; naming them in the audience tells them it was taken back.
      await this.recorder.recordOne(manager, {
        event: 'task.unshared',
        projectId,
        taskId,
        userId,
        actorId: principal.userId,
        changes: { permission: { from: removed, to: null } },
        audience: [userId],
      });
    });
  }
}
