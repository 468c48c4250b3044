import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { RequireScope } from '../auth/require-scope.decorator';
import type { Page } from '../common/page';
import { PageQuery } from '../common/page';
import { UuidParam } from '../common/uuid-param';
import { AdminUsersService } from './admin-users.service';
import { AdminUpdateUserDto } from './dto/admin-update-user.dto';
import { UserDto, UserPageDto } from './dto/user.dto';

@ApiTags('admin')
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly admin: AdminUsersService) {}

  @Get()
  @RequireScope('admin')
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: PageQuery): Promise<Page<UserDto>> {
    return this.admin.list(query);
  }

  @Patch(':id')
  @RequireScope('admin')
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ description: 'No such user' })
  @ApiUnprocessableEntityResponse({ description: 'Would leave no active admin' })
  update(@UuidParam('id') id: string, @Body() dto: AdminUpdateUserDto): Promise<UserDto> {
    return this.admin.update(id, dto);
  }
}
