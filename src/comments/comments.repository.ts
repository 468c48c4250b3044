import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CursorCodec } from '../common/cursor';
import { isoTimestamp } from '../database/iso-timestamp';
import { TaskThreadRepository } from '../tasks/task-thread.repository';
import { queryRows } from '../database/query-rows';
import { CommentRow, mapComment, ThreadCommentDto } from './dto/comment.dto';

const COMMENT_COLUMNS = `c.id, c.task_id, c.author_id, c.body, c.mentions, c.version,
  ${isoTimestamp('c.created_at')} AS created_at, ${isoTimestamp('c.updated_at')} AS updated_at,
  ${isoTimestamp('c.edited_at')} AS edited_at, ${isoTimestamp('c.deleted_at')} AS deleted_at`;

@Injectable()
export class CommentsRepository extends TaskThreadRepository<CommentRow, ThreadCommentDto> {
  constructor(dataSource: DataSource, cursors: CursorCodec) {
    super(
      dataSource,
      cursors,
      { list: 'comments', from: 'comments c', alias: 'c', columns: COMMENT_COLUMNS },
      mapComment,
    );
  }

  async read(id: string, manager: EntityManager = this.dataSource.manager): Promise<CommentRow | undefined> {
    const [row] = await manager.query<CommentRow[]>(
      `SELECT ${COMMENT_COLUMNS} FROM comments c WHERE c.id = $1`,
      [id],
    );
    return row;
  }

  async insert(
    manager: EntityManager,
    comment: { taskId: string; authorId: string; body: string; mentions: string[] },
  ): Promise<CommentRow> {
    const [row] = await manager.query<CommentRow[]>(
      `INSERT INTO comments AS c (task_id, author_id, body, mentions) VALUES ($1, $2, $3, $4)
       RETURNING ${COMMENT_COLUMNS}`,
      [comment.taskId, comment.authorId, comment.body, comment.mentions],
    );
    return row;
  }

  /** A new body for a live comment; undefined when it is not at the expected version. */
  async update(
    manager: EntityManager,
    id: string,
    change: { body: string; mentions: string[] },
    expected: number | undefined,
  ): Promise<CommentRow | undefined> {
    const [row] = await queryRows<CommentRow>(
      manager,
      `UPDATE comments c SET body = $2, mentions = $3, version = c.version + 1, updated_at = now(), edited_at = now()
        WHERE c.id = $1 AND c.deleted_at IS NULL AND ($4::integer IS NULL OR c.version = $4)
        RETURNING ${COMMENT_COLUMNS}`,
      [id, change.body, change.mentions, expected ?? null],
    );
    return row;
  }

  /** Clears a live comment's body and keeps its place; undefined when it is not at the expected version. */
  async tombstone(
    manager: EntityManager,
    id: string,
    expected: number | undefined,
  ): Promise<CommentRow | undefined> {
    const [row] = await queryRows<CommentRow>(
      manager,
      `UPDATE comments c SET body = NULL, mentions = '{}', version = c.version + 1, updated_at = now(),
              deleted_at = now()
        WHERE c.id = $1 AND c.deleted_at IS NULL AND ($2::integer IS NULL OR c.version = $2)
        RETURNING ${COMMENT_COLUMNS}`,
      [id, expected ?? null],
    );
    return row;
  }
}
