import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EnvironmentVariables, parseEnvironment } from './environment';

/** Keeps the embedded database in memory: for tests and throw-away runs. */
export const IN_MEMORY_DATA_DIR = 'memory://';

export interface DatabaseConfig {
  /** An external PostgreSQL; absent means the embedded one under dataDir. */
  url?: string;
  dataDir: string;
  poolMax: number;
  connectionTimeoutMs: number;
  statementTimeoutMs: number;
}

/** Where attachment bytes live: a directory (null: a temporary one, for in-memory runs) or an S3 bucket. */
export type AttachmentStorageConfig =
  | { kind: 'disk'; dir: string | null }
  | {
      kind: 's3';
      bucket: string;
      region: string;
      endpoint?: string;
      forcePathStyle: boolean;
      credentials?: { accessKeyId: string; secretAccessKey: string };
    };

/** The typed, validated configuration; built once at boot and injected wherever a setting is needed. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
  autoRegister: boolean;
  allowHttp: boolean;
}

export class AppConfig {
  readonly env: EnvironmentVariables['NODE_ENV'];
  readonly http: {
    port: number;
    host: string;
    corsOrigins: string[];
    shutdownTimeoutMs: number;
    /** Express's `trust proxy`: false, a hop count, or the addresses of trusted proxies. */
    trustProxy: false | number | string[];
  };
  readonly database: DatabaseConfig;
  readonly jwt: {
    secret: string;
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    issuer: string;
    audience: string;
  };
  readonly rateLimits: {
    perMinute: number;
    registerPerHour: number;
    login: { maxFailures: number; maxFailuresPerAddress: number; windowSeconds: number };
  };
  readonly activity: { outboxPollIntervalMs: number; retentionDays: number };
  readonly realtime: { revalidateIntervalMs: number };
  readonly reminders: { pollIntervalMs: number };
  readonly calendar: { maxEvents: number; descriptionChars: number; maxBytes: number };
  /** How many of each a parent may hold, so the lists that answer them whole stay small. */
  readonly limits: {
    labelsPerProject: number;
    sharesPerTask: number;
    relationsPerTask: number;
    apiKeysPerUser: number;
  };
  /** Where people reach the service, without a trailing slash; unset: the address it listens on. */
  readonly publicUrl?: string;
  readonly identity: { passwordLogin: boolean; oidc: OidcSettings | null };
  readonly tasks: { positionMaxLength: number };
  /** Unset: PrincipalCache decides by the database server. */
  readonly principalCacheMs: number | undefined;
  readonly github: {
    apiBase: string;
    token?: string;
    timeoutMs: number;
    cacheMaxAgeSeconds: number;
    retryPollMs: number;
  };
  readonly webhooks: {
    allowHosts: string[];
    secretKey: string;
    timeoutMs: number;
    maxAttempts: number;
    retryBaseMs: number;
    disableAfterFailures: number;
    pollIntervalMs: number;
  };
  readonly attachments: {
    maxBytes: number;
    projectQuotaBytes: number;
    storage: AttachmentStorageConfig;
    sweepIntervalMs: number;
    uploadGraceSeconds: number;
  };
  readonly imports: { maxBytes: number };
  readonly logLevel: string;
  /** Where the built web board is; absolute. */
  readonly webDir: string;
  readonly redisUrl?: string;
  readonly admin?: { email: string; password: string };

  constructor(vars: EnvironmentVariables) {
    this.env = vars.NODE_ENV;
    this.http = {
      port: vars.PORT,
      host: vars.HOST,
      corsOrigins: vars.CORS_ORIGINS.split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
      shutdownTimeoutMs: vars.SHUTDOWN_TIMEOUT_MS,
      trustProxy: parseTrustProxy(vars.TRUST_PROXY),
    };
    this.database = {
      url: vars.DATABASE_URL,
      dataDir: vars.DATA_DIR,
      poolMax: vars.DB_POOL_MAX ?? defaultPoolSize(),
      connectionTimeoutMs: vars.DB_CONNECTION_TIMEOUT_MS,
      statementTimeoutMs: vars.DB_STATEMENT_TIMEOUT_MS,
    };
    this.jwt = {
      secret: vars.JWT_SECRET ?? developmentJwtSecret(vars.DATA_DIR),
      accessTtlSeconds: vars.JWT_ACCESS_TTL,
      refreshTtlSeconds: vars.JWT_REFRESH_TTL,
      issuer: vars.JWT_ISSUER,
      audience: vars.JWT_AUDIENCE,
    };
    this.rateLimits = {
      perMinute: vars.RATE_LIMIT_PER_MINUTE,
      registerPerHour: vars.REGISTER_LIMIT_PER_HOUR,
      login: {
        maxFailures: vars.LOGIN_MAX_FAILURES,
        maxFailuresPerAddress: vars.LOGIN_MAX_FAILURES_PER_ADDRESS,
        windowSeconds: vars.LOGIN_FAILURE_WINDOW_SECONDS,
      },
    };
    this.activity = {
      outboxPollIntervalMs: vars.OUTBOX_POLL_INTERVAL_MS,
      retentionDays: vars.ACTIVITY_RETENTION_DAYS,
    };
    this.realtime = { revalidateIntervalMs: vars.REALTIME_REVALIDATE_INTERVAL_MS };
    this.reminders = { pollIntervalMs: vars.REMINDER_POLL_INTERVAL_MS };
    this.calendar = {
      maxEvents: vars.CALENDAR_FEED_MAX_EVENTS,
      descriptionChars: vars.CALENDAR_DESCRIPTION_MAX_CHARS,
      maxBytes: vars.CALENDAR_FEED_MAX_BYTES,
    };
    this.limits = {
      labelsPerProject: vars.LABELS_PER_PROJECT_MAX,
      sharesPerTask: vars.SHARES_PER_TASK_MAX,
      relationsPerTask: vars.RELATIONS_PER_TASK_MAX,
      apiKeysPerUser: vars.API_KEYS_PER_USER_MAX,
    };
    this.publicUrl = vars.PUBLIC_URL?.replace(/\/+$/, '');
    this.tasks = { positionMaxLength: vars.TASK_POSITION_MAX_LENGTH };
    this.principalCacheMs = vars.PRINCIPAL_CACHE_MS;
    this.github = {
      apiBase: vars.GITHUB_API_BASE.replace(/\/+$/, ''),
      token: vars.GITHUB_TOKEN,
      timeoutMs: vars.GITHUB_TIMEOUT_MS,
      cacheMaxAgeSeconds: vars.GITHUB_CACHE_MAX_AGE_SECONDS,
      retryPollMs: vars.GITHUB_RETRY_POLL_MS,
    };
    this.webhooks = {
      allowHosts: vars.WEBHOOK_ALLOW_HOSTS.split(',')
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
      secretKey: vars.WEBHOOK_SECRET_KEY ?? this.jwt.secret,
      timeoutMs: vars.WEBHOOK_TIMEOUT_MS,
      maxAttempts: vars.WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: vars.WEBHOOK_RETRY_BASE_MS,
      disableAfterFailures: vars.WEBHOOK_DISABLE_AFTER_FAILURES,
      pollIntervalMs: vars.WEBHOOK_POLL_INTERVAL_MS,
    };
    this.attachments = {
      maxBytes: vars.ATTACHMENT_MAX_BYTES,
      projectQuotaBytes: vars.ATTACHMENT_PROJECT_QUOTA_BYTES,
      storage: attachmentStorage(vars),
      sweepIntervalMs: vars.ATTACHMENT_SWEEP_INTERVAL_MS,
      uploadGraceSeconds: vars.ATTACHMENT_UPLOAD_GRACE_SECONDS,
    };
    this.imports = { maxBytes: vars.IMPORT_MAX_BYTES };
    this.identity = { passwordLogin: vars.PASSWORD_LOGIN === 'true', oidc: oidcSettings(vars) };
    this.logLevel = vars.LOG_LEVEL;
    this.webDir = resolve(vars.WEB_DIR);
    this.redisUrl = vars.REDIS_URL;
    this.admin =
      vars.ADMIN_EMAIL && vars.ADMIN_PASSWORD
        ? { email: vars.ADMIN_EMAIL, password: vars.ADMIN_PASSWORD }
        : undefined;
  }

  static fromEnvironment(env: Record<string, string | undefined>): AppConfig {
    return new AppConfig(parseEnvironment(env));
  }
}

/** Single sign-on is on when its three settings are; half of them is a mistake worth refusing to start over. */
function oidcSettings(vars: EnvironmentVariables): OidcSettings | null {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = vars;
  if (!issuer && !clientId && !clientSecret) return null;
  if (!issuer || !clientId || !clientSecret) {
    throw new Error('OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together');
  }
  const url = new URL(issuer);
  // Tokens and the client secret cross this connection: plain http only where it never leaves the machine.
  if (url.protocol !== 'https:' && !isLoopbackHost(url.hostname)) {
    throw new Error('OIDC_ISSUER must be https:// (http:// only on a loopback address)');
  }
  return {
    // Kept exactly as written: the ID token's iss must equal it, trailing slash and all.
    issuer,
    clientId,
    clientSecret,
    name: vars.OIDC_NAME ?? url.hostname,
    autoRegister: vars.OIDC_AUTO_REGISTER === 'true',
    allowHttp: url.protocol === 'http:',
  };
}

function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/**
 * Outside production a missing JWT_SECRET is generated once and kept beside the embedded data, so tokens survive a
 * restart without anyone having to invent a secret for a local run.
 */
function developmentJwtSecret(dataDir: string): string {
  if (dataDir === IN_MEMORY_DATA_DIR) return randomBytes(48).toString('base64url');
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function attachmentStorage(vars: EnvironmentVariables): AttachmentStorageConfig {
  if (vars.S3_BUCKET) {
    return {
      kind: 's3',
      bucket: vars.S3_BUCKET,
      region: vars.S3_REGION,
      endpoint: vars.S3_ENDPOINT,
      forcePathStyle: vars.S3_FORCE_PATH_STYLE === 'true',
      credentials:
        vars.S3_ACCESS_KEY_ID && vars.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: vars.S3_ACCESS_KEY_ID, secretAccessKey: vars.S3_SECRET_ACCESS_KEY }
          : undefined,
    };
  }
  if (vars.ATTACHMENTS_DIR) return { kind: 'disk', dir: vars.ATTACHMENTS_DIR };
  return {
    kind: 'disk',
    dir: vars.DATA_DIR === IN_MEMORY_DATA_DIR ? null : join(vars.DATA_DIR, 'attachments'),
  };
}

/**
 * Connections beyond about two per core only queue inside PostgreSQL on the same machine; a few more than the cores
 * keep them busy while others wait on the network or the disk.
 */
export function defaultPoolSize(): number {
  return Math.min(20, Math.max(4, 2 * availableParallelism() + 1));
}

function parseTrustProxy(value: string): false | number | string[] {
  if (value.trim() === '') return false;
  if (/^\d+$/.test(value.trim())) return Number(value);
  return value.split(',').map((entry) => entry.trim());
}
