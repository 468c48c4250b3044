import { ConditionalRead } from '../common/versioned-response';
import { Controller, Delete, Get, HttpCode, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiHeader,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { RequireScope } from '../auth/require-scope.decorator';
import { PageQuery } from '../common/page';
import { API_PREFIX } from '../common/setup-app';
import { UuidParam } from '../common/uuid-param';
import { AttachmentsService } from './attachments.service';
import { sendDownload } from './download';
import { AttachmentDto, AttachmentPageDto, UPLOAD_BODY_SCHEMA } from './dto/attachment.dto';

@ApiTags('attachments')
@ApiNotFoundResponse({ description: 'No such task, or the caller may not see it' })
@Controller('tasks/:taskId/attachments')
export class TaskAttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @RequireScope('tasks:write')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY_SCHEMA })
  @ApiCreatedResponse({ type: AttachmentDto })
  @ApiForbiddenResponse({ description: 'The caller may read the task but not write it' })
  @ApiPayloadTooLargeResponse({
    description: 'Over ATTACHMENT_MAX_BYTES, or over the project quota; nothing kept',
  })
  @ApiUnsupportedMediaTypeResponse({ description: 'The body is not multipart/form-data' })
  async upload(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('taskId') taskId: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AttachmentDto> {
    const attachment = await this.attachments.upload(principal, taskId, req);
    res.location(`/${API_PREFIX}/attachments/${attachment.id}`);
    return attachment;
  }

  @Get()
  @RequireScope('tasks:read')
  @ApiOkResponse({ type: AttachmentPageDto })
  list(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('taskId') taskId: string,
    @Query() query: PageQuery,
  ): Promise<AttachmentPageDto> {
    return this.attachments.list(principal, taskId, query);
  }
}

@ApiTags('attachments')
@ApiNotFoundResponse({ description: 'No such attachment, or the caller may not see its task' })
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get(':id')
  @RequireScope('tasks:read')
  @ApiOkResponse({ type: AttachmentDto })
  get(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<AttachmentDto> {
    return this.attachments.get(principal, id);
  }

  @Get(':id/content')
  @RequireScope('tasks:read')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'The file, as an attachment; ETag is its quoted sha256',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiResponse({
    status: HttpStatus.PARTIAL_CONTENT,
    description: 'The one range asked for',
    schema: { type: 'string', format: 'binary' },
  })
  @ConditionalRead()
  @ApiHeader({ name: 'Range', required: false, description: 'One byte range (`bytes=0-99`, `bytes=-100`)' })
  @ApiHeader({
    name: 'If-Range',
    required: false,
    description: 'The ETag the range is of; else the whole file',
  })
  @ApiResponse({
    status: HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
    description: 'The range is past the end',
  })
  async content(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const download = await this.attachments.download(
      principal,
      id,
      { range: req.headers.range, ifRange: req.get('if-range'), ifNoneMatch: req.get('if-none-match') },
      req.method !== 'HEAD',
    );
    await sendDownload(res, download);
  }

  @Delete(':id')
  @RequireScope('tasks:write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'Only the uploader, owners and admins remove an attachment' })
  remove(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<void> {
    return this.attachments.remove(principal, id);
  }
}
