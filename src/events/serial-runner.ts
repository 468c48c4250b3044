/**
 * Runs a background job one round at a time. A wake during a round asks for one more round right after it, so wakes
 * coalesce and none is lost; a stopped runner starts no new round.
 */
export class SerialRunner {
  private running: Promise<void> | null = null;
  private wokenWhileRunning = false;
  private stopped = false;

  constructor(
    private readonly round: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wokenWhileRunning = true;
      return;
    }
    this.running = this.round()
      .catch(this.onError)
      .finally(() => {
        this.running = null;
        if (this.wokenWhileRunning) {
          this.wokenWhileRunning = false;
          this.wake();
        }
      });
  }

  /** Resolves once no round is running or asked for. */
  async idle(): Promise<void> {
    for (let round = this.running; round; round = this.running) await round;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }

  get isStopped(): boolean {
    return this.stopped;
  }
}
