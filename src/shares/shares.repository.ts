import { countUnderLock } from '../database/child-count.repository';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows';
import { mapShare, ShareDto, ShareRow } from './dto/share.dto';
import type { SharePermission } from '../projects/project-permissions';

const SHARE_COLUMNS = `s.user_id, u.username, u.display_name, s.permission, s.created_at`;

@Injectable()
export class SharesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Shares are few per task, so one page holds them all. */
  async list(taskId: string): Promise<ShareDto[]> {
    const rows = await this.dataSource.query<ShareRow[]>(
      `SELECT ${SHARE_COLUMNS} FROM task_shares s JOIN users u ON u.id = s.user_id
        WHERE s.task_id = $1 ORDER BY s.created_at, s.user_id`,
      [taskId],
    );
    return rows.map(mapShare);
  }

  async find(manager: EntityManager, taskId: string, userId: string): Promise<ShareDto | undefined> {
    const [row] = await manager.query<ShareRow[]>(
      `SELECT ${SHARE_COLUMNS} FROM task_shares s JOIN users u ON u.id = s.user_id
        WHERE s.task_id = $1 AND s.user_id = $2`,
      [taskId, userId],
    );
    return row && mapShare(row);
  }

  /** How many people the task is shared with, counted under its row lock so racing shares cannot pass a limit. */
  lockAndCount(manager: EntityManager, taskId: string): Promise<number> {
    return countUnderLock(manager, { parent: 'tasks', children: 'task_shares', key: 'task_id' }, taskId);
  }

  /** Raises the unique violation when the task is shared with the user already. */
  async insert(
    manager: EntityManager,
    taskId: string,
    userId: string,
    permission: SharePermission,
  ): Promise<void> {
    await manager.query(`INSERT INTO task_shares (task_id, user_id, permission) VALUES ($1, $2, $3)`, [
      taskId,
      userId,
      permission,
    ]);
  }

  /** The permission the removed share held; undefined when there was none. */
  async delete(manager: EntityManager, taskId: string, userId: string): Promise<SharePermission | undefined> {
    const [removed] = await queryRows<{ permission: SharePermission }>(
      manager,
      `DELETE FROM task_shares WHERE task_id = $1 AND user_id = $2 RETURNING permission`,
      [taskId, userId],
    );
    return removed?.permission;
  }
}
