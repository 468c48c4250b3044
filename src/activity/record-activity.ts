import type { EntityManager } from 'typeorm';
import { markForCommit } from '../database/after-commit';
import type { ActivityEvent, FieldChanges } from './activity-events';

/** One change, as a service describes it inside the transaction that makes it. */
export interface ActivityEntry {
  event: ActivityEvent;
  projectId: string;
  actorId: string | null;
  changes: FieldChanges;
  taskId?: string;
  fromProjectId?: string;
  userId?: string;
  version?: number;
  resource?: object;
  audience?: string[];
}

/**
 * Any constant shared by every writer: the transaction-level advisory lock that orders activity. Held from the
 * moment a writer draws its `seq` until it commits, so a later `seq` cannot become visible before an earlier one
 * and a reader paging by `seq` never skips a record that commits late. Writers serialize only over that short tail;
 * call this last in the transaction, after every other lock is taken, so the lock never waits on a row lock.
 */
const ACTIVITY_ORDER_LOCK = 0x7461736b; // "task"

/** Marks a query runner whose transaction wrote activity, so the outbox is woken once it commits. */
export const ACTIVITY_WRITTEN = 'activityWritten';

/** The channel that tells every instance's outbox dispatcher that activity committed. */
export const ACTIVITY_CHANNEL = 'taskforge_activity';

/** Writes one activity record in the caller's transaction: committed with the change, or rolled back with it. */
export async function recordActivity(manager: EntityManager, entry: ActivityEntry): Promise<void> {
  await manager.query(
    `WITH ordered AS (SELECT pg_advisory_xact_lock(${ACTIVITY_ORDER_LOCK})),
          announced AS (SELECT pg_notify('${ACTIVITY_CHANNEL}', ''))
     INSERT INTO activity (seq, event, project_id, from_project_id, task_id, user_id, actor_id, changes, version,
                           resource, audience)
     SELECT nextval('activity_seq'), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 FROM ordered, announced`,
    [
      entry.event,
      entry.projectId,
      entry.fromProjectId ?? null,
      entry.taskId ?? null,
      entry.userId ?? null,
      entry.actorId,
      JSON.stringify(entry.changes),
      entry.version ?? null,
      entry.resource ? JSON.stringify(entry.resource) : null,
      entry.audience ?? null,
    ],
  );
  markForCommit(manager, ACTIVITY_WRITTEN);
}
