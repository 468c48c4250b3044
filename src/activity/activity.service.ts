import { GoneException, HttpStatus, Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { CursorCodec } from '../common/cursor';
import { Page, PageQuery, toPage } from '../common/page';
import { RequestValidationException } from '../common/request-validation.exception';
import { Transactions } from '../database/transactions';
import { ProjectAccessPolicy } from '../projects/project-access.policy';
import { ActivityRepository, NEWEST_SEQ } from './activity.repository';
import { ActivityRow, mapActivity } from '../events/activity-record';
import { ActivityDto, ChangesDto, ChangesQuery } from './dto/activity.dto';

@Injectable()
export class ActivityService {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: ProjectAccessPolicy,
    private readonly activity: ActivityRepository,
    private readonly cursors: CursorCodec,
  ) {}

  /** A task's history, newest first, for whoever may see the task (share recipients included). */
  async listForTask(principal: Principal, taskId: string, query: PageQuery): Promise<Page<ActivityDto>> {
    await this.access.requireTask(principal.userId, taskId, 'read');
    return this.newestFirst({ list: 'task-activity', taskId }, query, (before, limit) =>
      this.activity.forTask(taskId, principal.userId, before, limit),
    );
  }

  /** A project's history, newest first, for its members: its own records and those of tasks moved out of it. */
  async listForProject(
    principal: Principal,
    projectId: string,
    query: PageQuery,
  ): Promise<Page<ActivityDto>> {
    await this.access.require(principal.userId, projectId, 'read');
    return this.newestFirst({ list: 'project-activity', projectId }, query, (before, limit) =>
      this.activity.forProject(projectId, principal.userId, before, limit),
    );
  }

  /**
   * Every record the caller may see now, oldest first after `since`. Read in one snapshot with the newest seq, so
   * a short page can move `nextSince` past records the caller may not see. Once anything has been pruned, a `since`
   * before the kept range (0 included) is 410: the feed cannot replay what is gone, so the client lists the
   * resources again and resumes from `resumeSince`, rather than believing it saw everything.
   */
  async changes(principal: Principal, query: ChangesQuery): Promise<ChangesDto> {
    return this.transactions.run(async (manager) => {
      const { head, prunedThrough } = await this.activity.bounds(manager);
      if (query.since < Number(prunedThrough)) {
        throw new GoneException({
          message:
            'Records after that seq have been pruned: list the tasks again, then resume from resumeSince',
          resumeSince: Number(head ?? prunedThrough),
        });
      }
      // A seq the service never gave: a client that stored the answer's nextSince would skip every change to come.
      const newest = Math.max(Number(head ?? 0), Number(prunedThrough));
      if (query.since > newest) {
        throw new RequestValidationException(
          [{ field: 'since', message: `since is beyond the newest record (${newest})` }],
          HttpStatus.BAD_REQUEST,
        );
      }
      const rows = await this.access.visibleActivity(manager, principal.userId, query.since, query.limit + 1);
      const items = rows.slice(0, query.limit).map(mapActivity);
      const hasMore = rows.length > query.limit;
      const nextSince = hasMore ? items[items.length - 1].seq : Math.max(query.since, Number(head ?? 0));
      return { items, nextSince, hasMore };
    }, 'REPEATABLE READ');
  }

  /** One page of records, newest first, below the cursor's seq. */
  private async newestFirst(
    context: object,
    query: PageQuery,
    read: (before: string, limit: number) => Promise<ActivityRow[]>,
  ): Promise<Page<ActivityDto>> {
    const before = query.cursor
      ? String(this.cursors.decode(query.cursor, context, ['bigint'])[0])
      : NEWEST_SEQ;
    const rows = await read(before, query.limit + 1);
    return toPage(rows, query.limit, mapActivity, (row) => this.cursors.encode([row.seq], context));
  }
}
