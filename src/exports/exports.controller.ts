import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { create as contentDisposition } from 'content-disposition';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { RequireScope } from '../auth/require-scope.decorator';
import { UuidParam } from '../common/uuid-param';
import { ExportQuery, ProjectExportDto } from './dto/export.dto';
import { ExportsService } from './exports.service';

@ApiTags('exports')
@Controller('projects/:projectId/export')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get()
  @RequireScope('projects:read')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: ProjectExportDto,
    description: 'Streamed as an attachment; ?format=csv gives one row per task instead',
  })
  @ApiForbiddenResponse({ description: 'Owners and admins export a project' })
  @ApiNotFoundResponse({ description: 'No such project, or the caller may not see it' })
  async export(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @Query() query: ExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    const exported = await this.exports.open(principal, projectId, query.format ?? 'json');
    res.status(200);
    res.setHeader('Content-Type', exported.contentType);
    res.setHeader('Content-Disposition', contentDisposition(exported.filename, { type: 'attachment' }));
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // A failure midway cuts the connection: the client sees a truncated transfer, never a short "complete" file.
    await pipeline(exported.body, res).catch((error: Error) => res.destroy(error));
  }
}
