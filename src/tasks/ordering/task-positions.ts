import { BASE_62_DIGITS, generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { randomInt } from 'node:crypto';

/**
 * Task positions are fractional-indexing keys: base-62 strings compared byte by byte, and between any two there is
 * always room for another. The server computes them all; clients send neighbours, never numbers.
 */

/**
 * `count` keys after `last` (null: an empty project), in order. Appending does not lock the other appenders out,
 * so two creates reading the same last key would compute the same next ones; a random fraction after each makes
 * that unlikely, and the unique index turns the rare collision into a retry.
 */
export function keysAfter(last: string | null, count: number): string[] {
  return generateNKeysBetween(last, null, count).map((key) => key + randomFraction());
}

/** A key between two neighbours (null: the start or the end). */
export function keyBetween(before: string | null, after: string | null): string {
  return generateKeyBetween(before, after);
}

/** Short, evenly spaced keys for `count` tasks in order. */
export function respacedKeys(count: number): string[] {
  return generateNKeysBetween(null, null, count);
}

function randomFraction(): string {
  // A key's fraction must not end in the zero digit, or a shorter key would equal it.
  return BASE_62_DIGITS[randomInt(62)] + BASE_62_DIGITS[randomInt(62)] + BASE_62_DIGITS[1 + randomInt(61)];
}
