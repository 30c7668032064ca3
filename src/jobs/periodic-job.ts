// What every background job of an instance shares: a pass every so often, never two passes at once, and
// a failed pass logged (the next one tries again) rather than thrown into the process.

export abstract class PeriodicJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  protected constructor(
    /** Names the job in the log. */
    private readonly jobName: string,
    private readonly report: (message: string) => void,
  ) {}

  /** One pass (tests call it directly with their clock). */
  abstract tick(): Promise<unknown>;

  /**
   * Ticks every `intervalMs` until stop(), the first time after `firstAfterMs` (by default one
   * interval); a tick never overlaps the previous one.
   */
  start(intervalMs = 60_000, firstAfterMs = intervalMs): void {
    const pass = () => {
      if (this.running) return;
      this.running = this.tick()
        .catch((error: unknown) => this.report(`${this.jobName}: ${String(error)}`))
        .finally(() => {
          this.running = undefined;
        });
    };
    this.timer = setTimeout(() => {
      pass();
      this.timer = setInterval(pass, intervalMs);
      this.timer.unref();
    }, firstAfterMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    // A timeout and an interval are cleared alike.
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
