import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { ProjectAccessPolicy } from './project-access.policy';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';

@Module({
  imports: [UsersModule],
  controllers: [ProjectsController, MembersController],
  providers: [ProjectsService, MembersService, ProjectAccessPolicy],
  exports: [ProjectAccessPolicy],
})
export class ProjectsModule {}
