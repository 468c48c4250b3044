import type { ActivityEvent, FieldChanges } from './activity-events';

/** One record of the activity log, as every reader of it (the API, the outbox, the change feed) sees it. */
export interface ActivityRecord {
  id: string;
  seq: number;
  event: ActivityEvent;
  projectId: string;
  taskId: string | null;
  userId: string | null;
  actorId: string | null;
  changes: FieldChanges;
  version: number | null;
  occurredAt: string;
}

/** The columns of an activity record as the API shows it; the outbox reads `resource` and `audience` too. */
export const ACTIVITY_COLUMNS = `a.id, a.seq, a.event, a.project_id, a.task_id, a.user_id, a.actor_id, a.changes,
  a.version, a.occurred_at`;

export interface ActivityRow {
  id: string;
  seq: string;
  event: ActivityEvent;
  project_id: string;
  task_id: string | null;
  user_id: string | null;
  actor_id: string | null;
  changes: FieldChanges;
  version: number | null;
  occurred_at: Date;
}

export function mapActivity(row: ActivityRow): ActivityRecord {
  return {
    id: row.id,
    seq: Number(row.seq),
    event: row.event,
    projectId: row.project_id,
    taskId: row.task_id,
    userId: row.user_id,
    actorId: row.actor_id,
    changes: row.changes,
    version: row.version,
    occurredAt: row.occurred_at.toISOString(),
  };
}
