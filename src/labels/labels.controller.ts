import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
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
import { CreateLabelDto, LabelDto, LabelListDto, UpdateLabelDto } from './dto/label.dto';
import { LabelsService } from './labels.service';

@ApiTags('labels')
@ApiNotFoundResponse({ description: 'No such project or label, or the caller may not see the project' })
@Controller('projects/:projectId/labels')
export class LabelsController {
  constructor(private readonly labels: LabelsService) {}

  @Post()
  @RequireScope('projects:write')
  @Located((label) => `/${API_PREFIX}/projects/${label.projectId}/labels/${label.id}`)
  @ApiCreatedResponse({ type: LabelDto, description: 'Location names the label' })
  @ApiForbiddenResponse({ description: 'Viewers read labels only' })
  @ApiConflictResponse({ description: 'The project has a label of that name (ignoring case)' })
  create(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @Body() dto: CreateLabelDto,
  ): Promise<LabelDto> {
    return this.labels.create(principal, projectId, dto);
  }

  @Get()
  @RequireScope('projects:read')
  @ApiOkResponse({ type: LabelListDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
  ): Promise<LabelListDto> {
    return { items: await this.labels.list(principal, projectId) };
  }

  @Get(':labelId')
  @RequireScope('projects:read')
  @ApiOkResponse({ type: LabelDto })
  get(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @UuidParam('labelId') labelId: string,
  ): Promise<LabelDto> {
    return this.labels.get(principal, projectId, labelId);
  }

  @Patch(':labelId')
  @RequireScope('projects:write')
  @ApiOkResponse({ type: LabelDto })
  @ApiForbiddenResponse({ description: 'Viewers read labels only' })
  @ApiConflictResponse({ description: 'The project has a label of that name (ignoring case)' })
  update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @UuidParam('labelId') labelId: string,
    @Body() dto: UpdateLabelDto,
  ): Promise<LabelDto> {
    return this.labels.update(principal, projectId, labelId, dto);
  }

  @Delete(':labelId')
  @RequireScope('projects:write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: "Removed from every task, each change in that task's history" })
  @ApiForbiddenResponse({ description: 'Viewers read labels only' })
  remove(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @UuidParam('labelId') labelId: string,
  ): Promise<void> {
    return this.labels.remove(principal, projectId, labelId);
  }
}
