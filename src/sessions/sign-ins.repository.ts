import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SignInMethod } from '../auth/credentials.repository';
import type { ClientOrigin } from '../common/client-origin';
import { CursorCodec } from '../common/cursor';
import { Page, PageQuery, toPage } from '../common/page';

/** History older than this is dropped as new entries arrive: enough to notice a stranger, bounded per account. */
const HISTORY_DAYS = 90;

export interface SignInRow {
  id: string;
  at: Date;
  method: SignInMethod;
  succeeded: boolean;
  reason: string | null;
  address: string | null;
  user_agent: string | null;
}

export interface SignInEntry {
  userId: string;
  method: SignInMethod;
  succeeded: boolean;
  reason?: string;
  client: ClientOrigin;
}

@Injectable()
export class SignInsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cursors: CursorCodec,
  ) {}

  async record(entry: SignInEntry): Promise<void> {
    await this.dataSource.query(
      `WITH expired AS (DELETE FROM sign_ins WHERE user_id = $1 AND at < now() - interval '${HISTORY_DAYS} days')
       INSERT INTO sign_ins (user_id, method, succeeded, reason, address, user_agent) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        entry.userId,
        entry.method,
        entry.succeeded,
        entry.reason ?? null,
        entry.client.address,
        entry.client.userAgent,
      ],
    );
  }

  /** Newest first. */
  async list(userId: string, query: PageQuery): Promise<Page<SignInRow>> {
    const context = { list: 'sign-ins', userId };
    const [before] = query.cursor ? this.cursors.decode(query.cursor, context, ['bigint']) : [null];
    const rows = await this.dataSource.query<SignInRow[]>(
      `SELECT id, at, method, succeeded, reason, address, user_agent FROM sign_ins
        WHERE user_id = $1 AND ($2::bigint IS NULL OR id < $2::bigint)
        ORDER BY id DESC LIMIT $3`,
      [userId, before, query.limit + 1],
    );
    return toPage(
      rows,
      query.limit,
      (row) => row,
      (row) => this.cursors.encode([row.id], context),
    );
  }
}
