import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { ENTITIES } from './entities';
import { CommonModule } from './common/common.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { AuthModule } from './auth/auth.module';
import { SessionsModule } from './sessions/sessions.module';
import { OidcModule } from './oidc/oidc.module';
import { RedisModule } from './redis/redis.module';
import { UsersModule } from './users/users.module';
import { ProjectsModule } from './projects/projects.module';
import { TasksModule } from './tasks/tasks.module';
import { NotificationsModule } from './notifications/notifications.module';
import { SharesModule } from './shares/shares.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { CalendarModule } from './calendar/calendar.module';
import { LabelsModule } from './labels/labels.module';
import { ExportsModule } from './exports/exports.module';
import { ImportsModule } from './imports/imports.module';
import { FieldsModule } from './fields/fields.module';
import { StatesModule } from './states/states.module';
import { ViewsModule } from './views/views.module';
import { RelationsModule } from './relations/relations.module';
import { CommentsModule } from './comments/comments.module';
import { ActivityModule } from './activity/activity.module';
import { RealtimeModule } from './realtime/realtime.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { EventsModule } from './events/events.module';
import { WebModule } from './web/web.module';
import { loggerOptions } from './common/logger-options';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logStream?: DestinationStream): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config, logStream)),
        DatabaseModule.forRoot(ENTITIES),
        CommonModule,
        RedisModule,
        MetricsModule,
        HealthModule,
        AuthModule,
        SessionsModule,
        OidcModule,
        UsersModule,
        ProjectsModule,
        TasksModule,
        NotificationsModule,
        SharesModule,
        CommentsModule,
        AttachmentsModule,
        CalendarModule,
        LabelsModule,
        StatesModule,
        FieldsModule,
        ExportsModule,
        ImportsModule,
        ViewsModule,
        RelationsModule,
        ActivityModule,
        EventsModule,
        RealtimeModule,
        WebhooksModule,
        WebModule.forRoot(config),
      ],
    };
  }
}
