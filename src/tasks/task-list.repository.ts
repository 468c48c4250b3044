import { Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { CursorCodec, CursorKeyType } from '../common/cursor';
import { Page, toPage } from '../common/page';
import { escapeLike } from '../database/like';
import {
  readableProjectCondition,
  sharedTaskIds,
  visibleProjectIds,
  visibleSetQuery,
  visibleTaskConditionIn,
} from '../projects/project-access.repository';
import type { ListTasksQuery, TaskSortKey } from './dto/list-tasks.query';
import type { TaskDto } from './dto/task.dto';
import { answerOf, recordOf, TaskRow } from './task-record';
import { IS_BLOCKED, TASK_COLUMNS } from './tasks.repository';
import { fieldConditionsOf, FieldCondition, fieldIdsOf, fieldSortOf } from './field-filters';
import type { CustomField } from '../workflow/custom-fields';
import { FIELD_COLUMNS } from '../workflow/workflow.repository';

/** Where a list is taken from: one project's live tasks or its trash, or every task the viewer can see. */
export type TaskListScope =
  { kind: 'project'; projectId: string; trash: boolean } | { kind: 'visible'; projectId?: string };

interface SortSpec {
  /** The key as the index has it (see the tasks migration). */
  expression: string;
  /** How a key read back from a cursor is compared. */
  type: CursorKeyType;
  nullable: boolean;
  /**
   * For a key the server may rewrite wholesale (positions, when a project is respaced): the row's generation of
   * it. A cursor from an older generation seeks from where its last task is now, so no page loses or repeats one.
   */
  generation?: string;
  /** A custom field's key: its value joined in as `sf`, walked in order through that field's index. */
  fieldId?: string;
}

/** The text query a `search` makes, as the `:searchQuery` parameter holds it. */
const SEARCH_QUERY = `to_tsquery('english', :searchQuery)`;

const SORT_SPECS: Record<TaskSortKey | 'relevance', SortSpec> = {
  priority: { expression: 't.priority', type: 'integer', nullable: false },
  dueDate: { expression: 't.due_date', type: 'date', nullable: true },
  status: { expression: 't.status_rank', type: 'smallint', nullable: false },
  createdAt: { expression: 't.created_at', type: 'timestamptz', nullable: false },
  updatedAt: { expression: 't.updated_at', type: 'timestamptz', nullable: false },
  title: { expression: 'lower(t.title)', type: 'text', nullable: false },
  position: { expression: 't.position', type: 'text', nullable: false, generation: 't.position_generation' },
  // Matched only through a comment: 0, after every task whose own text matched.
  relevance: { expression: `ts_rank(t.search_vector, ${SEARCH_QUERY})`, type: 'real', nullable: false },
};

type ListedRow = TaskRow & { sort_key: string | null; sort_generation?: number };

/** How a page is ordered: by `key` then id, or (the tasks without a due date) by id alone. */
interface PageOrder {
  key?: string;
  direction: 'ASC' | 'DESC';
}

/** Every task list: keyset-paged, scoped by the access policy's visibility rule. */
@Injectable()
export class TaskListRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cursors: CursorCodec,
  ) {}

  /**
   * One keyset-paged task list. Every key and the id run the same direction, so the seek `(key, id) > (k, id)` is an
   * index condition and a deep page costs what the first does. Due dates page their non-null part first, then the
   * tasks without one (last in either direction), each part with its own seek.
   */
  async list(scope: TaskListScope, viewerId: string, query: ListTasksQuery): Promise<Page<TaskDto>> {
    const sort = query.sort ?? (query.search ? 'relevance' : '-priority');
    // Relevance is best first only.
    const descending = sort.startsWith('-') || sort === 'relevance';
    const fields = await this.fieldsNamed(scope, viewerId, query);
    const byField = fieldSortOf(query, fields);
    const spec: SortSpec = byField
      ? { expression: `sf.${byField.column}`, type: byField.type, nullable: true, fieldId: byField.fieldId }
      : SORT_SPECS[sort.replace(/^-/, '') as TaskSortKey | 'relevance'];
    const conditions = fieldConditionsOf(query, fields, viewerId);
    const direction = descending ? 'DESC' : 'ASC';
    const seek = descending ? '<' : '>';
    const { cursor: _cursor, limit: _limit, ...filters } = query;
    // The sort as applied, defaults included: a cursor is for that order, however it was asked for.
    const context = { scope, ...filters, sort };
    const after = query.cursor
      ? this.cursors.decode(query.cursor, context, [
          spec.nullable ? { type: spec.type, nullable: true } : spec.type,
          'uuid',
          ...(spec.generation ? (['integer'] as const) : []),
        ])
      : null;
    const inNullPart = spec.nullable && after !== null && after[0] === null;
    const rows: ListedRow[] = [];

    if (!inNullPart) {
      const valued = this.filtered(scope, viewerId, query, conditions, spec);
      if (spec.nullable) valued.andWhere(`${spec.expression} IS NOT NULL`);
      if (after) {
        const afterKey = spec.generation
          ? `COALESCE((SELECT ${spec.expression} FROM tasks t WHERE t.id = CAST(:afterId AS uuid)
                         AND ${spec.generation} <> CAST(:afterGeneration AS integer)), CAST(:afterKey AS ${spec.type}))`
          : `CAST(:afterKey AS ${spec.type})`;
        valued.andWhere(`(${spec.expression}, t.id) ${seek} (${afterKey}, CAST(:afterId AS uuid))`, {
          afterKey: after[0],
          afterId: after[1],
          afterGeneration: after[2],
        });
      }
      rows.push(
        ...(await this.page(
          valued,
          scope,
          viewerId,
          query,
          spec,
          { key: spec.expression, direction },
          query.limit + 1,
        )),
      );
    }
    if (spec.nullable && rows.length <= query.limit) {
      const unvalued = this.filtered(scope, viewerId, query, conditions, spec).andWhere(
        `${spec.expression} IS NULL`,
      );
      if (inNullPart) unvalued.andWhere(`t.id ${seek} CAST(:afterId AS uuid)`, { afterId: after[1] });
      rows.push(
        ...(await this.page(
          unvalued,
          scope,
          viewerId,
          query,
          spec,
          { direction },
          query.limit + 1 - rows.length,
        )),
      );
    }
    return toPage(
      rows,
      query.limit,
      (row) => answerOf(recordOf(row)),
      (row) =>
        this.cursors.encode(
          spec.generation ? [row.sort_key, row.id, row.sort_generation] : [row.sort_key, row.id],
          context,
        ),
    );
  }

  /**
   * Reads the first `limit` of `candidates` in `order`, with every column of the answer.
   *
   * A project's list walks its project's sort index. A list across projects would find every matching task of every
   * visible project and sort them all, which grows with the projects; instead it takes the first `limit` of each
   * project from that project's index (from the index alone when only its columns are filtered), merges them with
   * the shared tasks, keeps the first `limit`, and only then reads those rows. A filter with an index of its own (text,
   * assignee, parent, label) may find its rows faster than a walk through each project's order, so it keeps the
   * plain form, with the viewer's projects and shares read first and passed as constants: the planner weighs them
   * and picks that index, the project's order, or (for a viewer who sees much of the table, with a filter that many
   * tasks match) the table-wide priority order. Either way the page's ids come first: the per-row columns
   * (counts, labels, blockers) are computed for the page, never for every candidate.
   */
  private async page(
    candidates: SelectQueryBuilder<object>,
    scope: TaskListScope,
    viewerId: string,
    query: ListTasksQuery,
    spec: SortSpec,
    order: PageOrder,
    limit: number,
  ): Promise<ListedRow[]> {
    const ordered = (builder: SelectQueryBuilder<object>) =>
      (order.key
        ? builder.orderBy(order.key, order.direction).addOrderBy('t.id', order.direction)
        : builder.orderBy('t.id', order.direction)
      ).limit(limit);
    const columns =
      `${TASK_COLUMNS}, CAST(${spec.expression} AS text) AS sort_key` +
      (spec.generation ? `, ${spec.generation} AS sort_generation` : '');
    if (scope.kind === 'project') return ordered(candidates.select(columns)).getRawMany<ListedRow>();
    let pageIds: string;
    if (hasOwnIndex(query)) {
      const [visible] = await this.dataSource.query<{ project_ids: string[]; task_ids: string[] }[]>(
        visibleSetQuery('$1'),
        [viewerId],
      );
      candidates.setParameters({ visibleProjectIds: visible.project_ids, sharedTaskIds: visible.task_ids });
      pageIds = ordered(
        candidates
          .clone()
          .select('t.id')
          .andWhere(visibleTaskConditionIn(':visibleProjectIds', ':sharedTaskIds')),
      ).getQuery();
    } else {
      pageIds = this.mergedPageIds(candidates, order, ordered, limit);
    }
    return ordered(
      withSortField(
        this.dataSource
          .createQueryBuilder()
          .select(columns)
          .from('tasks', 't')
          .where(`t.id = ANY (ARRAY(${pageIds}))`)
          .setParameters(candidates.getParameters()),
        spec,
      ),
    ).getRawMany<ListedRow>();
  }

  /** The first `limit` ids of `candidates`: the first of each visible project, merged with the shared tasks. */
  private mergedPageIds(
    candidates: SelectQueryBuilder<object>,
    order: PageOrder,
    ordered: (builder: SelectQueryBuilder<object>) => SelectQueryBuilder<object>,
    limit: number,
  ): string {
    const keys = (builder: SelectQueryBuilder<object>) =>
      builder.select(order.key ? `t.id AS id, ${order.key} AS page_key` : 't.id AS id');
    const fromEachProject = ordered(keys(candidates.clone()).andWhere('t.project_id = vp.project_id'));
    // A task shared with a member of its project is already among its project's.
    const shared = keys(candidates.clone()).andWhere(
      `t.id = ANY (${sharedTaskIds(':viewerId')}) AND NOT t.project_id = ANY (${visibleProjectIds(':viewerId')})`,
    );
    const pageOrder = (order.key ? ['page_key', 'id'] : ['id'])
      .map((key) => `${key} ${order.direction}`)
      .join(', ');
    return `SELECT page.id FROM (
        SELECT c.* FROM unnest(${visibleProjectIds(':viewerId')}) AS vp (project_id)
          CROSS JOIN LATERAL (${fromEachProject.getQuery()}) c
        UNION ALL ${shared.getQuery()}
        ORDER BY ${pageOrder} LIMIT ${limit}) page`;
  }

  /**
   * The custom fields a query names that the list may use: the listed project's, or (across projects) those of a
   * project the viewer reads, by id.
   */
  private async fieldsNamed(
    scope: TaskListScope,
    viewerId: string,
    query: ListTasksQuery,
  ): Promise<Map<string, CustomField>> {
    const ids = fieldIdsOf(query);
    if (ids.length === 0) return new Map();
    const projectId = scope.projectId;
    const fields = await this.dataSource
      .createQueryBuilder()
      .select(FIELD_COLUMNS)
      .from('custom_fields', 'f')
      .where('f.id IN (:...ids)', { ids })
      .andWhere(
        projectId ? 'f.project_id = :projectId' : `f.project_id = ANY (${visibleProjectIds(':viewerId')})`,
        {
          projectId,
          viewerId,
        },
      )
      .getRawMany<CustomField>();
    return new Map(fields.map((field) => [field.id, field]));
  }

  /** The live (or trashed) tasks of `scope` that match the query's filters; visibility across projects is `page`'s. */
  private filtered(
    scope: TaskListScope,
    viewerId: string,
    query: ListTasksQuery,
    conditions: FieldCondition[],
    spec: SortSpec,
  ): SelectQueryBuilder<object> {
    const trash = scope.kind === 'project' && scope.trash;
    const builder = withSortField(this.dataSource.createQueryBuilder().from('tasks', 't'), spec)
      .where(trash ? 't.deleted_at IS NOT NULL' : 't.deleted_at IS NULL')
      .setParameters({ viewerId });
    conditions.forEach((condition, index) => {
      const values = `fieldValues${index}`;
      const matches = `EXISTS (SELECT 1 FROM task_field_values fv WHERE fv.task_id = t.id
                          AND fv.field_id = :fieldId${index} AND fv.${condition.column} ${FIELD_COMPARISONS[condition.op](values, condition.column)})`;
      builder.andWhere(condition.op === 'none' ? `NOT ${matches}` : matches, {
        [`fieldId${index}`]: condition.fieldId,
        [values]: condition.values,
      });
    });
    if (scope.kind === 'project') {
      builder.andWhere('t.project_id = :projectId', { projectId: scope.projectId });
      // The trash is checked by role before the list (owners and admins); a live list folds the read check in.
      if (!scope.trash) builder.andWhere(readableProjectCondition(':projectId', ':viewerId'));
    } else if (scope.projectId) {
      builder.andWhere('t.project_id = :projectId', { projectId: scope.projectId });
    }
    if (query.status?.length) builder.andWhere('t.status IN (:...statuses)', { statuses: query.status });
    if (query.stateId) {
      builder.andWhere('t.state_id IN (:...stateIds)', { stateIds: query.stateId.toLowerCase().split(',') });
    }
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
      builder.andWhere(conditions[query.due]);
    }
    if (query.dueFrom) builder.andWhere('t.due_date >= CAST(:dueFrom AS date)', { dueFrom: query.dueFrom });
    if (query.dueTo) builder.andWhere('t.due_date <= CAST(:dueTo AS date)', { dueTo: query.dueTo });
    if (query.blocked !== undefined) builder.andWhere(query.blocked ? IS_BLOCKED : `NOT ${IS_BLOCKED}`);
    if (query.parentId === 'none') builder.andWhere('t.parent_id IS NULL');
    else if (query.parentId)
      builder.andWhere('t.parent_id = :parentId', { parentId: query.parentId.toLowerCase() });
    if (query.label === 'none') {
      builder.andWhere('NOT EXISTS (SELECT 1 FROM task_labels tl WHERE tl.task_id = t.id)');
    } else if (query.label) {
      builder.andWhere(
        'EXISTS (SELECT 1 FROM task_labels tl WHERE tl.task_id = t.id AND tl.label_id IN (:...labelIds))',
        { labelIds: query.label.toLowerCase().split(',') },
      );
    }
    if (query.assigneeId === 'none') builder.andWhere('t.assignee_id IS NULL');
    else if (query.assigneeId) {
      builder.andWhere('t.assignee_id = :assigneeId', {
        assigneeId: query.assigneeId === 'me' ? viewerId : query.assigneeId,
      });
    }
    if (query.q) {
      builder.andWhere('(t.title ILIKE :substring OR t.description ILIKE :substring)', {
        substring: `%${escapeLike(query.q)}%`,
      });
    }
    if (query.search) {
      // The comments' matches are read first, as an array, so the planner can OR two index scans on tasks.
      builder.andWhere(
        `(t.search_vector @@ ${SEARCH_QUERY} OR t.id = ANY (ARRAY(
            SELECT c.task_id FROM comments c
             WHERE c.deleted_at IS NULL AND to_tsvector('english', c.body) @@ ${SEARCH_QUERY})))`,
        { searchQuery: searchQueryText(query.search) },
      );
    }
    if (query.updatedSince) {
      builder.andWhere('t.updated_at >= CAST(:updatedSince AS timestamptz)', {
        updatedSince: query.updatedSince,
      });
    }
    return builder;
  }
}

const COLUMN_TYPES = { text_value: 'text', number_value: 'numeric', date_value: 'date' } as const;

/** How a condition compares a value column with its parameter (an array, for `any` and `none`). */
const FIELD_COMPARISONS: Record<
  FieldCondition['op'],
  (parameter: string, column: FieldCondition['column']) => string
> = {
  any: (parameter, column) => `= ANY (CAST(:${parameter} AS ${COLUMN_TYPES[column]}[]))`,
  none: (parameter, column) => `= ANY (CAST(:${parameter} AS ${COLUMN_TYPES[column]}[]))`,
  gte: (parameter, column) => `>= (CAST(:${parameter} AS ${COLUMN_TYPES[column]}[]))[1]`,
  lte: (parameter, column) => `<= (CAST(:${parameter} AS ${COLUMN_TYPES[column]}[]))[1]`,
};

/** Joins the sort's custom field as `sf`, when it sorts by one: one value per task, or none. */
function withSortField(builder: SelectQueryBuilder<object>, spec: SortSpec): SelectQueryBuilder<object> {
  return spec.fieldId
    ? builder.leftJoin('task_field_values', 'sf', 'sf.task_id = t.id AND sf.field_id = :sortFieldId', {
        sortFieldId: spec.fieldId,
      })
    : builder;
}

/** Whether the query filters by something with an index of its own, which finds its rows better than a sort does. */
function hasOwnIndex(query: ListTasksQuery): boolean {
  const some = (filter: string | undefined) => filter !== undefined && filter !== 'none';
  return Boolean(
    query.field ||
    query.q ||
    query.search ||
    query.stateId ||
    some(query.assigneeId) ||
    some(query.parentId) ||
    some(query.label),
  );
}

/**
 * A `search` as tsquery text: its words (letters and digits; anything else is a separator, never an operator), all
 * required, the last one as a prefix. Each word is quoted, so nothing in it can be read as syntax.
 *
 * The index holds stems ("billing" is `bill`), so a prefix typed past the stem (`billi`) matches no lexeme as a
 * prefix: the last word also matches, as a whole lexeme, itself cut by up to STEM_SUFFIX characters. The price is a
 * little slack at the end of the last word (`landinx` finds "landing", whose stem `land` it starts with).
 */
export function searchQueryText(search: string): string {
  const words = search.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words
    .map((word, index) => (index === words.length - 1 ? prefixTerm(word) : `'${word}'`))
    .join(' & ');
}

/** How many characters a stem may lack of a word's start typed so far ("landin" → `land`). */
const STEM_SUFFIX = 3;
/** Cuts shorter than this match too much to be worth it. */
const SHORTEST_CUT = 3;

function prefixTerm(word: string): string {
  const letters = [...word];
  const cuts: string[] = [];
  for (let cut = 1; cut <= STEM_SUFFIX && letters.length - cut >= SHORTEST_CUT; cut++) {
    cuts.push(`'${letters.slice(0, letters.length - cut).join('')}'`);
  }
  return cuts.length === 0 ? `'${word}':*` : `('${word}':* | ${cuts.join(' | ')})`;
}
