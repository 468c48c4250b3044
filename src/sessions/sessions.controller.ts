import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { Public } from '../auth/public.decorator';
import { RegistrationLimit } from '../auth/registration-limit.decorator';
import { RequireScope } from '../auth/require-scope.decorator';
import { ClientOrigin, CurrentClient } from '../common/client-origin';
import { PageQuery } from '../common/page';
import { UuidParam } from '../common/uuid-param';
import { SecondFactorLoginDto } from '../two-factor/dto/two-factor.dto';
import { AuthResponseDto, MeDto, ProvidersDto, TokenPairDto } from './dto/auth-response.dto';
import { SessionDto, SignInPageDto } from './dto/session.dto';
import { LoginDto } from './dto/login.dto';
import { RefreshTokenDto } from './dto/refresh-token.dto';
import { RegisterDto } from './dto/register.dto';
import { SessionsService } from './sessions.service';

/** Registration and the life of a login: its tokens, their rotation and its end. */
@ApiTags('auth')
@Controller('auth')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post('register')
  @Public()
  @RegistrationLimit()
  @ApiCreatedResponse({ type: AuthResponseDto })
  @ApiConflictResponse({ description: 'Email or username already taken (case-insensitive)' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid or unknown fields' })
  @ApiTooManyRequestsResponse({ description: 'Too many registrations from this address' })
  @ApiForbiddenResponse({ description: 'Passwords are turned off (PASSWORD_LOGIN=false)' })
  register(@Body() dto: RegisterDto, @CurrentClient() client: ClientOrigin): Promise<AuthResponseDto> {
    return this.sessions.register(dto, client);
  }

  @Post('login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiUnauthorizedResponse({
    description:
      'Wrong credentials (the same answer whatever was wrong); or, with a second factor on, a problem whose type ' +
      'ends in mfa-required and which carries mfaToken for POST /auth/login/2fa',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many failed logins for this account or address' })
  @ApiForbiddenResponse({ description: 'Passwords are turned off (PASSWORD_LOGIN=false)' })
  login(@Body() dto: LoginDto, @CurrentClient() client: ClientOrigin): Promise<AuthResponseDto> {
    return this.sessions.login(dto, client);
  }

  @Post('login/2fa')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiUnauthorizedResponse({
    description: 'Wrong or used code; or the mfaToken expired, was used or took 5 answers',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong codes for this account or address' })
  loginWithSecondFactor(
    @Body() dto: SecondFactorLoginDto,
    @CurrentClient() client: ClientOrigin,
  ): Promise<AuthResponseDto> {
    return this.sessions.loginWithSecondFactor(dto, client);
  }

  @Get('providers')
  @Public()
  @ApiOkResponse({ type: ProvidersDto, description: 'How people may sign in here' })
  @ApiTooManyRequestsResponse({ description: 'Past the rate limit' })
  providers(): ProvidersDto {
    return this.sessions.providers();
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ description: 'Unknown, expired or reused token; reuse revokes the whole login' })
  refresh(@Body() dto: RefreshTokenDto): Promise<TokenPairDto> {
    return this.sessions.refresh(dto.refreshToken);
  }

  @Post('logout')
  @RequireScope('profile:read')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The login of this refresh token is over' })
  logout(@CurrentPrincipal() principal: Principal, @Body() dto: RefreshTokenDto): Promise<void> {
    return this.sessions.logout(principal, dto.refreshToken);
  }

  @Get('me')
  @RequireScope('profile:read')
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() principal: Principal): Promise<MeDto> {
    return this.sessions.me(principal);
  }

  @Get('sessions')
  @RequireScope('profile:read')
  @ApiOkResponse({
    type: SessionDto,
    isArray: true,
    description: 'Live sessions, most recently used first (100 at most)',
  })
  listSessions(@CurrentPrincipal() principal: Principal): Promise<SessionDto[]> {
    return this.sessions.sessions(principal);
  }

  @Delete('sessions/:id')
  @RequireScope('profile:write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({
    description: "The session's refresh token is refused at once, its access tokens within a second",
  })
  @ApiNotFoundResponse({ description: 'No such live session of yours' })
  endSession(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<void> {
    return this.sessions.endSession(principal, id);
  }

  @Get('sign-ins')
  @RequireScope('profile:read')
  @ApiOkResponse({
    type: SignInPageDto,
    description: 'Your sign-ins and failed attempts, newest first (90 days)',
  })
  signIns(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<SignInPageDto> {
    return this.sessions.signInHistory(principal.userId, query);
  }
}

@ApiTags('admin')
@Controller('admin/users')
export class AdminSessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Delete(':id/sessions')
  @RequireScope('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({
    description: 'Every session of the user ends (their API keys stay theirs to revoke)',
  })
  @ApiNotFoundResponse({ description: 'No such user' })
  endAll(@UuidParam('id') id: string): Promise<void> {
    return this.sessions.endAllSessions(id);
  }

  @Get(':id/sign-ins')
  @RequireScope('admin')
  @ApiOkResponse({ type: SignInPageDto })
  @ApiNotFoundResponse({ description: 'No such user' })
  signIns(@UuidParam('id') id: string, @Query() query: PageQuery): Promise<SignInPageDto> {
    return this.sessions.signInHistoryOf(id, query);
  }
}
