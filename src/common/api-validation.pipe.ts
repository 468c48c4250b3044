import { ArgumentMetadata, HttpStatus, Injectable, ValidationPipe } from '@nestjs/common';
import { RequestValidationException } from './request-validation.exception';

/**
 * The global pipe: unknown fields are refused, not silently dropped, so nobody can mass-assign `id` or `role`.
 * Bodies failing validation are 422; query strings and path parameters are 400.
 */
@Injectable()
export class ApiValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      // One message per field: the first rule it breaks.
      stopAtFirstError: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => RequestValidationException.fromValidationErrors(errors),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(metadata.type === 'query' ? groupedByPrefix(value) : value, metadata);
    } catch (error) {
      if (error instanceof RequestValidationException && metadata.type !== 'body') {
        throw error.withStatus(HttpStatus.BAD_REQUEST);
      }
      throw error;
    }
  }
}

/**
 * A query string's dotted parameters grouped by their first part: `field.<id>.gte=5` is `{ field: { '<id>.gte': '5' } }`,
 * so a query DTO declares one property for a family of parameters whose names carry ids. A plain parameter of the
 * same name (`field=5`) is kept as sent, and fails the property's own check.
 */
function groupedByPrefix(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const grouped: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const dot = key.indexOf('.');
    if (dot <= 0) {
      grouped[key] = item;
      continue;
    }
    const prefix = key.slice(0, dot);
    const group = grouped[prefix];
    if (group !== undefined && (typeof group !== 'object' || group === null || Array.isArray(group)))
      continue;
    const members = (group ?? {}) as Record<string, unknown>;
    grouped[prefix] = { ...members, [key.slice(dot + 1)]: item };
  }
  return grouped;
}
