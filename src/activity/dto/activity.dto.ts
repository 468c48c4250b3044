import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, toInteger } from '../../common/page';
import { ACTIVITY_EVENTS, ActivityEvent, FieldChanges } from '../../events/activity-events';
import type { ActivityRecord } from '../../events/activity-record';

/** An activity record as the API shows it (see ActivityRecord, which the outbox and the policy share). */
export class ActivityDto implements ActivityRecord {
  @ApiProperty({ format: 'uuid', description: 'Unique per record: a receiver deduplicates by it' })
  id: string;
  @ApiProperty({ description: 'Grows strictly with commit order across the whole service' })
  seq: number;
  @ApiProperty({ enum: ACTIVITY_EVENTS }) event: ActivityEvent;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) taskId: string | null;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The member or share recipient a member.* or task.(un)shared record is about',
  })
  userId: string | null;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Null when the service itself made the change',
  })
  actorId: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', properties: { from: {}, to: {} } },
    example: { title: { from: 'Draft', to: 'Final' } },
  })
  changes: FieldChanges;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'The task or project version the change produced',
  })
  version: number | null;
  @ApiProperty() occurredAt: string;
}

export class ActivityPageDto {
  @ApiProperty({ type: ActivityDto, isArray: true }) items: ActivityDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ChangesQuery {
  @ApiPropertyOptional({
    minimum: 0,
    default: 0,
    description:
      'The last seq the client has seen; 0 (or absent) reads from the very first record. Once records older than ' +
      'the retention have been pruned, a since before the kept range (0 included) is answered 410 with ' +
      'resumeSince: list the resources, then resume from there.',
  })
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  since: number = 0;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;
}

export class ChangesDto {
  @ApiProperty({ type: ActivityDto, isArray: true, description: 'Oldest first' }) items: ActivityDto[];
  @ApiProperty({ description: 'Pass as `since` next time; nothing at or below it is left to read' })
  nextSince: number;
  @ApiProperty({ description: 'True when the page is full and more records may follow at once' })
  hasMore: boolean;
}
