import { ConflictException } from '@nestjs/common';
/** SQLSTATE classes and driver messages that mean "the database cannot serve right now", not "the request is wrong". */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '57014', '55P03']);
/** PostgreSQL's "try again": the transaction lost a deadlock or a serialization check. */
const CONFLICT_SQLSTATES = new Set(['40P01', '40001']);
const UNAVAILABLE_MESSAGES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection is not established',
  'Client was closed',
];

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
}

// Duck-typed rather than `instanceof Error`: socket errors can come from another realm (a VM context, a worker).
function asErrorLike(value: unknown): ErrorLike | undefined {
  return typeof value === 'object' && value !== null ? value : undefined;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  const causes = [asErrorLike(error), asErrorLike(asErrorLike(error)?.driverError)].filter(
    (e) => e !== undefined,
  );
  return causes.some(({ code, message }) => {
    if (typeof code === 'string' && (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code))) return true;
    if (typeof code === 'string' && UNAVAILABLE_MESSAGES.includes(code)) return true;
    return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((fragment) => message.includes(fragment));
  });
}

function sqlStateOf(error: unknown): string | undefined {
  const details = asErrorLike(error);
  const code = details?.code ?? asErrorLike(details?.driverError)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Unique indexes whose violation means a concurrent writer took the same generated value (two appenders choosing
 * one task position), not a request that is wrong: trying again computes another.
 */
const GENERATED_VALUE_CONSTRAINTS = ['tasks_position_unique'];

export function isTransactionConflict(error: unknown): boolean {
  return (
    CONFLICT_SQLSTATES.has(sqlStateOf(error) ?? '') ||
    GENERATED_VALUE_CONSTRAINTS.some((constraint) => isUniqueViolation(error, constraint))
  );
}

/** SQLSTATE class 22: a value the database could not take (a bad cast, an out-of-range number), so a bad request. */
export function isDataException(error: unknown): boolean {
  return sqlStateOf(error)?.startsWith('22') ?? false;
}

/** Runs `work`, answering a unique violation (a name taken meanwhile too) as a 409 with `message`. */
export async function conflictOnDuplicate<T>(work: () => Promise<T>, message: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictException(message);
    throw error;
  }
}

/** A row referring to one another transaction deleted meanwhile (its request was checked before the delete). */
export function isForeignKeyViolation(error: unknown): boolean {
  const details = error as { code?: string; driverError?: { code?: string } };
  return (details?.code ?? details?.driverError?.code) === '23503';
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const details = error as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const code = details?.code ?? details?.driverError?.code;
  const name = details?.constraint ?? details?.driverError?.constraint;
  return code === '23505' && (constraint === undefined || name === constraint);
}
