import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';

const FORMAT = 'v1';

/**
 * Signing secrets at rest. HMAC needs the secret itself, so it cannot be hashed like a password: it is encrypted
 * with AES-256-GCM under a key derived (HKDF) from WEBHOOK_SECRET_KEY, or JWT_SECRET when that is unset.
 */
@Injectable()
export class WebhookSecrets {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = Buffer.from(
      hkdfSync('sha256', config.webhooks.secretKey, 'taskforge', 'webhook signing secrets', 32),
    );
  }

  /** A new secret, in the form Stripe's users know. */
  generate(): string {
    return `whsec_${randomBytes(32).toString('base64url')}`;
  }

  encrypt(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [FORMAT, ...[iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url'))].join('.');
  }

  decrypt(stored: string): string {
    const [format, iv, tag, sealed] = stored.split('.');
    if (format !== FORMAT) throw new Error('Unknown webhook secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }
}

/** `X-Taskforge-Signature`: the HMAC-SHA256 of the exact body bytes, as GitHub signs its webhooks. */
export function signatureOf(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
