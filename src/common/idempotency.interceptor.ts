import {
  applyDecorators,
  BadRequestException,
  CallHandler,
  ConflictException,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
  UnprocessableEntityException,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiConflictResponse, ApiHeader } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { catchError, from, mergeMap, Observable, of, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { queryRows } from '../database/query-rows';
import { setEtag } from './etag';

const HTTP_CODE_METADATA = '__httpCode__';
const ACCEPTABLE_KEY = /^[\x21-\x7e]{1,255}$/;

interface StoredResponse {
  request_hash: Buffer;
  response_status: number | null;
  response_body: unknown;
  response_location: string | null;
}

/**
 * Idempotent creates (Stripe's model): the first request with a key runs and its response is kept for 24 hours;
 * the same key and body replay it (same status, same id, no new row), another body is 422, and the same key while
 * the first is still running is 409. The key is claimed by a unique INSERT, so concurrent retries cannot both run.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request & { user: Principal }>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.headers['idempotency-key'];
    if (key === undefined) return next.handle();
    if (typeof key !== 'string' || !ACCEPTABLE_KEY.test(key)) {
      throw new BadRequestException('Idempotency-Key must be 1 to 255 visible ASCII characters');
    }
    const userId = req.user.userId;
    const requestHash = createHash('sha256')
      .update(`${req.method} ${req.path}\n${JSON.stringify(req.body)}`)
      .digest();
    const replay = await this.claim(userId, key, requestHash);
    if (replay) {
      res.status(replay.response_status!);
      if (replay.response_location) res.location(replay.response_location);
      const version = (replay.response_body as { version?: unknown } | null)?.version;
      if (typeof version === 'number') setEtag(res, version);
      res.setHeader('Idempotent-Replayed', 'true');
      return of(replay.response_body);
    }
    const status = this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        const location = res.getHeader('Location');
        await this.dataSource.query(
          `UPDATE idempotency_keys SET response_status = $3, response_body = $4, response_location = $5
            WHERE user_id = $1 AND key = $2`,
          [userId, key, status, JSON.stringify(body), typeof location === 'string' ? location : null],
        );
        return body;
      }),
      // A failed first attempt frees the key, so the client's retry runs for real.
      catchError((error: unknown) =>
        from(
          this.dataSource.query(`DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2`, [
            userId,
            key,
          ]),
        ).pipe(mergeMap(() => throwError(() => error))),
      ),
    );
  }

  /** Claims the key for this request (undefined), or returns the finished response to replay. */
  private async claim(userId: string, key: string, requestHash: Buffer): Promise<StoredResponse | undefined> {
    // Expired keys, and a claim whose request died without finishing, no longer hold the key.
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
    if (claimed.length === 1) return undefined;
    const [stored] = await this.dataSource.query<StoredResponse[]>(
      `SELECT request_hash, response_status, response_body, response_location FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
      [userId, key],
    );
    if (!stored) throw new ConflictException('A request with this Idempotency-Key just finished; retry it');
    if (!stored.request_hash.equals(requestHash)) {
      throw new UnprocessableEntityException('This Idempotency-Key was used with a different request');
    }
    if (stored.response_status === null) {
      throw new ConflictException('A request with this Idempotency-Key is still in progress');
    }
    return stored;
  }
}

/** Marks a create route as accepting Idempotency-Key, and documents it. */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Replays the first response for 24 hours',
    }),
    ApiConflictResponse({ description: 'A request with the same Idempotency-Key is still in progress' }),
  );
