import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { countUnderLock } from '../database/child-count.repository';
import { isoTimestamp } from '../database/iso-timestamp';
import type { ViewDto, ViewLayout } from './dto/view.dto';

const VIEW_COLUMNS = `v.id, v.project_id AS "projectId", v.owner_id AS "ownerId", v.name, v.query, v.layout, v.shared,
  v.version, ${isoTimestamp('v.created_at')} AS "createdAt", ${isoTimestamp('v.updated_at')} AS "updatedAt"`;

/** Who may see a view: its owner, and anyone (reading the project) when it is shared. */
const VISIBLE = `(v.shared OR v.owner_id = $2)`;

export interface ViewFields {
  name: string;
  query: string;
  layout: ViewLayout;
  shared: boolean;
}

@Injectable()
export class ViewsRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(projectId: string, viewerId: string): Promise<ViewDto[]> {
    return this.dataSource.query<ViewDto[]>(
      `SELECT ${VIEW_COLUMNS} FROM views v WHERE v.project_id = $1 AND ${VISIBLE} ORDER BY lower(v.name), v.id`,
      [projectId, viewerId],
    );
  }

  /** The view, if `viewerId` may see it (the project's access is the caller's to check). */
  async read(
    id: string,
    viewerId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ViewDto | undefined> {
    const [view] = await manager.query<ViewDto[]>(
      `SELECT ${VIEW_COLUMNS} FROM views v WHERE v.id = $1 AND ${VISIBLE}`,
      [id, viewerId],
    );
    return view;
  }

  lockAndCount(manager: EntityManager, projectId: string): Promise<number> {
    return countUnderLock(manager, { parent: 'projects', children: 'views', key: 'project_id' }, projectId);
  }

  async insert(
    manager: EntityManager,
    projectId: string,
    ownerId: string,
    fields: ViewFields,
  ): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO views (project_id, owner_id, name, query, layout, shared) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id`,
      [projectId, ownerId, fields.name, fields.query, fields.layout, fields.shared],
    );
    return row.id;
  }

  async update(manager: EntityManager, id: string, fields: ViewFields): Promise<void> {
    await manager.query(
      `UPDATE views SET name = $2, query = $3, layout = $4, shared = $5, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, fields.name, fields.query, fields.layout, fields.shared],
    );
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM views WHERE id = $1`, [id]);
  }

  /** Of these state and label ids, the ones the project no longer has. */
  async missing(
    projectId: string,
    named: { state: string[]; label: string[]; field: string[] },
  ): Promise<{ kind: string; id: string }[]> {
    return this.dataSource.query<{ kind: string; id: string }[]>(
      `SELECT 'state' AS kind, s.id FROM unnest($2::uuid[]) AS s (id)
        WHERE NOT EXISTS (SELECT 1 FROM workflow_states ws WHERE ws.id = s.id AND ws.project_id = $1)
       UNION ALL
       SELECT 'label', l.id FROM unnest($3::uuid[]) AS l (id)
        WHERE NOT EXISTS (SELECT 1 FROM labels x WHERE x.id = l.id AND x.project_id = $1)
       UNION ALL
       SELECT 'field', f.id FROM unnest($4::uuid[]) AS f (id)
        WHERE NOT EXISTS (SELECT 1 FROM custom_fields x WHERE x.id = f.id AND x.project_id = $1)`,
      [projectId, named.state, named.label, named.field],
    );
  }
}
