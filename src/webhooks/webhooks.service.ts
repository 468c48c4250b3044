import {
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { Principal } from '../auth/principal';
import type { Page } from '../common/page';
import { Transactions } from '../database/transactions';
import { ProjectAccessPolicy } from '../projects/project-access.policy';
import {
  CreateWebhookDto,
  DeliveryDto,
  ListDeliveriesQuery,
  UpdateWebhookDto,
  WebhookDto,
  WebhookWithSecretDto,
} from './dto/webhook.dto';
import { WebhookAddressPolicy } from './webhook-address';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookSender } from './webhook-sender';
import { WebhooksRepository } from './webhooks.repository';
import { fieldProblem } from '../common/problem';

/** GitHub's limit per repository; more is a configuration mistake, and every one costs a delivery per change. */
const MAX_WEBHOOKS_PER_PROJECT = 20;

/** Webhook settings and their delivery log, for a project's owners and admins. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly transactions: Transactions,
    private readonly webhooks: WebhooksRepository,
    private readonly access: ProjectAccessPolicy,
    private readonly addresses: WebhookAddressPolicy,
    private readonly secrets: WebhookSecrets,
    private readonly sender: WebhookSender,
  ) {}

  async create(
    principal: Principal,
    projectId: string,
    dto: CreateWebhookDto,
  ): Promise<WebhookWithSecretDto> {
    await this.access.require(principal.userId, projectId, 'manage-webhooks');
    await this.assertDeliverable(dto.url);
    const secret = dto.secret ?? this.secrets.generate();
    return this.transactions.run(async (manager) => {
      if ((await this.webhooks.lockAndCount(manager, projectId)) >= MAX_WEBHOOKS_PER_PROJECT) {
        throw new UnprocessableEntityException(`A project has at most ${MAX_WEBHOOKS_PER_PROJECT} webhooks`);
      }
      const webhook = await this.webhooks.insert(
        manager,
        projectId,
        {
          url: dto.url,
          events: dto.events,
          secretEncrypted: this.secrets.encrypt(secret),
          description: dto.description ?? null,
          active: dto.active ?? true,
        },
        principal.userId,
      );
      return { ...webhook, secret };
    });
  }

  async list(principal: Principal, projectId: string): Promise<Page<WebhookDto>> {
    await this.access.require(principal.userId, projectId, 'manage-webhooks');
    return { items: await this.webhooks.list(projectId), nextCursor: null };
  }

  async get(principal: Principal, projectId: string, webhookId: string): Promise<WebhookDto> {
    await this.access.require(principal.userId, projectId, 'manage-webhooks');
    return this.find(projectId, webhookId);
  }

  /** Re-enabling (`active: true`) clears what disabled it, and deliveries waiting for it resume. */
  async update(
    principal: Principal,
    projectId: string,
    webhookId: string,
    dto: UpdateWebhookDto,
  ): Promise<WebhookDto> {
    await this.access.require(principal.userId, projectId, 'manage-webhooks');
    if (dto.url !== undefined) await this.assertDeliverable(dto.url);
    const webhook = await this.webhooks.update(projectId, webhookId, {
      url: dto.url,
      events: dto.events,
      secretEncrypted: dto.secret === undefined ? undefined : this.secrets.encrypt(dto.secret),
      description: dto.description,
      active: dto.active,
    });
    if (!webhook) throw new NotFoundException('No such webhook');
    if (dto.active) this.sender.wake();
    return webhook;
  }

  async remove(principal: Principal, projectId: string, webhookId: string): Promise<void> {
    await this.access.require(principal.userId, projectId, 'manage-webhooks');
    if (!(await this.webhooks.delete(projectId, webhookId))) throw new NotFoundException('No such webhook');
  }

  /** The delivery log, newest first. */
  async deliveries(
    principal: Principal,
    projectId: string,
    webhookId: string,
    query: ListDeliveriesQuery,
  ): Promise<Page<DeliveryDto>> {
    await this.access.require(principal.userId, projectId, 'manage-webhooks');
    await this.find(projectId, webhookId);
    return this.webhooks.deliveries(webhookId, query);
  }

  /** Sends a delivery's body again, as a new delivery (same body and `id`, so receivers can tell). */
  async redeliver(
    principal: Principal,
    projectId: string,
    webhookId: string,
    deliveryId: string,
  ): Promise<DeliveryDto> {
    await this.access.require(principal.userId, projectId, 'manage-webhooks');
    const webhook = await this.find(projectId, webhookId);
    if (!webhook.active)
      throw new ConflictException('The webhook is disabled; enable it before redelivering');
    const delivery = await this.webhooks.redeliver(webhookId, deliveryId);
    if (!delivery) throw new NotFoundException('No such delivery');
    this.sender.wake();
    return delivery;
  }

  private async find(projectId: string, webhookId: string): Promise<WebhookDto> {
    const webhook = await this.webhooks.find(projectId, webhookId);
    if (!webhook) throw new NotFoundException('No such webhook');
    return webhook;
  }

  private async assertDeliverable(url: string): Promise<void> {
    const refusal = await this.addresses.refusal(url);
    if (refusal) {
      throw fieldProblem('url', `url ${refusal}`);
    }
  }
}
