import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows';
import { visibleTaskCondition } from '../projects/project-access.repository';
import { RelationKind, RelationRow } from './dto/relation.dto';

/** A relation of $1 with the other task's fields, from $1's side. */
const FROM_SIDE = `SELECT r.id, r.kind, r.source_id = $1 AS outgoing, t.id AS other_id, t.title AS other_title,
         t.status AS other_status, t.project_id AS other_project_id
    FROM task_relations r
    JOIN tasks t ON t.id = CASE WHEN r.source_id = $1 THEN r.target_id ELSE r.source_id END`;

@Injectable()
export class RelationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The task's relations to live tasks `viewerId` can read; the others are not hinted at. */
  list(taskId: string, viewerId: string): Promise<RelationRow[]> {
    return this.dataSource.query<RelationRow[]>(
      `${FROM_SIDE}
        WHERE (r.source_id = $1 OR r.target_id = $1) AND t.deleted_at IS NULL AND ${visibleTaskCondition('$2')}
        ORDER BY r.created_at, r.id`,
      [taskId, viewerId],
    );
  }

  /** One relation of the task, when `viewerId` can read its other task. */
  async read(
    manager: EntityManager,
    taskId: string,
    id: string,
    viewerId: string,
  ): Promise<RelationRow | undefined> {
    const [row] = await manager.query<RelationRow[]>(
      `${FROM_SIDE} WHERE r.id = $2 AND (r.source_id = $1 OR r.target_id = $1) AND ${visibleTaskCondition('$3')}`,
      [taskId, id, viewerId],
    );
    return row;
  }

  /**
   * The most relations either task has, counted under both tasks' row locks (taken in id order, as every writer of
   * several tasks takes them) so racing creates cannot pass a limit together.
   */
  async lockAndCountMost(manager: EntityManager, taskIds: string[]): Promise<number> {
    await manager.query(`SELECT 1 FROM tasks WHERE id = ANY ($1::uuid[]) ORDER BY id FOR UPDATE`, [taskIds]);
    const [{ most }] = await manager.query<{ most: number }[]>(
      `SELECT COALESCE(max(n), 0)::int AS most FROM (
         SELECT count(*) AS n FROM task_relations r, unnest($1::uuid[]) AS t (id)
          WHERE r.source_id = t.id OR r.target_id = t.id GROUP BY t.id) counts`,
      [taskIds],
    );
    return most;
  }

  /** Inserts the relation; undefined when the pair is already related (one row per pair). */
  async insert(
    manager: EntityManager,
    relation: { kind: RelationKind; source: string; target: string; createdBy: string },
  ): Promise<string | undefined> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO task_relations (kind, source_id, target_id, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT ((LEAST(source_id, target_id)), (GREATEST(source_id, target_id))) DO NOTHING RETURNING id`,
      [relation.kind, relation.source, relation.target, relation.createdBy],
    );
    return row?.id;
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await queryRows(manager, `DELETE FROM task_relations WHERE id = $1 RETURNING id`, [id]);
  }

  /** Whether `from` already blocks, through any chain of blocks, `to` (so `to` blocking `from` would loop). */
  async blocksTransitively(manager: EntityManager, from: string, to: string): Promise<boolean> {
    const [{ found }] = await manager.query<{ found: boolean }[]>(
      `WITH RECURSIVE chain AS (
         SELECT target_id AS id FROM task_relations WHERE kind = 'blocks' AND source_id = $1
         UNION SELECT r.target_id FROM task_relations r JOIN chain c ON r.source_id = c.id WHERE r.kind = 'blocks')
       SELECT EXISTS (SELECT 1 FROM chain WHERE id = $2) AS found`,
      [from, to],
    );
    return found;
  }

  /** Serializes writers of `blocks` relations, so two that each look acyclic cannot close a loop together. */
  async lockBlocksGraph(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('task-relations:blocks', 0))`);
  }
}
