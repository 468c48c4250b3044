import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const FORMAT = 'v1';

/** A key for SealedBox, derived (HKDF-SHA256) from a configured secret and what it will protect. */
export function derivedKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'taskforge', purpose, 32));
}

/**
 * Authenticated encryption at rest (AES-256-GCM). `context` is bound to the ciphertext as associated data: what
 * was sealed for one context cannot be opened under another, even by someone who can write the table.
 */
export class SealedBox {
  constructor(private readonly key: Buffer) {}

  seal(plaintext: string, context = ''): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [FORMAT, ...[iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url'))].join('.');
  }

  open(stored: string, context = ''): string {
    const [format, iv, tag, sealed] = stored.split('.');
    if (format !== FORMAT) throw new Error('Unknown sealed format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }
}
