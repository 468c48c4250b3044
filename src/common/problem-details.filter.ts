import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  isDatabaseUnavailable,
  isDataException,
  isTransactionConflict,
  isForeignKeyViolation,
  isUniqueViolation,
} from '../database/database-errors';
import { httpProblem, Problem, PROBLEM_CONTENT_TYPE, statusTitle } from './problem';

/**
 * Turns every error, the framework's included, into RFC 9457 problem+json. Only HttpExceptions speak to the client;
 * anything else is logged with the request id and answered without internals.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const problem = this.toProblem(exception, req);
    if (res.headersSent) {
      res.end();
      return;
    }
    if (problem.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
    if (typeof problem.retryAfter === 'number') res.setHeader('Retry-After', String(problem.retryAfter));
    if (problem.status === 503 && !res.getHeader('Retry-After')) res.setHeader('Retry-After', '5');
    res.setHeader('Cache-Control', 'no-store');
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, req: Request): Problem {
    const base = { type: 'about:blank', instance: req.originalUrl ?? req.url, requestId: requestIdOf(req) };
    if (exception instanceof HttpException) {
      const problem = httpProblem(exception);
      if (problem.status === 503)
        this.logger.warn({ err: loggable(exception), requestId: req.id }, 'Service unavailable');
      else if (problem.status >= 500)
        this.logger.error({ err: loggable(exception), requestId: req.id }, 'Request failed');
      return { ...base, ...problem };
    }
    const outcome = DATABASE_OUTCOMES.find(({ matches }) => matches(exception));
    if (outcome) {
      if (outcome.log) this.logger.warn({ err: loggable(exception), requestId: req.id }, outcome.log);
      const { status, detail, retryAfter } = outcome;
      return { ...base, title: statusTitle(status), status, detail, ...(retryAfter && { retryAfter }) };
    }
    this.logger.error({ err: loggable(exception), requestId: req.id }, 'Unhandled error');
    return { ...base, title: statusTitle(500), status: 500, detail: 'An unexpected error occurred.' };
  }
}

/** Database errors that say something the client can act on, asked in this order; anything else is a 500. */
const DATABASE_OUTCOMES: {
  matches: (error: unknown) => boolean;
  status: number;
  detail: string;
  /** Logged at warn with the error: an operator should see these, though the client is not at fault. */
  log?: string;
  retryAfter?: number;
}[] = [
  {
    matches: isDatabaseUnavailable,
    status: 503,
    detail: 'The database is unavailable; try again shortly.',
    log: 'Database unavailable',
  },
  {
    // A conflict outside Transactions.run (which retries) still means "try again", not an outage.
    matches: isTransactionConflict,
    status: 503,
    detail: 'The change conflicted with concurrent changes; try again.',
    log: 'Transaction conflict',
    retryAfter: 1,
  },
  {
    // The last line of defence: validation should have refused the value; the log says which one slipped by.
    matches: isDataException,
    status: 400,
    detail: 'A value in the request could not be used.',
    log: 'Data exception reached the database',
  },
  { matches: isUniqueViolation, status: 409, detail: 'The request conflicts with an existing resource.' },
  {
    // Requests are checked against what exists; only a delete committed in between (a state, a label) gets here.
    matches: isForeignKeyViolation,
    status: 409,
    detail: 'The request refers to something deleted meanwhile; read it again and retry.',
  },
];

/** Only these fields of an error reach the log: a query error also carries its parameters (hashes, tokens). */
function loggable(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const { name, message, code, stack } = error as Record<string, unknown>;
  return { name, message, code, stack };
}

function requestIdOf(req: Request): string {
  return typeof req.id === 'string' ? req.id : '';
}
