import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { RequireScope } from '../auth/require-scope.decorator';
import {
  ListNotificationsQuery,
  MarkReadDto,
  NotificationPageDto,
  NotificationSettingsDto,
  UnreadCountDto,
  UpdateNotificationSettingsDto,
} from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RequireScope('tasks:read')
  @ApiOkResponse({
    type: NotificationPageDto,
    description: 'Newest first; only about tasks you can still read',
  })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListNotificationsQuery,
  ): Promise<NotificationPageDto> {
    return this.notifications.list(principal, query);
  }

  @Get('unread-count')
  @RequireScope('tasks:read')
  @ApiOkResponse({ type: UnreadCountDto })
  async unreadCount(@CurrentPrincipal() principal: Principal): Promise<UnreadCountDto> {
    return { count: await this.notifications.unreadCount(principal) };
  }

  @Post('read')
  @RequireScope('profile:write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Marked read; ids that are not yours are passed over' })
  markRead(@CurrentPrincipal() principal: Principal, @Body() dto: MarkReadDto): Promise<void> {
    return this.notifications.markRead(principal, dto);
  }
}

@ApiTags('notifications')
@Controller('users/me/notification-settings')
export class NotificationSettingsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RequireScope('profile:read')
  @ApiOkResponse({ type: NotificationSettingsDto })
  get(@CurrentPrincipal() principal: Principal): Promise<NotificationSettingsDto> {
    return this.notifications.settings(principal);
  }

  @Patch()
  @RequireScope('profile:write')
  @ApiOkResponse({ type: NotificationSettingsDto, description: 'Kinds not sent keep their setting' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: UpdateNotificationSettingsDto,
  ): Promise<NotificationSettingsDto> {
    return this.notifications.updateSettings(principal, dto);
  }
}
