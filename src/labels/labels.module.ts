import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { TasksModule } from '../tasks/tasks.module';
import { LabelsController } from './labels.controller';
import { LabelsRepository } from './labels.repository';
import { LabelsService } from './labels.service';

@Module({
  imports: [ProjectsModule, TasksModule],
  controllers: [LabelsController],
  providers: [LabelsService, LabelsRepository],
})
export class LabelsModule {}
