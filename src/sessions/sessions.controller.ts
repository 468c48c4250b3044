import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
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
import { UserDto } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';
import { AuthResponseDto, TokenPairDto } from './dto/auth-response.dto';
import { LoginDto } from './dto/login.dto';
import { RefreshTokenDto } from './dto/refresh-token.dto';
import { RegisterDto } from './dto/register.dto';
import { SessionsService } from './sessions.service';

/** Registration and the life of a login: its tokens, their rotation and its end. */
@ApiTags('auth')
@Controller('auth')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
  ) {}

  @Post('register')
  @Public()
  @RegistrationLimit()
  @ApiCreatedResponse({ type: AuthResponseDto })
  @ApiConflictResponse({ description: 'Email or username already taken (case-insensitive)' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid or unknown fields' })
  @ApiTooManyRequestsResponse({ description: 'Too many registrations from this address' })
  register(@Body() dto: RegisterDto): Promise<AuthResponseDto> {
    return this.sessions.register(dto);
  }

  @Post('login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiUnauthorizedResponse({ description: 'Wrong credentials (the same answer whatever was wrong)' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed logins for this account or address' })
  login(@Body() dto: LoginDto, @Ip() address: string): Promise<AuthResponseDto> {
    return this.sessions.login(dto, address);
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
  @ApiOkResponse({ type: UserDto })
  me(@CurrentPrincipal() principal: Principal): Promise<UserDto> {
    return this.users.me(principal);
  }
}
