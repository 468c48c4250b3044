import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { RequireScope } from '../auth/require-scope.decorator';
import type { Page } from '../common/page';
import { ChangePasswordDto } from './dto/change-password.dto';
import { DirectoryQuery } from './dto/directory-query.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { DirectoryPageDto, DirectoryUserDto, UserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  @RequireScope('profile:read')
  @ApiOkResponse({ type: UserDto })
  me(@CurrentPrincipal() principal: Principal): Promise<UserDto> {
    return this.users.me(principal);
  }

  @Patch('me')
  @RequireScope('profile:write')
  @ApiOkResponse({ type: UserDto })
  @ApiUnprocessableEntityResponse({
    description: 'Invalid fields, or an email change without currentPassword',
  })
  update(@CurrentPrincipal() principal: Principal, @Body() dto: UpdateProfileDto): Promise<UserDto> {
    return this.users.updateProfile(principal, dto);
  }

  @Post('me/password')
  @RequireScope('profile:write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Changed; every other login of the user is revoked' })
  changePassword(@CurrentPrincipal() principal: Principal, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.users.changePassword(principal, dto);
  }

  @Get()
  @RequireScope('profile:read')
  @ApiOkResponse({ type: DirectoryPageDto })
  directory(@Query() query: DirectoryQuery): Promise<Page<DirectoryUserDto>> {
    return this.users.directory(query);
  }
}
