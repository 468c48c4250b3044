import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ProjectsModule } from '../projects/projects.module';
import { TasksModule } from '../tasks/tasks.module';
import { AttachmentQuota } from './attachment-quota';
import { AttachmentSweeper } from './attachment-sweeper';
import { AttachmentsController, TaskAttachmentsController } from './attachments.controller';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService } from './attachments.service';
import { StagedFiles } from './staged-files';
import { AttachmentStorage } from './storage/attachment-storage';
import { DiskStorage } from './storage/disk-storage';
import { S3Storage } from './storage/s3-storage';

@Module({
  imports: [ProjectsModule, TasksModule],
  controllers: [TaskAttachmentsController, AttachmentsController],
  providers: [
    AttachmentQuota,
    AttachmentsService,
    AttachmentsRepository,
    AttachmentSweeper,
    StagedFiles,
    {
      provide: AttachmentStorage,
      inject: [AppConfig],
      useFactory: (config: AppConfig): Promise<AttachmentStorage> | AttachmentStorage => {
        const storage = config.attachments.storage;
        return storage.kind === 's3' ? new S3Storage(storage) : DiskStorage.open(storage.dir);
      },
    },
  ],
  exports: [AttachmentStorage, StagedFiles],
})
export class AttachmentsModule {}
