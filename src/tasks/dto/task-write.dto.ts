import { PartialType } from '@nestjs/swagger';
import { RecurrenceDto, ReminderDto, TaskField, TaskStatus } from './task-fields';
import { NULL_IS_A_VALUE } from '../../common/omittable';

/** POST /projects/{projectId}/tasks */
export class CreateTaskDto {
  @TaskField.title(true) title: string;
  @TaskField.description() description?: string | null;
  @TaskField.stateId() stateId?: string;
  @TaskField.status() status?: TaskStatus;
  @TaskField.completed() completed?: boolean;
  @TaskField.priority() priority?: number;
  @TaskField.dueDate() dueDate?: string | null;
  @TaskField.assigneeId() assigneeId?: string | null;
  @TaskField.githubRepo() githubRepo?: string | null;
  @TaskField.recurrence() recurrence?: RecurrenceDto | null;
  @TaskField.timezone() timezone?: string;
  @TaskField.reminders() reminders?: ReminderDto[];
  @TaskField.labelIds("Labels of the task's project; the task has exactly these") labelIds?: string[];
  @TaskField.parentId() parentId?: string | null;
  @TaskField.fields() fields?: Record<string, unknown>;
}

/** POST /tasks: a project, or the caller's Inbox. */
export class CreateTaskAnywhereDto extends CreateTaskDto {
  @TaskField.projectId(
    'Omit for your Inbox on create; on update, moves the task (rights needed in both projects)',
  )
  projectId?: string;
}

/** PUT /tasks/{id}: every writable field; what is not sent takes its default. */
export class ReplaceTaskDto extends CreateTaskAnywhereDto {
  @TaskField.version() version?: number;
}

/** PATCH /tasks/{id}: the same fields, each optional; only what is sent changes. */
export class UpdateTaskDto extends PartialType(ReplaceTaskDto, NULL_IS_A_VALUE) {
  @TaskField.labelIds('Labels to add, keeping the others') addLabelIds?: string[];
  @TaskField.labelIds('Labels to take off') removeLabelIds?: string[];
}
