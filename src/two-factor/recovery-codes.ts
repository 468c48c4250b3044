import { randomBytes } from 'node:crypto';
import { hashSecret } from '../auth/secret-token';

export const RECOVERY_CODE_COUNT = 10;

/**
 * Ten codes of 80 random bits each, written in groups of five hex digits. So much randomness needs no slow hash:
 * stored as SHA-256, none can be found from the table by guessing.
 */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    (randomBytes(10).toString('hex').match(/.{5}/g) as string[]).join('-'),
  );
}

/** Case, spaces and dashes as a person types them do not matter. */
export function recoveryCodeHash(code: string): Buffer {
  return hashSecret(code.toLowerCase().replace(/[^0-9a-f]/g, ''));
}
