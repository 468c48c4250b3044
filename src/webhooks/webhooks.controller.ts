import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { RequireScope } from '../auth/require-scope.decorator';
import { API_PREFIX } from '../common/setup-app';
import { UuidParam } from '../common/uuid-param';
import { Idempotent } from '../common/idempotency.interceptor';
import { Located } from '../common/versioned-response';
import {
  CreateWebhookDto,
  DeliveryDto,
  DeliveryPageDto,
  ListDeliveriesQuery,
  UpdateWebhookDto,
  WebhookDto,
  WebhookListDto,
  WebhookWithSecretDto,
} from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@ApiNotFoundResponse({ description: 'No such project (or the caller is not a member), webhook or delivery' })
@Controller('projects/:projectId/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @RequireScope('webhooks:write')
  @Idempotent({ sealed: true })
  @Located((webhook) => `/${API_PREFIX}/projects/${webhook.projectId}/webhooks/${webhook.id}`)
  @ApiCreatedResponse({
    type: WebhookWithSecretDto,
    description: 'The secret is shown only in this answer (and its idempotent replay to the same caller)',
  })
  @ApiUnprocessableEntityResponse({ description: 'Invalid fields, or a URL the SSRF guard refuses' })
  create(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @Body() dto: CreateWebhookDto,
  ): Promise<WebhookWithSecretDto> {
    return this.webhooks.create(principal, projectId, dto);
  }

  @Get()
  @RequireScope('webhooks:write')
  @ApiOkResponse({
    type: WebhookListDto,
    description: 'Every webhook of the project (at most 20), oldest first',
  })
  list(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
  ): Promise<WebhookListDto> {
    return this.webhooks.list(principal, projectId);
  }

  @Get(':webhookId')
  @RequireScope('webhooks:write')
  @ApiOkResponse({ type: WebhookDto })
  get(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @UuidParam('webhookId') webhookId: string,
  ): Promise<WebhookDto> {
    return this.webhooks.get(principal, projectId, webhookId);
  }

  @Patch(':webhookId')
  @RequireScope('webhooks:write')
  @ApiOkResponse({ type: WebhookDto })
  @ApiUnprocessableEntityResponse({ description: 'Invalid fields, or a URL the SSRF guard refuses' })
  update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @UuidParam('webhookId') webhookId: string,
    @Body() dto: UpdateWebhookDto,
  ): Promise<WebhookDto> {
    return this.webhooks.update(principal, projectId, webhookId, dto);
  }

  @Delete(':webhookId')
  @RequireScope('webhooks:write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Deleted, with its delivery log; nothing more is sent' })
  remove(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @UuidParam('webhookId') webhookId: string,
  ): Promise<void> {
    return this.webhooks.remove(principal, projectId, webhookId);
  }

  @Get(':webhookId/deliveries')
  @RequireScope('webhooks:write')
  @ApiOkResponse({ type: DeliveryPageDto, description: 'The delivery log, newest first' })
  deliveries(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @UuidParam('webhookId') webhookId: string,
    @Query() query: ListDeliveriesQuery,
  ): Promise<DeliveryPageDto> {
    return this.webhooks.deliveries(principal, projectId, webhookId, query);
  }

  @Post(':webhookId/deliveries/:deliveryId/redeliver')
  @RequireScope('webhooks:write')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: DeliveryDto, description: 'A new delivery of the same body, queued now' })
  @ApiConflictResponse({ description: 'The webhook is disabled' })
  redeliver(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('projectId') projectId: string,
    @UuidParam('webhookId') webhookId: string,
    @UuidParam('deliveryId') deliveryId: string,
  ): Promise<DeliveryDto> {
    return this.webhooks.redeliver(principal, projectId, webhookId, deliveryId);
  }
}
