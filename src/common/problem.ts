import { HttpException, UnprocessableEntityException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';

export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, the body of every error response. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export function statusTitle(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** What an HttpException says to the client: all of a problem but the request's own fields. */
export function httpProblem(exception: HttpException): {
  title: string;
  status: number;
  detail: string;
  [extension: string]: unknown;
} {
  const status = exception.getStatus();
  const body = exception.getResponse();
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const { message, error: _error, statusCode: _statusCode, ...extensions } = fields;
  const detail = Array.isArray(message)
    ? message.join('; ')
    : typeof message === 'string'
      ? message
      : exception.message;
  return { title: statusTitle(status), status, detail, ...extensions };
}

/** A 422 naming the one field at fault, shaped like the validation pipe's own. */
export function fieldProblem(field: string, message: string): UnprocessableEntityException {
  return new UnprocessableEntityException({ message, errors: [{ field, message }] });
}
