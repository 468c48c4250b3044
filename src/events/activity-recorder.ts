import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ActivityEntry, recordActivities } from './activity-log.repository';

/** An entry as the recorder hands it on: with the id other rows of the transaction may name it by. */
export type IdentifiedEntry = ActivityEntry & { id: string };

/**
 * Something that follows from activity inside the same transaction (notifications today): it may write rows of its
 * own that name the entries, and returns the entries those rows need recorded in turn.
 */
export interface ActivityDeriver {
  derive(manager: EntityManager, entries: IdentifiedEntry[]): Promise<ActivityEntry[]>;
}

/**
 * The one way a change is recorded: every service calls `record` as the last step of its transaction, and whatever
 * derives from activity (a notification to whom a change concerns) is derived here, for every change alike, so a
 * new kind of notification needs no step in the services that cause it.
 */
@Injectable()
export class ActivityRecorder {
  private readonly derivers: ActivityDeriver[] = [];

  /** Called once at start-up by each module that derives from activity. */
  register(deriver: ActivityDeriver): void {
    this.derivers.push(deriver);
  }

  async record(manager: EntityManager, entries: ActivityEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const identified = entries.map((entry) => ({ ...entry, id: entry.id ?? randomUUID() }));
    const derived: ActivityEntry[] = [];
    for (const deriver of this.derivers) derived.push(...(await deriver.derive(manager, identified)));
    await recordActivities(manager, [...identified, ...derived]);
  }

  recordOne(manager: EntityManager, entry: ActivityEntry): Promise<void> {
    return this.record(manager, [entry]);
  }
}
