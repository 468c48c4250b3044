import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { MemberDepartures } from './member-departures';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { ProjectAccessPolicy } from './project-access.policy';
import { ProjectAccessRepository } from './project-access.repository';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';
import { ProjectsRepository } from './projects.repository';
import { MembersRepository } from './members.repository';

@Module({
  imports: [UsersModule, WorkflowModule],
  controllers: [ProjectsController, MembersController],
  providers: [
    ProjectsService,
    ProjectsRepository,
    MembersService,
    MembersRepository,
    MemberDepartures,
    ProjectAccessPolicy,
    ProjectAccessRepository,
  ],
  exports: [ProjectAccessPolicy, ProjectsService, MemberDepartures],
})
export class ProjectsModule {}
