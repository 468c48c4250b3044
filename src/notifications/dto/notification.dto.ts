import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  Equals,
  IsBoolean,
  IsOptional,
  IsUUID,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { PageQuery, toBoolean } from '../../common/page';
import { NOTIFICATION_KINDS, NotificationKind } from '../notification-kinds';
import { Omittable } from '../../common/omittable';

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: NotificationKind;
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ format: 'uuid', description: 'The activity record that caused it' }) activityId: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) readAt: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: NotificationDto, isArray: true }) items: NotificationDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ListNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only those not yet marked read' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unread?: boolean;
}

export class UnreadCountDto {
  @ApiProperty() count: number;
}

export class MarkReadDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', isArray: true, description: 'Up to 200; or `all`' })
  @ValidateIf((body: MarkReadDto) => body.all === undefined || body.ids !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  ids?: string[];

  @ApiPropertyOptional({ enum: [true], description: 'Marks every notification read' })
  @ValidateIf((body: MarkReadDto) => body.ids === undefined || body.all !== undefined)
  @Equals(true)
  @ValidateBy({
    name: 'notWithIds',
    validator: {
      validate: (_value, args) => (args?.object as MarkReadDto).ids === undefined,
      defaultMessage: () => 'give ids or all, not both',
    },
  })
  all?: true;
}

/** `{ <kind>: boolean }`: a kind turned off is never created for the user; every kind is on until turned off. */
export class NotificationSettingsDto {
  @ApiProperty() mentioned: boolean;
  @ApiProperty() assigned: boolean;
  @ApiProperty() commented: boolean;
  @ApiProperty() unblocked: boolean;
  @ApiProperty() reminder: boolean;
  @ApiProperty() shared: boolean;
}

export class UpdateNotificationSettingsDto {
  @ApiPropertyOptional() @Omittable() @IsBoolean() mentioned?: boolean;
  @ApiPropertyOptional() @Omittable() @IsBoolean() assigned?: boolean;
  @ApiPropertyOptional() @Omittable() @IsBoolean() commented?: boolean;
  @ApiPropertyOptional() @Omittable() @IsBoolean() unblocked?: boolean;
  @ApiPropertyOptional() @Omittable() @IsBoolean() reminder?: boolean;
  @ApiPropertyOptional() @Omittable() @IsBoolean() shared?: boolean;
}

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  task_id: string;
  project_id: string;
  actor_id: string | null;
  activity_id: string;
  user_id: string;
  created_at: string;
  read_at: string | null;
}

export function mapNotification(row: NotificationRow): NotificationDto {
  return {
    id: row.id,
    kind: row.kind,
    taskId: row.task_id,
    projectId: row.project_id,
    actorId: row.actor_id,
    activityId: row.activity_id,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}
