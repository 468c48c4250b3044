import { ApiProperty } from '@nestjs/swagger';
import { GithubRepoDto } from '../../github/dto/github-repo.dto';
import { Recurrence } from '../scheduling/recurrence';
import { Reminder, reminderInstant } from '../scheduling/reminders';
import { createHash } from 'node:crypto';
import { RecurrenceDto, ReminderDto, TASK_STATUSES, TaskStatus } from './task-fields';

/** A label as a task answer shows it: what a board needs to draw it. */
export class TaskLabelDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '#d73a4a' }) color: string;
}

export class ReminderAnswerDto extends ReminderDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When it falls for the current due date (null: a relative reminder without a due date)',
  })
  remindAt: string | null;
}

export class SubtaskCountsDto {
  @ApiProperty() total: number;
  @ApiProperty() completed: number;
}

export class TaskDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ enum: TASK_STATUSES }) status: TaskStatus;
  @ApiProperty() completed: boolean;
  @ApiProperty() priority: number;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-31' }) dueDate: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) assigneeId: string | null;
  @ApiProperty({ format: 'uuid' }) createdById: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ nullable: true, type: String }) completedAt: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: GithubRepoDto, description: 'The linked GitHub repository' })
  githubRepo: GithubRepoDto | null;
  @ApiProperty({ description: 'Comments on the task, deleted ones not counted' }) commentCount: number;
  @ApiProperty() attachmentCount: number;
  @ApiProperty({ type: RecurrenceDto, nullable: true }) recurrence: Recurrence | null;
  @ApiProperty({
    type: String,
    isArray: true,
    example: ['2027-01-29', '2027-02-26'],
    description: 'The next five dates after dueDate, for a recurring task; empty otherwise',
  })
  nextOccurrences: string[];
  @ApiProperty({ example: 'Europe/Berlin' }) timezone: string;
  @ApiProperty({ type: ReminderAnswerDto, isArray: true }) reminders: ReminderAnswerDto[];
  @ApiProperty({ type: TaskLabelDto, isArray: true, description: 'By name' }) labels: TaskLabelDto[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) parentId: string | null;
  @ApiProperty({ type: SubtaskCountsDto, description: 'Its live direct subtasks' })
  subtaskCounts: SubtaskCountsDto;
  @ApiProperty({ description: 'An open task blocks it' }) blocked: boolean;
  @ApiProperty({
    example: 'a0V',
    description:
      "Its place in the project's manual order: opaque, compare as bytes (sort=position lists by it)",
  })
  position: string;
}

/**
 * What a task answer shows that changes without a new task version (comment, attachment and subtask counts, its
 * labels as named now, its position after a respacing), digested: part of its ETag, so a 304 never hides them.
 */
export const taskRevision = (task: TaskDto) =>
  createHash('sha1')
    .update(
      JSON.stringify([
        task.commentCount,
        task.attachmentCount,
        task.subtaskCounts,
        task.labels,
        task.blocked,
        task.position,
      ]),
    )
    .digest('hex')
    .slice(0, 8);

export class TaskPageDto {
  @ApiProperty({ type: TaskDto, isArray: true }) items: TaskDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export interface TaskRow {
  id: string;
  project_id: string;
  title: string;
  description: string | null;
  status: TaskStatus;
  priority: number;
  due_date: string | null;
  assignee_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
  version: number;
  github_repo: GithubRepoDto | null;
  comment_count: number;
  attachment_count: number;
  recurrence: Recurrence | null;
  recurrence_done: number;
  next_occurrences: string[];
  timezone: string;
  reminders: Reminder[];
  labels: TaskLabelDto[];
  parent_id: string | null;
  subtask_counts: SubtaskCountsDto;
  blocked: boolean;
  position: string;
}

export function mapTask(row: TaskRow): TaskDto {
  return {
    id: row.id,
    projectId: row.project_id,
    title: row.title,
    description: row.description,
    status: row.status,
    completed: row.status === 'completed',
    priority: row.priority,
    dueDate: row.due_date,
    assigneeId: row.assignee_id,
    createdById: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
    version: row.version,
    githubRepo: row.github_repo,
    commentCount: row.comment_count,
    attachmentCount: row.attachment_count,
    recurrence: row.recurrence,
    nextOccurrences: row.next_occurrences,
    timezone: row.timezone,
    reminders: row.reminders.map((reminder) => ({
      ...reminder,
      remindAt: reminderInstant(reminder, row.due_date, row.timezone)?.toISOString() ?? null,
    })),
    labels: row.labels,
    parentId: row.parent_id,
    subtaskCounts: row.subtask_counts,
    blocked: row.blocked,
    position: row.position,
  };
}
