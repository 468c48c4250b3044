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
/** Turns each of several compared targets takes. */
const ROUNDS = 3;

/** A load and the process that answers it, whose CPU time is read around each turn. */
export interface LoadTarget {
  options: LoadOptions;
  server: { cpuSeconds(): number };
}

/** A warm-up, then 15 s at 32 connections (or the scenario's own count); only the second run is reported. */
export async function measure(options: LoadOptions, server: LoadTarget['server']): Promise<LoadResult> {
  const [result] = await measureInTurns([{ options, server }]);
  return result;
}

/**
 * Targets compared with each other (the service and its baselines): a warm-up of each, then MEASURE_SECONDS of each
 * in ROUNDS turns, the order rotating every round. This machine's speed drifts by a quarter within minutes (a shared
 * VM), and measured one after another each target would see a different machine; taking turns, they see the same.
 */
export async function measureInTurns(targets: LoadTarget[]): Promise<LoadResult[]> {
  const rounds = targets.length > 1 ? ROUNDS : 1;
  for (const { options } of targets) await run(options, WARM_UP_SECONDS);
  const tallies = targets.map(() => ({
    latencies: [] as number[],
    requests: 0,
    seconds: 0,
    errors: 0,
    cpu: 0,
  }));
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < targets.length; turn++) {
      const index = (turn + round) % targets.length;
      const { options, server } = targets[index];
      const tally = tallies[index];
      const cpuBefore = server.cpuSeconds();
      const result = await run(options, MEASURE_SECONDS / rounds, (ms) => tally.latencies.push(ms));
      tally.cpu += server.cpuSeconds() - cpuBefore;
      tally.requests += result.requests.total;
      tally.seconds += result.duration;
      tally.errors += result.errors + result.timeouts + result.non2xx;
    }
  }
  return tallies.map((tally) => {
    tally.latencies.sort((a, b) => a - b);
    return {
      requestsPerSecond: tally.requests / tally.seconds,
      p50Ms: quantile(tally.latencies, 0.5),
      p99Ms: quantile(tally.latencies, 0.99),
      errors: tally.errors,
      cpuMsPerRequest: (tally.cpu * 1000) / Math.max(1, tally.requests),
    };
  });
}

/** Of values sorted ascending. */
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

function run(
  options: LoadOptions,
  seconds: number,
  onLatency?: (ms: number) => void,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections ?? CONNECTIONS,
        duration: seconds,
        method: options.method ?? 'GET',
        headers: { 'content-type': 'application/json', ...options.headers },
        body: options.body,
        requests: options.requests,
      },
      (error: Error | null, result) => (error ? reject(error) : resolve(result)),
    );
    if (onLatency) instance.on('response', (_client, _status, _bytes, ms: number) => onLatency(ms));
  });
}

export interface FanOutResult {
  sockets: number;
  changes: number;
  deliveries: number;
  p50Ms: number;
  p99Ms: number;
  /**
   * Medians over the changes of where a delivery's time goes: the PATCH's round trip, from its answer to the first
   * socket's delivery (outbox to emit), and from the first socket's delivery to the last's.
   */
  breakdown: { requestMs: number; toFirstMs: number; firstToLastMs: number };
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
  const answeredAt = new Map<string, number>();
  const arrivals = new Map<string, number[]>();
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
      if (started === undefined) return;
      const now = performance.now();
      latencies.push(now - started);
      arrivals.get(event.task.title)?.push(now);
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
    const title = `fan-out ${index}`;
    arrivals.set(title, []);
    sentAt.set(title, performance.now());
    await options.change(index);
    answeredAt.set(title, performance.now());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await until(() => latencies.length >= options.sockets * options.changes, 10_000);
  clients.forEach((socket) => socket.disconnect());
  const at = (values: number[], q: number) =>
    quantile(
      [...values].sort((a, b) => a - b),
      q,
    );
  const perChange = (part: (title: string, times: number[]) => number) =>
    at(
      [...arrivals].map(([title, times]) => part(title, times)),
      0.5,
    );
  return {
    sockets: options.sockets,
    changes: options.changes,
    deliveries: latencies.length,
    p50Ms: at(latencies, 0.5),
    p99Ms: at(latencies, 0.99),
    breakdown: {
      requestMs: perChange((title) => answeredAt.get(title)! - sentAt.get(title)!),
      toFirstMs: perChange((title, times) => Math.min(...times) - answeredAt.get(title)!),
      firstToLastMs: perChange((_title, times) => Math.max(...times) - Math.min(...times)),
    },
  };
}
