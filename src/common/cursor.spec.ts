import { BadRequestException } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { CursorCodec, CursorKeySpec } from './cursor';

const codecWith = (secret: string) => new CursorCodec({ jwt: { secret } } as AppConfig);

describe('CursorCodec', () => {
  const codec = codecWith('a-secret-long-enough-for-the-test-0123456789');
  const context = { sort: '-priority', status: ['pending'] };
  const id = '0b6a2f9e-8a7d-4a53-9a1e-3f1f2b3c4d5e';
  const specs: CursorKeySpec[] = ['integer', 'uuid'];

  it('round-trips the keys for the same query', () => {
    const cursor = codec.encode([5, id], context);
    expect(codec.decode(cursor, { ...context }, specs)).toEqual([5, id]);
  });

  it('refuses a cursor replayed with another sort or filter', () => {
    const cursor = codec.encode([5, id], context);
    expect(() => codec.decode(cursor, { ...context, sort: 'title' }, specs)).toThrow(
      /not issued for this list/,
    );
  });

  it('refuses a cursor signed with another secret', () => {
    const cursor = codecWith('another-secret-long-enough-for-the-test-012345').encode([5, id], context);
    expect(() => codec.decode(cursor, context, specs)).toThrow(BadRequestException);
  });

  it('refuses a hand-made cursor whose keys were swapped for junk, keeping the old signature', () => {
    const [, mac] = codec.encode([5, id], context).split('.');
    const forged = `${Buffer.from(JSON.stringify(['junk', 'x'])).toString('base64url')}.${mac}`;
    expect(() => codec.decode(forged, context, specs)).toThrow(BadRequestException);
  });

  it.each([
    ['a junk integer', ['ten', id]],
    ['an integer beyond its type', [2 ** 40, id]],
    ['a junk uuid', [5, 'not-a-uuid']],
    ['a null where the key cannot be null', [null, id]],
  ])('refuses a signed cursor carrying %s', (_label, keys) => {
    expect(() => codec.decode(codec.encode(keys, context), context, specs)).toThrow('Malformed cursor');
  });

  it('accepts a null for a nullable key and PostgreSQL text timestamps and dates', () => {
    const nullable: CursorKeySpec[] = [{ type: 'date', nullable: true }, 'timestamptz', 'date'];
    const keys = [null, '2026-12-02 03:10:00.123+00', '2026-02-28'];
    expect(codec.decode(codec.encode(keys, context), context, nullable)).toEqual(keys);
  });

  it.each(['not base64 !!', 'abc', 'a.b.c', '', '.'])('refuses the malformed cursor %p', (cursor) => {
    expect(() => codec.decode(cursor, context, specs)).toThrow(BadRequestException);
  });

  it('refuses a cursor with the wrong number of keys', () => {
    expect(() => codec.decode(codec.encode([1], context), context, specs)).toThrow('Malformed cursor');
  });
});
