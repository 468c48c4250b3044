import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { isTransactionConflict } from './database-errors';

/** Attempts of one transaction that loses a deadlock or a serialization check, before the caller is told 503. */
export const TRANSACTION_ATTEMPTS = 4;
const BACKOFF_BASE_MS = 10;

/**
 * Runs units of work in a transaction. A deadlock (40P01) or serialization failure (40001) is PostgreSQL asking
 * the loser to try again, not an outage: the work is retried a bounded number of times with jittered backoff, and
 * only then answered 503 with `Retry-After`. The database stays "ready"; readiness probes the server, not this.
 * The work must not have side effects outside the transaction, since it may run more than once.
 */
@Injectable()
export class Transactions {
  private readonly logger = new Logger(Transactions.name);

  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>, isolation?: IsolationLevel): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return isolation
          ? await this.dataSource.transaction(isolation, work)
          : await this.dataSource.transaction(work);
      } catch (error) {
        if (!isTransactionConflict(error)) throw error;
        if (attempt >= TRANSACTION_ATTEMPTS) {
          this.logger.warn(`Transaction lost ${attempt} conflicts in a row; answering 503`);
          throw new ServiceUnavailableException({
            message: 'The change conflicted with concurrent changes; try again',
            retryAfter: 1,
          });
        }
        // Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter") keeps the losers from colliding again.
        await sleep(Math.random() * BACKOFF_BASE_MS * 2 ** attempt);
      }
    }
  }
}
