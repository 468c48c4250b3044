import type { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { ACTIVITY_COLUMNS, ActivityRow, mapActivity } from './activity-record';
import { markForCommit } from './after-commit';
import type { ActivityEvent, FieldChanges } from './activity-events';
import type { OutboxRecord } from './outbox';

/** The record of a change to a project's own resource (a label, a state): named by the project, at its version. */
export function projectResourceEntry(
  event: ActivityEvent,
  actorId: string,
  resource: { projectId: string; version: number },
  changes: FieldChanges,
): ActivityEntry {
  return { event, projectId: resource.projectId, actorId, changes, version: resource.version, resource };
}

/** The `task.updated` record of a change another module made to a task (a label or a state taken away). */
export function taskUpdatedEntry(
  task: { id: string; projectId: string; version: number },
  actorId: string,
  changes: FieldChanges,
): ActivityEntry {
  return {
    event: 'task.updated',
    projectId: task.projectId,
    taskId: task.id,
    version: task.version,
    resource: task,
    actorId,
    changes,
  };
}

/** One change, as a service describes it inside the transaction that makes it. */
export interface ActivityEntry {
  /** Given when another row of the transaction must name the record (a notification names its cause). */
  id?: string;
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
  /**
   * A second task the record names (a relation's other end): only those who may read it too are shown the record,
   * on every path (sockets, webhooks, history, the change feed).
   */
  relatedTaskId?: string;
}

/**
 * Any constant shared by every writer: the transaction-level advisory lock that orders activity. Held from the
 * moment a writer draws its `seq` until it commits, so a later `seq` cannot become visible before an earlier one
 * and a reader paging by `seq` never skips a record that commits late. Writers serialize only over that short tail;
 * it is taken last in the transaction, after every other lock, so it never waits on a row lock while holding
 * writers up (ActivityLastGuard enforces that).
 */
const ACTIVITY_ORDER_LOCK = 0x7461736b; // "task"

/** Marks a query runner whose transaction wrote activity, so the outbox is woken once it commits. */
export const ACTIVITY_WRITTEN = 'activityWritten';

/** The channel that tells every instance's outbox dispatcher that activity committed. */
export const ACTIVITY_CHANNEL = 'taskforge_activity';

/** How the guard tells the activity insert itself from any other statement. */
export const ACTIVITY_INSERT_MARK = '/* taskforge:record-activity */';

/**
 * Records changes in order, in one statement, as the last step of the caller's transaction: committed with the
 * change, or rolled back with it. Services call it through the ActivityRecorder, which derives what follows first. The rows are
 * numbered (`seq`) in the order given: the ordered subquery hands them to `nextval` one by one.
 */
export async function recordActivities(manager: EntityManager, entries: ActivityEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const column = <T>(value: (entry: ActivityEntry) => T) => entries.map(value);
  await manager.query(
    `${ACTIVITY_INSERT_MARK} WITH ordered AS (SELECT pg_advisory_xact_lock(${ACTIVITY_ORDER_LOCK})),
          announced AS (SELECT pg_notify('${ACTIVITY_CHANNEL}', ''))
     INSERT INTO activity (id, seq, event, project_id, from_project_id, task_id, user_id, actor_id, changes, version,
                           resource, audience, related_task_id)
     SELECT COALESCE(e.id, gen_random_uuid()), nextval('activity_seq'), e.event, e.project_id, e.from_project_id,
            e.task_id, e.user_id, e.actor_id, e.changes, e.version, e.resource,
            CASE WHEN e.audience IS NOT NULL THEN ARRAY(SELECT jsonb_array_elements_text(e.audience)::uuid) END,
            e.related_task_id
       FROM (SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[],
                                  $7::jsonb[], $8::integer[], $9::jsonb[], $10::jsonb[], $11::uuid[], $12::uuid[])
                     WITH ORDINALITY AS e (event, project_id, from_project_id, task_id, user_id, actor_id, changes,
                                           version, resource, audience, id, related_task_id, n)
              ORDER BY n OFFSET 0) e, ordered, announced`,
    [
      column((entry) => entry.event),
      column((entry) => entry.projectId),
      column((entry) => entry.fromProjectId ?? null),
      column((entry) => entry.taskId ?? null),
      column((entry) => entry.userId ?? null),
      column((entry) => entry.actorId),
      column((entry) => JSON.stringify(entry.changes)),
      column((entry) => entry.version ?? null),
      column((entry) => (entry.resource ? JSON.stringify(entry.resource) : null)),
      column((entry) => (entry.audience ? JSON.stringify(entry.audience) : null)),
      column((entry) => entry.id ?? null),
      column((entry) => entry.relatedTaskId ?? null),
    ],
  );
  markForCommit(manager, ACTIVITY_WRITTEN);
}

/** What history shows of a deleted comment's text. */
export const REDACTED = { redacted: true } as const;

/** The records that carry a comment's text: its creation and its edits. */
export const COMMENT_TEXT_RECORDS = `SELECT id FROM activity
  WHERE task_id = $1 AND event IN ('comment.created', 'comment.updated') AND resource ->> 'id' = $2`;

/**
 * Replaces a deleted comment's text in the records that carried it (`changes.body` and the comment they hold), in
 * the deleting transaction: history, the change feed and any later delivery show `body: { redacted: true }`.
 */
export async function redactCommentText(
  manager: EntityManager,
  taskId: string,
  commentId: string,
): Promise<void> {
  await manager.query(
    `UPDATE activity SET
            changes = CASE WHEN changes ? 'body' THEN jsonb_set(changes, '{body}', $3::jsonb) ELSE changes END,
            resource = CASE WHEN resource ? 'body' THEN jsonb_set(resource, '{body}', $3::jsonb) ELSE resource END
      WHERE id IN (${COMMENT_TEXT_RECORDS})`,
    [taskId, commentId, JSON.stringify(REDACTED)],
  );
}

interface OutboxRow extends ActivityRow {
  from_project_id: string | null;
  related_task_id: string | null;
  resource: Record<string, unknown> | null;
  audience: string[] | null;
}

/** Committed records after `after`, oldest first. */
export async function readOutbox(
  manager: EntityManager,
  after: string,
  limit: number,
): Promise<OutboxRecord[]> {
  const rows = await manager.query<OutboxRow[]>(
    `SELECT ${ACTIVITY_COLUMNS}, a.from_project_id, a.resource, a.audience, a.related_task_id FROM activity a
      WHERE a.seq > $1 ORDER BY a.seq LIMIT $2`,
    [after, limit],
  );
  return rows.map((row) => ({
    ...mapActivity(row),
    fromProjectId: row.from_project_id,
    resource: row.resource,
    audience: row.audience ?? [],
    relatedTaskId: row.related_task_id,
  }));
}

/** Subscribes a session of its own to the notice every commit of activity sends (`ACTIVITY_CHANNEL`). */
export async function listenForActivity(session: Pick<Client, 'query'>): Promise<void> {
  await session.query(`LISTEN ${ACTIVITY_CHANNEL}`);
}

/** The newest seq committed, or '0' for an empty log. */
export async function newestSeq(manager: EntityManager): Promise<string> {
  const [{ head }] = await manager.query<{ head: string }[]>(
    `SELECT COALESCE(max(seq), 0)::text AS head FROM activity`,
  );
  return head;
}

/** A durable consumer seen for the first time starts at `head`, not at the beginning. */
export async function ensureConsumerPosition(db: DataSource, consumer: string, head: string): Promise<void> {
  await db.query(
    `INSERT INTO outbox_positions (consumer, position) VALUES ($1, $2) ON CONFLICT (consumer) DO NOTHING`,
    [consumer, head],
  );
}

/** The consumer's position, locked until commit; undefined while another instance holds it (SKIP LOCKED). */
export async function claimConsumerPosition(
  manager: EntityManager,
  consumer: string,
): Promise<string | undefined> {
  const [claimed] = await manager.query<{ position: string }[]>(
    `SELECT position FROM outbox_positions WHERE consumer = $1 FOR UPDATE SKIP LOCKED`,
    [consumer],
  );
  return claimed?.position;
}

export async function moveConsumerPosition(
  manager: EntityManager,
  consumer: string,
  position: number,
): Promise<void> {
  await manager.query(`UPDATE outbox_positions SET position = $2, updated_at = now() WHERE consumer = $1`, [
    consumer,
    position,
  ]);
}
