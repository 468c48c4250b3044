import { countUnderLock } from '../database/child-count.repository';
import { COMMENT_TEXT_RECORDS, REDACTED } from '../events/activity-log.repository';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CursorCodec } from '../common/cursor';
import { Page, toPage } from '../common/page';
import { queryRows } from '../database/query-rows';
import type { DeliveryDto, ListDeliveriesQuery, WebhookDto } from './dto/webhook.dto';

/** The configuration a create or update writes; secrets arrive encrypted. */
export interface WebhookFields {
  url: string;
  events: string[];
  secretEncrypted: string;
  description: string | null;
  active: boolean;
}

/** A PATCH: each field changes only when given. */
export type WebhookChanges = Partial<Omit<WebhookFields, 'description'>> & { description?: string | null };

/** One queued body per (record, webhook) the queue is handed. */
export interface QueuedRecord {
  id: string;
  seq: number;
  event: string;
  body: string;
  projectId: string;
  fromProjectId: string | null;
  /** A second task the record names: a webhook sees it only when that task is in the webhook's project. */
  relatedTaskId: string | null;
}

export interface ClaimedDelivery {
  id: string;
  webhook_id: string;
  event: string;
  payload: string;
  attempts: number;
  url: string;
  secret_encrypted: string;
}

export interface AttemptRecord {
  status: 'succeeded' | 'failed' | 'pending';
  responseStatus: number | null;
  durationMs: number;
  error: string | null;
  /** Null when nothing is left to attempt. */
  retryInMs: number | null;
}

const WEBHOOK_COLUMNS = `w.id, w.project_id, w.url, w.events, w.description, w.active, w.disabled_reason,
  w.disabled_at, w.created_at, w.updated_at`;

interface WebhookRow {
  id: string;
  project_id: string;
  url: string;
  events: string[];
  description: string | null;
  active: boolean;
  disabled_reason: string | null;
  disabled_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const DELIVERY_COLUMNS = `d.id, d.webhook_id, d.activity_id, d.seq, d.event, d.status, d.attempts, d.response_status,
  d.duration_ms, d.error, d.redelivery_of, d.created_at, d.last_attempt_at, d.next_attempt_at`;

interface DeliveryRow {
  id: string;
  webhook_id: string;
  activity_id: string;
  seq: string;
  event: string;
  status: DeliveryDto['status'];
  attempts: number;
  response_status: number | null;
  duration_ms: number | null;
  error: string | null;
  redelivery_of: string | null;
  created_at: Date;
  last_attempt_at: Date | null;
  next_attempt_at: Date | null;
}

@Injectable()
export class WebhooksRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cursors: CursorCodec,
  ) {}

  /** How many webhooks the project has, counted under its row lock so racing creates cannot pass a limit together. */
  lockAndCount(manager: EntityManager, projectId: string): Promise<number> {
    return countUnderLock(
      manager,
      { parent: 'projects', children: 'webhooks', key: 'project_id' },
      projectId,
    );
  }

  async insert(
    manager: EntityManager,
    projectId: string,
    fields: WebhookFields,
    createdBy: string,
  ): Promise<WebhookDto> {
    const [row] = await manager.query<WebhookRow[]>(
      `INSERT INTO webhooks AS w (project_id, url, events, secret_encrypted, description, active, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${WEBHOOK_COLUMNS}`,
      [
        projectId,
        fields.url,
        fields.events,
        fields.secretEncrypted,
        fields.description,
        fields.active,
        createdBy,
      ],
    );
    return mapWebhook(row);
  }

  async list(projectId: string): Promise<WebhookDto[]> {
    const rows = await this.dataSource.query<WebhookRow[]>(
      `SELECT ${WEBHOOK_COLUMNS} FROM webhooks w WHERE w.project_id = $1 ORDER BY w.created_at, w.id`,
      [projectId],
    );
    return rows.map(mapWebhook);
  }

  async find(projectId: string, webhookId: string): Promise<WebhookDto | undefined> {
    const [row] = await this.dataSource.query<WebhookRow[]>(
      `SELECT ${WEBHOOK_COLUMNS} FROM webhooks w WHERE w.id = $1 AND w.project_id = $2`,
      [webhookId, projectId],
    );
    return row && mapWebhook(row);
  }

  /**
   * Re-enabling (`active: true` on a disabled webhook) clears what disabled it and hears only of what commits from
   * now on (`after_seq`).
   */
  async update(
    projectId: string,
    webhookId: string,
    changes: WebhookChanges,
  ): Promise<WebhookDto | undefined> {
    const [row] = await queryRows<WebhookRow>(
      this.dataSource,
      `UPDATE webhooks w SET url = COALESCE($3, url), events = COALESCE($4, events),
              secret_encrypted = COALESCE($5, secret_encrypted),
              description = CASE WHEN $6 THEN $7 ELSE description END,
              active = COALESCE($8, active),
              disabled_reason = CASE WHEN $8 IS NULL THEN disabled_reason END,
              disabled_at = CASE WHEN $8 IS NULL THEN disabled_at END,
              consecutive_failures = CASE WHEN $8 THEN 0 ELSE consecutive_failures END,
              after_seq = CASE WHEN $8 AND NOT w.active
                               THEN coalesce(pg_sequence_last_value('activity_seq'), 0) ELSE after_seq END,
              version = version + 1, updated_at = now()
        WHERE w.id = $1 AND w.project_id = $2 RETURNING ${WEBHOOK_COLUMNS}`,
      [
        webhookId,
        projectId,
        changes.url ?? null,
        changes.events ?? null,
        changes.secretEncrypted ?? null,
        changes.description !== undefined,
        changes.description ?? null,
        changes.active ?? null,
      ],
    );
    return row && mapWebhook(row);
  }

  async delete(projectId: string, webhookId: string): Promise<boolean> {
    const deleted = await queryRows(
      this.dataSource,
      `DELETE FROM webhooks WHERE id = $1 AND project_id = $2 RETURNING id`,
      [webhookId, projectId],
    );
    return deleted.length > 0;
  }

  /** The delivery log, newest first. */
  async deliveries(webhookId: string, query: ListDeliveriesQuery): Promise<Page<DeliveryDto>> {
    const context = { list: 'deliveries', webhookId, status: query.status ?? null };
    const [afterTime, afterId] = query.cursor
      ? this.cursors.decode(query.cursor, context, ['timestamptz', 'uuid'])
      : [null, null];
    const rows = await this.dataSource.query<DeliveryRow[]>(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d
        WHERE d.webhook_id = $1 AND ($2::text IS NULL OR d.status = $2)
          AND ($3::timestamptz IS NULL OR (d.created_at, d.id) < ($3::timestamptz, $4::uuid))
        ORDER BY d.created_at DESC, d.id DESC LIMIT $5`,
      [webhookId, query.status ?? null, afterTime, afterId, query.limit + 1],
    );
    return toPage(rows, query.limit, mapDelivery, (row) =>
      this.cursors.encode([row.created_at.toISOString(), row.id], context),
    );
  }

  /** A new delivery of an old one's body (same `id`, so receivers can tell); undefined when there is no such one. */
  async redeliver(webhookId: string, deliveryId: string): Promise<DeliveryDto | undefined> {
    const [row] = await this.dataSource.query<DeliveryRow[]>(
      `INSERT INTO webhook_deliveries AS d (webhook_id, activity_id, seq, event, payload, redelivery_of)
       SELECT o.webhook_id, o.activity_id, o.seq, o.event, o.payload, o.id
         FROM webhook_deliveries o WHERE o.id = $1 AND o.webhook_id = $2
       RETURNING ${DELIVERY_COLUMNS}`,
      [deliveryId, webhookId],
    );
    return row && mapDelivery(row);
  }

  /**
   * One delivery per (record, webhook) that wants it: active webhooks of the record's project (and of the project a
   * task moved out of) created before it, for its event or `*`. Returns how many were queued.
   */
  async queue(manager: EntityManager, records: QueuedRecord[]): Promise<number> {
    const queued = await manager.query<{ id: string }[]>(
      `INSERT INTO webhook_deliveries (webhook_id, activity_id, seq, event, payload)
       SELECT w.id, r.id, r.seq, r.event, r.payload
         FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::uuid[])
              AS r (id, seq, event, payload, project_id, from_project_id, related_task_id)
         JOIN webhooks w ON w.project_id IN (r.project_id, r.from_project_id)
        WHERE w.active AND r.seq > w.after_seq AND (r.event = ANY (w.events) OR '*' = ANY (w.events))
          AND (r.related_task_id IS NULL
               OR EXISTS (SELECT 1 FROM tasks rt WHERE rt.id = r.related_task_id AND rt.project_id = w.project_id))
        ORDER BY r.seq, w.id
       ON CONFLICT (webhook_id, activity_id) WHERE redelivery_of IS NULL DO NOTHING
       RETURNING id`,
      [
        records.map((record) => record.id),
        records.map((record) => record.seq),
        records.map((record) => record.event),
        records.map((record) => record.body),
        records.map((record) => record.projectId),
        records.map((record) => record.fromProjectId),
        records.map((record) => record.relatedTaskId),
      ],
    );
    return queued.length;
  }

  /**
   * Replaces a deleted comment's text in the stored bodies of deliveries that carried it, sent or not, so neither a
   * retry nor a redelivery sends it again.
   */
  async redactCommentText(manager: EntityManager, taskId: string, commentId: string): Promise<void> {
    await manager.query(
      `UPDATE webhook_deliveries
          SET payload = jsonb_set(jsonb_set(payload::jsonb, '{data,comment,body}', $3::jsonb, false),
                                  '{data,changes,body}', $3::jsonb, false)::text
        WHERE activity_id IN (${COMMENT_TEXT_RECORDS})`,
      [taskId, commentId, JSON.stringify(REDACTED)],
    );
  }

  /** Leases due deliveries of active webhooks, so two instances never send one attempt twice. */
  claimDue(leaseSeconds: number, limit: number): Promise<ClaimedDelivery[]> {
    return queryRows<ClaimedDelivery>(
      this.dataSource,
      `UPDATE webhook_deliveries d
          SET leased_until = now() + make_interval(secs => $1), attempts = d.attempts + 1, last_attempt_at = now()
         FROM webhooks w
        WHERE w.id = d.webhook_id AND d.id IN (
          SELECT due.id FROM webhook_deliveries due JOIN webhooks hook ON hook.id = due.webhook_id AND hook.active
           WHERE due.status = 'pending' AND due.next_attempt_at <= now()
             AND (due.leased_until IS NULL OR due.leased_until < now())
           ORDER BY due.next_attempt_at, due.seq LIMIT $2 FOR UPDATE OF due SKIP LOCKED)
        RETURNING d.id, d.webhook_id, d.event, d.payload, d.attempts, w.url, w.secret_encrypted`,
      [leaseSeconds, limit],
    );
  }

  /** Stores an attempt's outcome; a retry is scheduled on the database's clock, as leases are. */
  async recordAttempt(manager: EntityManager, deliveryId: string, attempt: AttemptRecord): Promise<void> {
    await manager.query(
      `UPDATE webhook_deliveries SET status = $2, response_status = $3, duration_ms = $4, error = $5,
              leased_until = NULL, next_attempt_at = now() + $6::double precision * interval '1 millisecond'
        WHERE id = $1`,
      [
        deliveryId,
        attempt.status,
        attempt.responseStatus,
        attempt.durationMs,
        attempt.error,
        attempt.retryInMs,
      ],
    );
  }

  async resetFailures(manager: EntityManager, webhookId: string): Promise<void> {
    await manager.query(
      `UPDATE webhooks SET consecutive_failures = 0 WHERE id = $1 AND consecutive_failures > 0`,
      [webhookId],
    );
  }

  /** Counts a delivery that failed every attempt; the webhook is disabled, with `reason`, at `disableAfter`. */
  async countFailure(
    manager: EntityManager,
    webhookId: string,
    disableAfter: number,
    reason: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE webhooks SET consecutive_failures = consecutive_failures + 1,
              active = active AND consecutive_failures + 1 < $2,
              disabled_reason = CASE WHEN consecutive_failures + 1 >= $2 THEN $3 ELSE disabled_reason END,
              disabled_at = CASE WHEN consecutive_failures + 1 >= $2 THEN now() ELSE disabled_at END
        WHERE id = $1`,
      [webhookId, disableAfter, reason],
    );
  }
}

function mapWebhook(row: WebhookRow): WebhookDto {
  return {
    id: row.id,
    projectId: row.project_id,
    url: row.url,
    events: row.events,
    description: row.description,
    active: row.active,
    disabledReason: row.disabled_reason,
    disabledAt: row.disabled_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function mapDelivery(row: DeliveryRow): DeliveryDto {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    activityId: row.activity_id,
    seq: Number(row.seq),
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    responseStatus: row.response_status,
    durationMs: row.duration_ms,
    error: row.error,
    redeliveryOf: row.redelivery_of,
    createdAt: row.created_at.toISOString(),
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
    nextAttemptAt: row.next_attempt_at?.toISOString() ?? null,
  };
}
