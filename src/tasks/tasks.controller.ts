import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiNotModifiedResponse,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { RequireScope } from '../auth/require-scope.decorator';
import { Idempotent } from '../common/idempotency.interceptor';
import { expectedVersion, matchesIfNoneMatch, setEtag } from '../common/etag';
import { API_PREFIX } from '../common/setup-app';
import { UuidParam } from '../common/uuid-param';
import { ListAllTasksQuery, ListProjectTasksQuery } from './dto/list-tasks.query';
import { TaskDto, TaskPageDto } from './dto/task.dto';
import { CreateTaskAnywhereDto, CreateTaskDto, ReplaceTaskDto, UpdateTaskDto } from './dto/task-write.dto';
import { TasksService } from './tasks.service';

/** Answers a single task with its validator; shared by every route that returns one. */
function withEtag(res: Response, task: TaskDto): TaskDto {
  setEtag(res, task.version);
  return task;
}

function created(res: Response, task: TaskDto): TaskDto {
  res.location(`/${API_PREFIX}/tasks/${task.id}`);
  return withEtag(res, task);
}

@ApiTags('tasks')
@ApiNotFoundResponse({ description: 'No such task or project, or the caller may not see it' })
@Controller('projects/:projectId/tasks')
export class ProjectTasksController {
  constructor(private readonly tasks: TasksService) {}

  @Post()
  @RequireScope('tasks:write')
  @Idempotent()
  @ApiCreatedResponse({ type: TaskDto })
  @ApiUnprocessableEntityResponse({ description: 'Invalid fields, or an assignee who is not a member' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @Body() dto: CreateTaskDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TaskDto> {
    return created(res, await this.tasks.create(principal, projectId, dto));
  }

  @Get()
  @RequireScope('tasks:read')
  @ApiOkResponse({
    type: TaskPageDto,
    description: 'Filtered, sorted, keyset-paged; deleted=true lists the trash',
  })
  list(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @Query() query: ListProjectTasksQuery,
  ): Promise<TaskPageDto> {
    return this.tasks.listProject(principal, projectId, query);
  }
}

@ApiTags('tasks')
@ApiNotFoundResponse({ description: 'No such task, or the caller may not see it' })
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Post()
  @RequireScope('tasks:write')
  @Idempotent()
  @ApiCreatedResponse({ type: TaskDto, description: 'Without projectId the task goes to your Inbox' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateTaskAnywhereDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TaskDto> {
    const { projectId, ...fields } = dto;
    return created(res, await this.tasks.create(principal, projectId, fields));
  }

  @Get()
  @RequireScope('tasks:read')
  @ApiOkResponse({
    type: TaskPageDto,
    description: 'Every task you can see: your projects and tasks shared with you',
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListAllTasksQuery): Promise<TaskPageDto> {
    return this.tasks.listVisible(principal, query);
  }

  @Get(':id')
  @RequireScope('tasks:read')
  @ApiOkResponse({ type: TaskDto })
  @ApiNotModifiedResponse({ description: 'If-None-Match names the current version' })
  async get(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TaskDto | undefined> {
    const task = withEtag(res, await this.tasks.get(principal, id));
    if (!matchesIfNoneMatch(ifNoneMatch, task.version)) return task;
    res.status(HttpStatus.NOT_MODIFIED);
    return undefined;
  }

  @Patch(':id')
  @RequireScope('tasks:write')
  @ApiOkResponse({ type: TaskDto })
  @ApiPreconditionFailedResponse({
    description: 'If-Match or version is not the current version; nothing changed',
  })
  async update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() dto: UpdateTaskDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TaskDto> {
    return withEtag(
      res,
      await this.tasks.update(principal, id, dto, expectedVersion(ifMatch, dto.version), false),
    );
  }

  @Put(':id')
  @RequireScope('tasks:write')
  @ApiOkResponse({ type: TaskDto })
  @ApiPreconditionFailedResponse({
    description: 'If-Match or version is not the current version; nothing changed',
  })
  async replace(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() dto: ReplaceTaskDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TaskDto> {
    return withEtag(
      res,
      await this.tasks.update(principal, id, dto, expectedVersion(ifMatch, dto.version), true),
    );
  }

  @Delete(':id')
  @RequireScope('tasks:write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Moved to the trash; restore brings it back' })
  remove(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    return this.tasks.remove(principal, id, expectedVersion(ifMatch, undefined));
  }

  @Post(':id/restore')
  @RequireScope('tasks:write')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TaskDto, description: 'Back from the trash (owners and admins)' })
  async restore(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TaskDto> {
    return withEtag(res, await this.tasks.restore(principal, id));
  }
}
