import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { TasksModule } from '../tasks/tasks.module';
import { StatesController } from './states.controller';
import { StatesRepository } from './states.repository';
import { StatesService } from './states.service';

@Module({
  imports: [ProjectsModule, TasksModule],
  controllers: [StatesController],
  providers: [StatesService, StatesRepository],
})
export class StatesModule {}
