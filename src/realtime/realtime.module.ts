import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { AuthModule } from '../auth/auth.module';
import { ProjectsModule } from '../projects/projects.module';
import { RealtimeFanout } from './realtime-fanout';
import { RealtimeGateway } from './realtime.gateway';
import { SocketAuthenticator } from './socket-authenticator';

@Module({
  imports: [AuthModule, ProjectsModule, EventsModule],
  providers: [RealtimeGateway, RealtimeFanout, SocketAuthenticator],
})
export class RealtimeModule {}
