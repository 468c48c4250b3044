import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { allows, ProjectAction, ProjectRole } from './project-permissions';

/**
 * The one place that decides who may do what to a project. A project the caller does not belong to is "not found"
 * (404), never "forbidden": its existence is not disclosed. One the caller can see but may not change is 403.
 */
@Injectable()
export class ProjectAccessPolicy {
  constructor(private readonly dataSource: DataSource) {}

  /** A user's role in a project, or null when they are not a member. `lock` holds the row until commit. */
  async memberRole(
    userId: string,
    projectId: string,
    manager?: EntityManager,
    lock = false,
  ): Promise<ProjectRole | null> {
    const [row] = await (manager ?? this.dataSource.manager).query<{ role: ProjectRole }[]>(
      `SELECT role FROM project_members WHERE project_id = $1 AND user_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [projectId, userId],
    );
    return row?.role ?? null;
  }

  /** The caller's role in the project, or 404. */
  async roleOf(
    userId: string,
    projectId: string,
    manager?: EntityManager,
    lock = false,
  ): Promise<ProjectRole> {
    const role = await this.memberRole(userId, projectId, manager, lock);
    if (!role) throw new NotFoundException('No such project');
    return role;
  }

  /** The caller's role if it allows `action`; 404 when the project is invisible to them, 403 when the role falls short. */
  async require(
    userId: string,
    projectId: string,
    action: ProjectAction,
    manager?: EntityManager,
    lock = false,
  ): Promise<ProjectRole> {
    const role = await this.roleOf(userId, projectId, manager, lock);
    if (!allows(role, action))
      throw new ForbiddenException(`A project ${role} may not ${action.replace('-', ' ')}`);
    return role;
  }

  /**
   * Scopes a list query to projects the caller belongs to, joining their membership as `membership` so the row
   * carries the caller's role. Rows of other projects are never read.
   */
  scopeToMember<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
    projectAlias: string,
    userId: string,
  ): SelectQueryBuilder<T> {
    return query.innerJoin(
      'project_members',
      'membership',
      `membership.project_id = ${projectAlias}.id AND membership.user_id = :viewerId`,
      { viewerId: userId },
    );
  }
}
