import autocannon from 'autocannon';
import { io, Socket } from 'socket.io-client';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts and answers that were not 2xx. */
  errors: number;
  /**
   * The server's CPU time per answered request, in ms: steadier than requests/s on a shared 2-core machine, where
   * the load generator and PostgreSQL take turns with the server.
   */
  cpuMsPerRequest: number;
}

export interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST' | 'PATCH';
  body?: string;
  /** Builds each request instead (per-connection state lives in `context`). */
  requests?: autocannon.Request[];
  /** Concurrent connections; CONNECTIONS unless the scenario says otherwise. */
  connections?: number;
}

export const CONNECTIONS = 32;
const WARM_UP_SECONDS = 5;
const MEASURE_SECONDS = 15;

/** A warm-up, then 15 s at 32 connections (or the scenario's own count); only the second run is reported. */
export async function measure(options: LoadOptions, server: { cpuSeconds(): number }): Promise<LoadResult> {
  await run(options, WARM_UP_SECONDS);
  const cpuBefore = server.cpuSeconds();
  const result = await run(options, MEASURE_SECONDS);
  const cpuSeconds = server.cpuSeconds() - cpuBefore;
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    cpuMsPerRequest: (cpuSeconds * 1000) / Math.max(1, result.requests.total),
  };
}

function run(options: LoadOptions, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: options.url,
    connections: options.connections ?? CONNECTIONS,
    duration: seconds,
    method: options.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: options.body,
    requests: options.requests,
  });
}

export interface FanOutResult {
  sockets: number;
  changes: number;
  deliveries: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * S7: `sockets` clients subscribe to one project; `changes` updates are made through the API one after another, and
 * each delivery's latency is measured from just before the update was sent to its arrival at the socket.
 */
export async function measureFanOut(options: {
  url: string;
  token: string;
  projectId: string;
  sockets: number;
  changes: number;
  change: (index: number) => Promise<void>;
}): Promise<FanOutResult> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const clients: Socket[] = [];
  const connect = async () => {
    const socket = io(options.url, {
      path: '/socket.io',
      auth: { token: options.token },
      transports: ['websocket'],
    });
    clients.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const ack = (await socket.emitWithAck('subscribe', { projectId: options.projectId })) as { ok: boolean };
    if (!ack.ok) throw new Error('subscribe refused');
    socket.on('task.updated', (event: { task: { title: string } }) => {
      const started = sentAt.get(event.task.title);
      if (started !== undefined) latencies.push(performance.now() - started);
    });
  };
  const until = async (condition: () => boolean, ms: number) => {
    const deadline = Date.now() + ms;
    while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  // One socket first, and a change it must hear: it arrives once the service has sent everything before it, so the
  // backlog the write scenarios left in the outbox is neither sent to 500 sockets nor counted as fan-out latency.
  await connect();
  sentAt.set('fan-out warm-up', performance.now());
  await options.change(-1);
  await until(() => latencies.length > 0, 120_000);
  for (let batch = 1; batch < options.sockets; batch += 50) {
    await Promise.all(Array.from({ length: Math.min(50, options.sockets - batch) }, connect));
  }
  latencies.length = 0;
  for (let index = 0; index < options.changes; index++) {
    sentAt.set(`fan-out ${index}`, performance.now());
    await options.change(index);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await until(() => latencies.length >= options.sockets * options.changes, 10_000);
  clients.forEach((socket) => socket.disconnect());
  latencies.sort((a, b) => a - b);
  const at = (quantile: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(quantile * latencies.length))] ?? NaN;
  return {
    sockets: options.sockets,
    changes: options.changes,
    deliveries: latencies.length,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  };
}
