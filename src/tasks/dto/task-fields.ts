import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsISO8601,
  Matches,
  ValidateBy,
  ValidateNested,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
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
import type { ValidationArguments, ValidatorConstraintInterface } from 'class-validator';
import { isCalendarDate } from '../../common/calendar-date';
import { IsGithubRepoName } from '../../github/github-repo-name';
import { ruleProblem } from '../scheduling/recurrence';
import { Omittable } from '../../common/omittable';
import { IsIanaTimezone } from '../../users/dto/user-fields';
import { durationProblem } from '../scheduling/reminders';

import { TASK_STATUSES, type TaskStatus } from '../../workflow/workflow';
import { isFieldKey, MAX_FIELDS_PER_PROJECT, MAX_OPTIONS_PER_FIELD } from '../../workflow/custom-fields';

/** A value any custom field might take; its field's own type is checked once the project's fields are read. */
function isFieldValueShape(value: unknown): boolean {
  if (Array.isArray(value)) {
    return value.length <= MAX_OPTIONS_PER_FIELD && value.every((item) => typeof item === 'string');
  }
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

export { TASK_STATUSES, type TaskStatus };

@ValidatorConstraint({ name: 'calendarDate' })
export class IsCalendarDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isCalendarDate(value);
  }

  defaultMessage(): string {
    return 'must be a real calendar date as YYYY-MM-DD';
  }
}

@ValidatorConstraint({ name: 'recurrenceRule' })
export class IsRecurrenceRule implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && ruleProblem(value) === null;
  }

  defaultMessage(args?: ValidationArguments): string {
    const problem = typeof args?.value === 'string' ? ruleProblem(args.value) : 'must be a string';
    return `rule ${problem ?? 'is invalid'}`;
  }
}

@ValidatorConstraint({ name: 'reminderDuration' })
export class IsReminderDuration implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && durationProblem(value) === null;
  }

  defaultMessage(args?: ValidationArguments): string {
    return `before ${typeof args?.value === 'string' ? durationProblem(args.value) : 'must be a string'}`;
  }
}

export class RecurrenceDto {
  @ApiProperty({
    example: 'FREQ=MONTHLY;BYDAY=-1FR',
    description:
      'RFC 5545 RRULE: FREQ (DAILY, WEEKLY, MONTHLY, YEARLY), INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, COUNT, UNTIL',
  })
  @Validate(IsRecurrenceRule)
  rule: string;

  @ApiPropertyOptional({ enum: ['due', 'completion'], default: 'due' })
  @IsOptional()
  @IsIn(['due', 'completion'])
  from?: 'due' | 'completion';
}

/** `{ at }`, or `{ before, time? }`; exactly one of `at` and `before`. */
/** A wall time as HH:MM, 00:00 to 23:59. */
export const WALL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class ReminderDto {
  @ApiPropertyOptional({ example: '2026-12-24T09:00:00+01:00', description: 'An instant, with its offset' })
  @ValidateIf((reminder: ReminderDto) => reminder.before === undefined || reminder.at !== undefined)
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'at must be an instant with its offset',
  })
  at?: string;

  @ApiPropertyOptional({ example: 'P1D', description: 'ISO 8601 duration before the due date (at `time`)' })
  @ValidateIf((reminder: ReminderDto) => reminder.at === undefined || reminder.before !== undefined)
  @Validate(IsReminderDuration)
  @ValidateBy({
    name: 'notWithAt',
    validator: {
      validate: (_value, args) => (args?.object as ReminderDto).at === undefined,
      defaultMessage: () => 'give at or before, not both',
    },
  })
  before?: string;

  @ApiPropertyOptional({
    example: '09:00',
    description: 'Wall time on the due date to count back from; 09:00',
  })
  @IsOptional()
  @Matches(WALL_TIME, { message: 'time must be HH:MM' })
  time?: string;
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
      ...(required ? [] : [Omittable()]),
      Transform(trim),
      IsString(),
      IsNotEmpty({ message: 'title must not be blank' }),
      Length(1, 500),
    ),
  description: () =>
    applyDecorators(
      ApiPropertyOptional({ type: String, nullable: true, maxLength: 20000 }),
      Nullable(),
      IsOptional(),
      IsString(),
      MaxLength(20000),
    ),
  status: () =>
    applyDecorators(ApiPropertyOptional({ enum: TASK_STATUSES }), Omittable(), IsIn(TASK_STATUSES)),
  stateId: () =>
    applyDecorators(
      ApiPropertyOptional({
        format: 'uuid',
        description: "One of the project's workflow states; sets status from its category",
      }),
      Omittable(),
      IsUUID('all'),
    ),
  completed: () =>
    applyDecorators(
      ApiPropertyOptional({ description: 'Same as status "completed"' }),
      Omittable(),
      IsBoolean(),
    ),
  priority: () =>
    applyDecorators(
      ApiPropertyOptional({ default: 0, description: 'Higher is more important' }),
      Omittable(),
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
      ApiPropertyOptional({
        type: String,
        nullable: true,
        format: 'uuid',
        description: 'Must be a member of the project',
      }),
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
  recurrence: () =>
    applyDecorators(
      ApiPropertyOptional({
        type: RecurrenceDto,
        nullable: true,
        description: 'Needs a dueDate; null stops it',
      }),
      Nullable(),
      IsOptional(),
      IsObject({ message: 'recurrence must be an object or null' }),
      ValidateNested(),
      Type(() => RecurrenceDto),
    ),
  timezone: () =>
    applyDecorators(
      ApiPropertyOptional({
        example: 'Europe/Berlin',
        description: "Where the task's dates are; the creator's by default",
      }),
      Omittable(),
      Validate(IsIanaTimezone),
    ),
  reminders: () =>
    applyDecorators(
      ApiPropertyOptional({ type: ReminderDto, isArray: true, maxItems: 5 }),
      Omittable(),
      IsArray(),
      ArrayMaxSize(5),
      IsObject({ each: true, message: 'each reminder must be an object' }),
      ValidateNested({ each: true }),
      Type(() => ReminderDto),
    ),
  parentId: () =>
    applyDecorators(
      ApiPropertyOptional({
        type: String,
        nullable: true,
        format: 'uuid',
        description: 'A task of the same project to nest under (at most 5 levels); null makes it top-level',
      }),
      Nullable(),
      IsOptional(),
      IsUUID('all'),
    ),
  labelIds: (description: string) =>
    applyDecorators(
      ApiPropertyOptional({ type: String, format: 'uuid', isArray: true, maxItems: 20, description }),
      Omittable(),
      IsArray(),
      ArrayMaxSize(20),
      ArrayUnique(),
      IsUUID('all', { each: true }),
    ),
  fields: () =>
    applyDecorators(
      ApiPropertyOptional({
        type: 'object',
        additionalProperties: { nullable: true },
        maxProperties: MAX_FIELDS_PER_PROJECT,
        example: { '0b5f3a5e-2f7c-4a4e-9d55-2b7f7d6a1c10': 3 },
        description:
          "Values of the project's custom fields by field id, each of its field's type (text, number, date as " +
          'YYYY-MM-DD, true/false, an option id, an array of option ids, a member id, a URL); null clears one. A PATCH ' +
          'changes the fields it names; a PUT or a create sets exactly these',
      }),
      Omittable(),
      ValidateBy({
        name: 'fieldValues',
        validator: {
          validate: (value: unknown) =>
            typeof value === 'object' &&
            value !== null &&
            !Array.isArray(value) &&
            Object.keys(value).length <= MAX_FIELDS_PER_PROJECT &&
            Object.entries(value).every(([id, item]) => isFieldKey(id) && isFieldValueShape(item)),
          defaultMessage: () =>
            `fields must map at most ${MAX_FIELDS_PER_PROJECT} field ids to values (a string, number, boolean, ` +
            `null, or an array of at most ${MAX_OPTIONS_PER_FIELD} strings)`,
        },
      }),
    ),
  projectId: (description: string) =>
    applyDecorators(ApiPropertyOptional({ format: 'uuid', description }), Omittable(), IsUUID('all')),
  version: () =>
    applyDecorators(
      ApiPropertyOptional({ description: 'Apply only at this version (like If-Match); 412 otherwise' }),
      Omittable(),
      IsInt(),
      Min(1),
    ),
};
