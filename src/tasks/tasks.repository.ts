import { Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { Page, toPage } from '../common/page';
import { escapeLike } from '../database/like';
import type { ListTasksQuery, TaskSortKey } from './dto/list-tasks.query';
import { mapTask, TASK_COLUMNS, TaskDto, TaskRow } from './dto/task.dto';

interface SortSpec {
  /** The key as the index has it (see the tasks migration). */
  expression: string;
  /** How a key read back from a cursor is compared. */
  type: string;
  nullable: boolean;
}

const SORT_SPECS: Record<TaskSortKey, SortSpec> = {
  priority: { expression: 't.priority', type: 'integer', nullable: false },
  dueDate: { expression: 't.due_date', type: 'date', nullable: true },
  status: { expression: 't.status_rank', type: 'smallint', nullable: false },
  createdAt: { expression: 't.created_at', type: 'timestamptz', nullable: false },
  updatedAt: { expression: 't.updated_at', type: 'timestamptz', nullable: false },
  title: { expression: 'lower(t.title)', type: 'text', nullable: false },
};

type ListedRow = TaskRow & { sort_key: string | null };

/** Where a list is taken from: one project (live or trash), or everything the caller can see. */
export interface TaskListScope {
  apply(query: SelectQueryBuilder<object>): SelectQueryBuilder<object>;
  /** Identifies the scope in cursors, so a cursor cannot be replayed against another list. */
  name: string;
  deleted: boolean;
}

@Injectable()
export class TasksRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One keyset-paged task list. Every key and the id run the same direction, so the seek `(key, id) > (k, id)` is an
   * index condition and a deep page costs what the first does. Due dates page their non-null part first, then the
   * tasks without one (last in either direction), each part with its own seek.
   */
  async list(scope: TaskListScope, viewerId: string, query: ListTasksQuery): Promise<Page<TaskDto>> {
    const descending = query.sort.startsWith('-');
    const spec = SORT_SPECS[query.sort.replace(/^-/, '') as TaskSortKey];
    const direction = descending ? 'DESC' : 'ASC';
    const seek = descending ? '<' : '>';
    const { cursor: _cursor, limit: _limit, ...filters } = query;
    const context = { scope: scope.name, ...filters };
    const after = query.cursor ? decodeCursor(query.cursor, context, 2) : null;
    const inNullPart = spec.nullable && after !== null && after[0] === null;
    const rows: ListedRow[] = [];

    if (!inNullPart) {
      const valued = this.filtered(scope, viewerId, query, spec);
      if (spec.nullable) valued.andWhere(`${spec.expression} IS NOT NULL`);
      if (after) {
        valued.andWhere(
          `(${spec.expression}, t.id) ${seek} (CAST(:afterKey AS ${spec.type}), CAST(:afterId AS uuid))`,
          {
            afterKey: after[0],
            afterId: after[1],
          },
        );
      }
      rows.push(
        ...(await valued
          .orderBy(spec.expression, direction)
          .addOrderBy('t.id', direction)
          .limit(query.limit + 1)
          .getRawMany<ListedRow>()),
      );
    }
    if (spec.nullable && rows.length <= query.limit) {
      const unvalued = this.filtered(scope, viewerId, query, spec).andWhere(`${spec.expression} IS NULL`);
      if (inNullPart) unvalued.andWhere(`t.id ${seek} CAST(:afterId AS uuid)`, { afterId: after[1] });
      rows.push(
        ...(await unvalued
          .orderBy('t.id', direction)
          .limit(query.limit + 1 - rows.length)
          .getRawMany<ListedRow>()),
      );
    }
    return toPage(rows, query.limit, mapTask, (row) => encodeCursor([row.sort_key, row.id], context));
  }

  private filtered(
    scope: TaskListScope,
    viewerId: string,
    query: ListTasksQuery,
    spec: SortSpec,
  ): SelectQueryBuilder<object> {
    const builder = this.dataSource
      .createQueryBuilder()
      .select(`${TASK_COLUMNS}, CAST(${spec.expression} AS text) AS sort_key`)
      .from('tasks', 't')
      .where(scope.deleted ? 't.deleted_at IS NOT NULL' : 't.deleted_at IS NULL');
    scope.apply(builder);
    if (query.status?.length) builder.andWhere('t.status IN (:...statuses)', { statuses: query.status });
    if (query.completed !== undefined) {
      builder.andWhere(query.completed ? `t.status = 'completed'` : `t.status <> 'completed'`);
    }
    if (query.due) {
      // "Today" is the caller's calendar day, in the timezone of their profile.
      const today = `(now() AT TIME ZONE (SELECT tz.timezone FROM users tz WHERE tz.id = :viewerId))::date`;
      const conditions = {
        overdue: `t.due_date < ${today} AND t.status <> 'completed'`,
        today: `t.due_date = ${today}`,
        future: `t.due_date > ${today}`,
        none: 't.due_date IS NULL',
      };
      builder.andWhere(conditions[query.due], { viewerId });
    }
    if (query.dueFrom) builder.andWhere('t.due_date >= CAST(:dueFrom AS date)', { dueFrom: query.dueFrom });
    if (query.dueTo) builder.andWhere('t.due_date <= CAST(:dueTo AS date)', { dueTo: query.dueTo });
    if (query.assigneeId === 'none') builder.andWhere('t.assignee_id IS NULL');
    else if (query.assigneeId) {
      builder.andWhere('t.assignee_id = :assigneeId', {
        assigneeId: query.assigneeId === 'me' ? viewerId : query.assigneeId,
      });
    }
    if (query.q) {
      builder.andWhere('(t.title ILIKE :search OR t.description ILIKE :search)', {
        search: `%${escapeLike(query.q)}%`,
      });
    }
    if (query.updatedSince) {
      builder.andWhere('t.updated_at >= CAST(:updatedSince AS timestamptz)', {
        updatedSince: query.updatedSince,
      });
    }
    return builder;
  }
}
