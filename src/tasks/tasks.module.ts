import { Module } from '@nestjs/common';
import { GithubModule } from '../github/github.module';
import { ProjectsModule } from '../projects/projects.module';
import { UsersModule } from '../users/users.module';
import { SharesController } from './shares.controller';
import { SharesService } from './shares.service';
import { ProjectTasksController, TasksController } from './tasks.controller';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

@Module({
  imports: [ProjectsModule, UsersModule, GithubModule],
  controllers: [ProjectTasksController, TasksController, SharesController],
  providers: [TasksService, TasksRepository, SharesService],
})
export class TasksModule {}
