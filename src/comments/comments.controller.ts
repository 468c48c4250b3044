import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { RequireScope } from '../auth/require-scope.decorator';
import { Idempotent } from '../common/idempotency.interceptor';
import { PageQuery } from '../common/page';
import { API_PREFIX } from '../common/setup-app';
import { UuidParam } from '../common/uuid-param';
import { ConditionalRead, ExpectedVersion, Versioned } from '../common/versioned-response';
import { CommentsService } from './comments.service';
import { CommentDto, CommentPageDto, UpdateCommentDto, WriteCommentDto } from './dto/comment.dto';

@ApiTags('comments')
@ApiNotFoundResponse({ description: 'No such task, or the caller may not see it' })
@Controller('tasks/:taskId/comments')
export class TaskCommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Post()
  @RequireScope('tasks:write')
  @Idempotent()
  @Versioned((comment) => `/${API_PREFIX}/comments/${comment.id}`)
  @ApiCreatedResponse({ type: CommentDto })
  @ApiForbiddenResponse({ description: 'The caller may read the task but not write it' })
  create(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('taskId') taskId: string,
    @Body() dto: WriteCommentDto,
  ): Promise<CommentDto> {
    return this.comments.create(principal, taskId, dto);
  }

  @Get()
  @RequireScope('tasks:read')
  @ApiOkResponse({ type: CommentPageDto })
  list(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('taskId') taskId: string,
    @Query() query: PageQuery,
  ): Promise<CommentPageDto> {
    return this.comments.list(principal, taskId, query);
  }
}

@ApiTags('comments')
@ApiNotFoundResponse({
  description: 'No such comment (or it was deleted), or the caller may not see its task',
})
@Controller('comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get(':id')
  @ConditionalRead()
  @RequireScope('tasks:read')
  @Versioned()
  @ApiOkResponse({ type: CommentDto })
  get(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<CommentDto> {
    return this.comments.get(principal, id);
  }

  @Patch(':id')
  @RequireScope('tasks:write')
  @Versioned()
  @ApiOkResponse({ type: CommentDto })
  @ApiForbiddenResponse({ description: 'Only the author edits a comment' })
  update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() dto: UpdateCommentDto,
    @ExpectedVersion() expected: number | undefined,
  ): Promise<CommentDto> {
    return this.comments.update(principal, id, dto, expected);
  }

  @Delete(':id')
  @RequireScope('tasks:write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Deleted; the thread lists it as a tombstone' })
  @ApiForbiddenResponse({ description: 'Only the author, or the project’s owners and admins' })
  remove(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @ExpectedVersion() expected: number | undefined,
  ): Promise<void> {
    return this.comments.remove(principal, id, expected);
  }
}
