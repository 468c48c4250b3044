import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { RelationsController } from './relations.controller';
import { RelationsRepository } from './relations.repository';
import { RelationsService } from './relations.service';

@Module({
  imports: [ProjectsModule],
  controllers: [RelationsController],
  providers: [RelationsService, RelationsRepository],
})
export class RelationsModule {}
