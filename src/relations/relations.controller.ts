import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
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
import { UuidParam } from '../common/uuid-param';
import { CreateRelationDto, RelationDto, RelationListDto } from './dto/relation.dto';
import { RelationsService } from './relations.service';

@ApiTags('relations')
@ApiNotFoundResponse({ description: 'No such task or relation, or the caller may not see the task' })
@Controller('tasks/:id/relations')
export class RelationsController {
  constructor(private readonly relations: RelationsService) {}

  @Post()
  @RequireScope('tasks:write')
  @ApiCreatedResponse({ type: RelationDto })
  @ApiForbiddenResponse({ description: 'The caller may read the task but not edit it' })
  @ApiConflictResponse({ description: 'The two tasks are already related' })
  @ApiUnprocessableEntityResponse({
    description: 'The other task is unreadable, the task itself, or blocks would loop',
  })
  create(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() dto: CreateRelationDto,
  ): Promise<RelationDto> {
    return this.relations.create(principal, id, dto);
  }

  @Get()
  @RequireScope('tasks:read')
  @ApiOkResponse({
    type: RelationListDto,
    description: 'Relations to tasks the caller can read, oldest first',
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
  ): Promise<RelationListDto> {
    return { items: await this.relations.list(principal, id) };
  }

  @Delete(':relationId')
  @RequireScope('tasks:write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'The caller may read the task but not edit it' })
  remove(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @UuidParam('relationId') relationId: string,
  ): Promise<void> {
    return this.relations.remove(principal, id, relationId);
  }
}
