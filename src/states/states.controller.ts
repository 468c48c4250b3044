import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { RequireScope } from '../auth/require-scope.decorator';
import { API_PREFIX } from '../common/setup-app';
import { UuidParam } from '../common/uuid-param';
import { Located } from '../common/versioned-response';
import { CreateStateDto, DeleteStateQuery, StateDto, StateListDto, UpdateStateDto } from './dto/state.dto';
import { StatesService } from './states.service';

const MANAGERS_ONLY = 'Owners and admins shape the workflow; others read it';

@ApiTags('states')
@ApiNotFoundResponse({ description: 'No such project or state, or the caller may not see the project' })
@Controller('projects/:projectId/states')
export class StatesController {
  constructor(private readonly states: StatesService) {}

  @Get()
  @RequireScope('projects:read')
  @ApiOkResponse({ type: StateListDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
  ): Promise<StateListDto> {
    return { items: await this.states.list(principal, projectId) };
  }

  @Post()
  @RequireScope('projects:write')
  @Located((state) => `/${API_PREFIX}/projects/${state.projectId}/states/${state.id}`)
  @ApiCreatedResponse({ type: StateDto, description: 'Location names the state' })
  @ApiForbiddenResponse({ description: MANAGERS_ONLY })
  @ApiConflictResponse({ description: 'The project has a state of that name (ignoring case)' })
  create(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @Body() dto: CreateStateDto,
  ): Promise<StateDto> {
    return this.states.create(principal, projectId, dto);
  }

  @Patch(':stateId')
  @RequireScope('projects:write')
  @ApiOkResponse({ type: StateDto })
  @ApiForbiddenResponse({ description: MANAGERS_ONLY })
  @ApiConflictResponse({
    description:
      'A name taken, a category that would change the status of tasks the state holds, or the last state of a status',
  })
  update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @UuidParam('stateId') stateId: string,
    @Body() dto: UpdateStateDto,
  ): Promise<StateDto> {
    return this.states.update(principal, projectId, stateId, dto);
  }

  @Delete(':stateId')
  @RequireScope('projects:write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: "Its tasks moved to moveTo, each change in that task's history" })
  @ApiForbiddenResponse({ description: MANAGERS_ONLY })
  @ApiConflictResponse({
    description: 'It holds tasks and no moveTo was given, or it is the last of its status',
  })
  remove(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @UuidParam('stateId') stateId: string,
    @Query() query: DeleteStateQuery,
  ): Promise<void> {
    return this.states.remove(principal, projectId, stateId, query.moveTo);
  }
}
