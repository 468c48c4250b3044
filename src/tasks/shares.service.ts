import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { recordActivity } from '../activity/record-activity';
import type { Principal } from '../auth/principal';
import { isUniqueViolation } from '../database/database-errors';
import { queryRows } from '../database/query-rows';
import { ProjectAccessPolicy } from '../projects/project-access.policy';
import { UsersService } from '../users/users.service';
import { TasksService } from './tasks.service';
import { mapShare, ShareDto, ShareListDto, ShareRow, ShareTaskDto } from './dto/share.dto';

const SHARE_COLUMNS = `s.user_id, u.username, u.display_name, s.permission, s.created_at`;

@Injectable()
export class SharesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProjectAccessPolicy,
    private readonly users: UsersService,
    private readonly tasks: TasksService,
  ) {}

  /** Shares are few per task, so one page holds them all. */
  async list(principal: Principal, taskId: string): Promise<ShareListDto> {
    await this.access.requireTask(principal.userId, taskId, 'read');
    const rows = await this.dataSource.query<ShareRow[]>(
      `SELECT ${SHARE_COLUMNS} FROM task_shares s JOIN users u ON u.id = s.user_id WHERE s.task_id = $1 ORDER BY s.created_at, s.user_id`,
      [taskId],
    );
    return { items: rows.map(mapShare), nextCursor: null };
  }

  async share(principal: Principal, taskId: string, dto: ShareTaskDto): Promise<ShareDto> {
    return this.dataSource.transaction(async (manager) => {
      const { projectId } = await this.access.requireTask(principal.userId, taskId, 'share', manager);
      const userId = await this.users.resolveActiveUserId(dto, manager);
      try {
        await manager.query(`INSERT INTO task_shares (task_id, user_id, permission) VALUES ($1, $2, $3)`, [
          taskId,
          userId,
          dto.permission,
        ]);
      } catch (error) {
        if (isUniqueViolation(error))
          throw new ConflictException('The task is already shared with that user');
        throw error;
      }
      const task = await this.tasks.load(taskId, manager);
      await recordActivity(manager, {
        event: 'task.shared',
        projectId,
        taskId,
        userId,
        actorId: principal.userId,
        changes: { permission: { from: null, to: dto.permission } },
        version: task.version,
        resource: task,
      });
      return this.load(taskId, userId, manager);
    });
  }

  /** Owners and admins revoke any share; a recipient may drop their own. */
  async unshare(principal: Principal, taskId: string, userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { projectId } = await this.access.requireTask(
        principal.userId,
        taskId,
        userId === principal.userId ? 'read' : 'share',
        manager,
      );
      const [removed] = await queryRows<{ permission: string }>(
        manager,
        `DELETE FROM task_shares WHERE task_id = $1 AND user_id = $2 RETURNING permission`,
        [taskId, userId],
      );
      if (!removed) throw new NotFoundException('The task is not shared with that user');
      // The recipient may no longer see the task; naming them in the audience tells them it was taken back.
      await recordActivity(manager, {
        event: 'task.unshared',
        projectId,
        taskId,
        userId,
        actorId: principal.userId,
        changes: { permission: { from: removed.permission, to: null } },
        audience: [userId],
      });
    });
  }

  private async load(taskId: string, userId: string, manager: EntityManager): Promise<ShareDto> {
    const [row] = await manager.query<ShareRow[]>(
      `SELECT ${SHARE_COLUMNS} FROM task_shares s JOIN users u ON u.id = s.user_id WHERE s.task_id = $1 AND s.user_id = $2`,
      [taskId, userId],
    );
    return mapShare(row);
  }
}
