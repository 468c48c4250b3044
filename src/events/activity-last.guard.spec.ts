import type { DataSource, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import type { BeforeQueryEvent } from 'typeorm/subscriber/event/QueryEvent';
import { ActivityRecordedTooEarlyError, installActivityLastGuard } from './activity-last.guard';
import { ACTIVITY_INSERT_MARK } from './activity-log.repository';

describe('the activity-last guard', () => {
  const subscribers: EntitySubscriberInterface[] = [];
  installActivityLastGuard({ subscribers } as unknown as DataSource);
  // The guard's hooks are synchronous: a refusal throws before the statement is sent.
  const beforeQuery = subscribers[0].beforeQuery as (event: BeforeQueryEvent) => void;
  const afterRollback = subscribers[0].afterTransactionRollback as (event: {
    queryRunner: QueryRunner;
  }) => void;

  function transaction() {
    const queryRunner = { isTransactionActive: true, data: {} } as unknown as QueryRunner;
    const run = (query: string) => beforeQuery({ queryRunner, query } as BeforeQueryEvent);
    return { queryRunner, run };
  }
  const recordActivity = `${ACTIVITY_INSERT_MARK} WITH ordered AS (SELECT 1) INSERT INTO activity SELECT 1`;

  it('lets a transaction write and lock anything before it records activity', () => {
    const { run } = transaction();
    expect(() => run('SELECT 1 FROM tasks WHERE id = $1 FOR UPDATE')).not.toThrow();
    expect(() => run('UPDATE tasks SET title = $2 WHERE id = $1')).not.toThrow();
    expect(() => run(recordActivity)).not.toThrow();
  });

  it('lets it record more activity and read after recording', () => {
    const { run } = transaction();
    run(recordActivity);
    expect(() => run(recordActivity)).not.toThrow();
    expect(() => run('SELECT t.updated_at, t.id FROM tasks t WHERE t.id = $1')).not.toThrow();
  });

  it.each([
    'UPDATE tasks SET version = version + 1 WHERE id = $1',
    '  insert into task_shares (task_id) values ($1)',
    'DELETE FROM project_members WHERE project_id = $1',
    'WITH doomed AS (SELECT id FROM tasks) UPDATE tasks SET deleted_at = now()',
    'SELECT 1 FROM projects WHERE id = $1 FOR UPDATE',
    'SELECT 1 FROM tasks FOR NO KEY UPDATE',
    'SELECT role FROM project_members FOR SHARE',
  ])('refuses %p after activity was recorded', (statement) => {
    const { run } = transaction();
    run(recordActivity);
    expect(() => run(statement)).toThrow(ActivityRecordedTooEarlyError);
  });

  it('forgets the mark when the transaction ends, and ignores statements outside a transaction', () => {
    const { queryRunner, run } = transaction();
    run(recordActivity);
    afterRollback({ queryRunner });
    expect(() => run('UPDATE tasks SET title = $2 WHERE id = $1')).not.toThrow();
    const outside = {
      isTransactionActive: false,
      data: { activityRecorded: true },
    } as unknown as QueryRunner;
    expect(() =>
      beforeQuery({ queryRunner: outside, query: 'DELETE FROM x' } as BeforeQueryEvent),
    ).not.toThrow();
  });
});
