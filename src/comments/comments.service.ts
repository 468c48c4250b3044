import { ActivityRecorder } from '../events/activity-recorder';
import { Injectable, PreconditionFailedException } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import type { Page, PageQuery } from '../common/page';
import { Transactions } from '../database/transactions';
import type { EntityManager } from 'typeorm';
import { ActivityEvent, changedFields, FieldChanges } from '../events/activity-events';
import { redactCommentText } from '../events/activity-log.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { ProjectAccessPolicy } from '../projects/project-access.policy';
import { CommentsRepository } from './comments.repository';
import {
  CommentDto,
  CommentRow,
  liveComment,
  mapComment,
  ThreadCommentDto,
  UpdateCommentDto,
  WriteCommentDto,
} from './dto/comment.dto';

const STALE = 'The comment has changed since that version';

@Injectable()
export class CommentsService {
  constructor(
    private readonly recorder: ActivityRecorder,
    private readonly transactions: Transactions,
    private readonly access: ProjectAccessPolicy,
    private readonly comments: CommentsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  /** Writers of the task comment; the readers it mentions are listed and told. */
  create(principal: Principal, taskId: string, dto: WriteCommentDto): Promise<CommentDto> {
    return this.transactions.run(async (manager) => {
      const { projectId } = await this.access.requireTask(principal.userId, taskId, 'update', { manager });
      const mentions = await this.notifications.mentionedReaders(manager, taskId, dto.body);
      const row = await this.comments.insert(manager, {
        taskId,
        authorId: principal.userId,
        body: dto.body,
        mentions,
      });
      const comment = liveComment(row);
      await this.recordChange(manager, 'comment.created', principal, projectId, comment, {
        changes: changedFields(null, comment, ['body', 'mentions']),
      });
      return comment;
    });
  }

  async get(principal: Principal, id: string): Promise<CommentDto> {
    await this.access.requireTaskItem(principal.userId, 'comment', id, 'read');
    return liveComment((await this.comments.read(id))!);
  }

  async list(principal: Principal, taskId: string, query: PageQuery): Promise<Page<ThreadCommentDto>> {
    await this.access.requireTask(principal.userId, taskId, 'read');
    return this.comments.list(taskId, query);
  }

  /** The author edits; readers newly mentioned are told, those mentioned before are not told again. */
  update(principal: Principal, id: string, dto: UpdateCommentDto, expected?: number): Promise<CommentDto> {
    return this.transactions.run(async (manager) => {
      const { projectId, taskId } = await this.access.requireTaskItem(
        principal.userId,
        'comment',
        id,
        'edit',
        {
          manager,
          lock: true,
        },
      );
      const before = liveComment((await this.comments.read(id, manager))!);
      if (before.body === dto.body) {
        // Sending the same text is not an edit: no new version, no record.
        if (expected !== undefined && expected !== before.version)
          throw new PreconditionFailedException(STALE);
        return before;
      }
      const mentions = await this.notifications.mentionedReaders(manager, taskId, dto.body);
      const after = await this.comments.update(manager, id, { body: dto.body, mentions }, expected);
      if (!after) throw new PreconditionFailedException(STALE);
      const comment = liveComment(after);
      await this.recordChange(manager, 'comment.updated', principal, projectId, comment, {
        changes: changedFields(before, comment, ['body', 'mentions']),
      });
      return comment;
    });
  }

  /** The author, or the project's owners and admins; the comment stays as a tombstone. */
  async remove(principal: Principal, id: string, expected: number | undefined): Promise<void> {
    await this.transactions.run(async (manager) => {
      const { projectId } = await this.access.requireTaskItem(principal.userId, 'comment', id, 'delete', {
        manager,
        lock: true,
      });
      const row: CommentRow | undefined = await this.comments.tombstone(manager, id, expected);
      if (!row) throw new PreconditionFailedException(STALE);
      await redactCommentText(manager, row.task_id, id);
      await this.recordChange(manager, 'comment.deleted', principal, projectId, mapComment(row), {
        changes: { deletedAt: { from: null, to: row.deleted_at } },
        version: row.version,
      });
    });
  }

  /** Records a change to a comment; the notifications it gives are written with it. */
  private recordChange(
    manager: EntityManager,
    event: Extract<ActivityEvent, `comment.${string}`>,
    principal: Principal,
    projectId: string,
    comment: ThreadCommentDto,
    record: { changes: FieldChanges; version?: number },
  ): Promise<void> {
    return this.recorder.record(manager, [
      {
        event,
        projectId,
        taskId: comment.taskId,
        actorId: principal.userId,
        changes: record.changes,
        version: record.version ?? ('version' in comment ? comment.version : undefined),
        resource: comment,
      },
    ]);
  }
}
