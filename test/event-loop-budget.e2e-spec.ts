import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { EventLoopBudget, outsideEventLoopBudget } from './support/event-loop-budget';
import { startTestApp, TestApp } from './support/test-app';

/** Computes for `ms` of CPU time: on a loaded machine that takes longer, and the hold is still that long. */
const holdLoop = (ms: number) => {
  const start = process.cpuUsage();
  const computedMs = () => {
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  while (computedMs() < ms);
};

describe('the event-loop budget every end-to-end test is held to', () => {
  it('fails a test that held the loop past the budget, and passes one that did not', async () => {
    const budget = new EventLoopBudget(200);
    // The file's own guard is spared the deliberate hold; this budget of its own is the one under test.
    await outsideEventLoopBudget(async () => {
      holdLoop(50);
      await expect(budget.check()).resolves.toBeUndefined();
      budget.reset();
      holdLoop(300);
      await expect(budget.check()).rejects.toThrow(/held for \d+ ms/);
      budget.reset();
      await expect(budget.check()).resolves.toBeUndefined();
    }).finally(() => budget.stop());
  });

  it('does not charge a test for time the process spent off the CPU', async () => {
    const budget = new EventLoopBudget(200);
    await outsideEventLoopBudget(async () => {
      // The thread sleeps without computing, as when the machine leaves the process waiting for a core.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
      await expect(budget.check()).resolves.toBeUndefined();
    }).finally(() => budget.stop());
  });

  it("does not charge a test for the garbage collector's pauses, which belong to the test runner's heap", async () => {
    const budget = new EventLoopBudget(200);
    v8.setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    // A heap big enough that full collections take a while, kept alive across them.
    const retained = Array.from({ length: 400_000 }, (_, index) => ({ index, text: `item ${index}` }));
    await outsideEventLoopBudget(async () => {
      budget.reset();
      const start = performance.now();
      while (performance.now() - start < 300) collectGarbage();
      await expect(budget.check()).resolves.toBeUndefined();
    }).finally(() => budget.stop());
    expect(retained).toHaveLength(400_000);
  });

  describe('on /metrics', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('reports the event loop lag, its maximum and its 99th percentile', async () => {
      const res = await t.http.get('/metrics').expect(200);
      for (const name of [
        'nodejs_eventloop_lag_seconds',
        'nodejs_eventloop_lag_max_seconds',
        'nodejs_eventloop_lag_p99_seconds',
      ]) {
        expect(res.text).toMatch(new RegExp(`^${name} \\d`, 'm'));
      }
    });
  });
});
