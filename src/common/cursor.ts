import { BadRequestException } from '@nestjs/common';
import { createHash } from 'node:crypto';

/**
 * Opaque keyset cursors: the last row's sort keys plus a fingerprint of the query they belong to, so a cursor
 * replayed with another sort or filter is refused (400) instead of silently returning the wrong page.
 */
export interface CursorPayload {
  keys: unknown[];
}

export function fingerprint(query: unknown): string {
  return createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 12);
}

export function encodeCursor(keys: unknown[], context: unknown): string {
  return Buffer.from(JSON.stringify({ k: keys, f: fingerprint(context) })).toString('base64url');
}

export function decodeCursor(cursor: string, context: unknown, arity: number): unknown[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadRequestException('Malformed cursor');
  }
  const { k, f } = (decoded ?? {}) as { k?: unknown; f?: unknown };
  if (!Array.isArray(k) || k.length !== arity || typeof f !== 'string')
    throw new BadRequestException('Malformed cursor');
  if (f !== fingerprint(context)) {
    throw new BadRequestException(
      'This cursor belongs to a different sort or filter; start again without it',
    );
  }
  return k;
}
