import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { countUnderLock } from '../database/child-count.repository';
import { renumberRows } from '../database/ordered-rows.repository';
import { queryRows } from '../database/query-rows';
import type { FieldOption, FieldType, TaskFieldValues } from '../workflow/custom-fields';
import { FIELD_COLUMNS } from '../workflow/workflow.repository';
import type { FieldDto } from './dto/field.dto';

const RETURNED = `${FIELD_COLUMNS}, f.version`;

/** A task whose values of a field a change took away: its values before and after, for its history. */
export interface StrippedTask {
  id: string;
  before: TaskFieldValues;
  after: TaskFieldValues;
}

@Injectable()
export class FieldsRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(projectId: string, manager: EntityManager = this.dataSource.manager): Promise<FieldDto[]> {
    return manager.query<FieldDto[]>(
      `SELECT ${RETURNED} FROM custom_fields f WHERE f.project_id = $1 ORDER BY f.position, f.id`,
      [projectId],
    );
  }

  /** Locks the project's row, so writers of its fields take turns (positions are renumbered), and lists them. */
  async lockAll(manager: EntityManager, projectId: string): Promise<FieldDto[]> {
    await countUnderLock(
      manager,
      { parent: 'projects', children: 'custom_fields', key: 'project_id' },
      projectId,
    );
    return this.list(projectId, manager);
  }

  /** The project's fields of one type. */
  async ofType(manager: EntityManager, projectId: string, type: FieldType): Promise<FieldDto[]> {
    return (await this.list(projectId, manager)).filter((field) => field.type === type);
  }

  async insert(
    manager: EntityManager,
    projectId: string,
    field: { name: string; type: FieldType; options: FieldOption[] },
    position: number,
  ): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO custom_fields (project_id, name, type, options, position) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [projectId, field.name, field.type, JSON.stringify(field.options), position],
    );
    return row.id;
  }

  /**
   * Renames the field and sets its options; the sort keys of a select's values follow its options' new order (the
   * tasks themselves do not change).
   */
  async update(manager: EntityManager, id: string, name: string, options: FieldOption[]): Promise<void> {
    await manager.query(
      `UPDATE custom_fields SET name = $2, options = $3, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, name, JSON.stringify(options)],
    );
    await manager.query(
      `UPDATE task_field_values v SET number_value = o.ordinal - 1
         FROM custom_fields f, jsonb_array_elements(f.options) WITH ORDINALITY AS o (option, ordinal)
        WHERE f.id = $1 AND f.type = 'select' AND v.field_id = f.id AND v.text_value = o.option ->> 'id'
          AND v.number_value IS DISTINCT FROM o.ordinal - 1`,
      [id],
    );
  }

  renumber(manager: EntityManager, ids: string[], gapAt?: number): Promise<void> {
    return renumberRows(manager, 'custom_fields', ids, gapAt);
  }

  /**
   * Takes values of a field off the tasks, live and trashed, that have them: `values` (option or user ids; a
   * multi-select keeps its other options), or every value when null. Each task changed moves to a new version;
   * returns the live ones with their values before and after.
   */
  async stripValues(
    manager: EntityManager,
    fieldId: string,
    values: string[] | null,
  ): Promise<StrippedTask[]> {
    const rows = await queryRows<StrippedTask & { deletedAt: Date | null }>(
      manager,
      `UPDATE tasks t
          SET fields = CASE WHEN jsonb_array_length(k.kept) > 0 THEN jsonb_set(t.fields, ARRAY[$1::text], k.kept)
                            ELSE t.fields - $1::text END,
              version = t.version + 1, updated_at = now()
         FROM (SELECT DISTINCT task_id FROM task_field_values
                WHERE field_id = CAST($1::text AS uuid) AND ($2::text[] IS NULL OR text_value = ANY ($2::text[]))) AS touched,
              tasks b,
              LATERAL (SELECT COALESCE(jsonb_agg(e.value), '[]') AS kept
                         FROM jsonb_array_elements(CASE WHEN jsonb_typeof(b.fields -> $1::text) = 'array'
                                                        THEN b.fields -> $1::text ELSE '[]' END) AS e (value)
                        WHERE $2::text[] IS NOT NULL AND NOT (e.value #>> '{}') = ANY ($2::text[])) AS k
        WHERE t.id = touched.task_id AND b.id = t.id
        RETURNING t.id, b.fields AS before, t.fields AS after, t.deleted_at AS "deletedAt"`,
      [fieldId, values],
    );
    return rows
      .filter((row) => row.deletedAt === null)
      .map(({ id, before, after }) => ({ id, before, after }));
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM custom_fields WHERE id = $1`, [id]);
  }
}
