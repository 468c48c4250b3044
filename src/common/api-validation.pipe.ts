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
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof RequestValidationException && metadata.type !== 'body') {
        throw error.withStatus(HttpStatus.BAD_REQUEST);
      }
      throw error;
    }
  }
}
