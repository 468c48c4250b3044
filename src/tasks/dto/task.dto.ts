import { ApiProperty } from '@nestjs/swagger';
import type { DataSource, EntityManager } from 'typeorm';
import { isoTimestamp } from '../../database/iso-timestamp';
import { GithubRepoDto, githubRepoJson } from '../../github/dto/github-repo.dto';
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
  @ApiProperty({ nullable: true, type: GithubRepoDto, description: 'The linked GitHub repository' })
  githubRepo: GithubRepoDto | null;
}

export class TaskPageDto {
  @ApiProperty({ type: TaskDto, isArray: true }) items: TaskDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** The columns every task read selects, as the mapper expects them. */
export const TASK_COLUMNS = `t.id, t.project_id, t.title, t.description, t.status, t.priority,
  to_char(t.due_date, 'YYYY-MM-DD') AS due_date, t.assignee_id, t.created_by,
  ${isoTimestamp('t.created_at')} AS created_at, ${isoTimestamp('t.updated_at')} AS updated_at,
  ${isoTimestamp('t.completed_at')} AS completed_at, t.version,
  CASE WHEN t.github_repo IS NOT NULL THEN
    (SELECT ${githubRepoJson('g')} FROM github_repositories g WHERE g.key = t.github_repo) END AS github_repo`;

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
  };
}

/** One task as REST returns it, deleted or not; undefined when there is no such row. */
export async function readTask(db: DataSource | EntityManager, id: string): Promise<TaskDto | undefined> {
  const [row] = await db.query<TaskRow[]>(`SELECT ${TASK_COLUMNS} FROM tasks t WHERE t.id = $1`, [id]);
  return row && mapTask(row);
}

/** The cache key (lower-cased owner/name) of the repository a task links, or null; deleted tasks included. */
export async function linkedRepoKey(db: DataSource | EntityManager, id: string): Promise<string | null> {
  const [row] = await db.query<{ key: string | null }[]>(
    `SELECT github_repo AS key FROM tasks WHERE id = $1`,
    [id],
  );
  return row?.key ?? null;
}
