import { Injectable, NotFoundException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Principal } from '../auth/principal';
import { generateSecret, hashSecret } from '../auth/secret-token';
import { matchesIfNoneMatch } from '../common/etag';
import { PublicUrl } from '../common/public-url';
import { API_PREFIX } from '../common/setup-app';
import { AppConfig } from '../config/app-config';
import { calendarOf } from './calendar-feed';
import { CalendarRepository } from './calendar.repository';

/** The feed token's prefix, so a leaked one is recognizable for what it is. */
const FEED_TOKEN_PREFIX = 'tfc_';

/** A feed, or only its ETag (`body` null) when the client's copy is current. */
export interface CalendarFeed {
  body: string | null;
  etag: string;
}

@Injectable()
export class CalendarService {
  constructor(
    private readonly calendars: CalendarRepository,
    private readonly publicUrl: PublicUrl,
    private readonly config: AppConfig,
  ) {}

  /** Makes the user's feed token, ending any earlier one; returns the feed's address, shown this once. */
  async rotate(principal: Principal): Promise<string> {
    const token = generateSecret(FEED_TOKEN_PREFIX);
    await this.calendars.replace(principal.userId, hashSecret(token).toString('hex'));
    return this.publicUrl.of(`/${API_PREFIX}/calendar/${token}.ics`);
  }

  async revoke(principal: Principal): Promise<void> {
    if (!(await this.calendars.remove(principal.userId))) throw new NotFoundException('No calendar feed');
  }

  /**
   * The feed a token opens, or undefined when the token opens nothing (unknown, rotated, or its user disabled).
   * Every byte of the feed follows from its tasks' ids and versions (a write moves the version), the scope and the
   * limits, so the ETag is taken from those, and a client whose copy is current is answered without building it.
   */
  async feed(
    token: string,
    scope: 'assigned' | 'all',
    ifNoneMatch?: string,
  ): Promise<CalendarFeed | undefined> {
    if (!token.startsWith(FEED_TOKEN_PREFIX) || token.length > 100) return undefined;
    const userId = await this.calendars.ownerOf(hashSecret(token).toString('hex'));
    if (!userId) return undefined;
    const limits = this.config.calendar;
    const tasks = await this.calendars.tasks(userId, scope, limits);
    const taskUrl = (id: string) => this.publicUrl.of(`/tasks/${id}`);
    const digest = createHash('sha256').update(JSON.stringify([scope, limits, taskUrl('')]));
    for (const task of tasks) digest.update(`${task.id}:${task.version};`);
    const etag = `"${digest.digest('base64url')}"`;
    if (matchesIfNoneMatch(ifNoneMatch, etag)) return { etag, body: null };
    return { etag, body: await calendarOf(tasks, 'Taskforge', taskUrl, limits) };
  }
}
