import {
  applyDecorators,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { RequireScope } from '../auth/require-scope.decorator';
import { Idempotent } from '../common/idempotency.interceptor';
import { API_PREFIX } from '../common/setup-app';
import { UuidParam } from '../common/uuid-param';
import { ConditionalRead, ExpectedVersion, Versioned } from '../common/versioned-response';
import { ForceQuery, ListAllTasksQuery, ListProjectTasksQuery } from './dto/list-tasks.query';
import { TaskDto, TaskPageDto, taskRevision } from './dto/task.dto';
import { CreateTaskAnywhereDto, CreateTaskDto, ReplaceTaskDto, UpdateTaskDto } from './dto/task-write.dto';
import { BulkAnswerDto, BulkCreateDto, BulkDeleteDto, bulkResults, BulkUpdateDto } from './dto/bulk.dto';
import { MoveTaskDto } from './dto/move-task.dto';
import { TasksService } from './tasks.service';

const taskLocation = (task: { id: string }) => `/${API_PREFIX}/tasks/${task.id}`;

/** A task answer: its ETag is the version plus the counts that move without one. */
const TaskAnswer = (location?: typeof taskLocation) => Versioned(location, taskRevision);

/** A write to one task (PATCH, PUT, move): its scope, its answer and the errors every such write can give. */
const TaskWrite = () =>
  applyDecorators(
    RequireScope('tasks:write'),
    TaskAnswer(),
    ApiUnprocessableEntityResponse({
      description: 'The body breaks a field rule; `errors` names each field',
    }),
    ApiConflictResponse({
      description: 'Completing a task open tasks block (problem lists `blockers`) without force',
    }),
  );

@ApiTags('tasks')
@ApiNotFoundResponse({ description: 'No such task or project, or the caller may not see it' })
@Controller('projects/:projectId/tasks')
export class ProjectTasksController {
  constructor(private readonly tasks: TasksService) {}

  @Post()
  @RequireScope('tasks:write')
  @Idempotent()
  @TaskAnswer(taskLocation)
  @ApiCreatedResponse({ type: TaskDto })
  @ApiUnprocessableEntityResponse({ description: 'Invalid fields, or an assignee who is not a member' })
  create(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @Body() dto: CreateTaskDto,
  ): Promise<TaskDto> {
    return this.tasks.create(principal, projectId, dto);
  }

  @Post('bulk')
  @RequireScope('tasks:write')
  @Idempotent()
  @ApiCreatedResponse({
    type: BulkAnswerDto,
    description: 'Every item created, in order after the tasks of the project, each with status 201',
  })
  @ApiUnprocessableEntityResponse({
    description: 'Nothing created: the errors name each invalid field as items.<index>.<field>',
  })
  async createMany(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @Body() dto: BulkCreateDto,
  ): Promise<BulkAnswerDto> {
    const tasks = await this.tasks.createMany(principal, projectId, dto.items);
    const ids = tasks.map((task) => task.id);
    return bulkResults(ids, tasks, HttpStatus.CREATED);
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
  @TaskAnswer(taskLocation)
  @ApiCreatedResponse({ type: TaskDto, description: 'Without projectId the task goes to your Inbox' })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateTaskAnywhereDto): Promise<TaskDto> {
    const { projectId, ...fields } = dto;
    return this.tasks.create(principal, projectId, fields);
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
  @TaskAnswer()
  @ConditionalRead()
  @ApiOkResponse({ type: TaskDto })
  get(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<TaskDto> {
    return this.tasks.get(principal, id);
  }

  @Patch(':id')
  @TaskWrite()
  @ApiOkResponse({ type: TaskDto })
  update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() dto: UpdateTaskDto,
    @ExpectedVersion() expected: number | undefined,
    @Query() query: ForceQuery,
  ): Promise<TaskDto> {
    return this.tasks.update(principal, id, dto, expected, query.force === true);
  }

  @Put(':id')
  @TaskWrite()
  @ApiOkResponse({ type: TaskDto })
  replace(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() dto: ReplaceTaskDto,
    @ExpectedVersion() expected: number | undefined,
    @Query() query: ForceQuery,
  ): Promise<TaskDto> {
    return this.tasks.replace(principal, id, dto, expected, query.force === true);
  }

  @Post(':id/move')
  @TaskWrite()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: TaskDto,
    description:
      'Placed between its new neighbours (and in the status or project sent), recorded as task.moved',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'A neighbour that is not a live task of the target project, is the task itself, is in another column than ' +
      'the status sent, or is on the wrong side of the other neighbour',
  })
  move(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() dto: MoveTaskDto,
    @ExpectedVersion() expected: number | undefined,
    @Query() query: ForceQuery,
  ): Promise<TaskDto> {
    return this.tasks.move(principal, id, dto, expected, query.force === true);
  }

  @Post('bulk')
  @RequireScope('tasks:write')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: BulkAnswerDto,
    description:
      'One result per id, in order, with the status its own PATCH would have answered (200 with the task, 403, ' +
      '404, 409, 412, 422 with the problem); when atomic, nothing is written unless all are 200, and the items ' +
      'that would have passed answer 424',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'The request itself is invalid (ids missing, repeated or over 200, no set, a bad field in set)',
  })
  async updateMany(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: BulkUpdateDto,
    @Query() query: ForceQuery,
  ): Promise<BulkAnswerDto> {
    const outcomes = await this.tasks.updateMany(principal, lowerCased(dto.ids), dto.set, {
      expected: expectedVersions(dto.versions),
      atomic: dto.atomic ?? true,
      force: query.force === true,
    });
    return bulkResults(dto.ids, outcomes, HttpStatus.OK);
  }

  @Post('bulk-delete')
  @RequireScope('tasks:write')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: BulkAnswerDto,
    description:
      'One result per id, in order: 204 when sent to the trash (with its subtasks), else the status its own ' +
      'DELETE would have answered; atomic as for /tasks/bulk',
  })
  @ApiUnprocessableEntityResponse({ description: 'The ids are missing, repeated or over 200' })
  async removeMany(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: BulkDeleteDto,
  ): Promise<BulkAnswerDto> {
    const outcomes = await this.tasks.removeMany(principal, lowerCased(dto.ids), {
      expected: expectedVersions(dto.versions),
      atomic: dto.atomic ?? true,
    });
    return bulkResults(dto.ids, outcomes, HttpStatus.NO_CONTENT);
  }

  @Delete(':id')
  @RequireScope('tasks:write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Moved to the trash; restore brings it back' })
  remove(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @ExpectedVersion() expected: number | undefined,
  ): Promise<void> {
    return this.tasks.remove(principal, id, expected);
  }

  @Post(':id/restore')
  @RequireScope('tasks:write')
  @HttpCode(HttpStatus.OK)
  @TaskAnswer()
  @ApiOkResponse({ type: TaskDto, description: 'Back from the trash (owners and admins)' })
  restore(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<TaskDto> {
    return this.tasks.restore(principal, id);
  }

  @Post(':id/github/refresh')
  @RequireScope('tasks:write')
  @HttpCode(HttpStatus.OK)
  @TaskAnswer()
  @ApiOkResponse({
    type: TaskDto,
    description:
      'GitHub was asked again now; githubRepo.status "pending" means it did not answer and a retry is due',
  })
  @ApiConflictResponse({ description: 'The task links no GitHub repository' })
  refreshGithub(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<TaskDto> {
    return this.tasks.refreshGithub(principal, id);
  }
}

const lowerCased = (ids: string[]) => ids.map((id) => id.toLowerCase());

function expectedVersions(versions: Record<string, number> | undefined): Map<string, number> {
  return new Map(Object.entries(versions ?? {}).map(([id, version]) => [id.toLowerCase(), version]));
}
