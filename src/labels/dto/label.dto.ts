import { ColorText, NameText } from '../../common/text-fields';
import { TaskLabelDto } from '../../tasks/dto/task.dto';
import { ApiProperty, PartialType } from '@nestjs/swagger';
import { NULL_IS_A_VALUE } from '../../common/omittable';

export class CreateLabelDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 50,
    example: 'bug',
    description: 'Unique in the project, ignoring case',
  })
  @NameText(50)
  name: string;

  @ApiProperty({ example: '#d73a4a' })
  @ColorText()
  color: string;
}

export class UpdateLabelDto extends PartialType(CreateLabelDto, NULL_IS_A_VALUE) {}

/** A label as a task shows it. */
export class LabelDto extends TaskLabelDto {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() version: number;
}

export class LabelListDto {
  @ApiProperty({ type: LabelDto, isArray: true, description: 'By name' }) items: LabelDto[];
}

export interface LabelRow {
  id: string;
  project_id: string;
  name: string;
  color: string;
  version: number;
}

export function mapLabel(row: LabelRow): LabelDto {
  return { id: row.id, projectId: row.project_id, name: row.name, color: row.color, version: row.version };
}
