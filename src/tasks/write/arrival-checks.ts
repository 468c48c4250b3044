import { HttpException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * A rule of another module about tasks arriving in a project (the attachment quota): it answers why these tasks,
 * with their subtrees, may not move into the project, or undefined when they may.
 */
export interface ArrivalCheck {
  refusal(manager: EntityManager, projectId: string, taskIds: string[]): Promise<HttpException | undefined>;
}

/**
 * Where modules that tasks carry along (attachments) state what a move into a project must respect, so the write
 * pipeline asks them without depending on them. Each registers once at start-up.
 */
@Injectable()
export class ArrivalChecks {
  private readonly checks: ArrivalCheck[] = [];

  register(check: ArrivalCheck): void {
    this.checks.push(check);
  }

  /** The first refusal of the tasks' arrival in the project, or undefined when every check lets them in. */
  async refusal(
    manager: EntityManager,
    projectId: string,
    taskIds: string[],
  ): Promise<HttpException | undefined> {
    for (const check of this.checks) {
      const refused = await check.refusal(manager, projectId, taskIds);
      if (refused) return refused;
    }
    return undefined;
  }
}
