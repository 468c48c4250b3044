import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ACTIVITY_COLUMNS, ActivityRow } from '../events/activity-record';
import { PERSONAL_EVENT } from '../events/activity-events';
import type { ProjectRole, SharePermission } from './project-permissions';

/** Which statement a read joins, and whether it locks what it reads until commit. */
export interface AccessReadOptions {
  manager?: EntityManager;
  lock?: boolean;
}

export interface TaskGrantRow {
  project_id: string;
  role: ProjectRole | null;
  share: SharePermission | null;
  is_creator: boolean;
}

export type TaskItemKind = 'comment' | 'attachment';

/** Where each kind of task item lives, and which column names who added it. */
const TASK_ITEM_TABLES: Record<TaskItemKind, { table: string; author: string; live: string }> = {
  comment: { table: 'comments', author: 'author_id', live: 'item.deleted_at IS NULL' },
  attachment: { table: 'attachments', author: 'created_by', live: 'true' },
};

/** One record of a batch the outbox hands to the sockets, as far as its audience depends on it. */
export interface AudienceSubject {
  projectId: string;
  taskId: string | null;
  /** Users the record names (member, assignee, creator); told only while they may still see it. */
  named: (string | null)[];
}

/**
 * Who may see a task, as SQL over a task row aliased `t` and the viewer's id as `viewer`: members of its project
 * and the users it is shared with. Lists, the change feed and socket fan-out all read visibility from here.
 * The caller's projects and shares are read first, as arrays, so the planner reaches their tasks through the indexes
 * (a bitmap OR) instead of testing EXISTS against every task in the table.
 */
export function visibleTaskCondition(viewer: string): string {
  return `(t.project_id = ANY (${visibleProjectIds(viewer)}) OR t.id = ANY (${sharedTaskIds(viewer)}))`;
}

/** The first half of the visibility rule: the projects whose every task `viewer` may see, as an array. */
export function visibleProjectIds(viewer: string): string {
  return `ARRAY(SELECT vm.project_id FROM project_members vm WHERE vm.user_id = ${viewer})`;
}

/** The second half: the tasks shared with `viewer` one by one, as an array. */
export function sharedTaskIds(viewer: string): string {
  return `ARRAY(SELECT vs.task_id FROM task_shares vs WHERE vs.user_id = ${viewer})`;
}

/** Reads both halves of the rule for `viewer` as `project_ids` and `task_ids`, for `visibleTaskConditionIn`. */
export function visibleSetQuery(viewer: string): string {
  return `SELECT ${visibleProjectIds(viewer)} AS project_ids, ${sharedTaskIds(viewer)} AS task_ids`;
}

/**
 * The rule over both halves read beforehand (`visibleSetQuery`), passed as uuid arrays. As constants the planner can
 * weigh them: across a fifth of the table it walks the sort order, across one small project it takes another index.
 */
export function visibleTaskConditionIn(projectIds: string, taskIds: string): string {
  return `(t.project_id = ANY (CAST(${projectIds} AS uuid[])) OR t.id = ANY (CAST(${taskIds} AS uuid[])))`;
}

/**
 * An activity record (alias `record`) names no second task, or one `viewer` may read: a record about a relation to
 * a private task must not tell a member of the other project that task's id.
 */
export function relatedTaskReadable(record: string, viewer: string): string {
  return `(${record}.related_task_id IS NULL OR EXISTS (SELECT 1 FROM tasks t
            WHERE t.id = ${record}.related_task_id AND ${visibleTaskCondition(viewer)}))`;
}

/** What a user ($n) holds on a task `t`: its project, their role there, their share of it, whether they made it. */
const GRANT_COLUMNS = (user: string) =>
  `t.project_id, m.role, s.permission AS share, t.created_by = ${user} AS is_creator`;
const GRANT_JOINS = (user: string) =>
  `LEFT JOIN project_members m ON m.project_id = t.project_id AND m.user_id = ${user}
   LEFT JOIN task_shares s ON s.task_id = t.id AND s.user_id = ${user}`;

/** True only when `viewer` is a member of `projectId`: a one-time filter that folds the read check into a page. */
export function readableProjectCondition(projectId: string, viewer: string): string {
  return `EXISTS (SELECT 1 FROM project_members rm WHERE rm.project_id = ${projectId} AND rm.user_id = ${viewer})`;
}

/** The SQL behind ProjectAccessPolicy; the decisions are the policy's. */
@Injectable()
export class ProjectAccessRepository {
  constructor(private readonly dataSource: DataSource) {}

  async memberRole(
    userId: string,
    projectId: string,
    { manager, lock }: AccessReadOptions = {},
  ): Promise<ProjectRole | null> {
    const [row] = await (manager ?? this.dataSource.manager).query<{ role: ProjectRole }[]>(
      `SELECT role FROM project_members WHERE project_id = $1 AND user_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [projectId, userId],
    );
    return row?.role ?? null;
  }

  /**
   * What the user holds on each of the tasks among `taskIds` (role, share, authorship): the live ones, or the
   * trashed ones when `deleted` says so; those it does not name have no row. With `lock`, the tasks are locked in
   * id order, so two writes over the same tasks queue instead of deadlocking. The one statement every task grant
   * comes from.
   */
  async taskGrants(
    userId: string,
    taskIds: string[],
    { manager, lock, deleted = false }: AccessReadOptions & { deleted?: boolean },
  ): Promise<(TaskGrantRow & { task_id: string })[]> {
    return (manager ?? this.dataSource.manager).query<(TaskGrantRow & { task_id: string })[]>(
      `SELECT t.id AS task_id, ${GRANT_COLUMNS('$2')}
         FROM tasks t ${GRANT_JOINS('$2')}
        WHERE t.id = ANY ($1::uuid[]) AND (t.deleted_at IS NULL) = $3
        ORDER BY t.id${lock ? ' FOR UPDATE OF t' : ''}`,
      [taskIds, userId, !deleted],
    );
  }

  /** Of the (user, project) pairs, those where the user is a member, as `user:project`. */
  async memberPairs(
    manager: EntityManager,
    pairs: { userId: string; projectId: string }[],
  ): Promise<Set<string>> {
    const rows = await manager.query<{ pair: string }[]>(
      `SELECT m.user_id || ':' || m.project_id AS pair
         FROM project_members m JOIN unnest($1::uuid[], $2::uuid[]) AS p (user_id, project_id)
           ON m.user_id = p.user_id AND m.project_id = p.project_id`,
      [pairs.map((pair) => pair.userId), pairs.map((pair) => pair.projectId)],
    );
    return new Set(rows.map((row) => row.pair));
  }

  /** What the user holds on the live task a comment or attachment belongs to, and whether they added it. */
  async taskItemGrant(
    userId: string,
    kind: TaskItemKind,
    itemId: string,
    { manager, lock }: AccessReadOptions,
  ): Promise<(TaskGrantRow & { task_id: string; is_author: boolean }) | undefined> {
    const { table, author, live } = TASK_ITEM_TABLES[kind];
    const [row] = await (manager ?? this.dataSource.manager).query<
      (TaskGrantRow & { task_id: string; is_author: boolean })[]
    >(
      `SELECT t.id AS task_id, ${GRANT_COLUMNS('$2')}, item.${author} = $2 AS is_author
         FROM ${table} item
         JOIN tasks t ON t.id = item.task_id AND t.deleted_at IS NULL ${GRANT_JOINS('$2')}
        WHERE item.id = $1 AND ${live}${lock ? ' FOR UPDATE OF item' : ''}`,
      [itemId, userId],
    );
    return row;
  }

  /** Of the users, those who may read the task now (members of its project, share recipients). */
  async usersWhoMayRead(manager: EntityManager, taskId: string, userIds: string[]): Promise<Set<string>> {
    const rows = await manager.query<{ user_id: string }[]>(
      `SELECT u.user_id FROM unnest($2::uuid[]) AS u (user_id)
        WHERE EXISTS (SELECT 1 FROM tasks t WHERE t.id = $1 AND ${visibleTaskCondition('u.user_id')})`,
      [taskId, userIds],
    );
    return new Set(rows.map((row) => row.user_id));
  }

  /**
   * Records after `since` the user may see now, oldest first: those of projects they belong to (and of tasks moved
   * out of them), of tasks shared with them, and those that took something away from them (their audience).
   */
  visibleActivity(
    manager: EntityManager,
    userId: string,
    since: number,
    limit: number,
  ): Promise<ActivityRow[]> {
    return manager.query<ActivityRow[]>(
      `WITH my_projects AS (SELECT project_id FROM project_members WHERE user_id = $1),
            visible AS (
              SELECT a.seq FROM my_projects m CROSS JOIN LATERAL (
                SELECT seq FROM activity r WHERE project_id = m.project_id AND seq > $2 AND event <> '${PERSONAL_EVENT}'
                   AND ${relatedTaskReadable('r', '$1')}
                 ORDER BY seq LIMIT $3) a
              UNION
              SELECT a.seq FROM my_projects m CROSS JOIN LATERAL (
                SELECT seq FROM activity r WHERE from_project_id = m.project_id AND seq > $2
                   AND ${relatedTaskReadable('r', '$1')} ORDER BY seq LIMIT $3) a
              UNION
              SELECT a.seq FROM task_shares s CROSS JOIN LATERAL (
                SELECT seq FROM activity r WHERE task_id = s.task_id AND seq > $2 AND event <> '${PERSONAL_EVENT}'
                   AND ${relatedTaskReadable('r', '$1')}
                 ORDER BY seq LIMIT $3) a
               WHERE s.user_id = $1
              UNION
              (SELECT seq FROM activity r WHERE audience @> ARRAY[$1::uuid] AND seq > $2
                  AND ${relatedTaskReadable('r', '$1')} ORDER BY seq LIMIT $3)
              UNION
              -- The user's own notifications, while the task they are about is still theirs to read.
              (SELECT n.seq FROM activity n
                WHERE n.user_id = $1 AND n.event = '${PERSONAL_EVENT}' AND n.seq > $2
                  AND EXISTS (SELECT 1 FROM tasks t WHERE t.id = n.task_id AND t.deleted_at IS NULL
                                 AND ${visibleTaskCondition('$1')})
                ORDER BY n.seq LIMIT $3))
       SELECT ${ACTIVITY_COLUMNS} FROM activity a
        WHERE a.seq IN (SELECT seq FROM visible ORDER BY seq LIMIT $3)
        ORDER BY a.seq`,
      [userId, since, limit],
    );
  }

  /**
   * For each subject, the users among those it names and its task's share recipients who may still see it now,
   * as (1-based position, user id) pairs. One query for a whole batch.
   */
  async namedUsersWhoMaySee(
    subjects: AudienceSubject[],
    manager: EntityManager,
  ): Promise<{ position: number; user_id: string }[]> {
    return manager.query<{ position: number; user_id: string }[]>(
      `SELECT r.position, c.user_id
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[])
                WITH ORDINALITY AS r (project_id, task_id, named_user, assignee, creator, position)
        CROSS JOIN LATERAL (
          SELECT unnest(ARRAY[r.named_user, r.assignee, r.creator]) AS user_id
          UNION SELECT s.user_id FROM task_shares s WHERE s.task_id = r.task_id
        ) c
        WHERE EXISTS (SELECT 1 FROM project_members m WHERE m.project_id = r.project_id AND m.user_id = c.user_id)
           OR EXISTS (SELECT 1 FROM task_shares s WHERE s.task_id = r.task_id AND s.user_id = c.user_id)`,
      [
        subjects.map((subject) => subject.projectId),
        subjects.map((subject) => subject.taskId),
        ...[0, 1, 2].map((slot) => subjects.map((subject) => subject.named[slot] ?? null)),
      ],
    );
  }
}
