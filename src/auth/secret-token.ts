import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits with a readable type prefix (`tfr_` refresh token, `tfk_` API key). */
export function generateSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Secrets are stored only as a SHA-256: they are random, so a slow hash buys nothing. */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}
