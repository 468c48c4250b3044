import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isoTimestamp } from '../database/iso-timestamp';
import { queryRows } from '../database/query-rows';
import { visibleTaskCondition } from '../projects/project-access.repository';
import type { Recurrence } from '../tasks/scheduling/recurrence';

/** A dated task as the feed shows it. */
export interface FeedTaskRow {
  id: string;
  title: string;
  /** At most the configured number of characters; `description_cut` says whether there was more. */
  description: string | null;
  description_cut: boolean;
  due_date: string;
  version: number;
  updated_at: string;
  status: string;
  recurrence: Recurrence | null;
  recurrence_done: number;
}

@Injectable()
export class CalendarRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Sets the user's one feed token (hashed), replacing any earlier one. */
  async replace(userId: string, tokenHash: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO calendar_feeds (user_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
      [userId, tokenHash],
    );
  }

  async remove(userId: string): Promise<boolean> {
    const removed = await queryRows(
      this.dataSource,
      `DELETE FROM calendar_feeds WHERE user_id = $1 RETURNING user_id`,
      [userId],
    );
    return removed.length > 0;
  }

  /** The active user a feed token belongs to. */
  async ownerOf(tokenHash: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query<{ user_id: string }[]>(
      `SELECT f.user_id FROM calendar_feeds f JOIN users u ON u.id = f.user_id
        WHERE f.token_hash = $1 AND u.disabled_at IS NULL`,
      [tokenHash],
    );
    return row?.user_id;
  }

  /** The user's live dated tasks, the earliest first: those assigned to them, or all they can see. */
  tasks(
    userId: string,
    scope: 'assigned' | 'all',
    limits: { maxEvents: number; descriptionChars: number },
  ): Promise<FeedTaskRow[]> {
    return this.dataSource.query<FeedTaskRow[]>(
      `SELECT t.id, t.title, left(t.description, $4) AS description, length(t.description) > $4 AS description_cut,
              to_char(t.due_date, 'YYYY-MM-DD') AS due_date, t.version,
              ${isoTimestamp('t.updated_at')} AS updated_at, t.status, t.recurrence, t.recurrence_done
         FROM tasks t
        WHERE t.deleted_at IS NULL AND t.due_date IS NOT NULL AND ${visibleTaskCondition('$1')}
          AND ($2::boolean IS NOT TRUE OR t.assignee_id = $1)
        ORDER BY t.due_date, t.id LIMIT $3`,
      [userId, scope === 'assigned', limits.maxEvents, limits.descriptionChars],
    );
  }
}
