import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Put, Query } from '@nestjs/common';
import {
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
import {
  CreateProjectDto,
  ListProjectsQuery,
  ProjectDto,
  ProjectPageDto,
  ReplaceProjectDto,
  UpdateProjectDto,
} from './dto/project.dto';
import { TransferProjectDto } from './dto/member.dto';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@ApiNotFoundResponse({ description: 'No such project, or the caller is not a member' })
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Post()
  @RequireScope('projects:write')
  @Idempotent()
  @Versioned((project) => `/${API_PREFIX}/projects/${project.id}`)
  @ApiCreatedResponse({
    type: ProjectDto,
    description: 'The caller is the owner; Location names the project',
  })
  @ApiUnprocessableEntityResponse({ description: 'Invalid or unknown fields' })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateProjectDto): Promise<ProjectDto> {
    return this.projects.create(principal, dto);
  }

  @Get()
  @RequireScope('projects:read')
  @ApiOkResponse({ type: ProjectPageDto, description: 'Projects the caller belongs to, newest first' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListProjectsQuery): Promise<ProjectPageDto> {
    return this.projects.list(principal, query);
  }

  @Get(':id')
  @ConditionalRead()
  @RequireScope('projects:read')
  @Versioned()
  @ApiOkResponse({ type: ProjectDto })
  get(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<ProjectDto> {
    return this.projects.get(principal, id);
  }

  @Put(':id')
  @RequireScope('projects:write')
  @Versioned()
  @ApiOkResponse({ type: ProjectDto })
  replace(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() dto: ReplaceProjectDto,
    @ExpectedVersion() expected: number | undefined,
  ): Promise<ProjectDto> {
    return this.projects.replace(principal, id, dto, expected);
  }

  @Patch(':id')
  @RequireScope('projects:write')
  @Versioned()
  @ApiOkResponse({ type: ProjectDto })
  update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() dto: UpdateProjectDto,
    @ExpectedVersion() expected: number | undefined,
  ): Promise<ProjectDto> {
    return this.projects.update(principal, id, dto, expected);
  }

  @Delete(':id')
  @RequireScope('projects:write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The project, its members and tasks are gone (owner only)' })
  remove(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @ExpectedVersion() expected: number | undefined,
  ): Promise<void> {
    return this.projects.remove(principal, id, expected);
  }

  @Post(':id/transfer')
  @RequireScope('projects:write')
  @HttpCode(HttpStatus.OK)
  @Versioned()
  @ApiOkResponse({
    type: ProjectDto,
    description: 'The new owner holds the project; the old owner is now admin',
  })
  @ApiUnprocessableEntityResponse({ description: 'The new owner is not a member' })
  transfer(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() dto: TransferProjectDto,
  ): Promise<ProjectDto> {
    return this.projects.transfer(principal, id, dto.userId);
  }
}
