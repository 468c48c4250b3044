import { ApiProperty } from '@nestjs/swagger';
import { TASK_STATUSES, TaskStatus } from './task-fields';

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
  @ApiProperty({ nullable: true, type: Object, description: 'GitHub repository enrichment (coming)' })
  githubRepo: null;
}

export class TaskPageDto {
  @ApiProperty({ type: TaskDto, isArray: true }) items: TaskDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** The columns every task read selects, as the mapper expects them. */
export const TASK_COLUMNS = `t.id, t.project_id, t.title, t.description, t.status, t.priority,
  to_char(t.due_date, 'YYYY-MM-DD') AS due_date, t.assignee_id, t.created_by, t.created_at, t.updated_at,
  t.completed_at, t.version`;

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
  created_at: Date;
  updated_at: Date;
  completed_at: Date | null;
  version: number;
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
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
    version: row.version,
    githubRepo: null,
  };
}
