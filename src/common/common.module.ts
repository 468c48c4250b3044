import { Global, Module } from '@nestjs/common';
import { CursorCodec } from './cursor';
import { IdempotencyRepository } from './idempotency.repository';

/** What every module's routes and repositories share: signed keyset cursors and the idempotency-key store. */
@Global()
@Module({
  providers: [CursorCodec, IdempotencyRepository],
  exports: [CursorCodec, IdempotencyRepository],
})
export class CommonModule {}
