// When a background job passes: its first pass after its own delay (the database upkeep's soon after
// start), then every interval; stop() also cancels a first pass not yet made. Timers are vitest's.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PeriodicJob } from '../../../src/jobs/periodic-job.ts';

class CountingJob extends PeriodicJob {
  passes = 0;
  constructor() {
    super('counting', (message) => {
      throw new Error(message);
    });
  }
  tick(): Promise<void> {
    this.passes += 1;
    return Promise.resolve();
  }
}

describe('PeriodicJob.start', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('passes first after its delay, then every interval', async () => {
    const job = new CountingJob();
    job.start(600_000, 15_000);
    await vi.advanceTimersByTimeAsync(14_999);
    expect(job.passes).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(job.passes).toBe(1);
    await vi.advanceTimersByTimeAsync(599_999);
    expect(job.passes).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(job.passes).toBe(2);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(job.passes).toBe(3);
    await job.stop();
    await vi.advanceTimersByTimeAsync(1_200_000);
    expect(job.passes).toBe(3);
  });

  it('without a delay of its own, first passes after one interval', async () => {
    const job = new CountingJob();
    job.start(60_000);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(job.passes).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(job.passes).toBe(1);
    await job.stop();
  });

  it('stopped before its first pass, it never passes', async () => {
    const job = new CountingJob();
    job.start(600_000, 15_000);
    await vi.advanceTimersByTimeAsync(10_000);
    await job.stop();
    await vi.advanceTimersByTimeAsync(2_000_000);
    expect(job.passes).toBe(0);
  });
});
