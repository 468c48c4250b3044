import type { EntityManager } from 'typeorm';
import type { ActivityRecord } from './activity-record';
import { resourceKey } from './activity-events';

/** An activity record as the outbox hands it on: what the API shows, plus what deliveries need. */
export interface OutboxRecord extends ActivityRecord {
  fromProjectId: string | null;
  /** The task or project right after the change, as the API returned it. */
  resource: Record<string, unknown> | null;
  /** Users told of the change though it took the project or task away from them. */
  audience: string[];
  /** A second task the record names: only those who may read it are sent the record. */
  relatedTaskId: string | null;
}

/**
 * What sockets and webhooks receive: the activity record, with its resource (task, comment, attachment,
 * notification or project) as REST returns it after the change.
 */
export function eventPayload(record: OutboxRecord): Record<string, unknown> {
  const {
    fromProjectId: _from,
    resource,
    audience: _audience,
    relatedTaskId: _related,
    ...activity
  } = record;
  if (!resource) return activity;
  return { ...activity, [resourceKey(record.event)]: resource };
}

/**
 * Something inside the process that acts on committed activity.
 *
 * A durable consumer's position lives in `outbox_positions`, shared by every instance: one instance at a time takes
 * a batch, and `handle` runs in the transaction that moves the position on, so what it writes through `manager`
 * happens exactly once, even across a crash. A live consumer (the socket gateway) keeps its position in memory per
 * instance and starts at the newest record: its audience is the sockets connected to that instance, which a restart
 * drops anyway and which catch up through the change feed.
 */
export interface OutboxConsumer {
  readonly name: string;
  readonly durable: boolean;
  handle(records: OutboxRecord[], manager: EntityManager): Promise<void>;
}
