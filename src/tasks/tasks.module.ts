import { Module } from '@nestjs/common';
import { ArrivalChecks } from './write/arrival-checks';
import { GithubModule } from '../github/github.module';
import { ProjectsModule } from '../projects/projects.module';
import { UsersModule } from '../users/users.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { GithubRetrier } from './github-retrier';
import { ReminderScheduler } from './scheduling/reminder-scheduler';
import { TaskGithubLinks } from './task-github-links';
import { TaskPositionsRepository } from './ordering/task-positions.repository';
import { TaskPlacement } from './ordering/task-placement';
import { TaskWriteChecks } from './write/task-write-checks';
import { TaskWriter } from './write/task-writer';
import { ProjectTasksController, TasksController } from './tasks.controller';
import { TaskListRepository } from './task-list.repository';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

@Module({
  imports: [ProjectsModule, UsersModule, GithubModule, WorkflowModule],
  controllers: [ProjectTasksController, TasksController],
  exports: [TasksService, TasksRepository, ArrivalChecks],
  providers: [
    TasksService,
    TasksRepository,
    TaskListRepository,
    TaskPositionsRepository,
    TaskWriter,
    TaskWriteChecks,
    ArrivalChecks,
    TaskPlacement,
    TaskGithubLinks,
    GithubRetrier,
    ReminderScheduler,
  ],
})
export class TasksModule {}
