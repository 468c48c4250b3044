import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { ActivityController } from './activity.controller';
import { ActivityService } from './activity.service';
import { OutboxDispatcher } from './outbox-dispatcher';
import { ActivityRetention } from './activity-retention';

@Module({
  imports: [ProjectsModule],
  controllers: [ActivityController],
  providers: [ActivityService, OutboxDispatcher, ActivityRetention],
  exports: [OutboxDispatcher],
})
export class ActivityModule {}
