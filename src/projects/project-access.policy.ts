import { ForbiddenException, HttpException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ActivityRow } from '../events/activity-record';
import type { OutboxRecord } from '../events/outbox';
import {
  AccessReadOptions,
  ProjectAccessRepository,
  TaskGrantRow,
  TaskItemKind,
} from './project-access.repository';
import {
  allows,
  allowsTask,
  allowsTaskItem,
  mayChangeView,
  ProjectAction,
  ProjectRole,
  TaskAction,
  TaskGrant,
  TaskItemAction,
} from './project-permissions';

export type TaskAccessOptions = AccessReadOptions & {
  /** Look in the trash instead (restore). */
  deleted?: boolean;
};

/**
 * The one place that decides who may do what to a project or task, and who may see a record. A project or task
 * the caller cannot see is "not found" (404), never "forbidden": its existence is not disclosed. One the caller can
 * see but may not change is 403. Services call it first inside their transaction, so a role check and the row lock
 * it takes hold until commit; lists, the change feed and socket fan-out read their scope from it too.
 */
@Injectable()
export class ProjectAccessPolicy {
  constructor(private readonly repository: ProjectAccessRepository) {}

  /** A user's role in a project, or null when they are not a member. */
  memberRole(
    userId: string,
    projectId: string,
    options: AccessReadOptions = {},
  ): Promise<ProjectRole | null> {
    return this.repository.memberRole(userId, projectId, options);
  }

  /** The caller's role in the project, or 404. */
  async roleOf(userId: string, projectId: string, options: AccessReadOptions = {}): Promise<ProjectRole> {
    const role = await this.repository.memberRole(userId, projectId, options);
    if (!role) throw new NotFoundException('No such project');
    return role;
  }

  /** The caller's role if it allows `action`; 404 when the project is invisible to them, 403 when the role falls short. */
  async require(
    userId: string,
    projectId: string,
    action: ProjectAction,
    options: AccessReadOptions = {},
  ): Promise<ProjectRole> {
    const role = await this.roleOf(userId, projectId, options);
    if (!allows(role, action))
      throw new ForbiddenException(`A project ${role} may not ${action.replace('-', ' ')}`);
    return role;
  }

  /** 403 unless the caller may change the view (see mayChangeView); 404 when they no longer read its project. */
  async requireViewChange(
    userId: string,
    view: { projectId: string; ownerId: string; shared: boolean },
    manager: EntityManager,
  ): Promise<void> {
    const role = await this.roleOf(userId, view.projectId, { manager });
    if (!mayChangeView(role, { authored: view.ownerId === userId, shared: view.shared })) {
      throw new ForbiddenException(
        "Only its author, or the project's owners and admins, change a shared view",
      );
    }
  }

  /**
   * What the caller holds on a task, with its project: 404 when they hold nothing or the task is in the trash
   * (unless `deleted` asks for trashed tasks), 403 when they can see it but `action` is beyond them.
   */
  async requireTask(
    userId: string,
    taskId: string,
    action: TaskAction,
    options: TaskAccessOptions = {},
  ): Promise<TaskGrant & { projectId: string }> {
    const [row] = await this.repository.taskGrants(userId, [taskId], options);
    const grant = row && grantOf(row);
    const refusal = taskRefusal(grant, action);
    if (refusal) throw refusal;
    return { ...grant, projectId: row.project_id };
  }

  /**
   * `requireTask` for many live tasks at once, in one query that locks them: for each id, its project, or the
   * exception a single request would have met (404 or 403).
   */
  async taskAccess(
    userId: string,
    taskIds: string[],
    action: TaskAction,
    manager: EntityManager,
  ): Promise<Map<string, { projectId: string } | HttpException>> {
    const rows = new Map(
      (await this.repository.taskGrants(userId, taskIds, { manager, lock: true })).map((row) => [
        row.task_id,
        row,
      ]),
    );
    return new Map(
      taskIds.map((id): [string, { projectId: string } | HttpException] => {
        const row = rows.get(id);
        return [id, taskRefusal(row && grantOf(row), action) ?? { projectId: row!.project_id }];
      }),
    );
  }

  /** Of the (user, project) pairs, those where the user is a member, as `user:project`. */
  memberPairs(manager: EntityManager, pairs: { userId: string; projectId: string }[]): Promise<Set<string>> {
    return this.repository.memberPairs(manager, pairs);
  }

  /**
   * What the caller holds on a comment's or attachment's task: 404 when they cannot read the task (or it is in the
   * trash, or the item is gone), 403 when `action` is beyond them.
   */
  async requireTaskItem(
    userId: string,
    kind: TaskItemKind,
    itemId: string,
    action: TaskItemAction,
    options: AccessReadOptions = {},
  ): Promise<TaskGrant & { projectId: string; taskId: string }> {
    const row = await this.repository.taskItemGrant(userId, kind, itemId, options);
    const grant = row && grantOf(row);
    if (!grant || !allowsTask(grant, 'read')) throw new NotFoundException(`No such ${kind}`);
    if (!allowsTaskItem(grant, row.is_author, action))
      throw new ForbiddenException(`Your access does not allow you to ${action} this ${kind}`);
    return { ...grant, projectId: row.project_id, taskId: row.task_id };
  }

  /** The change feed's page: records after `since` the user may see now, oldest first. */
  visibleActivity(
    manager: EntityManager,
    userId: string,
    since: number,
    limit: number,
  ): Promise<ActivityRow[]> {
    return this.repository.visibleActivity(manager, userId, since, limit);
  }

  /** Of the users, those who may read the task now: whom a record naming it as a second task may reach. */
  usersWhoMayRead(manager: EntityManager, taskId: string, userIds: string[]): Promise<Set<string>> {
    return this.repository.usersWhoMayRead(manager, taskId, userIds);
  }

  /**
   * For each record, the users told in their own socket room: those it names (member, assignee, the creator of a
   * project) and the task's share recipients, while they may still see it, plus its audience (those it took
   * something away from). One query for the whole batch.
   */
  async personalAudiences(records: OutboxRecord[], manager: EntityManager): Promise<string[][]> {
    const rows = await this.repository.namedUsersWhoMaySee(
      records.map((record) => {
        const assigneeId = record.resource?.assigneeId;
        return {
          projectId: record.projectId,
          taskId: record.taskId,
          named: [
            record.userId,
            typeof assigneeId === 'string' ? assigneeId : null,
            record.event === 'project.created' ? record.actorId : null,
          ],
        };
      }),
      manager,
    );
    const users = records.map((record) => [...record.audience]);
    for (const row of rows) users[Number(row.position) - 1].push(row.user_id);
    return users;
  }
}

/** A grant row as the permission table reads it. */
function grantOf(row: TaskGrantRow): TaskGrant {
  return { role: row.role, share: row.share, isCreator: row.is_creator };
}

/** Why `action` on a task is refused: 404 when the grant cannot even read it, 403 when it reads but may not act. */
function taskRefusal(grant: TaskGrant | undefined, action: TaskAction): HttpException | undefined {
  if (!grant || !allowsTask(grant, 'read')) return new NotFoundException('No such task');
  if (!allowsTask(grant, action))
    return new ForbiddenException(`Your access to this task does not allow ${action}`);
  return undefined;
}
