import { ApiProperty } from '@nestjs/swagger';
import { GithubRepoDto } from '../../github/dto/github-repo.dto';
import { Recurrence } from '../scheduling/recurrence';
import { createHash } from 'node:crypto';
import type { TaskFieldValues } from '../../workflow/custom-fields';
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
  @ApiProperty({ format: 'uuid', description: "The project's workflow state it is in" }) stateId: string;
  @ApiProperty({ enum: TASK_STATUSES, description: "Follows the state's category" }) status: TaskStatus;
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
    type: 'object',
    additionalProperties: true,
    example: { '0b5f3a5e-2f7c-4a4e-9d55-2b7f7d6a1c10': 3 },
    description: "Its values of the project's custom fields, by field id; a field without a value is absent",
  })
  fields: TaskFieldValues;
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
