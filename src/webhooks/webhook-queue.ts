import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { eventPayload, OutboxConsumer, OutboxRecord } from '../activity/outbox';
import { OutboxDispatcher } from '../activity/outbox-dispatcher';
import { markForCommit } from '../database/after-commit';
import { WEBHOOKS_QUEUED } from './webhook-sender';

/**
 * The body every webhook receives: the record's identity at the top, for deduplication and ordering, and in `data`
 * the change (`changes`) and the task or project as it is after it.
 */
export function webhookBody(record: OutboxRecord): string {
  const { id, seq, event, occurredAt, ...data } = eventPayload(record);
  return JSON.stringify({ id, seq, event, occurredAt, data });
}

/**
 * Turns committed activity into deliveries: a durable outbox consumer, so the rows are written in the transaction
 * that moves its position on, and each (record, webhook) gets exactly one, across crashes and instances. A task moved
 * out of a project is delivered to that project's webhooks too.
 */
@Injectable()
export class WebhookQueue implements OutboxConsumer, OnApplicationBootstrap {
  readonly name = 'webhooks';
  readonly durable = true;

  constructor(private readonly dispatcher: OutboxDispatcher) {}

  onApplicationBootstrap(): Promise<void> {
    return this.dispatcher.register(this);
  }

  async handle(records: OutboxRecord[], manager: EntityManager): Promise<void> {
    const queued = await manager.query<{ id: string }[]>(
      `INSERT INTO webhook_deliveries (webhook_id, activity_id, seq, event, payload)
       SELECT w.id, r.id, r.seq, r.event, r.payload
         FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::uuid[], $6::uuid[])
              AS r (id, seq, event, payload, project_id, from_project_id)
         JOIN webhooks w ON w.project_id IN (r.project_id, r.from_project_id)
        WHERE w.active AND r.seq > w.after_seq AND (r.event = ANY (w.events) OR '*' = ANY (w.events))
        ORDER BY r.seq, w.id
       ON CONFLICT (webhook_id, activity_id) WHERE redelivery_of IS NULL DO NOTHING
       RETURNING id`,
      [
        records.map((record) => record.id),
        records.map((record) => record.seq),
        records.map((record) => record.event),
        records.map(webhookBody),
        records.map((record) => record.projectId),
        records.map((record) => record.fromProjectId),
      ],
    );
    if (queued.length > 0) markForCommit(manager, WEBHOOKS_QUEUED);
  }
}
