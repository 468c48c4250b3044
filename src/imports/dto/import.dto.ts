import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const IMPORT_SOURCES = ['taskforge', 'trello', 'todoist', 'csv'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];
export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

/** The multipart body POST /imports takes (documented; it is read as a stream, not through a DTO). */
export class CreateImportBody {
  @ApiProperty({ type: 'string', format: 'binary', description: 'The file, at most IMPORT_MAX_BYTES' })
  file: unknown;

  @ApiProperty({
    enum: IMPORT_SOURCES,
    description:
      'taskforge: a Taskforge export (JSON); trello: a Trello board export (JSON); todoist: a Todoist project in ' +
      'its CSV template; csv: any CSV with a header row and a title column',
  })
  source: ImportSource;
}

export class ImportProblemDto {
  @ApiProperty({ example: 'row 12', description: 'Where in the file' }) item: string;
  @ApiProperty({ example: 'due date "soon" is not a date (YYYY-MM-DD): left out' }) message: string;
}

export class ImportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: IMPORT_SOURCES }) source: ImportSource;
  @ApiProperty({
    enum: IMPORT_STATUSES,
    description: 'queued, running, then done (the project exists, whole) or failed (nothing was made)',
  })
  status: (typeof IMPORT_STATUSES)[number];
  @ApiProperty() filename: string;
  @ApiProperty({ description: 'Bytes' }) size: number;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The new project, once done',
  })
  projectId: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { tasks: 120, comments: 40, labels: 6, states: 4, fields: 0, relations: 3, trashed: 2 },
  })
  counts: Record<string, number>;
  @ApiProperty({
    type: ImportProblemDto,
    isArray: true,
    description: 'Every item skipped or changed, and why',
  })
  problems: ImportProblemDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { stage: 'writing', tasks: 2000, of: 5000 },
    description: 'While it runs: what it is doing and how far it is',
  })
  progress: Record<string, unknown>;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) finishedAt: string | null;
}

export class ImportAcceptedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: IMPORT_STATUSES }) status: string;
}
