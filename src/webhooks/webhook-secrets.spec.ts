import { AppConfig } from '../config/app-config';
import { signatureOf, WebhookSecrets } from './webhook-secrets';

const secretsUnder = (key: string) =>
  new WebhookSecrets({ webhooks: { secretKey: key } } as unknown as AppConfig);

describe('WebhookSecrets', () => {
  const secrets = secretsUnder('k'.repeat(32));

  it('round-trips a secret, with a fresh nonce every time', () => {
    const secret = secrets.generate();
    const [once, twice] = [secrets.encrypt(secret), secrets.encrypt(secret)];
    expect(once).not.toBe(twice);
    expect(once).not.toContain(secret);
    expect(secrets.decrypt(once)).toBe(secret);
    expect(secrets.decrypt(twice)).toBe(secret);
  });

  it('refuses a tampered ciphertext and one sealed under another key', () => {
    const sealed = secrets.encrypt('whsec_abc');
    const [format, iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(() => secrets.decrypt([format, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => secretsUnder('o'.repeat(32)).decrypt(sealed)).toThrow();
  });

  it('signs the exact body with HMAC-SHA256, as GitHub does', () => {
    // RFC 4231 test case 2.
    expect(signatureOf('Jefe', 'what do ya want for nothing?')).toBe(
      'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
});
