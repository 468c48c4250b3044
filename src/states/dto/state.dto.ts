import { ColorText, NameText } from '../../common/text-fields';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { NULL_IS_A_VALUE, Omittable } from '../../common/omittable';
import { STATE_CATEGORIES, type StateCategory } from '../../workflow/workflow';

/** The most states a project may have: a board wider than this is no longer one a person reads. */
export const MAX_STATES_PER_PROJECT = 50;

export class CreateStateDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 50,
    example: 'In review',
    description: 'Unique in the project, ignoring case',
  })
  @NameText(50)
  name: string;

  @ApiProperty({
    enum: STATE_CATEGORIES,
    description:
      'Sets the status of its tasks: backlog and unstarted are pending, started is in_progress, ' +
      'completed and canceled are completed',
  })
  @IsIn(STATE_CATEGORIES)
  category: StateCategory;

  @ApiPropertyOptional({ example: '#d29922', default: '#8b949e' })
  @Omittable()
  @ColorText()
  color?: string;

  @ApiPropertyOptional({
    description: 'Its place among the states, from 0; at the end when omitted',
    minimum: 0,
  })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(MAX_STATES_PER_PROJECT)
  position?: number;
}

export class UpdateStateDto extends PartialType(CreateStateDto, NULL_IS_A_VALUE) {}

export class DeleteStateQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Where its tasks go: a state of the same project with the same status; needed when it holds tasks',
  })
  @IsOptional()
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
    message: 'moveTo must be a state id',
  })
  moveTo?: string;
}

export class StateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: STATE_CATEGORIES }) category: StateCategory;
  @ApiProperty({ example: '#d29922' }) color: string;
  @ApiProperty({ description: 'Its place among the states, from 0' }) position: number;
  @ApiProperty() version: number;
}

export class StateListDto {
  @ApiProperty({ type: StateDto, isArray: true, description: 'In the board order' }) items: StateDto[];
}
