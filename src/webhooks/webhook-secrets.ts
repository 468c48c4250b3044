import { Injectable } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import { derivedKey, SealedBox } from '../common/sealed-box';
import { AppConfig } from '../config/app-config';

/**
 * Signing secrets at rest. HMAC needs the secret itself, so it cannot be hashed like a password: it is encrypted
 * with AES-256-GCM under a key derived (HKDF) from WEBHOOK_SECRET_KEY, or JWT_SECRET when that is unset.
 */
@Injectable()
export class WebhookSecrets {
  private readonly box: SealedBox;

  constructor(config: AppConfig) {
    this.box = new SealedBox(derivedKey(config.webhooks.secretKey, 'webhook signing secrets'));
  }

  /** A new secret, in the form Stripe's users know. */
  generate(): string {
    return `whsec_${randomBytes(32).toString('base64url')}`;
  }

  encrypt(secret: string): string {
    return this.box.seal(secret);
  }

  decrypt(stored: string): string {
    return this.box.open(stored);
  }
}

/** `X-Taskforge-Signature`: the HMAC-SHA256 of the exact body bytes, as GitHub signs its webhooks. */
export function signatureOf(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
