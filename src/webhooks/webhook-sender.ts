import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { SerialRunner } from '../common/serial-runner';
import { onCommitOf } from '../database/after-commit';
import { queryRows } from '../database/query-rows';
import { MetricsService } from '../metrics/metrics.service';
import { WebhookAddressPolicy } from './webhook-address';
import { signatureOf, WebhookSecrets } from './webhook-secrets';

/** Marks a transaction that queued deliveries, so the sender is woken once it commits. */
export const WEBHOOKS_QUEUED = 'webhooksQueued';

const BATCH = 20;

interface ClaimedDelivery {
  id: string;
  webhook_id: string;
  event: string;
  payload: string;
  attempts: number;
  url: string;
  secret_encrypted: string;
}

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
    return queryRows<ClaimedDelivery>(
      this.dataSource,
      `UPDATE webhook_deliveries d
          SET leased_until = now() + make_interval(secs => $1), attempts = d.attempts + 1, last_attempt_at = now()
         FROM webhooks w
        WHERE w.id = d.webhook_id AND d.id IN (
          SELECT due.id FROM webhook_deliveries due JOIN webhooks hook ON hook.id = due.webhook_id AND hook.active
           WHERE due.status = 'pending' AND due.next_attempt_at <= now()
             AND (due.leased_until IS NULL OR due.leased_until < now())
           ORDER BY due.next_attempt_at, due.seq LIMIT $2 FOR UPDATE OF due SKIP LOCKED)
        RETURNING d.id, d.webhook_id, d.event, d.payload, d.attempts, w.url, w.secret_encrypted`,
      [this.config.webhooks.timeoutMs / 1000 + 30, BATCH],
    );
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
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE webhook_deliveries SET status = $2, response_status = $3, duration_ms = $4, error = $5,
                leased_until = NULL, next_attempt_at = now() + $6::double precision * interval '1 millisecond'
          WHERE id = $1`,
        [
          delivery.id,
          succeeded ? 'succeeded' : exhausted ? 'failed' : 'pending',
          outcome.responseStatus,
          durationMs,
          outcome.error,
          // The database's clock, as for leases and claims: instances' clocks may differ.
          succeeded || exhausted ? null : this.backoffMs(delivery.attempts),
        ],
      );
      if (succeeded) {
        await manager.query(
          `UPDATE webhooks SET consecutive_failures = 0 WHERE id = $1 AND consecutive_failures > 0`,
          [delivery.webhook_id],
        );
      } else if (exhausted) {
        const reason =
          `${this.config.webhooks.disableAfterFailures} deliveries in a row failed every attempt; ` +
          `the last: ${outcome.error ?? `answered ${outcome.responseStatus}`}`;
        await manager.query(
          `UPDATE webhooks SET consecutive_failures = consecutive_failures + 1,
                  active = active AND consecutive_failures + 1 < $2,
                  disabled_reason = CASE WHEN consecutive_failures + 1 >= $2 THEN $3 ELSE disabled_reason END,
                  disabled_at = CASE WHEN consecutive_failures + 1 >= $2 THEN now() ELSE disabled_at END
            WHERE id = $1`,
          [delivery.webhook_id, this.config.webhooks.disableAfterFailures, reason],
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
