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
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every environment variable the service reads, with its default. The README's configuration table mirrors this
 * class; a test checks that docker-compose.yml sets only names declared here.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
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

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  DB_POOL_MAX = 10;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  DB_CONNECTION_TIMEOUT_MS = 3000;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600000)
  DB_STATEMENT_TIMEOUT_MS = 10000;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(86400)
  JWT_ACCESS_TTL = 900;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(31536000)
  JWT_REFRESH_TTL = 2592000;

  @IsString()
  JWT_ISSUER = 'taskforge';

  @IsString()
  JWT_AUDIENCE = 'taskforge-api';

  @IsString()
  CORS_ORIGINS = '';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true })
  REDIS_URL?: string;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(120000)
  SHUTDOWN_TIMEOUT_MS = 10000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 1200;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  REGISTER_LIMIT_PER_HOUR = 20;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ADDRESS = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_FAILURE_WINDOW_SECONDS = 900;

  /** How often the outbox looks for new activity when nothing woke it (a lost notification, another instance). */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(60000)
  OUTBOX_POLL_INTERVAL_MS = 1000;

  /** How often connected sockets are checked against revoked sessions and keys and disabled users. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600000)
  REALTIME_REVALIDATE_INTERVAL_MS = 15000;

  /** How long activity is kept; `npm run activity:prune` deletes what is older. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  ACTIVITY_RETENTION_DAYS = 90;

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
  if (Boolean(parsed.ADMIN_EMAIL) !== Boolean(parsed.ADMIN_PASSWORD)) {
    throw new ConfigurationError(
      'Invalid configuration: ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
    );
  }
  return parsed;
}
