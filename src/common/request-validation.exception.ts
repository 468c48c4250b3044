import { HttpException, HttpStatus, ValidationError } from '@nestjs/common';
import type { FieldError } from './problem';

/** A request that parsed but broke field rules: 422 for bodies, 400 for query strings and paths (see API.md). */
export class RequestValidationException extends HttpException {
  constructor(
    readonly errors: FieldError[],
    status: HttpStatus.UNPROCESSABLE_ENTITY | HttpStatus.BAD_REQUEST = HttpStatus.UNPROCESSABLE_ENTITY,
  ) {
    super({ message: summarize(errors), errors }, status);
  }

  static fromValidationErrors(errors: ValidationError[]): RequestValidationException {
    return new RequestValidationException(flatten(errors));
  }

  withStatus(status: HttpStatus.BAD_REQUEST): RequestValidationException {
    return new RequestValidationException(this.errors, status);
  }
}

function summarize(errors: FieldError[]): string {
  const fields = [...new Set(errors.map((error) => error.field))];
  return `Invalid ${fields.length === 1 ? 'field' : 'fields'}: ${fields.join(', ')}`;
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(/^property /, ''),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
