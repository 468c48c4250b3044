import { ApiHideProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Validate,
  ValidateBy,
} from 'class-validator';
import { PageQuery, toBoolean } from '../../common/page';
import { IsCalendarDate, TASK_STATUSES, TaskStatus } from './task-fields';

export const TASK_SORT_KEYS = [
  'priority',
  'dueDate',
  'status',
  'createdAt',
  'updatedAt',
  'title',
  'position',
] as const;
export type TaskSortKey = (typeof TASK_SORT_KEYS)[number];
/** `relevance` (best first) needs `search`, and is what a search sorts by unless told otherwise. */
const SORTS = [...TASK_SORT_KEYS.flatMap((key) => [key, `-${key}`]), 'relevance'];

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((part) => part.trim()) : value;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** A sort by a custom field: `field.<fieldId>`, `-` first for descending. */
export const FIELD_SORT = new RegExp(`^-?field\\.(${UUID})$`, 'i');
const SORT_PATTERN = new RegExp(`^(${SORTS.join('|')}|-?field\\.${UUID.replace(/a-f/g, 'a-fA-F')})$`);
const FIELD_FILTER_KEY = new RegExp(`^${UUID}(\\.(gte|lte))?$`, 'i');
/** The most custom-field conditions one list takes, and the longest value of one. */
export const MAX_FIELD_FILTERS = 10;
const MAX_FIELD_FILTER_LENGTH = 1000;

const isFieldFilters = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length <= MAX_FIELD_FILTERS &&
  Object.entries(value).every(
    ([key, item]) =>
      FIELD_FILTER_KEY.test(key) &&
      typeof item === 'string' &&
      item.length > 0 &&
      item.length <= MAX_FIELD_FILTER_LENGTH,
  );

export class ListTasksQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Comma list', example: 'pending,in_progress' })
  @IsOptional()
  @Transform(toList)
  @IsIn(TASK_STATUSES, { each: true })
  status?: TaskStatus[];

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  completed?: boolean;

  @ApiPropertyOptional({ description: 'Workflow state ids, comma-separated (tasks in any of them)' })
  @IsOptional()
  @Matches(new RegExp(`^${UUID}(,${UUID}){0,19}$`, 'i'), {
    message: 'stateId must be up to 20 state ids, comma-separated',
  })
  stateId?: string;

  @ApiPropertyOptional({
    enum: ['overdue', 'today', 'future', 'none'],
    description: "In the caller's timezone",
  })
  @IsOptional()
  @IsIn(['overdue', 'today', 'future', 'none'])
  due?: 'overdue' | 'today' | 'future' | 'none';

  @ApiPropertyOptional({ example: '2026-12-01' }) @IsOptional() @Validate(IsCalendarDate) dueFrom?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @IsOptional() @Validate(IsCalendarDate) dueTo?: string;

  @ApiPropertyOptional({ description: 'A user id, me, or none' })
  @IsOptional()
  @Matches(/^(me|none|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/, {
    message: 'assigneeId must be a user id, me or none',
  })
  assigneeId?: string;

  @ApiPropertyOptional({ description: 'Case-insensitive text in title or description' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({
    description:
      'Full text over title (weighted higher), description and comments: stemmed English words, every one must ' +
      'match, the last as a prefix; operators and punctuation are plain text. Sorts by relevance unless sort is given',
    example: 'launch webin',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(/[\p{L}\p{N}]/u, { message: 'search must contain a word' })
  search?: string;

  @ApiPropertyOptional({ example: '2026-11-24T10:00:00.000Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  updatedSince?: string;

  @ApiPropertyOptional({ description: 'Label ids, comma-separated (tasks with any of them), or none' })
  @IsOptional()
  @Matches(new RegExp(`^(none|${UUID}(,${UUID}){0,19})$`, 'i'), {
    message: 'label must be up to 20 label ids, comma-separated, or none',
  })
  label?: string;

  @ApiPropertyOptional({ description: 'Subtasks of this task, or none for top-level tasks' })
  @IsOptional()
  @Matches(new RegExp(`^(none|${UUID})$`, 'i'), { message: 'parentId must be a task id or none' })
  parentId?: string;

  @ApiPropertyOptional({ description: 'Only tasks an open task blocks (true), or none blocks (false)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  blocked?: boolean;

  /**
   * Custom-field conditions, from the query's `field.<fieldId>=<value>` and `field.<fieldId>.gte|lte=<value>`
   * parameters (grouped by the validation pipe); each field's type decides what its value means (field-filters.ts).
   */
  @ApiHideProperty()
  @IsOptional()
  @ValidateBy({
    name: 'fieldFilters',
    validator: {
      validate: isFieldFilters,
      defaultMessage: () =>
        `field takes at most ${MAX_FIELD_FILTERS} parameters field.<fieldId>=<value> or field.<fieldId>.gte|lte=<value>, ` +
        'each given once',
    },
  })
  field?: Record<string, string>;

  @ApiPropertyOptional({
    enum: [...SORTS, 'field.<fieldId>', '-field.<fieldId>'],
    description:
      '- for descending; ties break by id; field.<fieldId> sorts by a custom field (text, number, date, checkbox, ' +
      'select in option order, url), tasks without a value last. Default: relevance with search, else -priority. ' +
      'Filter by a custom field with field.<fieldId>=<value> (comma-separated option or member ids for select, ' +
      'multi_select and user; true or false for checkbox) and, for number and date fields, field.<fieldId>.gte and ' +
      `field.<fieldId>.lte; at most ${MAX_FIELD_FILTERS}, all of them must match`,
  })
  @IsOptional()
  @Matches(SORT_PATTERN, {
    message: `sort must be one of ${SORTS.join(', ')}, field.<fieldId> or -field.<fieldId>`,
  })
  @ValidateBy({
    name: 'relevanceNeedsSearch',
    validator: {
      validate: (value, args) =>
        value !== 'relevance' || (args?.object as ListTasksQuery).search !== undefined,
      defaultMessage: () => 'sort=relevance needs search',
    },
  })
  sort?: string;
}

export class ListProjectTasksQuery extends ListTasksQuery {
  @ApiPropertyOptional({ type: Boolean, description: 'The trash (owners and admins)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  deleted?: boolean;
}

export class ListAllTasksQuery extends ListTasksQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') projectId?: string;
}

/** `?force=true` on a write: complete a task even though open tasks block it. */
export class ForceQuery {
  @ApiPropertyOptional({
    description: 'Complete the task even though open tasks block it (recorded in its history)',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  force?: boolean;
}
