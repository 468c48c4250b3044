import { Controller, Get, Query } from '@nestjs/common';
import { ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { RequireScope } from '../auth/require-scope.decorator';
import { PageQuery } from '../common/page';
import { UuidParam } from '../common/uuid-param';
import { ActivityService } from './activity.service';
import { ActivityPageDto, ChangesDto, ChangesQuery } from './dto/activity.dto';

@ApiTags('activity')
@Controller()
export class ActivityController {
  constructor(private readonly activity: ActivityService) {}

  @Get('tasks/:id/activity')
  @RequireScope('tasks:read')
  @ApiOkResponse({ type: ActivityPageDto, description: "The task's history, newest first" })
  @ApiNotFoundResponse({ description: 'No such task, or the caller may not see it' })
  forTask(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Query() query: PageQuery,
  ): Promise<ActivityPageDto> {
    return this.activity.listForTask(principal, id, query);
  }

  @Get('projects/:id/activity')
  @RequireScope('projects:read')
  @ApiOkResponse({ type: ActivityPageDto, description: "The project's history, newest first" })
  @ApiNotFoundResponse({ description: 'No such project, or the caller is not a member' })
  forProject(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Query() query: PageQuery,
  ): Promise<ActivityPageDto> {
    return this.activity.listForProject(principal, id, query);
  }

  @Get('changes')
  @RequireScope('tasks:read')
  @ApiOkResponse({
    type: ChangesDto,
    description:
      'What the caller may see now, oldest first after `since`; deleted tasks as task.deleted records',
  })
  @ApiGoneResponse({
    description:
      'Records after `since` were pruned: list again, then resume from `resumeSince` in the problem',
  })
  changes(@CurrentPrincipal() principal: Principal, @Query() query: ChangesQuery): Promise<ChangesDto> {
    return this.activity.changes(principal, query);
  }
}
