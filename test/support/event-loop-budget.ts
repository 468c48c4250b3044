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
 * can leave a test process off the CPU for hundreds of milliseconds, which is lateness no code of ours caused.
 */
export class EventLoopBudget {
  private worstMs = 0;
  private last = performance.now();
  private lastCpu = process.cpuUsage();
  private excusing = 0;
  private readonly timer = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage(this.lastCpu);
    const computedMs = (cpu.user + cpu.system) / 1000;
    if (this.excusing === 0) {
      this.worstMs = Math.max(this.worstMs, Math.min(now - this.last - TICK_MS, computedMs));
    }
    this.last = now;
    this.lastCpu = process.cpuUsage();
  }, TICK_MS).unref();

  constructor(private readonly budgetMs = EVENT_LOOP_BUDGET_MS) {}

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
    this.worstMs = 0;
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
    if (this.worstMs > this.budgetMs) {
      throw new Error(
        `The event loop was held for ${Math.round(this.worstMs)} ms during this test (budget ${this.budgetMs} ms): ` +
          'something computed synchronously with no bound',
      );
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
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
