import {
  applyDecorators,
  BadRequestException,
  CallHandler,
  ConflictException,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UnprocessableEntityException,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiConflictResponse, ApiHeader } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { catchError, from, mergeMap, Observable, of, throwError } from 'rxjs';
import { AppConfig } from '../config/app-config';
import { IdempotencyRepository, StoredResponse } from './idempotency.repository';
import { derivedKey, SealedBox } from './sealed-box';

/** All a replay needs of the caller: the shared layer knows no more of auth's principal than this. */
interface Caller {
  userId: string;
}

const HTTP_CODE_METADATA = '__httpCode__';
const SEALED = 'taskforge:idempotency-sealed';
const ACCEPTABLE_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * Idempotent creates (Stripe's model): the first request with a key runs and its response is kept for 24 hours;
 * the same key and body replay it (same status, same id, no new row), another body is 422, and the same key while
 * the first is still running is 409. The key is claimed by a unique INSERT, so concurrent retries cannot both run.
 *
 * A response that carries a secret shown once (a webhook's signing secret, an API key) is kept sealed: encrypted
 * under a key derived from the service's secret, bound to the caller and the Idempotency-Key, so it is replayed to
 * that caller with that key and readable by nobody who only has the database.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly box: SealedBox;

  constructor(
    private readonly keys: IdempotencyRepository,
    private readonly reflector: Reflector,
    config: AppConfig,
  ) {
    this.box = new SealedBox(derivedKey(config.jwt.secret, 'idempotent responses'));
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request & { user: Caller }>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.headers['idempotency-key'];
    if (key === undefined) return next.handle();
    if (typeof key !== 'string' || !ACCEPTABLE_KEY.test(key)) {
      throw new BadRequestException('Idempotency-Key must be 1 to 255 visible ASCII characters');
    }
    const userId = req.user.userId;
    const sealed = this.reflector.get<boolean>(SEALED, context.getHandler()) ?? false;
    const sealContext = `${userId}\n${key}`;
    const requestHash = createHash('sha256')
      .update(`${req.method} ${req.path}\n${JSON.stringify(req.body)}`)
      .digest();
    const replay = await this.claim(userId, key, requestHash);
    if (replay) {
      res.status(replay.response_status!);
      if (replay.response_location) res.location(replay.response_location);
      res.setHeader('Idempotent-Replayed', 'true');
      const body = replay.response_body as { sealed?: string } | null;
      return of(sealed && body?.sealed ? JSON.parse(this.box.open(body.sealed, sealContext)) : body);
    }
    const status = this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        const location = res.getHeader('Location');
        await this.keys.complete(userId, key, {
          status,
          body: sealed ? { sealed: this.box.seal(JSON.stringify(body), sealContext) } : body,
          location: typeof location === 'string' ? location : null,
        });
        return body;
      }),
      catchError((error: unknown) =>
        from(this.keys.release(userId, key)).pipe(mergeMap(() => throwError(() => error))),
      ),
    );
  }

  /** Claims the key for this request (undefined), or returns the finished response to replay. */
  private async claim(userId: string, key: string, requestHash: Buffer): Promise<StoredResponse | undefined> {
    if (await this.keys.claim(userId, key, requestHash)) return undefined;
    const stored = await this.keys.find(userId, key);
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

/**
 * Marks a create route as accepting Idempotency-Key, and documents it. `sealed`: the response holds a secret shown
 * once, so it is kept encrypted and replayed only to the same caller with the same key.
 */
export const Idempotent = (options: { sealed?: boolean } = {}) =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    SetMetadata(SEALED, options.sealed ?? false),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: options.sealed
        ? 'Replays the first response, secret included, for 24 hours, to the same caller with the same key only'
        : 'Replays the first response for 24 hours',
    }),
    ApiConflictResponse({ description: 'A request with the same Idempotency-Key is still in progress' }),
  );
