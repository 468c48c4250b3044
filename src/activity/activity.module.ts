import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { ActivityController } from './activity.controller';
import { ActivityService } from './activity.service';
import { ActivityRepository } from './activity.repository';
import { ActivityRetention } from './activity-retention';

@Module({
  imports: [ProjectsModule],
  controllers: [ActivityController],
  providers: [ActivityService, ActivityRepository, ActivityRetention],
})
export class ActivityModule {}
