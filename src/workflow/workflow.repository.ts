import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CustomField, FieldCatalog } from './custom-fields';
import { DEFAULT_STATES, StateCatalog, type WorkflowState } from './workflow';

export const FIELD_COLUMNS = 'f.id, f.project_id AS "projectId", f.name, f.type, f.options, f.position';

export const STATE_COLUMNS = 's.id, s.project_id AS "projectId", s.name, s.category, s.color, s.position';

@Injectable()
export class WorkflowRepository {
  /** The states of these projects, for a write that moves tasks among them. */
  async catalog(manager: EntityManager, projectIds: string[]): Promise<StateCatalog> {
    const states = await manager.query<WorkflowState[]>(
      `SELECT ${STATE_COLUMNS} FROM workflow_states s WHERE s.project_id = ANY ($1::uuid[]) ORDER BY s.position`,
      [[...new Set(projectIds)]],
    );
    return new StateCatalog(states);
  }

  /** The custom fields of these projects, with the members a user field of each may name. */
  async fieldCatalog(manager: EntityManager, projectIds: string[]): Promise<FieldCatalog> {
    const fields = await manager.query<CustomField[]>(
      `SELECT ${FIELD_COLUMNS} FROM custom_fields f WHERE f.project_id = ANY ($1::uuid[])`,
      [[...new Set(projectIds)]],
    );
    const withUserFields = [...new Set(fields.filter((f) => f.type === 'user').map((f) => f.projectId))];
    const members =
      withUserFields.length === 0
        ? []
        : await manager.query<{ projectId: string; userIds: string[] }[]>(
            `SELECT project_id AS "projectId", array_agg(user_id) AS "userIds" FROM project_members
              WHERE project_id = ANY ($1::uuid[]) GROUP BY project_id`,
            [withUserFields],
          );
    return new FieldCatalog(fields, new Map(members.map((row) => [row.projectId, new Set(row.userIds)])));
  }

  /** Gives a new project the default states. */
  async seed(manager: EntityManager, projectId: string): Promise<void> {
    await manager.query(
      `INSERT INTO workflow_states (project_id, name, category, color, position)
       SELECT $1, name, category, color, position - 1
         FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS s (name, category, color, position)`,
      [
        projectId,
        DEFAULT_STATES.map((state) => state.name),
        DEFAULT_STATES.map((state) => state.category),
        DEFAULT_STATES.map((state) => state.color),
      ],
    );
  }
}
