import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { recordActivity } from '../activity/record-activity';
import type { Principal } from '../auth/principal';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { Page, PageQuery, toPage } from '../common/page';
import { isUniqueViolation } from '../database/database-errors';
import { AddMemberDto, mapMember, MemberDto, MemberRow } from './dto/member.dto';
import { UsersService } from '../users/users.service';
import { ProjectAccessPolicy } from './project-access.policy';
import { GrantableRole, mayLeave, mayManageMember, ProjectRole } from './project-permissions';

const MEMBER_COLUMNS = `m.user_id, u.username, u.display_name, m.role, m.joined_at`;

@Injectable()
export class MembersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProjectAccessPolicy,
    private readonly users: UsersService,
  ) {}

  async list(principal: Principal, projectId: string, query: PageQuery): Promise<Page<MemberDto>> {
    await this.access.require(principal.userId, projectId, 'read');
    const context = { list: 'members', projectId };
    const after = query.cursor ? decodeCursor(query.cursor, context, 1)[0] : null;
    const rows = await this.dataSource.query<MemberRow[]>(
      `SELECT ${MEMBER_COLUMNS} FROM project_members m JOIN users u ON u.id = m.user_id
        WHERE m.project_id = $1 AND ($2::uuid IS NULL OR m.user_id > $2)
        ORDER BY m.user_id LIMIT $3`,
      [projectId, after, query.limit + 1],
    );
    return toPage(rows, query.limit, mapMember, (row) => encodeCursor([row.user_id], context));
  }

  async add(principal: Principal, projectId: string, dto: AddMemberDto): Promise<MemberDto> {
    return this.dataSource.transaction(async (manager) => {
      const actor = await this.access.require(principal.userId, projectId, 'manage-members', manager);
      if (!mayManageMember(actor, null, dto.role)) throw cannotManage(actor);
      const userId = await this.users.resolveActiveUserId(dto, manager);
      try {
        await manager.query(`INSERT INTO project_members (project_id, user_id, role) VALUES ($1, $2, $3)`, [
          projectId,
          userId,
          dto.role,
        ]);
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictException('That user is already a member');
        throw error;
      }
      await recordActivity(manager, {
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
    return this.dataSource.transaction(async (manager) => {
      const actor = await this.access.require(principal.userId, projectId, 'manage-members', manager);
      const current = await this.roleOfMember(projectId, userId, manager);
      if (!mayManageMember(actor, current, role)) throw cannotManage(actor);
      await manager.query(`UPDATE project_members SET role = $3 WHERE project_id = $1 AND user_id = $2`, [
        projectId,
        userId,
        role,
      ]);
      if (role !== current) {
        await recordActivity(manager, {
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
    await this.dataSource.transaction(async (manager) => {
      let role: ProjectRole;
      if (userId === principal.userId) {
        role = await this.access.roleOf(principal.userId, projectId, manager);
        if (!mayLeave(role))
          throw new ConflictException('The owner cannot leave; transfer the project first');
      } else {
        const actor = await this.access.require(principal.userId, projectId, 'manage-members', manager);
        role = await this.roleOfMember(projectId, userId, manager);
        if (!mayManageMember(actor, role)) throw cannotManage(actor);
      }
      await manager.query(`DELETE FROM project_members WHERE project_id = $1 AND user_id = $2`, [
        projectId,
        userId,
      ]);
      // The removed user no longer sees the project; naming them in the audience tells them they left it.
      await recordActivity(manager, {
        event: 'member.removed',
        projectId,
        userId,
        actorId: principal.userId,
        changes: { role: { from: role, to: null } },
        audience: [userId],
      });
    });
  }

  private async roleOfMember(
    projectId: string,
    userId: string,
    manager: EntityManager,
  ): Promise<ProjectRole> {
    const role = await this.access.memberRole(userId, projectId, manager);
    if (!role) throw new NotFoundException('No such member');
    return role;
  }

  private async load(
    projectId: string,
    userId: string,
    manager = this.dataSource.manager,
  ): Promise<MemberDto> {
    const [row] = await manager.query<MemberRow[]>(
      `SELECT ${MEMBER_COLUMNS} FROM project_members m JOIN users u ON u.id = m.user_id
        WHERE m.project_id = $1 AND m.user_id = $2`,
      [projectId, userId],
    );
    return mapMember(row);
  }
}

function cannotManage(actor: ProjectRole): ForbiddenException {
  return new ForbiddenException(
    actor === 'admin'
      ? 'Admins manage members and viewers only'
      : 'Only the owner can manage owners and admins',
  );
}
