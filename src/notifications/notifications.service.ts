import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import type { Page } from '../common/page';
import type { FieldChanges } from '../events/activity-events';
import type { ActivityEntry } from '../events/activity-log.repository';
import { ActivityDeriver, ActivityRecorder, IdentifiedEntry } from '../events/activity-recorder';
import {
  ListNotificationsQuery,
  mapNotification,
  MarkReadDto,
  NotificationDto,
  NotificationSettingsDto,
  UpdateNotificationSettingsDto,
} from './dto/notification.dto';
import { mentionedUsernames, newlyMentioned } from './mentions';
import { NOTIFICATION_KINDS, NotificationKind } from './notification-kinds';
import { NotificationCandidate, NotificationsRepository } from './notifications.repository';

type Recipients = Partial<Record<NotificationKind, string[]>>;

/**
 * Turns activity into notifications. Every change is recorded through the ActivityRecorder, which hands its entries
 * here: each notification is written in the transaction of the change it is about, names that change's record, and
 * is announced by a `notification.created` record of its own (the recipient's socket room and change feed); nothing
 * in the services that make changes decides who is told.
 */
@Injectable()
export class NotificationsService implements ActivityDeriver, OnModuleInit {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly recorder: ActivityRecorder,
  ) {}

  onModuleInit(): void {
    this.recorder.register(this);
  }

  /** Writes the notifications the entries give; returns one record per notification, to be recorded with them. */
  async derive(manager: EntityManager, identified: IdentifiedEntry[]): Promise<ActivityEntry[]> {
    const candidates: NotificationCandidate[] = [];
    for (const entry of identified) {
      const taskId = entry.taskId;
      if (!taskId) continue;
      const recipients = await this.recipientsOf(manager, { ...entry, taskId });
      for (const kind of NOTIFICATION_KINDS) {
        for (const userId of recipients[kind] ?? []) {
          candidates.push({
            userId,
            kind,
            taskId,
            projectId: entry.projectId,
            actorId: entry.actorId,
            activityId: entry.id,
          });
        }
      }
    }
    const created = await this.notifications.insert(manager, candidates);
    return created.map((row): ActivityEntry => ({
      event: 'notification.created',
      projectId: row.project_id,
      taskId: row.task_id,
      userId: row.user_id,
      actorId: row.actor_id,
      changes: { kind: { from: null, to: row.kind }, activityId: { from: null, to: row.activity_id } },
      resource: mapNotification(row),
    }));
  }

  /** The readers of a task a text mentions, as user ids: anyone else named stays plain text and is told nothing. */
  mentionedReaders(manager: EntityManager, taskId: string, text: string): Promise<string[]> {
    return this.notifications.readersNamed(manager, taskId, mentionedUsernames(text));
  }

  list(principal: Principal, query: ListNotificationsQuery): Promise<Page<NotificationDto>> {
    return this.notifications.list(principal.userId, query);
  }

  unreadCount(principal: Principal): Promise<number> {
    return this.notifications.unreadCount(principal.userId);
  }

  async markRead(principal: Principal, dto: MarkReadDto): Promise<void> {
    await this.notifications.markRead(principal.userId, dto.all ? 'all' : (dto.ids ?? []));
  }

  async settings(principal: Principal): Promise<NotificationSettingsDto> {
    return withDefaults(await this.notifications.settings(principal.userId));
  }

  async updateSettings(
    principal: Principal,
    dto: UpdateNotificationSettingsDto,
  ): Promise<NotificationSettingsDto> {
    const changes = Object.fromEntries(
      NOTIFICATION_KINDS.filter((kind) => dto[kind] !== undefined).map((kind) => [kind, dto[kind]]),
    );
    return withDefaults(await this.notifications.updateSettings(principal.userId, changes));
  }

  /** Who a record may concern, by kind; the repository's rules then decide who is told. */
  private async recipientsOf(
    manager: EntityManager,
    entry: ActivityEntry & { taskId: string },
  ): Promise<Recipients> {
    const mentioned = (usernames: string[]) =>
      this.notifications.readersNamed(manager, entry.taskId, usernames);
    switch (entry.event) {
      case 'task.created':
        return {
          assigned: definedIds([changedTo(entry.changes, 'assigneeId')]),
          mentioned: await mentioned(mentionedUsernames(asText(changedTo(entry.changes, 'description')))),
        };
      case 'task.updated': {
        const description = entry.changes.description;
        if (!description) return {};
        return {
          mentioned: await mentioned(newlyMentioned(asText(description.from), asText(description.to))),
        };
      }
      case 'task.assigned':
        return { assigned: definedIds([entry.userId]) };
      case 'task.shared':
        return { shared: definedIds([entry.userId]) };
      case 'task.reminder':
        return { reminder: definedIds([entry.userId]) };
      case 'task.unblocked':
        return { unblocked: definedIds([entry.userId]) };
      case 'comment.created':
        return {
          mentioned: idsIn(changedTo(entry.changes, 'mentions')),
          commented: await this.notifications.participants(manager, entry.taskId),
        };
      case 'comment.updated': {
        const before = new Set(idsIn(entry.changes.mentions?.from));
        return { mentioned: idsIn(entry.changes.mentions?.to).filter((id) => !before.has(id)) };
      }
      default:
        return {};
    }
  }
}

function changedTo(changes: FieldChanges, field: string): unknown {
  return changes[field]?.to;
}

function asText(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function idsIn(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

function definedIds(values: unknown[]): string[] {
  return values.filter((value): value is string => typeof value === 'string');
}

function withDefaults(settings: Partial<Record<NotificationKind, boolean>>): NotificationSettingsDto {
  return Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, settings[kind] ?? true]),
  ) as unknown as NotificationSettingsDto;
}
