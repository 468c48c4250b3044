import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { TasksModule } from '../tasks/tasks.module';
import { UsersModule } from '../users/users.module';
import { SharesController } from './shares.controller';
import { SharesRepository } from './shares.repository';
import { SharesService } from './shares.service';

/** Tasks shared one by one with people outside their project: who holds which, granted and revoked. */
@Module({
  imports: [ProjectsModule, UsersModule, TasksModule],
  controllers: [SharesController],
  providers: [SharesService, SharesRepository],
})
export class SharesModule {}
