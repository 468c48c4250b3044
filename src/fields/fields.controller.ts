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
import { CreateFieldDto, FieldDto, FieldListDto, UpdateFieldDto } from './dto/field.dto';
import { FieldsService } from './fields.service';

const MANAGERS_ONLY = "Owners and admins define a project's fields; others read them";

@ApiTags('fields')
@ApiNotFoundResponse({ description: 'No such project or field, or the caller may not see the project' })
@Controller('projects/:projectId/fields')
export class FieldsController {
  constructor(private readonly fields: FieldsService) {}

  @Get()
  @RequireScope('projects:read')
  @ApiOkResponse({ type: FieldListDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
  ): Promise<FieldListDto> {
    return { items: await this.fields.list(principal, projectId) };
  }

  @Post()
  @RequireScope('projects:write')
  @Located((field) => `/${API_PREFIX}/projects/${field.projectId}/fields/${field.id}`)
  @ApiCreatedResponse({ type: FieldDto, description: 'Location names the field' })
  @ApiForbiddenResponse({ description: MANAGERS_ONLY })
  @ApiConflictResponse({ description: 'The project has a field of that name (ignoring case)' })
  create(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @Body() dto: CreateFieldDto,
  ): Promise<FieldDto> {
    return this.fields.create(principal, projectId, dto);
  }

  @Patch(':fieldId')
  @RequireScope('projects:write')
  @ApiOkResponse({ type: FieldDto })
  @ApiForbiddenResponse({ description: MANAGERS_ONLY })
  @ApiConflictResponse({ description: 'The project has another field of that name (ignoring case)' })
  update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @UuidParam('fieldId') fieldId: string,
    @Body() dto: UpdateFieldDto,
  ): Promise<FieldDto> {
    return this.fields.update(principal, projectId, fieldId, dto);
  }

  @Delete(':fieldId')
  @RequireScope('projects:write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({
    description: "Its values taken off every task, each change in that task's history",
  })
  @ApiForbiddenResponse({ description: MANAGERS_ONLY })
  remove(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @UuidParam('fieldId') fieldId: string,
  ): Promise<void> {
    return this.fields.remove(principal, projectId, fieldId);
  }
}
