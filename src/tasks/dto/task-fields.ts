import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateIf,
  ValidatorConstraint,
} from 'class-validator';
import type { ValidatorConstraintInterface } from 'class-validator';
import { IsGithubRepoName } from '../../github/github-repo-name';

export const TASK_STATUSES = ['pending', 'in_progress', 'completed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

@ValidatorConstraint({ name: 'calendarDate' })
export class IsCalendarDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const parsed = new Date(`${value}T00:00:00.000Z`);
    // Round-tripping rejects dates the calendar does not have, such as 2026-02-30.
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
  }

  defaultMessage(): string {
    return 'must be a real calendar date as YYYY-MM-DD';
  }
}

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** A field that may be sent as null to clear it. */
const Nullable = () => ValidateIf((_dto, value) => value !== null);

/** Each task field's rules and documentation, declared once and shared by every write DTO. */
export const TaskField = {
  title: (required: boolean) =>
    applyDecorators(
      (required ? ApiProperty : ApiPropertyOptional)({
        minLength: 1,
        maxLength: 500,
        example: 'Write the launch post',
      }),
      ...(required ? [] : [IsOptional()]),
      Transform(trim),
      IsString(),
      IsNotEmpty({ message: 'title must not be blank' }),
      Length(1, 500),
    ),
  description: () =>
    applyDecorators(
      ApiPropertyOptional({ nullable: true, maxLength: 20000 }),
      Nullable(),
      IsOptional(),
      IsString(),
      MaxLength(20000),
    ),
  status: () =>
    applyDecorators(ApiPropertyOptional({ enum: TASK_STATUSES }), IsOptional(), IsIn(TASK_STATUSES)),
  completed: () =>
    applyDecorators(
      ApiPropertyOptional({ description: 'Same as status "completed"' }),
      IsOptional(),
      IsBoolean(),
    ),
  priority: () =>
    applyDecorators(
      ApiPropertyOptional({ default: 0, description: 'Higher is more important' }),
      IsOptional(),
      IsInt(),
      Min(-2147483648),
      Max(2147483647),
    ),
  dueDate: () =>
    applyDecorators(
      ApiPropertyOptional({ nullable: true, example: '2026-12-31', type: String }),
      Nullable(),
      IsOptional(),
      Validate(IsCalendarDate),
    ),
  assigneeId: () =>
    applyDecorators(
      ApiPropertyOptional({ nullable: true, format: 'uuid', description: 'Must be a member of the project' }),
      Nullable(),
      IsOptional(),
      IsUUID('all'),
    ),
  githubRepo: () =>
    applyDecorators(
      ApiPropertyOptional({
        nullable: true,
        type: String,
        example: 'octocat/Hello-World',
        description: 'owner/name or https://github.com/owner/name; null unlinks',
      }),
      Nullable(),
      IsOptional(),
      IsString(),
      Validate(IsGithubRepoName),
    ),
  projectId: (description: string) =>
    applyDecorators(ApiPropertyOptional({ format: 'uuid', description }), IsOptional(), IsUUID('all')),
  version: () =>
    applyDecorators(
      ApiPropertyOptional({ description: 'Apply only at this version (like If-Match); 412 otherwise' }),
      IsOptional(),
      IsInt(),
      Min(1),
    ),
};
