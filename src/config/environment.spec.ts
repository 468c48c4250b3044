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
  });

  it.each([
    [{ PORT: 'eighty' }, /^Invalid configuration: PORT: /],
    [{ PORT: '70000' }, /^Invalid configuration: PORT: /],
    [{ DATABASE_URL: 'mysql://x' }, /^Invalid configuration: DATABASE_URL: /],
    [{ LOG_LEVEL: 'loud' }, /^Invalid configuration: LOG_LEVEL: /],
    [{ JWT_SECRET: 'short' }, /^Invalid configuration: JWT_SECRET: must be at least 32 characters$/],
    [{ NODE_ENV: 'production' }, /^Invalid configuration: JWT_SECRET: is required when NODE_ENV=production$/],
    [{ ADMIN_EMAIL: 'a@example.com' }, /ADMIN_EMAIL and ADMIN_PASSWORD must be set together/],
    // Trusting every proxy would let any client pick the address its limits are counted under.
    [{ TRUST_PROXY: 'true' }, /^Invalid configuration: TRUST_PROXY: /],
    [{ TRUST_PROXY: '10.0.0.0/8; rm' }, /^Invalid configuration: TRUST_PROXY: /],
  ])('refuses %p with one line naming the variable', (env, message) => {
    expect(() => parseEnvironment({ ...base, ...env })).toThrow(message);
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
