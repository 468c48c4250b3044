import { Global, Module } from '@nestjs/common';
import { CursorCodec } from './cursor';
import { IdempotencyRepository } from './idempotency.repository';
import { PublicUrl } from './public-url';

/**
 * What every module's routes and repositories share: signed keyset cursors, the idempotency-key store and the
 * service's public address.
 */
@Global()
@Module({
  providers: [CursorCodec, IdempotencyRepository, PublicUrl],
  exports: [CursorCodec, IdempotencyRepository, PublicUrl],
})
export class CommonModule {}
