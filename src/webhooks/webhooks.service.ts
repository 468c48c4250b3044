import {
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { Page, toPage } from '../common/page';
import { queryRows } from '../database/query-rows';
import { ProjectAccessPolicy } from '../projects/project-access.policy';
import {
  CreateWebhookDto,
  DeliveryDto,
  ListDeliveriesQuery,
  UpdateWebhookDto,
  WebhookDto,
  WebhookWithSecretDto,
} from './dto/webhook.dto';
import { WebhookAddressPolicy } from './webhook-address';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookSender } from './webhook-sender';

/** GitHub's limit per repository; more is a configuration mistake, and every one costs a delivery per change. */
const MAX_WEBHOOKS_PER_PROJECT = 20;

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

/** Webhook settings and their delivery log, for a project's owners and admins. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProjectAccessPolicy,
    private readonly addresses: WebhookAddressPolicy,
    private readonly secrets: WebhookSecrets,
    private readonly sender: WebhookSender,
  ) {}

  async create(
    principal: Principal,
    projectId: string,
    dto: CreateWebhookDto,
  ): Promise<WebhookWithSecretDto> {
    await this.access.require(principal.userId, projectId, 'manage-webhooks');
    await this.assertDeliverable(dto.url);
    const secret = dto.secret ?? this.secrets.generate();
    return this.dataSource.transaction(async (manager) => {
      // Counted under the project's row lock, so racing creates cannot pass the limit together.
      await manager.query(`SELECT 1 FROM projects WHERE id = $1 FOR UPDATE`, [projectId]);
      const [{ count }] = await manager.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM webhooks WHERE project_id = $1`,
        [projectId],
      );
      if (count >= MAX_WEBHOOKS_PER_PROJECT) {
        throw new UnprocessableEntityException(`A project has at most ${MAX_WEBHOOKS_PER_PROJECT} webhooks`);
      }
      const [row] = await manager.query<WebhookRow[]>(
        `INSERT INTO webhooks AS w (project_id, url, events, secret_encrypted, description, active, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${WEBHOOK_COLUMNS}`,
        [
          projectId,
          dto.url,
          dto.events,
          this.secrets.encrypt(secret),
          dto.description ?? null,
          dto.active ?? true,
          principal.userId,
        ],
      );
      return { ...mapWebhook(row), secret };
    });
  }

  async list(principal: Principal, projectId: string): Promise<Page<WebhookDto>> {
    await this.access.require(principal.userId, projectId, 'manage-webhooks');
    const rows = await this.dataSource.query<WebhookRow[]>(
      `SELECT ${WEBHOOK_COLUMNS} FROM webhooks w WHERE w.project_id = $1 ORDER BY w.created_at, w.id`,
      [projectId],
    );
    return { items: rows.map(mapWebhook), nextCursor: null };
  }

  async get(principal: Principal, projectId: string, webhookId: string): Promise<WebhookDto> {
    await this.access.require(principal.userId, projectId, 'manage-webhooks');
    return mapWebhook(await this.find(projectId, webhookId));
  }

  /** Re-enabling (`active: true`) clears what disabled it, and deliveries waiting for it resume. */
  async update(
    principal: Principal,
    projectId: string,
    webhookId: string,
    dto: UpdateWebhookDto,
  ): Promise<WebhookDto> {
    await this.access.require(principal.userId, projectId, 'manage-webhooks');
    if (dto.url !== undefined) await this.assertDeliverable(dto.url);
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
        dto.url ?? null,
        dto.events ?? null,
        dto.secret === undefined ? null : this.secrets.encrypt(dto.secret),
        dto.description !== undefined,
        dto.description ?? null,
        dto.active ?? null,
      ],
    );
    if (!row) throw new NotFoundException('No such webhook');
    if (dto.active) this.sender.wake();
    return mapWebhook(row);
  }

  async remove(principal: Principal, projectId: string, webhookId: string): Promise<void> {
    await this.access.require(principal.userId, projectId, 'manage-webhooks');
    const deleted = await queryRows(
      this.dataSource,
      `DELETE FROM webhooks WHERE id = $1 AND project_id = $2 RETURNING id`,
      [webhookId, projectId],
    );
    if (deleted.length === 0) throw new NotFoundException('No such webhook');
  }

  /** The delivery log, newest first. */
  async deliveries(
    principal: Principal,
    projectId: string,
    webhookId: string,
    query: ListDeliveriesQuery,
  ): Promise<Page<DeliveryDto>> {
    await this.access.require(principal.userId, projectId, 'manage-webhooks');
    await this.find(projectId, webhookId);
    const context = { list: 'deliveries', webhookId, status: query.status ?? null };
    const [afterTime, afterId] = query.cursor ? decodeCursor(query.cursor, context, 2) : [null, null];
    const rows = await this.dataSource.query<DeliveryRow[]>(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d
        WHERE d.webhook_id = $1 AND ($2::text IS NULL OR d.status = $2)
          AND ($3::timestamptz IS NULL OR (d.created_at, d.id) < ($3::timestamptz, $4::uuid))
        ORDER BY d.created_at DESC, d.id DESC LIMIT $5`,
      [webhookId, query.status ?? null, afterTime, afterId, query.limit + 1],
    );
    return toPage(rows, query.limit, mapDelivery, (row) =>
      encodeCursor([row.created_at.toISOString(), row.id], context),
    );
  }

  /** Sends a delivery's body again, as a new delivery (same body and `id`, so receivers can tell). */
  async redeliver(
    principal: Principal,
    projectId: string,
    webhookId: string,
    deliveryId: string,
  ): Promise<DeliveryDto> {
    await this.access.require(principal.userId, projectId, 'manage-webhooks');
    const webhook = await this.find(projectId, webhookId);
    if (!webhook.active)
      throw new ConflictException('The webhook is disabled; enable it before redelivering');
    const [row] = await this.dataSource.query<DeliveryRow[]>(
      `INSERT INTO webhook_deliveries AS d (webhook_id, activity_id, seq, event, payload, redelivery_of)
       SELECT o.webhook_id, o.activity_id, o.seq, o.event, o.payload, o.id
         FROM webhook_deliveries o WHERE o.id = $1 AND o.webhook_id = $2
       RETURNING ${DELIVERY_COLUMNS}`,
      [deliveryId, webhookId],
    );
    if (!row) throw new NotFoundException('No such delivery');
    this.sender.wake();
    return mapDelivery(row);
  }

  private async find(projectId: string, webhookId: string): Promise<WebhookRow> {
    const [row] = await this.dataSource.query<WebhookRow[]>(
      `SELECT ${WEBHOOK_COLUMNS} FROM webhooks w WHERE w.id = $1 AND w.project_id = $2`,
      [webhookId, projectId],
    );
    if (!row) throw new NotFoundException('No such webhook');
    return row;
  }

  private async assertDeliverable(url: string): Promise<void> {
    const refusal = await this.addresses.refusal(url);
    if (refusal) {
      const message = `url ${refusal}`;
      throw new UnprocessableEntityException({ message, errors: [{ field: 'url', message }] });
    }
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
