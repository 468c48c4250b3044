import { BadRequestException, GoneException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { Page, PageQuery, toPage } from '../common/page';
import { ProjectAccessPolicy } from '../projects/project-access.policy';
import {
  ACTIVITY_COLUMNS,
  ActivityDto,
  ActivityRow,
  ChangesDto,
  ChangesQuery,
  mapActivity,
} from './dto/activity.dto';

/** Above every seq: the "before" bound of a first page, so one index condition serves every page. */
const NEWEST = '9223372036854775807';

@Injectable()
export class ActivityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProjectAccessPolicy,
  ) {}

  /** A task's history, newest first, for whoever may see the task (share recipients included). */
  async listForTask(principal: Principal, taskId: string, query: PageQuery): Promise<Page<ActivityDto>> {
    await this.access.requireTask(principal.userId, taskId, 'read');
    return this.newestFirst(
      { list: 'task-activity', taskId },
      query,
      (before, limit) => `SELECT seq FROM activity WHERE task_id = $1 AND seq < ${before} ORDER BY seq DESC
         LIMIT ${limit}`,
      [taskId],
    );
  }

  /** A project's history, newest first, for its members: its own records and those of tasks moved out of it. */
  async listForProject(
    principal: Principal,
    projectId: string,
    query: PageQuery,
  ): Promise<Page<ActivityDto>> {
    await this.access.require(principal.userId, projectId, 'read');
    return this.newestFirst(
      { list: 'project-activity', projectId },
      query,
      (before, limit) => `(SELECT seq FROM activity WHERE project_id = $1 AND seq < ${before}
                            ORDER BY seq DESC LIMIT ${limit})
         UNION ALL (SELECT seq FROM activity WHERE from_project_id = $1 AND seq < ${before}
                     ORDER BY seq DESC LIMIT ${limit})`,
      [projectId],
    );
  }

  /**
   * Every record the caller may see now, oldest first after `since`: records of projects they belong to (and of
   * tasks moved out of them), of tasks shared with them, and those that took something away from them. Read in one
   * snapshot with the newest seq, so a short page can move `nextSince` past records the caller may not see.
   */
  async changes(principal: Principal, query: ChangesQuery): Promise<ChangesDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [{ head, pruned_through }] = await manager.query<
        { head: string | null; pruned_through: string }[]
      >(`SELECT (SELECT max(seq) FROM activity) AS head, pruned_through FROM activity_retention`);
      if (query.since < Number(pruned_through)) {
        throw new GoneException({
          message:
            'Records after that seq have been pruned: list the tasks again, then resume from resumeSince',
          resumeSince: Number(head ?? pruned_through),
        });
      }
      const rows = await manager.query<ActivityRow[]>(
        `WITH my_projects AS (SELECT project_id FROM project_members WHERE user_id = $1),
              visible AS (
                SELECT a.seq FROM my_projects m CROSS JOIN LATERAL (
                  SELECT seq FROM activity WHERE project_id = m.project_id AND seq > $2 ORDER BY seq LIMIT $3) a
                UNION
                SELECT a.seq FROM my_projects m CROSS JOIN LATERAL (
                  SELECT seq FROM activity WHERE from_project_id = m.project_id AND seq > $2 ORDER BY seq LIMIT $3) a
                UNION
                SELECT a.seq FROM task_shares s CROSS JOIN LATERAL (
                  SELECT seq FROM activity WHERE task_id = s.task_id AND seq > $2 ORDER BY seq LIMIT $3) a
                 WHERE s.user_id = $1
                UNION
                (SELECT seq FROM activity WHERE audience @> ARRAY[$1::uuid] AND seq > $2 ORDER BY seq LIMIT $3))
         SELECT ${ACTIVITY_COLUMNS} FROM activity a
          WHERE a.seq IN (SELECT seq FROM visible ORDER BY seq LIMIT $3)
          ORDER BY a.seq`,
        [principal.userId, query.since, query.limit + 1],
      );
      const items = rows.slice(0, query.limit).map(mapActivity);
      const hasMore = rows.length > query.limit;
      const nextSince = hasMore ? items[items.length - 1].seq : Math.max(query.since, Number(head ?? 0));
      return { items, nextSince, hasMore };
    });
  }

  /** One page of records, newest first; `seqs` lists candidate seqs below a bound, at most `limit` of them. */
  private async newestFirst(
    context: object,
    query: PageQuery,
    seqs: (before: string, limit: string) => string,
    parameters: unknown[],
  ): Promise<Page<ActivityDto>> {
    const before = query.cursor ? String(decodeCursor(query.cursor, context, 1)[0]) : NEWEST;
    if (!/^\d+$/.test(before)) throw new BadRequestException('Malformed cursor');
    const next = parameters.length + 1;
    const rows = await this.dataSource.query<ActivityRow[]>(
      `SELECT ${ACTIVITY_COLUMNS} FROM activity a
        WHERE a.seq IN (${seqs(`$${next}`, `$${next + 1}`)})
        ORDER BY a.seq DESC LIMIT $${next + 1}`,
      [...parameters, before, query.limit + 1],
    );
    return toPage(rows, query.limit, mapActivity, (row) => encodeCursor([row.seq], context));
  }
}
