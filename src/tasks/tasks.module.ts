import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { GithubModule } from '../github/github.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProjectsModule } from '../projects/projects.module';
import { UsersModule } from '../users/users.module';
import { GithubRetrier } from './github-retrier';
import { ReminderScheduler } from './reminder-scheduler';
import { SharesController } from './shares.controller';
import { SharesRepository } from './shares.repository';
import { SharesService } from './shares.service';
import { TaskGithubLinks } from './task-github-links';
import { TaskPositionsRepository } from './task-positions.repository';
import { TaskPlacement } from './task-placement';
import { TaskWriteChecks } from './task-write-checks';
import { TaskWriter } from './task-writer';
import { ProjectTasksController, TasksController } from './tasks.controller';
import { TaskListRepository } from './task-list.repository';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

@Module({
  imports: [ProjectsModule, UsersModule, GithubModule, NotificationsModule, AttachmentsModule],
  controllers: [ProjectTasksController, TasksController, SharesController],
  exports: [TasksService, TasksRepository],
  providers: [
    TasksService,
    TasksRepository,
    TaskListRepository,
    TaskPositionsRepository,
    TaskWriter,
    TaskWriteChecks,
    TaskPlacement,
    TaskGithubLinks,
    GithubRetrier,
    ReminderScheduler,
    SharesService,
    SharesRepository,
  ],
})
export class TasksModule {}
