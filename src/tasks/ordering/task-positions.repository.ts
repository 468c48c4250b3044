import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { visibleTaskCondition } from '../../projects/project-access.repository';
import { respacedKeys } from './task-positions';
import type { TaskStatus } from '../dto/task-fields';

/**
 * The positions of a project's tasks. Appending (creates, tasks arriving from another project) takes the project's
 * position lock shared: appenders do not wait for each other. Placing between neighbours and respacing take it
 * exclusive, so the neighbours they read stay where they are until they commit.
 */
@Injectable()
export class TaskPositionsRepository {
  async lock(manager: EntityManager, projectId: string, mode: 'append' | 'place'): Promise<void> {
    const lock = mode === 'append' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
    await manager.query(`SELECT ${lock}(hashtextextended('task-positions:' || $1, 0))`, [projectId]);
  }

  /** The project's last key, trashed tasks included (they keep theirs for a restore); null for an empty project. */
  async last(manager: EntityManager, projectId: string): Promise<string | null> {
    const [row] = await manager.query<{ position: string | null }[]>(
      `SELECT max(position) AS position FROM tasks WHERE project_id = $1`,
      [projectId],
    );
    return row.position;
  }

  /** A live task of the project the viewer can see, as a neighbour to place next to; undefined otherwise. */
  async neighbour(
    manager: EntityManager,
    viewerId: string,
    projectId: string,
    id: string,
  ): Promise<{ position: string; status: TaskStatus } | undefined> {
    const [row] = await manager.query<{ position: string; status: TaskStatus }[]>(
      `SELECT t.position, t.status FROM tasks t
        WHERE t.id = $1 AND t.project_id = $2 AND t.deleted_at IS NULL AND ${visibleTaskCondition('$3')}`,
      [id, projectId, viewerId],
    );
    return row;
  }

  /** The key right before (or after) `position` in the project, skipping `exceptId`; null at the start (end). */
  async adjacent(
    manager: EntityManager,
    projectId: string,
    position: string,
    side: 'before' | 'after',
    exceptId: string,
  ): Promise<string | null> {
    const [row] = await manager.query<{ position: string }[]>(
      `SELECT position FROM tasks
        WHERE project_id = $1 AND position ${side === 'before' ? '<' : '>'} $2 AND id <> $3
        ORDER BY position ${side === 'before' ? 'DESC' : 'ASC'} LIMIT 1`,
      [projectId, position, exceptId],
    );
    return row?.position ?? null;
  }

  /**
   * Gives every task of the project (the trash's too) a short key, in the order they have, in one statement; the
   * unique check waits for the commit, since keys trade places on the way. Call holding the lock exclusively.
   */
  async respace(manager: EntityManager, projectId: string): Promise<void> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM tasks WHERE project_id = $1 ORDER BY position`,
      [projectId],
    );
    await manager.query(`SET CONSTRAINTS tasks_position_unique DEFERRED`);
    await manager.query(
      `UPDATE tasks t SET position = r.position, position_generation = t.position_generation + 1
         FROM unnest($1::uuid[], $2::text[]) AS r (id, position) WHERE t.id = r.id`,
      [rows.map((row) => row.id), respacedKeys(rows.length)],
    );
  }
}
