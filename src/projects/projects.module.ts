import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { ProjectAccessPolicy } from './project-access.policy';
import { ProjectAccessRepository } from './project-access.repository';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';
import { ProjectsRepository } from './projects.repository';
import { MembersRepository } from './members.repository';

@Module({
  imports: [UsersModule],
  controllers: [ProjectsController, MembersController],
  providers: [
    ProjectsService,
    ProjectsRepository,
    MembersService,
    MembersRepository,
    ProjectAccessPolicy,
    ProjectAccessRepository,
  ],
  exports: [ProjectAccessPolicy, ProjectsService],
})
export class ProjectsModule {}
