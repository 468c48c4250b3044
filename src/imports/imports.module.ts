import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { ProjectsModule } from '../projects/projects.module';
import { TasksModule } from '../tasks/tasks.module';
import { UsersModule } from '../users/users.module';
import { ImportRunner } from './import-runner';
import { ImportWriter } from './import-writer';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';

@Module({
  imports: [AttachmentsModule, ProjectsModule, TasksModule, UsersModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportsRepository, ImportWriter, ImportRunner],
})
export class ImportsModule {}
