import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { RequireScope } from '../auth/require-scope.decorator';
import { API_PREFIX } from '../common/setup-app';
import { UuidParam } from '../common/uuid-param';
import { Located } from '../common/versioned-response';
import { TaskPageDto } from '../tasks/dto/task.dto';
import { CreateViewDto, UpdateViewDto, ViewDto, ViewListDto, ViewTasksQuery } from './dto/view.dto';
import { ViewsService } from './views.service';

const NOT_YOURS = "Only its author, or the project's owners and admins, change a shared view";

@ApiTags('views')
@ApiNotFoundResponse({ description: 'No such project or view, or the caller may not see it' })
@Controller('projects/:projectId/views')
export class ProjectViewsController {
  constructor(private readonly views: ViewsService) {}

  @Get()
  @RequireScope('tasks:read')
  @ApiOkResponse({ type: ViewListDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
  ): Promise<ViewListDto> {
    return { items: await this.views.list(principal, projectId) };
  }

  @Post()
  @RequireScope('tasks:write')
  @Located((view) => `/${API_PREFIX}/views/${view.id}`)
  @ApiCreatedResponse({ type: ViewDto, description: 'Location names the view' })
  @ApiForbiddenResponse({ description: 'Viewers keep views of their own; sharing one takes a member' })
  @ApiUnprocessableEntityResponse({
    description: 'The query is not one the task list takes (query.<parameter>)',
  })
  create(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @Body() dto: CreateViewDto,
  ): Promise<ViewDto> {
    return this.views.create(principal, projectId, dto);
  }
}

@ApiTags('views')
@ApiNotFoundResponse({ description: 'No such view, or the caller may not see it' })
@Controller('views')
export class ViewsController {
  constructor(private readonly views: ViewsService) {}

  @Get(':id')
  @RequireScope('tasks:read')
  @ApiOkResponse({ type: ViewDto })
  get(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<ViewDto> {
    return this.views.get(principal, id);
  }

  @Get(':id/tasks')
  @RequireScope('tasks:read')
  @ApiOkResponse({
    type: TaskPageDto,
    description: "What the project's task list answers for the view's query",
  })
  @ApiUnprocessableEntityResponse({
    description: 'The query names a state or label the project no longer has',
  })
  tasks(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Query() query: ViewTasksQuery,
  ): Promise<TaskPageDto> {
    return this.views.tasksOf(principal, id, query);
  }

  @Patch(':id')
  @RequireScope('tasks:write')
  @ApiOkResponse({ type: ViewDto })
  @ApiForbiddenResponse({ description: NOT_YOURS })
  update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() dto: UpdateViewDto,
  ): Promise<ViewDto> {
    return this.views.update(principal, id, dto);
  }

  @Delete(':id')
  @RequireScope('tasks:write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiForbiddenResponse({ description: NOT_YOURS })
  remove(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<void> {
    return this.views.remove(principal, id);
  }
}
