import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { NULL_IS_A_VALUE, Omittable } from '../../common/omittable';
import { ColorText, NameText } from '../../common/text-fields';
import {
  FIELD_TYPES,
  MAX_FIELDS_PER_PROJECT,
  MAX_OPTIONS_PER_FIELD,
  type FieldType,
} from '../../workflow/custom-fields';

/** A choice of a select or multi-select field, as a write sends it: with its id to keep it, without to add it. */
export class FieldOptionInput {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'An option the field has: kept (renamed or recoloured)',
  })
  @Omittable()
  @IsUUID('all')
  id?: string;

  @ApiProperty({
    minLength: 1,
    maxLength: 50,
    example: 'High',
    description: 'Unique in the field, ignoring case',
  })
  @NameText(50)
  name: string;

  @ApiPropertyOptional({ example: '#d73a4a', default: '#8b949e' })
  @Omittable()
  @ColorText()
  color?: string;
}

export class CreateFieldDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 50,
    example: 'Estimate',
    description: 'Unique in the project, ignoring case',
  })
  @NameText(50)
  name: string;

  @ApiProperty({ enum: FIELD_TYPES, description: 'What its values are; it cannot change later' })
  @IsIn(FIELD_TYPES)
  type: FieldType;

  @ApiPropertyOptional({
    type: FieldOptionInput,
    isArray: true,
    maxItems: MAX_OPTIONS_PER_FIELD,
    description:
      'select and multi_select only: its choices, in order. On update, the whole list: an option left out is ' +
      "removed, and taken off every task that had it (each change in that task's history)",
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(MAX_OPTIONS_PER_FIELD)
  @IsObject({ each: true, message: 'each option must be an object' })
  @ValidateNested({ each: true })
  @Type(() => FieldOptionInput)
  options?: FieldOptionInput[];

  @ApiPropertyOptional({
    description: 'Its place among the fields, from 0; at the end when omitted',
    minimum: 0,
  })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(MAX_FIELDS_PER_PROJECT)
  position?: number;
}

/** A field's type is fixed: a PATCH naming it is refused like any unknown field. */
export class UpdateFieldDto extends PartialType(OmitType(CreateFieldDto, ['type']), NULL_IS_A_VALUE) {}

export class FieldOptionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '#d73a4a' }) color: string;
}

export class FieldDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: FIELD_TYPES }) type: FieldType;
  @ApiProperty({
    type: FieldOptionDto,
    isArray: true,
    description: 'select and multi_select: its choices, in order',
  })
  options: FieldOptionDto[];
  @ApiProperty({ description: 'Its place among the fields, from 0' }) position: number;
  @ApiProperty() version: number;
}

export class FieldListDto {
  @ApiProperty({ type: FieldDto, isArray: true, description: 'In order' }) items: FieldDto[];
}
