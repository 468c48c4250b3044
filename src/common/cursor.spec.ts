import { BadRequestException } from '@nestjs/common';
import { decodeCursor, encodeCursor } from './cursor';

describe('cursor codec', () => {
  const context = { sort: '-priority', status: ['pending'] };

  it('round-trips the keys for the same query', () => {
    const cursor = encodeCursor([5, 'a1b2'], context);
    expect(decodeCursor(cursor, { ...context }, 2)).toEqual([5, 'a1b2']);
  });

  it('refuses a cursor replayed with another sort or filter', () => {
    const cursor = encodeCursor([5, 'a1b2'], context);
    expect(() => decodeCursor(cursor, { ...context, sort: 'title' }, 2)).toThrow(/different sort or filter/);
  });

  it.each([
    'not base64 !!',
    Buffer.from('{"k":1}').toString('base64url'),
    Buffer.from('[]').toString('base64url'),
    '',
  ])('refuses the malformed cursor %p', (cursor) => {
    expect(() => decodeCursor(cursor, context, 2)).toThrow(BadRequestException);
  });

  it('refuses a cursor with the wrong number of keys', () => {
    expect(() => decodeCursor(encodeCursor([1], context), context, 2)).toThrow(BadRequestException);
  });
});
