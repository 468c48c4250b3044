import { ApiProperty } from '@nestjs/swagger';

export class AttachmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ description: 'As uploaded, without any path; at most 255 characters' }) filename: string;
  @ApiProperty({
    example: 'image/png',
    description: 'Detected from the bytes; what the client declared is ignored',
  })
  contentType: string;
  @ApiProperty({ description: 'Bytes' }) size: number;
  @ApiProperty({ description: 'Hex SHA-256 of the bytes; also the ETag of the content' }) sha256: string;
  @ApiProperty({ format: 'uuid' }) createdById: string;
  @ApiProperty() createdAt: string;
}

export class AttachmentPageDto {
  @ApiProperty({ type: AttachmentDto, isArray: true, description: 'Oldest first' }) items: AttachmentDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** The multipart body of an upload, for the OpenAPI document. */
export const UPLOAD_BODY_SCHEMA = {
  type: 'object',
  required: ['file'],
  properties: { file: { type: 'string', format: 'binary', description: 'One file, in a part named `file`' } },
};

export interface AttachmentRow {
  id: string;
  task_id: string;
  storage_key: string;
  filename: string;
  content_type: string;
  size: string | number;
  sha256: string;
  created_by: string;
  created_at: string;
}

export function mapAttachment(row: AttachmentRow): AttachmentDto {
  return {
    id: row.id,
    taskId: row.task_id,
    filename: row.filename,
    contentType: row.content_type,
    size: Number(row.size),
    sha256: row.sha256,
    createdById: row.created_by,
    createdAt: row.created_at,
  };
}
