import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProjectsModule } from '../projects/projects.module';
import { CommentsController, TaskCommentsController } from './comments.controller';
import { CommentsRepository } from './comments.repository';
import { CommentsService } from './comments.service';

@Module({
  imports: [ProjectsModule, NotificationsModule],
  controllers: [TaskCommentsController, CommentsController],
  providers: [CommentsService, CommentsRepository],
})
export class CommentsModule {}
