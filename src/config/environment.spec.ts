import { AppConfig } from './app-config';
import { parseEnvironment } from './environment';

describe('configuration', () => {
  const base = { DATA_DIR: 'memory://' };

  it('has working defaults', () => {
    const config = AppConfig.fromEnvironment(base);
    expect(config.http.port).toBe(3000);
    expect(config.database.url).toBeUndefined();
    expect(config.jwt.accessTtlSeconds).toBe(900);
    expect(config.jwt.secret.length).toBeGreaterThanOrEqual(32);
    // Left to the principal cache, which decides by the database server.
    expect(config.principalCacheMs).toBeUndefined();
    expect(AppConfig.fromEnvironment({ ...base, PRINCIPAL_CACHE_MS: '0' }).principalCacheMs).toBe(0);
  });

  it.each([
    [{ PORT: 'eighty' }, /^Invalid configuration: PORT: /],
    [{ PORT: '70000' }, /^Invalid configuration: PORT: /],
    [{ DATABASE_URL: 'mysql://x' }, /^Invalid configuration: DATABASE_URL: /],
    [{ LOG_LEVEL: 'loud' }, /^Invalid configuration: LOG_LEVEL: /],
    [{ JWT_SECRET: 'short' }, /^Invalid configuration: JWT_SECRET: must be at least 32 characters$/],
    [{ NODE_ENV: 'production' }, /^Invalid configuration: JWT_SECRET: is required when NODE_ENV=production$/],
    [{ ADMIN_EMAIL: 'a@example.com' }, /ADMIN_EMAIL and ADMIN_PASSWORD must be set together/],
    [
      { S3_BUCKET: 'files', S3_ACCESS_KEY_ID: 'k' },
      /S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together/,
    ],
    [{ S3_BUCKET: 'Not_A_Bucket' }, /^Invalid configuration: S3_BUCKET: /],
    [{ ATTACHMENT_MAX_BYTES: '0' }, /^Invalid configuration: ATTACHMENT_MAX_BYTES: /],
    // Trusting every proxy would let any client pick the address its limits are counted under.
    [{ TRUST_PROXY: 'true' }, /^Invalid configuration: TRUST_PROXY: /],
    [{ TRUST_PROXY: '10.0.0.0/8; rm' }, /^Invalid configuration: TRUST_PROXY: /],
    // Over a second, a revocation would take longer than that to reach the other instances.
    [{ PRINCIPAL_CACHE_MS: '1001' }, /^Invalid configuration: PRINCIPAL_CACHE_MS: /],
    [{ PRINCIPAL_CACHE_MS: '-1' }, /^Invalid configuration: PRINCIPAL_CACHE_MS: /],
  ])('refuses %p with one line naming the variable', (env, message) => {
    expect(() => parseEnvironment({ ...base, ...env })).toThrow(message);
  });

  it('keeps attachments under DATA_DIR, in ATTACHMENTS_DIR, in a temporary directory, or in S3', () => {
    expect(AppConfig.fromEnvironment({ DATA_DIR: '/var/lib/taskforge' }).attachments.storage).toEqual({
      kind: 'disk',
      dir: '/var/lib/taskforge/attachments',
    });
    expect(AppConfig.fromEnvironment({ ...base, ATTACHMENTS_DIR: '/srv/files' }).attachments.storage).toEqual(
      {
        kind: 'disk',
        dir: '/srv/files',
      },
    );
    expect(AppConfig.fromEnvironment(base).attachments.storage).toEqual({ kind: 'disk', dir: null });
    const s3 = AppConfig.fromEnvironment({
      ...base,
      ATTACHMENTS_DIR: '/ignored',
      S3_BUCKET: 'team-files',
      S3_ENDPOINT: 'http://minio:9000',
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
    });
    expect(s3.attachments).toMatchObject({
      maxBytes: 26214400,
      projectQuotaBytes: 1073741824,
      storage: {
        kind: 's3',
        bucket: 'team-files',
        region: 'us-east-1',
        endpoint: 'http://minio:9000',
        forcePathStyle: true,
        credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
      },
    });
  });

  it('never echoes a secret value in its message', () => {
    expect(() => parseEnvironment({ ...base, JWT_SECRET: 'hunter2-secret' })).toThrow(/^(?!.*hunter2)/);
  });

  it('reads lists and numbers', () => {
    const config = AppConfig.fromEnvironment({
      ...base,
      CORS_ORIGINS: 'https://a.example, https://b.example',
      DB_POOL_MAX: '7',
    });
    expect(config.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.database.poolMax).toBe(7);
  });

  it.each([
    ['', false],
    ['1', 1],
    ['10.0.0.0/8, 127.0.0.1', ['10.0.0.0/8', '127.0.0.1']],
    ['::1', ['::1']],
  ])('reads TRUST_PROXY %p as %p', (value, expected) => {
    expect(AppConfig.fromEnvironment({ ...base, TRUST_PROXY: value }).http.trustProxy).toEqual(expected);
  });
});
