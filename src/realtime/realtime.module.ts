import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { AuthModule } from '../auth/auth.module';
import { ProjectsModule } from '../projects/projects.module';
import { RealtimeFanout } from './realtime-fanout';
import { RealtimeGateway } from './realtime.gateway';
import { SocketAuthenticator } from './socket-authenticator';

@Module({
  imports: [AuthModule, ProjectsModule, ActivityModule],
  providers: [RealtimeGateway, RealtimeFanout, SocketAuthenticator],
})
export class RealtimeModule {}
