import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { RequireScope } from '../auth/require-scope.decorator';
import { UuidParam } from '../common/uuid-param';
import { ShareDto, ShareListDto, ShareTaskDto } from './dto/share.dto';
import { SharesService } from './shares.service';

@ApiTags('tasks')
@ApiNotFoundResponse({ description: 'No such task (or the caller may not see it), or no such share' })
@Controller('tasks/:id/shares')
export class SharesController {
  constructor(private readonly shares: SharesService) {}

  @Post()
  @RequireScope('tasks:write')
  @ApiCreatedResponse({ type: ShareDto })
  @ApiConflictResponse({ description: 'Already shared with that user' })
  share(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() dto: ShareTaskDto,
  ): Promise<ShareDto> {
    return this.shares.share(principal, id, dto);
  }

  @Get()
  @RequireScope('tasks:read')
  @ApiOkResponse({ type: ShareListDto })
  list(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<ShareListDto> {
    return this.shares.list(principal, id);
  }

  @Delete(':userId')
  @RequireScope('tasks:write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The user no longer sees the task through this share' })
  unshare(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @UuidParam('userId') userId: string,
  ): Promise<void> {
    return this.shares.unshare(principal, id, userId);
  }
}
