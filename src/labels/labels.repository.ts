import { countUnderLock } from '../database/child-count.repository';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows';
import { LabelDto, LabelRow, mapLabel } from './dto/label.dto';

const LABEL_COLUMNS = 'l.id, l.project_id, l.name, l.color, l.version';

@Injectable()
export class LabelsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(projectId: string): Promise<LabelDto[]> {
    const rows = await this.dataSource.query<LabelRow[]>(
      `SELECT ${LABEL_COLUMNS} FROM labels l WHERE l.project_id = $1 ORDER BY lower(l.name), l.id`,
      [projectId],
    );
    return rows.map(mapLabel);
  }

  async read(manager: EntityManager, projectId: string, id: string): Promise<LabelDto | undefined> {
    const [row] = await manager.query<LabelRow[]>(
      `SELECT ${LABEL_COLUMNS} FROM labels l WHERE l.project_id = $1 AND l.id = $2 FOR UPDATE`,
      [projectId, id],
    );
    return row && mapLabel(row);
  }

  /** How many labels the project has, counted under its row lock so racing creates cannot pass a limit together. */
  lockAndCount(manager: EntityManager, projectId: string): Promise<number> {
    return countUnderLock(manager, { parent: 'projects', children: 'labels', key: 'project_id' }, projectId);
  }

  async insert(
    manager: EntityManager,
    projectId: string,
    label: { name: string; color: string },
  ): Promise<LabelDto> {
    const [row] = await manager.query<LabelRow[]>(
      `INSERT INTO labels AS l (project_id, name, color) VALUES ($1, $2, $3) RETURNING ${LABEL_COLUMNS}`,
      [projectId, label.name, label.color],
    );
    return mapLabel(row);
  }

  async update(
    manager: EntityManager,
    id: string,
    label: { name: string; color: string },
  ): Promise<LabelDto> {
    const [row] = await queryRows<LabelRow>(
      manager,
      `UPDATE labels l SET name = $2, color = $3, version = l.version + 1, updated_at = now() WHERE l.id = $1
       RETURNING ${LABEL_COLUMNS}`,
      [id, label.name, label.color],
    );
    return mapLabel(row);
  }

  /**
   * Deletes the label and moves every live task that carried it to a new version (its answer changed); returns
   * those tasks' ids with the label ids they keep.
   */
  async delete(manager: EntityManager, id: string): Promise<{ taskId: string; before: string[] }[]> {
    const carriers = await manager.query<{ task_id: string; before: string[] }[]>(
      `SELECT tl.task_id, array_agg(other.label_id ORDER BY other.label_id) AS before
         FROM task_labels tl JOIN tasks t ON t.id = tl.task_id AND t.deleted_at IS NULL
         JOIN task_labels other ON other.task_id = tl.task_id
        WHERE tl.label_id = $1 GROUP BY tl.task_id ORDER BY tl.task_id`,
      [id],
    );
    await manager.query(
      `UPDATE tasks SET version = version + 1, updated_at = now() WHERE id = ANY ($1::uuid[])`,
      [carriers.map((carrier) => carrier.task_id)],
    );
    await manager.query(`DELETE FROM labels WHERE id = $1`, [id]);
    return carriers.map((carrier) => ({ taskId: carrier.task_id, before: carrier.before }));
  }
}
