import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryRows } from '../database/query-rows';

export interface StoredResponse {
  request_hash: Buffer;
  response_status: number | null;
  response_body: unknown;
  response_location: string | null;
}

/** Idempotency keys per user, each with the first response given to it, for 24 hours. */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims the key for a request about to run (true), or finds it held (false). Expired keys, and a claim whose
   * request died without finishing, no longer hold it.
   */
  async claim(userId: string, key: string, requestHash: Buffer): Promise<boolean> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE user_id = $1 AND (created_at < now() - interval '24 hours'
          OR (key = $2 AND response_status IS NULL AND created_at < now() - interval '5 minutes'))`,
      [userId, key],
    );
    const claimed = await queryRows(
      this.dataSource,
      `INSERT INTO idempotency_keys (user_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
      [userId, key, requestHash],
    );
    return claimed.length === 1;
  }

  async find(userId: string, key: string): Promise<StoredResponse | undefined> {
    const [stored] = await this.dataSource.query<StoredResponse[]>(
      `SELECT request_hash, response_status, response_body, response_location
         FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
      [userId, key],
    );
    return stored;
  }

  async complete(
    userId: string,
    key: string,
    response: { status: number; body: unknown; location: string | null },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET response_status = $3, response_body = $4, response_location = $5
        WHERE user_id = $1 AND key = $2`,
      [userId, key, response.status, JSON.stringify(response.body), response.location],
    );
  }

  /** A failed first attempt frees the key, so the client's retry runs for real. */
  async release(userId: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2`, [
      userId,
      key,
    ]);
  }
}
