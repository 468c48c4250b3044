import { ActivityRecorder } from '../events/activity-recorder';
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { Principal } from '../auth/principal';
import type { Page, PageQuery } from '../common/page';
import { Transactions } from '../database/transactions';
import { isUniqueViolation } from '../database/database-errors';
import { AddMemberDto, MemberDto } from './dto/member.dto';
import { MemberDepartures } from './member-departures';
import { MembersRepository } from './members.repository';
import { UsersService } from '../users/users.service';
import { ProjectAccessPolicy } from './project-access.policy';
import { GrantableRole, mayLeave, mayManageMember, ProjectRole } from './project-permissions';

@Injectable()
export class MembersService {
  constructor(
    private readonly recorder: ActivityRecorder,
    private readonly transactions: Transactions,
    private readonly members: MembersRepository,
    private readonly access: ProjectAccessPolicy,
    private readonly users: UsersService,
    private readonly departures: MemberDepartures,
  ) {}

  async list(principal: Principal, projectId: string, query: PageQuery): Promise<Page<MemberDto>> {
    await this.access.require(principal.userId, projectId, 'read');
    return this.members.list(projectId, query);
  }

  async add(principal: Principal, projectId: string, dto: AddMemberDto): Promise<MemberDto> {
    return this.transactions.run(async (manager) => {
      const actor = await this.access.require(principal.userId, projectId, 'manage-members', { manager });
      if (!mayManageMember(actor, null, dto.role)) throw cannotManage(actor);
      const userId = await this.users.resolveActiveUserId(dto, manager);
      try {
        await this.members.insert(manager, projectId, userId, dto.role);
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictException('That user is already a member');
        throw error;
      }
      await this.recorder.recordOne(manager, {
        event: 'member.added',
        projectId,
        userId,
        actorId: principal.userId,
        changes: { role: { from: null, to: dto.role } },
      });
      return this.load(projectId, userId, manager);
    });
  }

  async changeRole(
    principal: Principal,
    projectId: string,
    userId: string,
    role: GrantableRole,
  ): Promise<MemberDto> {
    return this.transactions.run(async (manager) => {
      const actor = await this.access.require(principal.userId, projectId, 'manage-members', { manager });
      const current = await this.roleOfMember(projectId, userId, manager);
      if (!mayManageMember(actor, current, role)) throw cannotManage(actor);
      await this.members.setRole(manager, projectId, userId, role);
      if (role !== current) {
        await this.recorder.recordOne(manager, {
          event: 'member.updated',
          projectId,
          userId,
          actorId: principal.userId,
          changes: { role: { from: current, to: role } },
        });
      }
      return this.load(projectId, userId, manager);
    });
  }

  /** Removes a member, or lets the caller leave (any role but the owner, who must transfer first). */
  async remove(principal: Principal, projectId: string, userId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      let role: ProjectRole;
      if (userId === principal.userId) {
        role = await this.access.roleOf(principal.userId, projectId, { manager });
        if (!mayLeave(role))
          throw new ConflictException('The owner cannot leave; transfer the project first');
      } else {
        const actor = await this.access.require(principal.userId, projectId, 'manage-members', { manager });
        role = await this.roleOfMember(projectId, userId, manager);
        if (!mayManageMember(actor, role)) throw cannotManage(actor);
      }
      await this.members.delete(manager, projectId, userId);
      const undone = await this.departures.apply(manager, { projectId, userId, actorId: principal.userId });
      await this.recorder.record(manager, [
        ...undone,
        // The removed user no longer sees the project; naming them in the audience tells them they left it.
        {
          event: 'member.removed',
          projectId,
          userId,
          actorId: principal.userId,
          changes: { role: { from: role, to: null } },
          audience: [userId],
        },
      ]);
    });
  }

  private async roleOfMember(
    projectId: string,
    userId: string,
    manager: EntityManager,
  ): Promise<ProjectRole> {
    const role = await this.access.memberRole(userId, projectId, { manager });
    if (!role) throw new NotFoundException('No such member');
    return role;
  }

  private async load(projectId: string, userId: string, manager: EntityManager): Promise<MemberDto> {
    return (await this.members.find(manager, projectId, userId))!;
  }
}

function cannotManage(actor: ProjectRole): ForbiddenException {
  return new ForbiddenException(
    actor === 'admin'
      ? 'Admins manage members and viewers only'
      : 'Only the owner can manage owners and admins',
  );
}
