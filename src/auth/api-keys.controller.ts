import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';
import { CurrentPrincipal, Principal } from './principal';
import { RequireScope } from './require-scope.decorator';
import { Idempotent } from '../common/idempotency.interceptor';

@ApiTags('auth')
@Controller('auth/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @RequireScope('profile:write')
  @Idempotent({ sealed: true })
  @ApiCreatedResponse({
    type: CreatedApiKeyDto,
    description:
      '`key` is shown this once (and in its idempotent replay to the same caller with the same key)',
  })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.apiKeys.create(principal, dto);
  }

  @Get()
  @RequireScope('profile:read')
  @ApiOkResponse({ type: ApiKeyListDto })
  list(@CurrentPrincipal() principal: Principal): Promise<ApiKeyListDto> {
    return this.apiKeys.list(principal);
  }

  @Delete(':id')
  @RequireScope('profile:write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Revoked; the key is refused from now on' })
  @ApiNotFoundResponse({ description: 'No such key of yours' })
  revoke(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<void> {
    return this.apiKeys.revoke(principal, id);
  }
}
