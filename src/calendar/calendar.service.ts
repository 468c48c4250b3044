import { Injectable, NotFoundException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Principal } from '../auth/principal';
import { generateSecret, hashSecret } from '../auth/secret-token';
import { calendarOf } from './calendar-feed';
import { CalendarRepository } from './calendar.repository';

/** The feed token's prefix, so a leaked one is recognizable for what it is. */
const FEED_TOKEN_PREFIX = 'tfc_';

export interface CalendarFeed {
  body: string;
  etag: string;
}

@Injectable()
export class CalendarService {
  constructor(private readonly calendars: CalendarRepository) {}

  /** Makes the user's feed token, ending any earlier one; returns the token, shown this once. */
  async rotate(principal: Principal): Promise<string> {
    const token = generateSecret(FEED_TOKEN_PREFIX);
    await this.calendars.replace(principal.userId, hashSecret(token).toString('hex'));
    return token;
  }

  async revoke(principal: Principal): Promise<void> {
    if (!(await this.calendars.remove(principal.userId))) throw new NotFoundException('No calendar feed');
  }

  /** The feed a token opens, or undefined when the token opens nothing (unknown, rotated, or its user disabled). */
  async feed(token: string, scope: 'assigned' | 'all'): Promise<CalendarFeed | undefined> {
    if (!token.startsWith(FEED_TOKEN_PREFIX) || token.length > 100) return undefined;
    const userId = await this.calendars.ownerOf(hashSecret(token).toString('hex'));
    if (!userId) return undefined;
    const body = calendarOf(await this.calendars.tasks(userId, scope), 'Taskforge');
    return { body, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
  }
}
