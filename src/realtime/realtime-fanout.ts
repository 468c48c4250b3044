import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OutboxConsumer, OutboxRecord } from '../activity/outbox';
import { OutboxDispatcher } from '../activity/outbox-dispatcher';
import { MetricsService } from '../metrics/metrics.service';
import { projectRoom, RealtimeGateway, userRoom } from './realtime.gateway';

/** What a socket receives: the activity record, with the task or project as REST returns it after the change. */
export function eventPayload(record: OutboxRecord): Record<string, unknown> {
  const { fromProjectId: _from, resource, audience: _audience, ...activity } = record;
  if (!resource) return activity;
  return { ...activity, [record.event.startsWith('task.') ? 'task' : 'project']: resource };
}

/**
 * Sends each committed activity record to the sockets of this instance allowed to see it: subscribers of its
 * project (and of the project a task moved out of), and the user rooms of its assignee, share recipients and the
 * member or recipient it concerns, as long as they may still see it now, plus the users it took something from.
 * A live outbox consumer: every instance reads every record and sends only to its own sockets.
 */
@Injectable()
export class RealtimeFanout implements OutboxConsumer, OnApplicationBootstrap {
  readonly name = 'realtime';
  readonly durable = false;

  constructor(
    private readonly gateway: RealtimeGateway,
    private readonly dispatcher: OutboxDispatcher,
    private readonly metrics: MetricsService,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.dispatcher.register(this);
  }

  async handle(records: OutboxRecord[], manager: EntityManager): Promise<void> {
    const server = this.gateway.server.local;
    for (const record of records) {
      const rooms = [projectRoom(record.projectId)];
      if (record.fromProjectId) rooms.push(projectRoom(record.fromProjectId));
      for (const userId of await this.usersToTell(record, manager)) rooms.push(userRoom(userId));
      server.to(rooms).emit(record.event, eventPayload(record));
      this.metrics.realtimeEventsSent.inc({ event: record.event });
      // Whoever lost the project stops hearing of it now, whichever instance their sockets are on.
      if (record.event === 'member.removed' && record.userId)
        server.in(userRoom(record.userId)).socketsLeave(projectRoom(record.projectId));
      if (record.event === 'project.deleted')
        server.in(projectRoom(record.projectId)).socketsLeave(projectRoom(record.projectId));
    }
  }

  private async usersToTell(record: OutboxRecord, manager: EntityManager): Promise<string[]> {
    const assigneeId = record.resource?.assigneeId;
    const named = [record.userId, typeof assigneeId === 'string' ? assigneeId : null];
    if (record.event === 'project.created') named.push(record.actorId);
    const rows = await manager.query<{ user_id: string }[]>(
      `SELECT c.user_id FROM (
         SELECT unnest($1::uuid[]) AS user_id
         UNION SELECT user_id FROM task_shares WHERE task_id = $3
       ) c
       WHERE EXISTS (SELECT 1 FROM project_members m WHERE m.project_id = $2 AND m.user_id = c.user_id)
          OR EXISTS (SELECT 1 FROM task_shares s WHERE s.task_id = $3 AND s.user_id = c.user_id)`,
      [named.filter((id): id is string => id !== null), record.projectId, record.taskId],
    );
    return [...rows.map((row) => row.user_id), ...record.audience];
  }
}
