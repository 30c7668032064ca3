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

  /** Ticks every `intervalMs` until stop(); a tick never overlaps the previous one. */
  start(intervalMs = 60_000): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .catch((error: unknown) => this.report(`${this.jobName}: ${String(error)}`))
        .finally(() => {
          this.running = undefined;
        });
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
