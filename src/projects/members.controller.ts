import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { RequireScope } from '../auth/require-scope.decorator';
import { UuidParam } from '../common/uuid-param';
import { AddMemberDto, ListMembersQuery, MemberDto, MemberPageDto, UpdateMemberDto } from './dto/member.dto';
import { MembersService } from './members.service';

@ApiTags('members')
@ApiNotFoundResponse({ description: 'No such project (or the caller is not a member), or no such member' })
@Controller('projects/:projectId/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @RequireScope('projects:read')
  @ApiOkResponse({ type: MemberPageDto })
  list(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @Query() query: ListMembersQuery,
  ): Promise<MemberPageDto> {
    return this.members.list(principal, projectId, query);
  }

  @Post()
  @RequireScope('members:write')
  @ApiCreatedResponse({ type: MemberDto })
  @ApiConflictResponse({ description: 'Already a member' })
  @ApiUnprocessableEntityResponse({ description: 'No active user with that id or email' })
  add(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @Body() dto: AddMemberDto,
  ): Promise<MemberDto> {
    return this.members.add(principal, projectId, dto);
  }

  @Patch(':userId')
  @RequireScope('members:write')
  @ApiOkResponse({ type: MemberDto })
  changeRole(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @UuidParam('userId') userId: string,
    @Body() dto: UpdateMemberDto,
  ): Promise<MemberDto> {
    return this.members.changeRole(principal, projectId, userId, dto.role);
  }

  @Delete(':userId')
  @RequireScope('members:write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Removed, or left when userId is the caller' })
  @ApiConflictResponse({ description: 'The owner cannot leave without transferring' })
  remove(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @UuidParam('userId') userId: string,
  ): Promise<void> {
    return this.members.remove(principal, projectId, userId);
  }
}
