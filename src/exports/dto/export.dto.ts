import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { FieldDto } from '../../fields/dto/field.dto';
import { StateDto } from '../../states/dto/state.dto';
import { TaskDto } from '../../tasks/dto/task.dto';

export const EXPORT_FORMAT = 'taskforge.project.v1';

export class ExportQuery {
  @ApiPropertyOptional({
    enum: ['json', 'csv'],
    default: 'json',
    description: `json: the whole project as ${EXPORT_FORMAT}; csv: one row per task, for spreadsheets`,
  })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class ExportedProject {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty() createdAt: string;
}

export class ExportedLabel {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() color: string;
}

export class ExportedMember {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() username: string;
  @ApiProperty({ type: String, nullable: true }) displayName: string | null;
  @ApiProperty({ enum: ['owner', 'admin', 'member', 'viewer'] }) role: string;
}

export class ExportedRelation {
  @ApiProperty({ enum: ['blocks', 'relates_to', 'duplicates'] }) kind: string;
  @ApiProperty({ format: 'uuid', description: 'The other task, of the same project' }) taskId: string;
}

export class ExportedComment {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) authorId: string;
  @ApiProperty() body: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) editedAt: string | null;
}

export class ExportedAttachment {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() filename: string;
  @ApiProperty() contentType: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ format: 'uuid' }) createdById: string;
  @ApiProperty() createdAt: string;
}

/** A task as the API shows it, with what hangs off it. */
export class ExportedTask extends TaskDto {
  @ApiProperty({ type: String, nullable: true, description: 'Set for a task in the trash' }) deletedAt:
    string | null;
  @ApiProperty({
    type: ExportedRelation,
    isArray: true,
    description: 'Relations from this task to another task of the project',
  })
  relations: ExportedRelation[];
  @ApiProperty({ type: ExportedComment, isArray: true, description: 'Its live comments, oldest first' })
  comments: ExportedComment[];
  @ApiProperty({ type: ExportedAttachment, isArray: true, description: 'Metadata only; the bytes stay here' })
  attachments: ExportedAttachment[];
}

/** The document GET /projects/{id}/export streams. */
export class ProjectExportDto {
  @ApiProperty({ enum: [EXPORT_FORMAT] }) format: string;
  @ApiProperty() exportedAt: string;
  @ApiProperty({ type: ExportedProject }) project: ExportedProject;
  @ApiProperty({ type: StateDto, isArray: true }) states: StateDto[];
  @ApiProperty({ type: FieldDto, isArray: true }) fields: FieldDto[];
  @ApiProperty({ type: ExportedLabel, isArray: true }) labels: ExportedLabel[];
  @ApiProperty({ type: ExportedMember, isArray: true }) members: ExportedMember[];
  @ApiProperty({
    type: ExportedTask,
    isArray: true,
    description:
      'Every task, live and trashed, in id order; subtasks name their parent, the manual order is position',
  })
  tasks: ExportedTask[];
}
