import { Body, Controller, Delete, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { RequireScope } from '../auth/require-scope.decorator';
import { ClientOrigin, CurrentClient } from '../common/client-origin';
import { UuidParam } from '../common/uuid-param';
import {
  EnableTwoFactorDto,
  RecoveryCodesDto,
  SecondFactorAnswerDto,
  TwoFactorSetupDto,
} from './dto/two-factor.dto';
import { TwoFactorService } from './two-factor.service';

@ApiTags('auth')
@Controller()
export class TwoFactorController {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @Post('auth/2fa/setup')
  @RequireScope('profile:write')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: TwoFactorSetupDto,
    description: 'A new secret, not in force until enabled with a code',
  })
  @ApiConflictResponse({ description: 'Two-factor sign-in is already on' })
  setup(@CurrentPrincipal() principal: Principal): Promise<TwoFactorSetupDto> {
    return this.twoFactor.setup(principal);
  }

  @Post('auth/2fa/enable')
  @RequireScope('profile:write')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: RecoveryCodesDto })
  @ApiConflictResponse({ description: 'Not set up, or already on' })
  @ApiUnprocessableEntityResponse({ description: 'The code does not match the new secret' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong codes for this account or address' })
  enable(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: EnableTwoFactorDto,
    @CurrentClient() client: ClientOrigin,
  ): Promise<RecoveryCodesDto> {
    return this.twoFactor.enable(principal, dto.code, client);
  }

  @Post('auth/2fa/disable')
  @RequireScope('profile:write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Two-factor sign-in is off; its secret and recovery codes are gone' })
  @ApiConflictResponse({ description: 'Two-factor sign-in is not on' })
  @ApiUnprocessableEntityResponse({ description: 'The code or recovery code is wrong or used' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong codes for this account or address' })
  disable(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: SecondFactorAnswerDto,
    @CurrentClient() client: ClientOrigin,
  ): Promise<void> {
    return this.twoFactor.disable(principal, dto, client);
  }

  @Delete('admin/users/:id/2fa')
  @RequireScope('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiTags('admin')
  @ApiNoContentResponse({
    description: "The user's second factor is off; they sign in with their password alone",
  })
  @ApiNotFoundResponse({ description: 'No such user' })
  reset(@UuidParam('id') id: string): Promise<void> {
    return this.twoFactor.reset(id);
  }
}
