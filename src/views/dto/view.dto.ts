import { NameText } from '../../common/text-fields';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, MaxLength } from 'class-validator';
import { NULL_IS_A_VALUE, Omittable } from '../../common/omittable';
import { PageQuery } from '../../common/page';

export const VIEW_LAYOUTS = ['board', 'list'] as const;
export type ViewLayout = (typeof VIEW_LAYOUTS)[number];

/** The most views a project holds, shared and personal together. */
export const MAX_VIEWS_PER_PROJECT = 200;

export class CreateViewDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'My open bugs' })
  @NameText(100)
  name: string;

  @ApiProperty({
    maxLength: 2000,
    example: 'assigneeId=me&completed=false&sort=dueDate',
    description:
      "A query string of the project's task list (any of its filters and sort, and limit); checked as that route " +
      'checks it',
  })
  @IsString()
  @MaxLength(2000)
  query: string;

  @ApiProperty({ enum: VIEW_LAYOUTS })
  @IsIn(VIEW_LAYOUTS)
  layout: ViewLayout;

  @ApiPropertyOptional({
    default: false,
    description: "Shared with the project's members (members and up may share); otherwise yours alone",
  })
  @Omittable()
  @IsBoolean()
  shared?: boolean;
}

export class UpdateViewDto extends PartialType(CreateViewDto, NULL_IS_A_VALUE) {}

/** A view's page: its query's, with the page size and cursor of this request. */
export class ViewTasksQuery extends PageQuery {}

export class ViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ format: 'uuid', description: 'Who made it' }) ownerId: string;
  @ApiProperty() name: string;
  @ApiProperty() query: string;
  @ApiProperty({ enum: VIEW_LAYOUTS }) layout: ViewLayout;
  @ApiProperty() shared: boolean;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ViewListDto {
  @ApiProperty({ type: ViewDto, isArray: true, description: 'Shared views and yours, by name' })
  items: ViewDto[];
}
