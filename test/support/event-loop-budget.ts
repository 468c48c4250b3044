import { PerformanceObserver } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** The longest the event loop may be held during one test: past it, every other request would have waited as long. */
export const EVENT_LOOP_BUDGET_MS = 200;

const TICK_MS = 10;

/**
 * Watches the event loop and says when one stretch since the last reset held it past the budget. A timer that should
 * fire every 10 ms measures how late it fired. (Node 20's `monitorEventLoopDelay` missed a 300 ms hold in our check:
 * it sampled 10 ms, so the measure is ours, and the test beside it proves it can fail.)
 *
 * A stretch counts only as long as the process computed during it: on a loaded two-core machine the operating system
 * can leave a test process off the CPU for hundreds of milliseconds, which is lateness no code of ours caused. Nor
 * does the garbage collector's pause count: a Jest worker's heap holds what every earlier test file left, so its
 * collections measure the test runner, not the request (the soak and the benchmarks measure the service's own).
 */
export class EventLoopBudget {
  /** Stretches long enough to matter since the last reset; judged in check(), once the GC entries have arrived. */
  private stretches: Interval[] = [];
  private collections: Interval[] = [];
  private last = performance.now();
  private lastCpu = process.cpuUsage();
  private excusing = 0;
  private readonly timer = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage(this.lastCpu);
    const computedMs = (cpu.user + cpu.system) / 1000;
    const heldMs = Math.min(now - this.last - TICK_MS, computedMs);
    if (this.excusing === 0 && heldMs > this.budgetMs / 4) {
      this.stretches.push({ start: this.last, end: now, ms: heldMs });
    }
    this.last = now;
    this.lastCpu = process.cpuUsage();
  }, TICK_MS).unref();
  private readonly gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      this.collections.push({
        start: entry.startTime,
        end: entry.startTime + entry.duration,
        ms: entry.duration,
      });
    }
  });

  constructor(private readonly budgetMs = EVENT_LOOP_BUDGET_MS) {
    this.gcObserver.observe({ entryTypes: ['gc'] });
  }

  /** Runs work that is not serving requests (booting or closing an app) without counting it. */
  async excuse<T>(work: () => Promise<T>): Promise<T> {
    this.excusing += 1;
    try {
      return await work();
    } finally {
      this.excusing -= 1;
      this.restartStretch();
    }
  }

  reset(): void {
    this.stretches = [];
    this.collections = [];
    this.restartStretch();
  }

  private restartStretch(): void {
    this.last = performance.now();
    this.lastCpu = process.cpuUsage();
  }

  /**
   * Throws when the loop was held longer than the budget since the last reset. It first lets the timer fire, so a
   * stretch that ended just now is counted too.
   */
  async check(): Promise<void> {
    await sleep(TICK_MS * 3);
    const worstMs = Math.max(
      0,
      ...this.stretches.map((stretch) => stretch.ms - this.collectingDuring(stretch)),
    );
    if (worstMs > this.budgetMs) {
      throw new Error(
        `The event loop was held for ${Math.round(worstMs)} ms during this test (budget ${this.budgetMs} ms): ` +
          'something computed synchronously with no bound',
      );
    }
  }

  stop(): void {
    clearInterval(this.timer);
    this.gcObserver.disconnect();
  }

  /** How long the garbage collector paused the thread within a stretch. */
  private collectingDuring(stretch: Interval): number {
    return this.collections.reduce(
      (sum, gc) => sum + Math.max(0, Math.min(gc.end, stretch.end) - Math.max(gc.start, stretch.start)),
      0,
    );
  }
}

interface Interval {
  start: number;
  end: number;
  ms: number;
}

let active: EventLoopBudget | undefined;

/** The budget the end-to-end tier holds every test to, where it applies (see event-loop-guard.ts). */
export function activateEventLoopBudget(): EventLoopBudget {
  active ??= new EventLoopBudget();
  return active;
}

/**
 * Boots or closes an app without charging the test: Nest's module scan, the OpenAPI document and PGlite's start are
 * synchronous stretches of a start-up, not of serving a request.
 */
export function outsideEventLoopBudget<T>(work: () => Promise<T>): Promise<T> {
  return active ? active.excuse(work) : work();
}
