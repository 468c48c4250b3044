import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import type { Pool } from 'pg';

/** One registry per application instance, so two instances in one process (tests) never collide. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly socketsConnected = new Gauge({
    name: 'realtime_sockets_connected',
    help: 'Socket.IO clients connected to this instance',
    registers: [this.registry],
  });

  readonly realtimeEventsSent = new Counter({
    name: 'realtime_events_sent_total',
    help: 'Change events this instance sent to its sockets, by event',
    labelNames: ['event'] as const,
    registers: [this.registry],
  });

  readonly webhookAttempts = new Counter({
    name: 'webhook_attempts_total',
    help: 'Webhook delivery attempts made by this instance, by outcome (succeeded, retrying, failed)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor(dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    const pool = () => (dataSource.driver as unknown as { master?: Pool }).master;
    const poolGauge = (name: string, help: string, read: (p: Pool) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const current = pool();
          this.set(current ? read(current) : 0);
        },
      });
    poolGauge('db_pool_connections_total', 'Connections open in the database pool', (p) => p.totalCount);
    poolGauge('db_pool_connections_idle', 'Idle connections in the database pool', (p) => p.idleCount);
    poolGauge('db_pool_waiting_requests', 'Queries waiting for a pool connection', (p) => p.waitingCount);
  }
}
