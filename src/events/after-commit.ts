import type { DataSource, EntityManager } from 'typeorm';

/** Marks the transaction `manager` runs in, for the callback registered under `flag` to run once it commits. */
export function markForCommit(manager: EntityManager, flag: string): void {
  if (manager.queryRunner) manager.queryRunner.data[flag] = true;
}

/** Runs `callback` after every commit of a transaction marked with `flag`; a rollback drops the mark. */
export function onCommitOf(dataSource: DataSource, flag: string, callback: () => void): void {
  dataSource.subscribers.push({
    afterTransactionCommit: ({ queryRunner }) => {
      if (queryRunner.data[flag]) callback();
      delete queryRunner.data[flag];
    },
    afterTransactionRollback: ({ queryRunner }) => {
      delete queryRunner.data[flag];
    },
  });
}
