import { BadRequestException, Injectable } from '@nestjs/common';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../config/app-config';

/** The SQL type of one cursor key, checked on the way in so a key never reaches a cast it cannot pass. */
export type CursorKeyType =
  'uuid' | 'integer' | 'bigint' | 'smallint' | 'date' | 'timestamptz' | 'text' | 'real' | 'numeric';

/** A key's type, and whether it may be null (a nullable sort key, such as a due date, pages its null part last). */
export type CursorKeySpec = CursorKeyType | { type: CursorKeyType; nullable: true };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
// A float4 as PostgreSQL prints it (its shortest exact form).
const REAL = /^-?\d{1,40}(?:\.\d{1,40})?(?:e[+-]?\d{1,2})?$/i;
// A numeric as PostgreSQL prints it: digits, never an exponent.
const NUMERIC = /^-?\d{1,400}(?:\.\d{1,400})?$/;
// ISO 8601 as JavaScript writes it, or PostgreSQL's own text form of a timestamptz.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}(?::?\d{2})?)$/;
const INTEGER_RANGES: Record<'integer' | 'bigint' | 'smallint', [bigint, bigint]> = {
  smallint: [-(2n ** 15n), 2n ** 15n - 1n],
  integer: [-(2n ** 31n), 2n ** 31n - 1n],
  bigint: [-(2n ** 63n), 2n ** 63n - 1n],
};
const MAX_TEXT_KEY = 2048;
const MAC_BYTES = 16;

/**
 * Opaque keyset cursors: the last row's sort keys, signed with a key derived from the service's secret together
 * with the query they belong to. A cursor the service did not issue for this very query (another sort or filter,
 * another list, or made by hand) is refused with 400 before any key reaches SQL, and every key is checked against
 * its type as a second line of defence.
 */
@Injectable()
export class CursorCodec {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = Buffer.from(hkdfSync('sha256', config.jwt.secret, '', 'taskforge keyset cursor v1', 32));
  }

  encode(keys: readonly unknown[], context: unknown): string {
    const payload = Buffer.from(JSON.stringify(keys)).toString('base64url');
    return `${payload}.${this.sign(payload, context).toString('base64url')}`;
  }

  decode(cursor: string, context: unknown, specs: readonly CursorKeySpec[]): unknown[] {
    const [payload, mac, ...rest] = cursor.split('.');
    if (!payload || !mac || rest.length > 0) throw malformed();
    const given = Buffer.from(mac, 'base64url');
    const expected = this.sign(payload, context);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new BadRequestException(
        'This cursor was not issued for this list with this sort and filter; start again without it',
      );
    }
    let keys: unknown;
    try {
      keys = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw malformed();
    }
    if (!Array.isArray(keys) || keys.length !== specs.length) throw malformed();
    keys.forEach((key, index) => {
      if (!fits(key, specs[index])) throw malformed();
    });
    return keys;
  }

  private sign(payload: string, context: unknown): Buffer {
    return createHmac('sha256', this.key)
      .update(`${payload}\n${JSON.stringify(context)}`)
      .digest()
      .subarray(0, MAC_BYTES);
  }
}

function fits(key: unknown, spec: CursorKeySpec): boolean {
  const { type, nullable } = typeof spec === 'string' ? { type: spec, nullable: false } : spec;
  if (key === null) return nullable;
  switch (type) {
    case 'uuid':
      return typeof key === 'string' && UUID.test(key);
    case 'date':
      return typeof key === 'string' && DATE.test(key) && !Number.isNaN(Date.parse(key));
    case 'timestamptz':
      return typeof key === 'string' && TIMESTAMP.test(key);
    case 'text':
      return typeof key === 'string' && key.length <= MAX_TEXT_KEY;
    case 'real':
      return typeof key === 'string' && REAL.test(key);
    case 'numeric':
      return typeof key === 'string' && NUMERIC.test(key);
    default: {
      const text = typeof key === 'number' ? String(key) : key;
      if (typeof text !== 'string' || !/^-?\d{1,19}$/.test(text)) return false;
      const [min, max] = INTEGER_RANGES[type];
      return BigInt(text) >= min && BigInt(text) <= max;
    }
  }
}

function malformed(): BadRequestException {
  return new BadRequestException('Malformed cursor');
}
