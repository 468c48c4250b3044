import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ActivityEntry } from '../events/activity-log.repository';

/**
 * What another module undoes when someone leaves a project (their name in a user field): it changes its rows in the
 * leaving's transaction and returns the records of those changes.
 */
export type DepartureEffect = (
  manager: EntityManager,
  departure: { projectId: string; userId: string; actorId: string },
) => Promise<ActivityEntry[]>;

/**
 * Where modules that name members state what a member's leaving undoes, so the members service asks them without
 * depending on them. Each registers once at start-up.
 */
@Injectable()
export class MemberDepartures {
  private readonly effects: DepartureEffect[] = [];

  register(effect: DepartureEffect): void {
    this.effects.push(effect);
  }

  async apply(
    manager: EntityManager,
    departure: { projectId: string; userId: string; actorId: string },
  ): Promise<ActivityEntry[]> {
    const entries: ActivityEntry[] = [];
    for (const effect of this.effects) entries.push(...(await effect(manager, departure)));
    return entries;
  }
}
