import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQuery } from '../../common/page';
import { PROJECT_ROLES, ProjectRole } from '../project-permissions';
import { Omittable } from '../../common/omittable';
import { NULL_IS_A_VALUE } from '../../common/omittable';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateProjectDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Website relaunch' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 20000,
    example: 'Everything for the new site',
  })
  @ValidateIf((_dto, value) => value !== null)
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string | null;
}

/** PUT: every writable field; a missing description is cleared. */
export class ReplaceProjectDto extends CreateProjectDto {
  @ApiPropertyOptional({ description: 'Apply only at this version (like If-Match); 412 otherwise' })
  @Omittable()
  @IsInt()
  @Min(1)
  version?: number;
}

/** PATCH: the same fields, each optional; only what is sent changes. */
export class UpdateProjectDto extends PartialType(ReplaceProjectDto, NULL_IS_A_VALUE) {}

export class ListProjectsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Case-insensitive text in the name' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;
}

export class ProjectDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ format: 'uuid' }) ownerId: string;
  @ApiProperty({ enum: PROJECT_ROLES, description: "The caller's role" }) role: ProjectRole;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ example: 1 }) version: number;
}

export class ProjectPageDto {
  @ApiProperty({ type: ProjectDto, isArray: true }) items: ProjectDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export interface ProjectRow {
  id: string;
  name: string;
  description: string | null;
  owner_id: string;
  role: ProjectRole;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export function mapProject(row: ProjectRow): ProjectDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    ownerId: row.owner_id,
    role: row.role,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
