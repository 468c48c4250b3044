import type { DataSource, EntitySubscriberInterface } from 'typeorm';
import type { BeforeQueryEvent } from 'typeorm/subscriber/event/QueryEvent';
import { ACTIVITY_INSERT_MARK } from './activity-log.repository';

const RECORDED = 'activityRecorded';
const WRITE_OR_LOCK =
  /^\s*(?:WITH\b[\s\S]*?\b)?(?:INSERT|UPDATE|DELETE|MERGE)\b|\bFOR\s+(?:NO\s+KEY\s+)?(?:UPDATE|SHARE)\b/i;

/** Thrown when a transaction writes or locks rows after recording activity: a lock-order bug, never user error. */
export class ActivityRecordedTooEarlyError extends Error {
  constructor(statement: string) {
    super(
      `Activity must be recorded last in its transaction, after every other write and lock; this came after it: ` +
        statement.replace(/\s+/g, ' ').slice(0, 160),
    );
    this.name = ActivityRecordedTooEarlyError.name;
  }
}

/**
 * Holds every transaction to the rule that makes writers deadlock-free: recording activity takes the global order
 * lock, so once a transaction has recorded activity it may record more, but it may not write or lock anything else
 * (a row lock waited for while holding the order lock stalls every writer, and can close a cycle). A statement that
 * breaks the rule fails before it reaches the database, so a test that exercises the path finds the bug.
 */
export function installActivityLastGuard(dataSource: DataSource): void {
  const guard: EntitySubscriberInterface = {
    beforeQuery({ queryRunner, query }: BeforeQueryEvent) {
      if (!queryRunner?.isTransactionActive) return;
      if (query.startsWith(ACTIVITY_INSERT_MARK)) {
        queryRunner.data[RECORDED] = true;
        return;
      }
      if (queryRunner.data[RECORDED] && WRITE_OR_LOCK.test(query)) {
        throw new ActivityRecordedTooEarlyError(query);
      }
    },
    afterTransactionCommit({ queryRunner }) {
      delete queryRunner.data[RECORDED];
    },
    afterTransactionRollback({ queryRunner }) {
      delete queryRunner.data[RECORDED];
    },
  };
  dataSource.subscribers.push(guard);
}
