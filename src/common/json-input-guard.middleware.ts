import { BadRequestException, HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { FieldError } from './problem';
import { RequestValidationException } from './request-validation.exception';

/**
 * Far deeper than any body the API defines; it bounds the recursion of class-transformer and class-validator, which
 * overflow the stack on a body nested some thousands of levels deep.
 */
export const MAX_JSON_DEPTH = 16;

/** What PostgreSQL cannot store as text or jsonb, and what each is told. */
const UNSTORABLE: [(text: string) => boolean, string][] = [
  [(text) => text.includes('\u0000'), 'must not contain the NUL character (U+0000)'],
  // With the u flag a surrogate range matches only a lone surrogate: a pair is one code point outside it.
  [(text) => /[\ud800-\udfff]/u.test(text), 'must be well-formed Unicode (it holds a lone surrogate)'],
];

function unstorable(text: string): string | undefined {
  return UNSTORABLE.find(([holds]) => holds(text))?.[1];
}

/**
 * Refuses input nothing behind it could take, before anything recursive reads it: a body nested deeper than
 * MAX_JSON_DEPTH (400), and text PostgreSQL cannot store, U+0000 or a lone surrogate (422 in a body, 400 in a
 * query).
 */
export function jsonInputGuardMiddleware(req: Request, _res: Response, next: NextFunction): void {
  next(
    refusal(inspect(req.body), 'body', HttpStatus.UNPROCESSABLE_ENTITY) ??
      refusal(inspect(req.query), 'query', HttpStatus.BAD_REQUEST),
  );
}

function refusal(
  found: FieldError[] | 'too deep',
  where: 'body' | 'query',
  status: HttpStatus.UNPROCESSABLE_ENTITY | HttpStatus.BAD_REQUEST,
): Error | undefined {
  if (found === 'too deep')
    return new BadRequestException(`The ${where} is nested deeper than ${MAX_JSON_DEPTH} levels`);
  return found.length > 0 ? new RequestValidationException(found, status) : undefined;
}

/** Walks `root` without recursion, naming every field whose key or text cannot be stored. */
function inspect(root: unknown): FieldError[] | 'too deep' {
  const errors: FieldError[] = [];
  const pending: { value: unknown; field: string; depth: number }[] = [{ value: root, field: '', depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, field, depth } = next;
    if (typeof value === 'string') {
      const message = unstorable(value);
      if (message) errors.push({ field: field || 'body', message });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) return 'too deep';
    for (const [key, child] of Object.entries(value)) {
      const path = field ? `${field}.${key}` : key;
      const message = unstorable(key);
      if (message) errors.push({ field: path, message });
      else pending.push({ value: child, field: path, depth: depth + 1 });
    }
  }
  return errors;
}
