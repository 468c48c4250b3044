/** SQLSTATE classes and driver messages that mean "the database cannot serve right now", not "the request is wrong". */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '57014', '55P03', '40P01', '40001']);
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

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code))) return true;
  const causes = [error, (error as { driverError?: unknown }).driverError].filter((e): e is Error => e instanceof Error);
  return causes.some((cause) => UNAVAILABLE_MESSAGES.some((fragment) => cause.message.includes(fragment)));
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const details = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = details?.code ?? details?.driverError?.code;
  const name = details?.constraint ?? details?.driverError?.constraint;
  return code === '23505' && (constraint === undefined || name === constraint);
}
