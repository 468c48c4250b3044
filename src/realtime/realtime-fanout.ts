import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { eventPayload, OutboxConsumer, OutboxRecord } from '../activity/outbox';
import { OutboxDispatcher } from '../activity/outbox-dispatcher';
import { MetricsService } from '../metrics/metrics.service';
import { projectRoom, RealtimeGateway, userRoom } from './realtime.gateway';

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
    const usersToTell = await this.usersToTell(records, manager);
    records.forEach((record, index) => {
      const rooms = [projectRoom(record.projectId)];
      if (record.fromProjectId) rooms.push(projectRoom(record.fromProjectId));
      for (const userId of usersToTell[index]) rooms.push(userRoom(userId));
      server.to(rooms).emit(record.event, eventPayload(record));
      this.metrics.realtimeEventsSent.inc({ event: record.event });
      // Whoever lost the project stops hearing of it now, whichever instance their sockets are on.
      if (record.event === 'member.removed' && record.userId)
        server.in(userRoom(record.userId)).socketsLeave(projectRoom(record.projectId));
      if (record.event === 'project.deleted')
        server.in(projectRoom(record.projectId)).socketsLeave(projectRoom(record.projectId));
    });
  }

  /**
   * For each record, the users told in their own room: those it names (member, assignee, the creator of a project)
   * and the task's share recipients, who may still see it now, plus its audience. One query for the whole batch.
   */
  private async usersToTell(records: OutboxRecord[], manager: EntityManager): Promise<string[][]> {
    const named = records.map((record) => {
      const assigneeId = record.resource?.assigneeId;
      return [
        record.userId,
        typeof assigneeId === 'string' ? assigneeId : null,
        record.event === 'project.created' ? record.actorId : null,
      ];
    });
    const rows = await manager.query<{ position: number; user_id: string }[]>(
      `SELECT r.position, c.user_id
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[])
                WITH ORDINALITY AS r (project_id, task_id, named_user, assignee, creator, position)
        CROSS JOIN LATERAL (
          SELECT unnest(ARRAY[r.named_user, r.assignee, r.creator]) AS user_id
          UNION SELECT s.user_id FROM task_shares s WHERE s.task_id = r.task_id
        ) c
        WHERE EXISTS (SELECT 1 FROM project_members m WHERE m.project_id = r.project_id AND m.user_id = c.user_id)
           OR EXISTS (SELECT 1 FROM task_shares s WHERE s.task_id = r.task_id AND s.user_id = c.user_id)`,
      [
        records.map((record) => record.projectId),
        records.map((record) => record.taskId),
        ...[0, 1, 2].map((slot) => named.map((users) => users[slot])),
      ],
    );
    const users = records.map((record) => [...record.audience]);
    for (const row of rows) users[Number(row.position) - 1].push(row.user_id);
    return users;
  }
}
