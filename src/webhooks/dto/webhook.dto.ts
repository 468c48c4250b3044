import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { PROJECT_EVENTS } from '../../events/activity-events';
import { PageQuery } from '../../common/page';
import { Omittable } from '../../common/omittable';
import { NULL_IS_A_VALUE } from '../../common/omittable';

/** Every event, or `*` for all of them (including events added later). */
export const WEBHOOK_EVENTS = ['*', ...PROJECT_EVENTS] as const;

export class CreateWebhookDto {
  @ApiProperty({
    example: 'https://example.com/hooks/taskforge',
    description: 'https, public address (plain http and private addresses only for WEBHOOK_ALLOW_HOSTS)',
  })
  @IsString()
  @MaxLength(2000)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true, example: ['task.created', 'task.updated'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true })
  events: string[];

  @ApiPropertyOptional({ minLength: 16, maxLength: 200, description: 'Generated when not given; shown once' })
  @Omittable()
  @IsString()
  @Length(16, 200)
  secret?: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 500 })
  @ValidateIf((_dto, value) => value !== null)
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({ default: true, description: 'Setting true again re-enables a disabled webhook' })
  @Omittable()
  @IsBoolean()
  active?: boolean;
}

/** PATCH: what is sent changes; a new `secret` replaces the old one at once. */
export class UpdateWebhookDto extends PartialType(CreateWebhookDto, NULL_IS_A_VALUE) {}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true }) events: string[];
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Why the service disabled it' })
  disabledReason: string | null;
  @ApiProperty({ nullable: true, type: String }) disabledAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class WebhookWithSecretDto extends WebhookDto {
  @ApiProperty({ description: 'Signs every delivery; shown only now' }) secret: string;
}

export class WebhookListDto {
  @ApiProperty({ type: WebhookDto, isArray: true }) items: WebhookDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;

export class DeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'X-Taskforge-Delivery' }) id: string;
  @ApiProperty({ format: 'uuid' }) webhookId: string;
  @ApiProperty({ format: 'uuid', description: "The activity record's id: the body's id, for deduplication" })
  activityId: string;
  @ApiProperty() seq: number;
  @ApiProperty() event: string;
  @ApiProperty({ enum: DELIVERY_STATUSES, description: 'pending includes waiting for a retry' })
  status: (typeof DELIVERY_STATUSES)[number];
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: Number }) responseStatus: number | null;
  @ApiProperty({ nullable: true, type: Number }) durationMs: number | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) redeliveryOf: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) lastAttemptAt: string | null;
  @ApiProperty({ nullable: true, type: String }) nextAttemptAt: string | null;
}

export class DeliveryPageDto {
  @ApiProperty({ type: DeliveryDto, isArray: true }) items: DeliveryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ListDeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: (typeof DELIVERY_STATUSES)[number];
}
