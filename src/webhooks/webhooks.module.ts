import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { ProjectsModule } from '../projects/projects.module';
import { WebhookAddressPolicy } from './webhook-address';
import { WebhookQueue } from './webhook-queue';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookSender } from './webhook-sender';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

@Module({
  imports: [ProjectsModule, ActivityModule],
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookAddressPolicy, WebhookSecrets, WebhookQueue, WebhookSender],
})
export class WebhooksModule {}
