import { Controller, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { RequireScope } from '../auth/require-scope.decorator';
import { API_PREFIX } from '../common/setup-app';
import { UuidParam } from '../common/uuid-param';
import { CreateImportBody, ImportAcceptedDto, ImportDto } from './dto/import.dto';
import { ImportsService } from './imports.service';

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @RequireScope('projects:write')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: CreateImportBody })
  @ApiAcceptedResponse({
    type: ImportAcceptedDto,
    description: 'Queued; Location names the job, which makes a new project of yours when done',
  })
  @ApiPayloadTooLargeResponse({ description: 'The file is over IMPORT_MAX_BYTES' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportAcceptedDto> {
    const accepted = await this.imports.create(principal, req);
    res.location(`/${API_PREFIX}/imports/${accepted.id}`);
    return accepted;
  }

  @Get(':id')
  @RequireScope('projects:read')
  @ApiOkResponse({ type: ImportDto })
  @ApiNotFoundResponse({ description: 'No such import of yours' })
  get(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<ImportDto> {
    return this.imports.get(principal, id);
  }
}
