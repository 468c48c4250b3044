import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { AttachmentsRepository } from './attachments.repository';

/** A project's attachment quota, for the writes other than uploads that can fill it: moving tasks into it. */
@Injectable()
export class AttachmentQuota {
  constructor(
    private readonly attachments: AttachmentsRepository,
    private readonly config: AppConfig,
  ) {}

  /**
   * Whether the project has room for the attachments of these tasks and their live subtrees, checked under the
   * lock uploads take, so neither an upload nor another move can fill the same room meanwhile.
   */
  async hasRoomForMove(manager: EntityManager, projectId: string, taskIds: string[]): Promise<boolean> {
    await this.attachments.lockProjectQuota(manager, projectId);
    const usage = await this.attachments.projectUsage(projectId, manager);
    const arriving = await this.attachments.subtreeBytes(manager, taskIds, projectId);
    return arriving === 0 || usage + arriving <= this.config.attachments.projectQuotaBytes;
  }
}
