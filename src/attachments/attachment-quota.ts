import { HttpException, Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { fieldProblem } from '../common/problem';
import { AppConfig } from '../config/app-config';
import { ArrivalCheck, ArrivalChecks } from '../tasks/write/arrival-checks';
import { AttachmentsRepository } from './attachments.repository';

/** A project's attachment quota, for the writes other than uploads that can fill it: moving tasks into it. */
@Injectable()
export class AttachmentQuota implements ArrivalCheck, OnModuleInit {
  constructor(
    private readonly attachments: AttachmentsRepository,
    private readonly config: AppConfig,
    private readonly arrivals: ArrivalChecks,
  ) {}

  onModuleInit(): void {
    this.arrivals.register(this);
  }

  /**
   * Refuses the move when the project has no room for the attachments of these tasks and their live subtrees,
   * checked under the lock uploads take, so neither an upload nor another move can fill the same room meanwhile.
   */
  async refusal(
    manager: EntityManager,
    projectId: string,
    taskIds: string[],
  ): Promise<HttpException | undefined> {
    await this.attachments.lockProjectQuota(manager, projectId);
    const usage = await this.attachments.projectUsage(projectId, manager);
    const arriving = await this.attachments.subtreeBytes(manager, taskIds, projectId);
    if (arriving === 0 || usage + arriving <= this.config.attachments.projectQuotaBytes) return undefined;
    return fieldProblem(
      'projectId',
      "The project's attachment quota has no room for the attachments these tasks carry",
    );
  }
}
