import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isoTimestamp } from '../database/iso-timestamp';
import type { TaskDto } from '../tasks/dto/task.dto';
import { answerOf, recordOf, TaskRow } from '../tasks/task-record';
import { TASK_COLUMNS } from '../tasks/tasks.repository';
import { FIELD_COLUMNS, STATE_COLUMNS } from '../workflow/workflow.repository';
import type {
  ExportedAttachment,
  ExportedComment,
  ExportedLabel,
  ExportedMember,
  ExportedProject,
  ExportedRelation,
  ExportedTask,
} from './dto/export.dto';
import type { FieldDto } from '../fields/dto/field.dto';
import type { StateDto } from '../states/dto/state.dto';

/** What one project holds, read in parts so an export of any size is streamed in pages. */
@Injectable()
export class ExportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async project(projectId: string): Promise<ExportedProject> {
    const [project] = await this.dataSource.query<ExportedProject[]>(
      `SELECT p.id, p.name, p.description, ${isoTimestamp('p.created_at')} AS "createdAt"
         FROM projects p WHERE p.id = $1`,
      [projectId],
    );
    return project;
  }

  states(projectId: string): Promise<StateDto[]> {
    return this.dataSource.query<StateDto[]>(
      `SELECT ${STATE_COLUMNS}, s.version FROM workflow_states s WHERE s.project_id = $1 ORDER BY s.position, s.id`,
      [projectId],
    );
  }

  fields(projectId: string): Promise<FieldDto[]> {
    return this.dataSource.query<FieldDto[]>(
      `SELECT ${FIELD_COLUMNS}, f.version FROM custom_fields f WHERE f.project_id = $1 ORDER BY f.position, f.id`,
      [projectId],
    );
  }

  labels(projectId: string): Promise<ExportedLabel[]> {
    return this.dataSource.query<ExportedLabel[]>(
      `SELECT l.id, l.name, l.color FROM labels l WHERE l.project_id = $1 ORDER BY lower(l.name), l.id`,
      [projectId],
    );
  }

  /** The members by username and name, never their email: an export leaves the project with its admins. */
  members(projectId: string): Promise<ExportedMember[]> {
    return this.dataSource.query<ExportedMember[]>(
      `SELECT u.id AS "userId", u.username, u.display_name AS "displayName", m.role
         FROM project_members m JOIN users u ON u.id = m.user_id
        WHERE m.project_id = $1 ORDER BY u.username, u.id`,
      [projectId],
    );
  }

  /**
   * The next `limit` tasks of the project after `afterId`, live and trashed, in id order: an order no write changes,
   * so a page boundary never loses or repeats a task that moves while the export runs. Each task comes with its
   * outgoing relations, live comments and attachments' metadata.
   */
  async tasksAfter(projectId: string, afterId: string | null, limit: number): Promise<ExportedTask[]> {
    const rows = await this.dataSource.query<(TaskRow & { deletedAt: string | null })[]>(
      `SELECT ${TASK_COLUMNS}, ${isoTimestamp('t.deleted_at')} AS "deletedAt"
         FROM tasks t
        WHERE t.project_id = $1 AND ($2::uuid IS NULL OR t.id > $2::uuid)
        ORDER BY t.id LIMIT $3`,
      [projectId, afterId, limit],
    );
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const [relations, comments, attachments] = await Promise.all([
      this.dataSource.query<(ExportedRelation & { sourceId: string })[]>(
        // Only relations within the project: one to another project's task would name a task the person exporting
        // may not be able to read, and an import could not rebuild it anyway.
        `SELECT r.source_id AS "sourceId", r.kind, r.target_id AS "taskId" FROM task_relations r
           JOIN tasks target ON target.id = r.target_id AND target.project_id = $2
          WHERE r.source_id = ANY ($1::uuid[]) ORDER BY r.created_at, r.id`,
        [ids, projectId],
      ),
      this.dataSource.query<(ExportedComment & { taskId: string })[]>(
        `SELECT c.task_id AS "taskId", c.id, c.author_id AS "authorId", c.body,
                ${isoTimestamp('c.created_at')} AS "createdAt", ${isoTimestamp('c.edited_at')} AS "editedAt"
           FROM comments c WHERE c.task_id = ANY ($1::uuid[]) AND c.deleted_at IS NULL
          ORDER BY c.created_at, c.id`,
        [ids],
      ),
      this.dataSource.query<(ExportedAttachment & { taskId: string })[]>(
        `SELECT a.task_id AS "taskId", a.id, a.filename, a.content_type AS "contentType", a.size::float8 AS size,
                a.sha256, a.created_by AS "createdById", ${isoTimestamp('a.created_at')} AS "createdAt"
           FROM attachments a WHERE a.task_id = ANY ($1::uuid[]) ORDER BY a.created_at, a.id`,
        [ids],
      ),
    ]);
    const relationsOf = byTask(relations, (relation) => relation.sourceId);
    const commentsOf = byTask(comments, (comment) => comment.taskId);
    const attachmentsOf = byTask(attachments, (attachment) => attachment.taskId);
    return rows.map((row) => {
      const task: TaskDto = answerOf(recordOf(row));
      return {
        ...task,
        deletedAt: row.deletedAt,
        relations: (relationsOf.get(row.id) ?? []).map(({ kind, taskId }) => ({ kind, taskId })),
        comments: (commentsOf.get(row.id) ?? []).map(({ taskId: _taskId, ...comment }) => comment),
        attachments: (attachmentsOf.get(row.id) ?? []).map(
          ({ taskId: _taskId, ...attachment }) => attachment,
        ),
      };
    });
  }
}

function byTask<T>(items: T[], taskIdOf: (item: T) => string): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const item of items) grouped.set(taskIdOf(item), [...(grouped.get(taskIdOf(item)) ?? []), item]);
  return grouped;
}
