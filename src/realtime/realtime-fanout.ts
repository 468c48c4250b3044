import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PERSONAL_EVENT } from '../events/activity-events';
import { eventPayload, OutboxConsumer, OutboxRecord } from '../events/outbox';
import { OutboxDispatcher } from '../events/outbox-dispatcher';
import { MetricsService } from '../metrics/metrics.service';
import { ProjectAccessPolicy } from '../projects/project-access.policy';
import { projectRoom, RealtimeGateway, userRoom } from './realtime.gateway';
import type { SocketIdentity } from './socket-authenticator';

/**
 * Sends each committed activity record to the sockets of this instance allowed to see it: subscribers of its
 * project (and of the project a task moved out of), and the personal rooms the access policy names for it.
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
    private readonly access: ProjectAccessPolicy,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.dispatcher.register(this);
  }

  async handle(records: OutboxRecord[], manager: EntityManager): Promise<void> {
    const server = this.gateway.server.local;
    const usersToTell = await this.access.personalAudiences(records, manager);
    for (const [index, record] of records.entries()) {
      // A notification goes to its user's room alone, not to the project's subscribers.
      const rooms = record.event === PERSONAL_EVENT ? [] : [projectRoom(record.projectId)];
      if (record.fromProjectId) rooms.push(projectRoom(record.fromProjectId));
      for (const userId of usersToTell[index]) rooms.push(userRoom(userId));
      if (record.relatedTaskId) {
        await this.sendToReadersOf(record.relatedTaskId, rooms, record, manager);
      } else {
        server.to(rooms).emit(record.event, eventPayload(record));
      }
      this.metrics.realtimeEventsSent.inc({ event: record.event });
      // Whoever lost the project stops hearing of it now, whichever instance their sockets are on.
      if (record.event === 'member.removed' && record.userId)
        server.in(userRoom(record.userId)).socketsLeave(projectRoom(record.projectId));
      if (record.event === 'project.deleted')
        server.in(projectRoom(record.projectId)).socketsLeave(projectRoom(record.projectId));
    }
  }

  /** A record naming a second task reaches only the sockets, among the rooms', whose user may read that task. */
  private async sendToReadersOf(
    taskId: string,
    rooms: string[],
    record: OutboxRecord,
    manager: EntityManager,
  ): Promise<void> {
    const sockets = await this.gateway.server.local.in(rooms).fetchSockets();
    if (sockets.length === 0) return;
    const readers = await this.access.usersWhoMayRead(manager, taskId, [
      ...new Set(sockets.map((socket) => (socket.data as SocketIdentity).principal.userId)),
    ]);
    for (const socket of sockets) {
      if (readers.has((socket.data as SocketIdentity).principal.userId))
        socket.emit(record.event, eventPayload(record));
    }
  }
}
