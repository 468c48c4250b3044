import { ApiPropertyOptional } from '@nestjs/swagger';
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

  @ApiPropertyOptional({
    enum: SORTS,
    description: '- for descending; ties break by id. Default: relevance with search, else -priority',
  })
  @IsOptional()
  @IsIn(SORTS)
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
