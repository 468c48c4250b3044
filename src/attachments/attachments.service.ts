import { ActivityRecorder } from '../events/activity-recorder';
import { Injectable, PayloadTooLargeException, RequestTimeoutException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Principal } from '../auth/principal';
import type { Page, PageQuery } from '../common/page';
import { AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { changedFields } from '../events/activity-events';

import { markForCommit } from '../events/after-commit';
import { ProjectAccessPolicy } from '../projects/project-access.policy';
import { AttachmentSweeper, BYTES_RELEASED } from './attachment-sweeper';
import { AttachmentsRepository } from './attachments.repository';
import { detectContentType } from './content-type';
import { Download, DownloadConditions, planDownload } from './download';
import { AttachmentDto, mapAttachment } from './dto/attachment.dto';
import { AttachmentStorage } from './storage/attachment-storage';
import { receiveUpload } from './upload-receiver';

const RECORDED_FIELDS = ['filename', 'contentType', 'size'] as const;

@Injectable()
export class AttachmentsService {
  constructor(
    private readonly recorder: ActivityRecorder,
    private readonly transactions: Transactions,
    private readonly access: ProjectAccessPolicy,
    private readonly attachments: AttachmentsRepository,
    private readonly storage: AttachmentStorage,
    private readonly sweeper: AttachmentSweeper,
    private readonly config: AppConfig,
  ) {}

  /**
   * Writers of the task attach files. The bytes stream to storage under a key reserved for the sweeper first, and
   * the row that owns them commits only once they are all stored and the project's quota still has room; whatever
   * fails on the way leaves the key to the sweeper, so no failure keeps bytes nobody owns.
   */
  async upload(principal: Principal, taskId: string, req: IncomingMessage): Promise<AttachmentDto> {
    const { projectId } = await this.access.requireTask(principal.userId, taskId, 'update');
    const { maxBytes, projectQuotaBytes, uploadGraceSeconds } = this.config.attachments;
    const room = projectQuotaBytes - (await this.attachments.projectUsage(projectId));
    const limits =
      room < maxBytes
        ? { maxBytes: Math.max(room, 0), overLimit: quotaExceeded }
        : {
            maxBytes,
            overLimit: () => new PayloadTooLargeException(`A file may have at most ${maxBytes} bytes`),
          };
    if (room <= 0) throw quotaExceeded();

    const key = randomUUID();
    await this.attachments.reserveKey(key, uploadGraceSeconds);
    try {
      const file = await receiveUpload(req, limits, (body) => this.storage.write(key, body));
      const contentType = await detectContentType(file.head);
      return await this.transactions.run(async (manager) => {
        const task = await this.access.requireTask(principal.userId, taskId, 'update', {
          manager,
          lock: true,
        });
        await this.attachments.lockProjectQuota(manager, task.projectId);
        if ((await this.attachments.projectUsage(task.projectId, manager)) + file.size > projectQuotaBytes) {
          throw quotaExceeded();
        }
        if (!(await this.attachments.claimKey(manager, key))) {
          throw new RequestTimeoutException('The upload took longer than the service keeps unclaimed bytes');
        }
        const attachment = mapAttachment(
          await this.attachments.insert(manager, {
            taskId,
            storageKey: key,
            filename: file.filename,
            contentType,
            size: file.size,
            sha256: file.sha256,
            createdBy: principal.userId,
          }),
        );
        await this.recorder.recordOne(manager, {
          event: 'attachment.added',
          projectId: task.projectId,
          taskId,
          actorId: principal.userId,
          changes: changedFields(null, attachment, RECORDED_FIELDS),
          resource: attachment,
        });
        return attachment;
      });
    } catch (error) {
      await this.attachments.sweepNow(key);
      this.sweeper.wake();
      throw error;
    }
  }

  async list(principal: Principal, taskId: string, query: PageQuery): Promise<Page<AttachmentDto>> {
    await this.access.requireTask(principal.userId, taskId, 'read');
    return this.attachments.list(taskId, query);
  }

  async get(principal: Principal, id: string): Promise<AttachmentDto> {
    await this.access.requireTaskItem(principal.userId, 'attachment', id, 'read');
    return mapAttachment((await this.attachments.read(id))!);
  }

  /** Readers of the task download; `withBody` false answers the headers alone (HEAD). */
  async download(
    principal: Principal,
    id: string,
    conditions: DownloadConditions,
    withBody: boolean,
  ): Promise<Download> {
    await this.access.requireTaskItem(principal.userId, 'attachment', id, 'read');
    const row = (await this.attachments.read(id))!;
    const size = Number(row.size);
    const etag = `"${row.sha256}"`;
    const plan = planDownload(size, etag, conditions);
    const sends = withBody && (plan.status === 200 || plan.status === 206) && size > 0;
    return {
      plan,
      filename: row.filename,
      contentType: row.content_type,
      size,
      etag,
      body: sends
        ? await this.storage.read(row.storage_key, plan.status === 206 ? plan.range : undefined)
        : undefined,
    };
  }

  /** The uploader while they may still write the task, or the project's owners and admins. */
  async remove(principal: Principal, id: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const { projectId, taskId } = await this.access.requireTaskItem(
        principal.userId,
        'attachment',
        id,
        'delete',
        {
          manager,
          lock: true,
        },
      );
      const attachment = mapAttachment((await this.attachments.delete(manager, id))!);
      await this.recorder.recordOne(manager, {
        event: 'attachment.removed',
        projectId,
        taskId,
        actorId: principal.userId,
        changes: changedFields(attachment, null, RECORDED_FIELDS),
        resource: attachment,
      });
      markForCommit(manager, BYTES_RELEASED);
    });
  }
}

function quotaExceeded(): PayloadTooLargeException {
  return new PayloadTooLargeException("The project's attachment quota has no room for this file");
}
