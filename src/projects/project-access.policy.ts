import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import {
  allows,
  allowsTask,
  ProjectAction,
  ProjectRole,
  SharePermission,
  TaskAction,
  TaskGrant,
} from './project-permissions';

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
   * What the caller holds on a task, with its project: 404 when they hold nothing or the task is in the trash
   * (unless `deleted` asks for trashed tasks), 403 when they can see it but `action` is beyond them.
   */
  async requireTask(
    userId: string,
    taskId: string,
    action: TaskAction,
    manager?: EntityManager,
    options: { deleted?: boolean; lock?: boolean } = {},
  ): Promise<TaskGrant & { projectId: string }> {
    const [row] = await (manager ?? this.dataSource.manager).query<
      { project_id: string; role: ProjectRole | null; share: SharePermission | null; is_creator: boolean }[]
    >(
      `SELECT t.project_id, m.role, s.permission AS share, t.created_by = $2 AS is_creator
         FROM tasks t
         LEFT JOIN project_members m ON m.project_id = t.project_id AND m.user_id = $2
         LEFT JOIN task_shares s ON s.task_id = t.id AND s.user_id = $2
        WHERE t.id = $1 AND (t.deleted_at IS NULL) = $3${options.lock ? ' FOR UPDATE OF t' : ''}`,
      [taskId, userId, !options.deleted],
    );
    const grant: TaskGrant | undefined = row && {
      role: row.role,
      share: row.share,
      isCreator: row.is_creator,
    };
    if (!grant || !allowsTask(grant, 'read')) throw new NotFoundException('No such task');
    if (!allowsTask(grant, action))
      throw new ForbiddenException(`Your access to this task does not allow ${action}`);
    return { ...grant, projectId: row.project_id };
  }

  /** Narrows a task query (alias `t`) to tasks the caller may see: its projects' tasks and tasks shared with it. */
  scopeToVisibleTasks<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
    userId: string,
  ): SelectQueryBuilder<T> {
    // The caller's projects and shares are read first, as arrays, so the planner reaches their tasks through the
    // indexes (a bitmap OR) instead of testing EXISTS against every task in the table.
    return query.andWhere(
      `(t.project_id = ANY (ARRAY(SELECT vm.project_id FROM project_members vm WHERE vm.user_id = :viewerId))
        OR t.id = ANY (ARRAY(SELECT vs.task_id FROM task_shares vs WHERE vs.user_id = :viewerId)))`,
      { viewerId: userId },
    );
  }

  /**
   * Narrows a task query (alias `t`) to nothing unless the caller may read `projectId` (every role may), in the
   * same statement: a one-time filter, so a page costs one round trip instead of a check and then a read.
   */
  scopeToReadableProject<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
    projectId: string,
    userId: string,
  ): SelectQueryBuilder<T> {
    return query.andWhere(
      'EXISTS (SELECT 1 FROM project_members rm WHERE rm.project_id = :readableProjectId AND rm.user_id = :viewerId)',
      { readableProjectId: projectId, viewerId: userId },
    );
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
