import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PERSONAL_EVENT } from '../events/activity-events';
import { relatedTaskReadable } from '../projects/project-access.repository';
import { ACTIVITY_COLUMNS, ActivityRow } from '../events/activity-record';

/** Above every seq: the "before" bound of a first page, so one index condition serves every page. */
export const NEWEST_SEQ = '9223372036854775807';

@Injectable()
export class ActivityRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A task's records below `before` that `viewerId` may see, newest first. */
  forTask(taskId: string, viewerId: string, before: string, limit: number): Promise<ActivityRow[]> {
    return this.dataSource.query<ActivityRow[]>(
      `SELECT ${ACTIVITY_COLUMNS} FROM activity a
        WHERE a.task_id = $1 AND a.seq < $2 AND a.event <> '${PERSONAL_EVENT}' AND ${relatedTaskReadable('a', '$4')}
        ORDER BY a.seq DESC LIMIT $3`,
      [taskId, before, limit, viewerId],
    );
  }

  /**
   * A project's records below `before` that `viewerId` may see, newest first: its own and those of tasks moved out
   * of it.
   */
  forProject(projectId: string, viewerId: string, before: string, limit: number): Promise<ActivityRow[]> {
    return this.dataSource.query<ActivityRow[]>(
      `SELECT ${ACTIVITY_COLUMNS} FROM activity a
        WHERE a.seq IN ((SELECT seq FROM activity r
                          WHERE project_id = $1 AND seq < $2 AND event <> '${PERSONAL_EVENT}'
                            AND ${relatedTaskReadable('r', '$4')}
                          ORDER BY seq DESC LIMIT $3)
                        UNION ALL
                        (SELECT seq FROM activity r
                          WHERE from_project_id = $1 AND seq < $2 AND ${relatedTaskReadable('r', '$4')}
                          ORDER BY seq DESC LIMIT $3))
        ORDER BY a.seq DESC LIMIT $3`,
      [projectId, before, limit, viewerId],
    );
  }

  /** The newest seq, and the seq through which records have been pruned. */
  async bounds(manager: EntityManager): Promise<{ head: string | null; prunedThrough: string }> {
    const [row] = await manager.query<{ head: string | null; pruned_through: string }[]>(
      `SELECT (SELECT max(seq) FROM activity) AS head, pruned_through FROM activity_retention`,
    );
    return { head: row.head, prunedThrough: row.pruned_through };
  }

  /** The seq through which records may go: older than `retentionDays`, and handed on by every durable consumer. */
  async pruneHorizon(retentionDays: number): Promise<string | null> {
    // LEAST ignores nulls: with nothing old enough there is nothing to prune, whatever the consumers' positions.
    const [{ through }] = await this.dataSource.query<{ through: string | null }[]>(
      `SELECT CASE WHEN old.seq IS NOT NULL THEN LEAST(old.seq, consumers.position) END AS through
         FROM (SELECT max(seq) AS seq FROM activity WHERE occurred_at < now() - make_interval(days => $1)) old,
              (SELECT min(position) AS position FROM outbox_positions) consumers`,
      [retentionDays],
    );
    return through;
  }

  /** Moves the pruned horizon forward (never back); returns it. */
  async advancePrunedThrough(through: string | null): Promise<string> {
    const [[{ pruned_through }]] = await this.dataSource.query<[{ pruned_through: string }[], number]>(
      `UPDATE activity_retention SET pruned_through = GREATEST(pruned_through, COALESCE($1::bigint, 0))
       RETURNING pruned_through`,
      [through],
    );
    return pruned_through;
  }

  /** Deletes up to `limit` of the oldest records at or below `horizon`; returns how many. */
  async deleteThrough(horizon: string, limit: number): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM activity WHERE seq IN (SELECT seq FROM activity WHERE seq <= $1 ORDER BY seq LIMIT $2)`,
      [horizon, limit],
    );
    return count;
  }
}
