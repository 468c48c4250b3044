import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { countUnderLock } from '../database/child-count.repository';
import { renumberRows } from '../database/ordered-rows.repository';
import { queryRows } from '../database/query-rows';
import type { StateCategory } from '../workflow/workflow';
import { STATE_COLUMNS } from '../workflow/workflow.repository';
import type { StateDto } from './dto/state.dto';

const RETURNED = `${STATE_COLUMNS}, s.version`;

export interface StateFields {
  name: string;
  category: StateCategory;
  color: string;
}

@Injectable()
export class StatesRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(projectId: string, manager: EntityManager = this.dataSource.manager): Promise<StateDto[]> {
    return manager.query<StateDto[]>(
      `SELECT ${RETURNED} FROM workflow_states s WHERE s.project_id = $1 ORDER BY s.position, s.id`,
      [projectId],
    );
  }

  /**
   * Locks the project's row, so writers of its states take turns (positions are renumbered, and the last state of a
   * status must stay), and returns its states in order.
   */
  async lockAll(manager: EntityManager, projectId: string): Promise<StateDto[]> {
    await countUnderLock(
      manager,
      { parent: 'projects', children: 'workflow_states', key: 'project_id' },
      projectId,
    );
    return this.list(projectId, manager);
  }

  async insert(
    manager: EntityManager,
    projectId: string,
    fields: StateFields,
    position: number,
  ): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO workflow_states (project_id, name, category, color, position) VALUES ($1, $2, $3, $4, $5)
       RETURNING id`,
      [projectId, fields.name, fields.category, fields.color, position],
    );
    return row.id;
  }

  async update(manager: EntityManager, id: string, fields: StateFields): Promise<void> {
    await manager.query(
      `UPDATE workflow_states SET name = $2, category = $3, color = $4, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, fields.name, fields.category, fields.color],
    );
  }

  /** Numbers the states 0, 1, … in the order given. */
  renumber(manager: EntityManager, ids: string[], gapAt?: number): Promise<void> {
    return renumberRows(manager, 'workflow_states', ids, gapAt);
  }

  /** Whether any task, live or in the trash, is in the state. */
  async holdsTasks(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM tasks WHERE state_id = $1 LIMIT 1`, [id]);
    return rows.length > 0;
  }

  /** Moves every task of one state to another, each to a new version; returns the live ones' ids. */
  async moveTasks(manager: EntityManager, fromId: string, toId: string): Promise<string[]> {
    const rows = await queryRows<{ id: string; deleted_at: Date | null }>(
      manager,
      `UPDATE tasks SET state_id = $2, version = version + 1, updated_at = now() WHERE state_id = $1
       RETURNING id, deleted_at`,
      [fromId, toId],
    );
    return rows.filter((row) => row.deleted_at === null).map((row) => row.id);
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM workflow_states WHERE id = $1`, [id]);
  }
}
