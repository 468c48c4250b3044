import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PERSONAL_EVENT } from '../events/activity-events';
import { eventPayload, OutboxConsumer, OutboxRecord } from '../events/outbox';
import { OutboxDispatcher } from '../events/outbox-dispatcher';
import { markForCommit } from '../events/after-commit';
import { WEBHOOKS_QUEUED } from './webhook-sender';
import { WebhooksRepository } from './webhooks.repository';

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

  constructor(
    private readonly dispatcher: OutboxDispatcher,
    private readonly webhooks: WebhooksRepository,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.dispatcher.register(this);
  }

  async handle(records: OutboxRecord[], manager: EntityManager): Promise<void> {
    const queued = await this.webhooks.queue(
      manager,
      // A user's notification is theirs alone: no project's webhook hears of it.
      records
        .filter((record) => record.event !== PERSONAL_EVENT)
        .map((record) => ({
          id: record.id,
          seq: record.seq,
          event: record.event,
          body: webhookBody(record),
          projectId: record.projectId,
          fromProjectId: record.fromProjectId,
          relatedTaskId: record.relatedTaskId,
        })),
    );
    if (queued > 0) markForCommit(manager, WEBHOOKS_QUEUED);
    for (const record of records.filter((record) => record.event === 'comment.deleted')) {
      await this.webhooks.redactCommentText(manager, record.taskId!, String(record.resource!.id));
    }
  }
}
