import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IsInt, IsString, Length, Matches, Min } from 'class-validator';
import { Omittable } from '../../common/omittable';

export const MAX_COMMENT_LENGTH = 10000;

export class WriteCommentDto {
  @ApiProperty({
    minLength: 1,
    maxLength: MAX_COMMENT_LENGTH,
    description: 'Plain text with Markdown, stored as sent and never rendered; `@username` mentions a reader',
  })
  @IsString()
  @Length(1, MAX_COMMENT_LENGTH)
  @Matches(/\S/, { message: 'body must not be blank' })
  body: string;
}

export class UpdateCommentDto extends WriteCommentDto {
  @ApiPropertyOptional({ description: 'Applies only at this version (like If-Match)' })
  @Omittable()
  @IsInt()
  @Min(1)
  version?: number;
}

export class CommentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ format: 'uuid' }) authorId: string;
  @ApiProperty({ type: String }) body: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    isArray: true,
    description: 'Readers of the task it mentions',
  })
  mentions: string[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'When the body last changed' }) editedAt:
    string | null;
  @ApiProperty() version: number;
}

/** A deleted comment in its thread: its place, and nothing of what it said or who said it. */
export class CommentTombstoneDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ enum: [true] }) deleted: true;
}

/** A comment as a thread lists it: live, or the tombstone of a deleted one. */
export type ThreadCommentDto = CommentDto | CommentTombstoneDto;

@ApiExtraModels(CommentDto, CommentTombstoneDto)
export class CommentPageDto {
  @ApiProperty({
    type: 'array',
    items: { oneOf: [{ $ref: getSchemaPath(CommentDto) }, { $ref: getSchemaPath(CommentTombstoneDto) }] },
    description: 'Oldest first; deleted ones as tombstones',
  })
  items: ThreadCommentDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export interface CommentRow {
  id: string;
  task_id: string;
  author_id: string;
  body: string | null;
  mentions: string[];
  created_at: string;
  updated_at: string;
  edited_at: string | null;
  deleted_at: string | null;
  version: number;
}

/** A live comment in full; a deleted one as a tombstone that keeps its place in the thread and nothing more. */
export function mapComment(row: CommentRow): ThreadCommentDto {
  if (row.deleted_at) return { id: row.id, taskId: row.task_id, createdAt: row.created_at, deleted: true };
  return liveComment(row);
}

/** A comment read where only a live one can be (the access check refused deleted ones). */
export function liveComment(row: CommentRow): CommentDto {
  return {
    id: row.id,
    taskId: row.task_id,
    authorId: row.author_id,
    body: row.body!,
    mentions: row.mentions,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    editedAt: row.edited_at,
    version: row.version,
  };
}
