import { applyDecorators } from '@nestjs/common';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
/** A whole number read from the environment, within [min, max]. */
function IntSetting(min: number, max?: number): PropertyDecorator {
  return applyDecorators(Transform(toInt), IsInt(), Min(min), ...(max === undefined ? [] : [Max(max)]));
}

const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every environment variable the service reads, with its default. The README's configuration table mirrors this
 * class; a test checks that docker-compose.yml sets only names declared here.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IntSetting(0, 65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL?: string;

  @IsString()
  @MinLength(1)
  DATA_DIR = './data';

  /** The built web board (`npm run build` writes it); without an index.html there, `/` is a 404. */
  @IsString()
  @MinLength(1)
  WEB_DIR = './dist/web';

  /** Unset: sized for the machine (see AppConfig). */
  @IsOptional()
  @IntSetting(1, 100)
  DB_POOL_MAX?: number;

  @IntSetting(100, 60000)
  DB_CONNECTION_TIMEOUT_MS = 3000;

  @IntSetting(100, 600000)
  DB_STATEMENT_TIMEOUT_MS = 10000;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @IntSetting(10, 86400)
  JWT_ACCESS_TTL = 900;

  @IntSetting(60, 31536000)
  JWT_REFRESH_TTL = 2592000;

  @IsString()
  JWT_ISSUER = 'taskforge';

  @IsString()
  JWT_AUDIENCE = 'taskforge-api';

  @IsString()
  CORS_ORIGINS = '';

  /**
   * The address people reach the service at (`https://tasks.example.com`), for every address it hands out: feed
   * URLs, links in feeds. Unset: the address the service listens on. Never taken from a request's Host header.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  PUBLIC_URL?: string;

  /**
   * Which proxies' X-Forwarded-For to believe, so per-address limits count clients rather than the load balancer:
   * empty (none, the default), a hop count (`1`), or a comma-separated list of addresses and CIDRs.
   */
  @Matches(/^(|\d{1,2}|[0-9A-Fa-f.:/]+(\s*,\s*[0-9A-Fa-f.:/]+)*)$/, {
    message: 'TRUST_PROXY must be empty, a hop count, or a comma-separated list of addresses and CIDRs',
  })
  TRUST_PROXY = '';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true })
  REDIS_URL?: string;

  @IntSetting(0, 120000)
  SHUTDOWN_TIMEOUT_MS = 10000;

  @IntSetting(1)
  RATE_LIMIT_PER_MINUTE = 1200;

  @IntSetting(1)
  REGISTER_LIMIT_PER_HOUR = 20;

  @IntSetting(1)
  LOGIN_MAX_FAILURES = 10;

  @IntSetting(1)
  LOGIN_MAX_FAILURES_PER_ADDRESS = 10;

  @IntSetting(1)
  LOGIN_FAILURE_WINDOW_SECONDS = 900;

  /** How often the outbox looks for new activity when nothing woke it (a lost notification, another instance). */
  @IntSetting(50, 60000)
  OUTBOX_POLL_INTERVAL_MS = 1000;

  /** Where repository metadata is read from; tests point it at a fake server on loopback. */
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  GITHUB_API_BASE = 'https://api.github.com';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  GITHUB_TOKEN?: string;

  @IntSetting(100, 60000)
  GITHUB_TIMEOUT_MS = 3000;

  /** Cached repository metadata younger than this is used without asking GitHub. */
  @IntSetting(0)
  GITHUB_CACHE_MAX_AGE_SECONDS = 3600;

  /** How often pending repositories are looked for, to retry those whose backoff has passed. */
  @IntSetting(50, 600000)
  GITHUB_RETRY_POLL_MS = 5000;

  /**
   * Hosts (names or addresses, comma-separated) a webhook may reach over plain http or at a private, loopback or
   * link-local address: for local development and tests. Everything else must be public https.
   */
  @IsString()
  WEBHOOK_ALLOW_HOSTS = '';

  /** Encrypts webhook signing secrets at rest; derived from JWT_SECRET when unset. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @MinLength(32)
  WEBHOOK_SECRET_KEY?: string;

  @IntSetting(100, 60000)
  WEBHOOK_TIMEOUT_MS = 5000;

  @IntSetting(1, 20)
  WEBHOOK_MAX_ATTEMPTS = 5;

  /** The first retry's delay; each next one doubles it (with jitter). */
  @IntSetting(10, 3600000)
  WEBHOOK_RETRY_BASE_MS = 30000;

  /** A webhook is disabled after this many deliveries in a row failed every attempt. */
  @IntSetting(1, 1000)
  WEBHOOK_DISABLE_AFTER_FAILURES = 3;

  /** How often due deliveries are looked for when nothing woke the sender. */
  @IntSetting(50, 60000)
  WEBHOOK_POLL_INTERVAL_MS = 1000;

  /** How often connected sockets are checked against revoked sessions and keys and disabled users. */
  @IntSetting(100, 600000)
  REALTIME_REVALIDATE_INTERVAL_MS = 15000;

  /**
   * How long a verified credential's user is remembered per instance: a revocation elsewhere reaches this instance
   * within it (0: ask the database on every request). Default: 500, or 0 on a single-session server (PGlite).
   */
  @IsOptional()
  @IntSetting(0, 1000)
  PRINCIPAL_CACHE_MS?: number;

  /** How long a task's position key may grow from placements before its project's keys are respaced. */
  @IntSetting(8, 1000)
  TASK_POSITION_MAX_LENGTH = 48;

  /** `false` turns local passwords off (login and register answer 403): people sign in through single sign-on. */
  @IsIn(['true', 'false'])
  PASSWORD_LOGIN: 'true' | 'false' = 'true';

  /**
   * The OpenID provider people sign in with (`https://id.example.com/realms/team`); with OIDC_CLIENT_ID and
   * OIDC_CLIENT_SECRET it turns single sign-on on. Plain http is accepted only for a loopback address.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  OIDC_ISSUER?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  OIDC_CLIENT_ID?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  OIDC_CLIENT_SECRET?: string;

  /** What the sign-in page calls the provider ("Sign in with …"); default: the issuer's host name. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  OIDC_NAME?: string;

  /** `false`: only people who already have an account here (or were linked to one) may sign in through the provider. */
  @IsIn(['true', 'false'])
  OIDC_AUTO_REGISTER: 'true' | 'false' = 'true';

  /** How often due reminders are looked for (they fire within this of their time). */
  @IntSetting(50, 60000)
  REMINDER_POLL_INTERVAL_MS = 5000;

  /** The most events one calendar feed carries (the nearest due dates first are kept). */
  @IntSetting(1, 100000)
  CALENDAR_FEED_MAX_EVENTS = 2000;

  /** Characters of a task's description a feed event carries; a longer one is cut and links to the task. */
  @IntSetting(0, 100000)
  CALENDAR_DESCRIPTION_MAX_CHARS = 1000;

  /** The most bytes one calendar feed carries; events past it are left out, whole. */
  @IntSetting(10000, 100000000)
  CALENDAR_FEED_MAX_BYTES = 5000000;

  /** Labels one project may have (its label list is one unpaged answer). */
  @IntSetting(1, 10000)
  LABELS_PER_PROJECT_MAX = 250;

  /** People one task may be shared with, one by one (its share list is one unpaged answer). */
  @IntSetting(1, 10000)
  SHARES_PER_TASK_MAX = 100;

  /** Relations one task may have (its relation list is one unpaged answer). */
  @IntSetting(1, 10000)
  RELATIONS_PER_TASK_MAX = 100;

  /** Live API keys one user may hold (the key list is one unpaged answer). */
  @IntSetting(1, 10000)
  API_KEYS_PER_USER_MAX = 100;

  /** How long activity is kept; `npm run activity:prune` deletes what is older. */
  @IntSetting(1)
  ACTIVITY_RETENTION_DAYS = 90;

  /** The largest file one upload may carry (bytes); a bigger one is refused with 413 as soon as it shows. */
  @IntSetting(1)
  ATTACHMENT_MAX_BYTES = 26214400;

  /** The largest file an import may carry (bytes); it is read as a stream, and a bigger one is refused with 413. */
  @IntSetting(1)
  IMPORT_MAX_BYTES = 268435456;

  /** How many bytes of attachments one project may hold, its trashed tasks' included. */
  @IntSetting(1)
  ATTACHMENT_PROJECT_QUOTA_BYTES = 1073741824;

  /** Where attachments are kept on local disk when no S3_BUCKET is set; default `<DATA_DIR>/attachments`. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  ATTACHMENTS_DIR?: string;

  /** Keeps attachments in this S3 (or S3-compatible) bucket instead of on local disk. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'must be an S3 bucket name' })
  S3_BUCKET?: string;

  /** An S3-compatible endpoint (MinIO, R2, a local test server); unset means AWS itself. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  S3_ENDPOINT?: string;

  @IsString()
  S3_REGION = 'us-east-1';

  /** `true` for endpoints that want the bucket in the path rather than the host name (most S3-compatible ones). */
  @IsIn(['true', 'false'])
  S3_FORCE_PATH_STYLE = 'false';

  /** Static credentials; unset means the AWS SDK's own chain (environment, profile, instance role). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  /** How often stored bytes that no attachment owns any more are looked for and removed. */
  @IntSetting(100, 3600000)
  ATTACHMENT_SWEEP_INTERVAL_MS = 60000;

  /** How long an upload may take before the sweeper may remove its bytes as abandoned. */
  @IntSetting(60, 86400)
  ATTACHMENT_UPLOAD_GRACE_SECONDS = 3600;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[^@\s]+@[^@\s]+$/, { message: 'must be an email address' })
  ADMIN_EMAIL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'must be at least 8 characters' })
  ADMIN_PASSWORD?: string;
}

export class ConfigurationError extends Error {}

/** Parses and validates the environment; the first problem becomes one readable line naming the variable. */
export function parseEnvironment(env: Record<string, string | undefined>): EnvironmentVariables {
  const parsed = plainToInstance(EnvironmentVariables, env, { exposeDefaultValues: true });
  const [error] = validateSync(parsed, { skipMissingProperties: false, forbidUnknownValues: false });
  if (error) {
    const constraint = Object.values(error.constraints ?? {})[0] ?? 'is invalid';
    const reason = constraint.startsWith(`${error.property} `)
      ? constraint.slice(error.property.length + 1)
      : constraint;
    // The value itself is not echoed: it may be a secret.
    throw new ConfigurationError(`Invalid configuration: ${error.property}: ${reason}`);
  }
  if (parsed.NODE_ENV === 'production' && !parsed.JWT_SECRET) {
    throw new ConfigurationError('Invalid configuration: JWT_SECRET: is required when NODE_ENV=production');
  }
  if (Boolean(parsed.S3_ACCESS_KEY_ID) !== Boolean(parsed.S3_SECRET_ACCESS_KEY)) {
    throw new ConfigurationError(
      'Invalid configuration: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together',
    );
  }
  if (Boolean(parsed.ADMIN_EMAIL) !== Boolean(parsed.ADMIN_PASSWORD)) {
    throw new ConfigurationError(
      'Invalid configuration: ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
    );
  }
  return parsed;
}
