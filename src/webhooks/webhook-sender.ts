import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { SerialRunner } from '../events/serial-runner';
import { onCommitOf } from '../events/after-commit';
import { Transactions } from '../database/transactions';
import { MetricsService } from '../metrics/metrics.service';
import { WebhookAddressPolicy } from './webhook-address';
import { signatureOf, WebhookSecrets } from './webhook-secrets';
import { ClaimedDelivery, WebhooksRepository } from './webhooks.repository';

/** Marks a transaction that queued deliveries, so the sender is woken once it commits. */
export const WEBHOOKS_QUEUED = 'webhooksQueued';

const BATCH = 20;

interface AttemptOutcome {
  responseStatus: number | null;
  error: string | null;
}

/**
 * Attempts due deliveries. Each is leased (`FOR UPDATE SKIP LOCKED`, then a lease that outlives the timeout) before
 * it is sent, so with several instances one of them attempts it at a time; a holder that dies lets its lease lapse
 * and the delivery is attempted again (a receiver deduplicates by the body's `id`). Non-2xx, a timeout or a refused
 * address is a failed attempt, retried with exponential backoff and jitter up to WEBHOOK_MAX_ATTEMPTS; a webhook
 * whose deliveries keep failing every attempt is disabled, with the reason.
 */
@Injectable()
export class WebhookSender implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookSender.name);
  private readonly runner = new SerialRunner(
    () => this.sendDue(),
    (error) => this.logger.warn(`Sending webhooks failed: ${String(error)}`),
  );
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly webhooks: WebhooksRepository,
    private readonly config: AppConfig,
    private readonly addresses: WebhookAddressPolicy,
    private readonly secrets: WebhookSecrets,
    private readonly metrics: MetricsService,
  ) {}

  onApplicationBootstrap(): void {
    onCommitOf(this.dataSource, WEBHOOKS_QUEUED, () => this.wake());
    this.timer = setInterval(() => this.wake(), this.config.webhooks.pollIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.runner.stop();
  }

  /** Sends what is due now, or right after the round in progress. */
  wake(): void {
    this.runner.wake();
  }

  private async sendDue(): Promise<void> {
    while (!this.runner.isStopped) {
      const claimed = await this.claim();
      await Promise.all(claimed.map((delivery) => this.attempt(delivery)));
      if (claimed.length < BATCH) return;
    }
  }

  private claim(): Promise<ClaimedDelivery[]> {
    return this.webhooks.claimDue(this.config.webhooks.timeoutMs / 1000 + 30, BATCH);
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    const started = performance.now();
    const outcome = await this.post(delivery);
    const durationMs = Math.round(performance.now() - started);
    const succeeded =
      outcome.responseStatus !== null && outcome.responseStatus >= 200 && outcome.responseStatus < 300;
    const exhausted = !succeeded && delivery.attempts >= this.config.webhooks.maxAttempts;
    this.metrics.webhookAttempts.inc({
      outcome: succeeded ? 'succeeded' : exhausted ? 'failed' : 'retrying',
    });
    await this.transactions.run(async (manager) => {
      await this.webhooks.recordAttempt(manager, delivery.id, {
        status: succeeded ? 'succeeded' : exhausted ? 'failed' : 'pending',
        responseStatus: outcome.responseStatus,
        durationMs,
        error: outcome.error,
        retryInMs: succeeded || exhausted ? null : this.backoffMs(delivery.attempts),
      });
      if (succeeded) {
        await this.webhooks.resetFailures(manager, delivery.webhook_id);
      } else if (exhausted) {
        const reason =
          `${this.config.webhooks.disableAfterFailures} deliveries in a row failed every attempt; ` +
          `the last: ${outcome.error ?? `answered ${outcome.responseStatus}`}`;
        await this.webhooks.countFailure(
          manager,
          delivery.webhook_id,
          this.config.webhooks.disableAfterFailures,
          reason,
        );
      }
    });
  }

  /** Doubles from WEBHOOK_RETRY_BASE_MS, each delay drawn from its upper half, so receivers are not hit in step. */
  private backoffMs(attempts: number): number {
    const delay = this.config.webhooks.retryBaseMs * 2 ** (attempts - 1);
    return delay / 2 + Math.random() * (delay / 2);
  }

  /** One POST, no redirects followed, bounded by WEBHOOK_TIMEOUT_MS from connect to the end of the answer. */
  private post(delivery: ClaimedDelivery): Promise<AttemptOutcome> {
    const url = new URL(delivery.url);
    const refusal = this.addresses.literalRefusal(url);
    if (refusal) return Promise.resolve({ responseStatus: null, error: refusal });
    const body = Buffer.from(delivery.payload, 'utf8');
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      const request = send(
        url,
        {
          method: 'POST',
          lookup: this.addresses.guardedLookup,
          signal: AbortSignal.timeout(this.config.webhooks.timeoutMs),
          headers: {
            'content-type': 'application/json',
            'content-length': body.length,
            'user-agent': 'Taskforge-Webhooks/1',
            'x-taskforge-event': delivery.event,
            'x-taskforge-delivery': delivery.id,
            'x-taskforge-signature': signatureOf(
              this.secrets.decrypt(delivery.secret_encrypted),
              delivery.payload,
            ),
          },
        },
        (response) => {
          // The answer's body is not used; it is read (and dropped) so the exchange completes within the timeout.
          response.resume();
          response.on('end', () => resolve({ responseStatus: response.statusCode ?? null, error: null }));
          response.on('error', (error) =>
            resolve({ responseStatus: response.statusCode ?? null, error: describe(error) }),
          );
        },
      );
      request.on('error', (error) => resolve({ responseStatus: null, error: describe(error) }));
      request.end(body);
    });
  }
}

function describe(error: Error): string {
  return error.name === 'AbortError' ? 'timed out' : error.message;
}
