import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  @ApiProperty({ nullable: true, type: String, description: 'Null once deleted' }) body: string | null;
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
  @ApiPropertyOptional({
    description:
      'Present and true on a deleted comment, which keeps only id, taskId and createdAt (its place)',
  })
  deleted?: true;
}

export class CommentPageDto {
  @ApiProperty({ type: CommentDto, isArray: true, description: 'Oldest first; deleted ones as tombstones' })
  items: CommentDto[];
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
export function mapComment(row: CommentRow): CommentDto {
  if (row.deleted_at)
    return { id: row.id, taskId: row.task_id, createdAt: row.created_at, deleted: true } as CommentDto;
  return {
    id: row.id,
    taskId: row.task_id,
    authorId: row.author_id,
    body: row.body,
    mentions: row.mentions,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    editedAt: row.edited_at,
    version: row.version,
  };
}
