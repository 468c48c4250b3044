import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CursorCodec } from '../common/cursor';
import { Page, toPage } from '../common/page';
import { isoTimestamp } from '../database/iso-timestamp';
import { queryRows } from '../database/query-rows';
import { visibleTaskCondition } from '../projects/project-access.repository';
import { mapNotification, NotificationDto, NotificationRow } from './dto/notification.dto';
import { NOTIFICATION_KINDS, NotificationKind } from './notification-kinds';

/** One notification a record may give, before the rules that decide whether it is written. */
export interface NotificationCandidate {
  userId: string;
  kind: NotificationKind;
  taskId: string;
  projectId: string;
  actorId: string | null;
  activityId: string;
}

const NOTIFICATION_COLUMNS = `n.id, n.kind, n.task_id, n.project_id, n.actor_id, n.activity_id, n.user_id,
  ${isoTimestamp('n.created_at')} AS created_at, ${isoTimestamp('n.read_at')} AS read_at`;

/** Notifications the user may see now: about a live task they can still read. */
const STILL_READABLE = `EXISTS (SELECT 1 FROM tasks t WHERE t.id = n.task_id AND t.deleted_at IS NULL
                                  AND ${visibleTaskCondition('n.user_id')})`;

@Injectable()
export class NotificationsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cursors: CursorCodec,
  ) {}

  /** Of the usernames, the active users who can read the task now, as ids. */
  async readersNamed(manager: EntityManager, taskId: string, usernames: string[]): Promise<string[]> {
    if (usernames.length === 0) return [];
    const rows = await manager.query<{ id: string }[]>(
      `SELECT u.id FROM users u, tasks t
        WHERE t.id = $1 AND lower(u.username) = ANY ($2::text[]) AND u.disabled_at IS NULL
          AND ${visibleTaskCondition('u.id')}
        ORDER BY lower(u.username)`,
      [taskId, usernames],
    );
    return rows.map((row) => row.id);
  }

  /** Who a task concerns beyond its project's members: its creator and its assignee. */
  async participants(manager: EntityManager, taskId: string): Promise<string[]> {
    const [row] = await manager.query<{ created_by: string; assignee_id: string | null }[]>(
      `SELECT created_by, assignee_id FROM tasks WHERE id = $1`,
      [taskId],
    );
    return row ? [row.created_by, ...(row.assignee_id ? [row.assignee_id] : [])] : [];
  }

  /**
   * Writes what the rules allow of the candidates, in one statement: never to the actor, never to a user who turned
   * the kind off, is disabled or cannot read the task, and at most one per record and user (the first kind in
   * NOTIFICATION_KINDS wins). Returns what was written.
   */
  async insert(manager: EntityManager, candidates: NotificationCandidate[]): Promise<NotificationRow[]> {
    if (candidates.length === 0) return [];
    return manager.query<NotificationRow[]>(
      `INSERT INTO notifications AS n (user_id, kind, task_id, project_id, actor_id, activity_id)
       SELECT DISTINCT ON (c.activity_id, c.user_id) c.user_id, c.kind, c.task_id, c.project_id, c.actor_id,
              c.activity_id
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[])
                AS c (user_id, kind, task_id, project_id, actor_id, activity_id)
         JOIN users u ON u.id = c.user_id AND u.disabled_at IS NULL
                     AND COALESCE((u.notification_settings ->> c.kind)::boolean, true)
         JOIN tasks t ON t.id = c.task_id AND t.deleted_at IS NULL
        WHERE c.user_id IS DISTINCT FROM c.actor_id AND ${visibleTaskCondition('c.user_id')}
        ORDER BY c.activity_id, c.user_id, array_position($7::text[], c.kind)
       ON CONFLICT (activity_id, user_id) DO NOTHING
       RETURNING ${NOTIFICATION_COLUMNS}`,
      [
        candidates.map((candidate) => candidate.userId),
        candidates.map((candidate) => candidate.kind),
        candidates.map((candidate) => candidate.taskId),
        candidates.map((candidate) => candidate.projectId),
        candidates.map((candidate) => candidate.actorId),
        candidates.map((candidate) => candidate.activityId),
        NOTIFICATION_KINDS,
      ],
    );
  }

  /** The user's notifications, newest first, keyset-paged, without those about tasks they can no longer read. */
  async list(
    userId: string,
    query: { unread?: boolean; limit: number; cursor?: string },
  ): Promise<Page<NotificationDto>> {
    const context = { list: 'notifications', userId, unread: query.unread === true };
    const after = query.cursor ? this.cursors.decode(query.cursor, context, ['timestamptz', 'uuid']) : null;
    const rows = await this.dataSource.query<NotificationRow[]>(
      `SELECT ${NOTIFICATION_COLUMNS} FROM notifications n
        WHERE n.user_id = $1 AND ($2::boolean IS NOT TRUE OR n.read_at IS NULL)
          AND ($3::timestamptz IS NULL OR (n.created_at, n.id) < ($3::timestamptz, $4::uuid))
          AND ${STILL_READABLE}
        ORDER BY n.created_at DESC, n.id DESC LIMIT $5`,
      [userId, query.unread === true, after?.[0] ?? null, after?.[1] ?? null, query.limit + 1],
    );
    return toPage(rows, query.limit, mapNotification, (row) =>
      this.cursors.encode([row.created_at, row.id], context),
    );
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ count }] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM notifications n
        WHERE n.user_id = $1 AND n.read_at IS NULL AND ${STILL_READABLE}`,
      [userId],
    );
    return count;
  }

  /** Marks the user's own notifications read: those named, or all; ids of anyone else's are passed over. */
  async markRead(userId: string, ids: string[] | 'all'): Promise<number> {
    const marked = await queryRows<{ id: string }>(
      this.dataSource,
      `UPDATE notifications SET read_at = now()
        WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY ($2::uuid[]))
        RETURNING id`,
      [userId, ids === 'all' ? null : ids],
    );
    return marked.length;
  }

  async settings(userId: string): Promise<Partial<Record<NotificationKind, boolean>>> {
    const [row] = await this.dataSource.query<{ settings: Partial<Record<NotificationKind, boolean>> }[]>(
      `SELECT notification_settings AS settings FROM users WHERE id = $1`,
      [userId],
    );
    return row?.settings ?? {};
  }

  async updateSettings(
    userId: string,
    changes: Partial<Record<NotificationKind, boolean>>,
  ): Promise<Partial<Record<NotificationKind, boolean>>> {
    const [[row]] = await this.dataSource.query<[{ settings: Partial<Record<NotificationKind, boolean>> }[]]>(
      `UPDATE users SET notification_settings = notification_settings || $2::jsonb WHERE id = $1
       RETURNING notification_settings AS settings`,
      [userId, JSON.stringify(changes)],
    );
    return row.settings;
  }
}
