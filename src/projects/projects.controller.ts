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
  @ApiCreatedResponse({
    type: ProjectDto,
    description: 'The caller is the owner; Location names the project',
  })
  @ApiUnprocessableEntityResponse({ description: 'Invalid or unknown fields' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateProjectDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectDto> {
    const project = await this.projects.create(principal, dto);
    res.location(`/${API_PREFIX}/projects/${project.id}`);
    setEtag(res, project.version);
    return project;
  }

  @Get()
  @RequireScope('projects:read')
  @ApiOkResponse({ type: ProjectPageDto, description: 'Projects the caller belongs to, newest first' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListProjectsQuery): Promise<ProjectPageDto> {
    return this.projects.list(principal, query);
  }

  @Get(':id')
  @RequireScope('projects:read')
  @ApiOkResponse({ type: ProjectDto })
  @ApiNotModifiedResponse({ description: 'If-None-Match names the current version' })
  async get(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectDto | undefined> {
    const project = await this.projects.get(principal, id);
    setEtag(res, project.version);
    if (!matchesIfNoneMatch(ifNoneMatch, project.version)) return project;
    res.status(HttpStatus.NOT_MODIFIED);
    return undefined;
  }

  @Put(':id')
  @RequireScope('projects:write')
  @ApiOkResponse({ type: ProjectDto })
  @ApiPreconditionFailedResponse({
    description: 'If-Match or version is not the current version; nothing changed',
  })
  replace(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() dto: ReplaceProjectDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectDto> {
    return this.write(
      res,
      this.projects.update(principal, id, dto, expectedVersion(ifMatch, dto.version), true),
    );
  }

  @Patch(':id')
  @RequireScope('projects:write')
  @ApiOkResponse({ type: ProjectDto })
  @ApiPreconditionFailedResponse({
    description: 'If-Match or version is not the current version; nothing changed',
  })
  update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() dto: UpdateProjectDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectDto> {
    return this.write(
      res,
      this.projects.update(principal, id, dto, expectedVersion(ifMatch, dto.version), false),
    );
  }

  @Delete(':id')
  @RequireScope('projects:write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The project, its members and tasks are gone (owner only)' })
  remove(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    return this.projects.remove(principal, id, expectedVersion(ifMatch, undefined));
  }

  @Post(':id/transfer')
  @RequireScope('projects:write')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: ProjectDto,
    description: 'The new owner holds the project; the old owner is now admin',
  })
  @ApiUnprocessableEntityResponse({ description: 'The new owner is not a member' })
  transfer(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() dto: TransferProjectDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectDto> {
    return this.write(res, this.projects.transfer(principal, id, dto.userId));
  }

  private async write(res: Response, pending: Promise<ProjectDto>): Promise<ProjectDto> {
    const project = await pending;
    setEtag(res, project.version);
    return project;
  }
}
