import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { TasksModule } from '../tasks/tasks.module';
import { ProjectViewsController, ViewsController } from './views.controller';
import { ViewsRepository } from './views.repository';
import { ViewsService } from './views.service';

@Module({
  imports: [ProjectsModule, TasksModule],
  controllers: [ProjectViewsController, ViewsController],
  providers: [ViewsService, ViewsRepository],
})
export class ViewsModule {}
