// The in-process digest scheduler. Every instance of the app runs one; they agree through the
// database (the digest runs service, src/services/digest-runs.ts), so each due digest is posted exactly once:
//   1. due subscriptions are claimed with FOR UPDATE SKIP LOCKED, and each occurrence is recorded as a
//      digest run whose (subscription, period key) is unique — a second instance finds it taken;
//      after downtime only the latest missed occurrence is recorded (posted once, not once per period);
//   2. pending runs are leased (next_attempt_at pushed ahead in the same claim) and posted; a Slack rate
//      limit (429) puts the run back with Retry-After, other failures back off, and give up after a few.
// A run carries its scope (cycle, salesperson, time zone) in its own columns, written when it is recorded;
// a run without a readable scope fails (logged) rather than being posted with a guessed one.
import type { Clock } from '../services/clock.ts';
import type { DigestRuns, DigestScope, LeasedRun } from '../services/digest-runs.ts';

/** A posting failure that should be retried after `retryAfterSeconds` (Slack's 429). */
export class RetryLaterError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`rate limited; retry after ${retryAfterSeconds} s`);
    this.name = 'RetryLaterError';
  }
}

export interface DigestJob {
  runId: number;
  workspaceId: string;
  channelId: string;
  salesCycleCode: string | null;
  /** On-demand digests may be limited to one salesperson. */
  salespersonSlackUserId: string | null;
  timeZone: string;
  scheduledFor: Date;
  /** Messages of this digest already posted by an earlier attempt. */
  postedParts: number;
}

export interface DigestPoster {
  /** Posts the digest; reports progress so that a retry continues where this attempt stopped. */
  post(job: DigestJob, progress: (postedParts: number) => Promise<void>): Promise<void>;
}

export interface SchedulerOptions {
  /** How long a claimed run is reserved for the instance posting it. */
  leaseMs?: number;
  maxAttempts?: number;
  batchSize?: number;
}

export interface TickResult {
  scheduled: number;
  posted: number;
  retried: number;
  failed: number;
}

export class DigestScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly batchSize: number;

  constructor(
    private readonly runs: DigestRuns,
    private readonly clock: Clock,
    private readonly poster: DigestPoster,
    private readonly log: (message: string) => void = () => undefined,
    options: SchedulerOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 120_000;
    this.maxAttempts = options.maxAttempts ?? 6;
    this.batchSize = options.batchSize ?? 20;
  }

  /** Ticks every `intervalMs` until stop(); a tick never overlaps the previous one. */
  start(intervalMs = 15_000): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .catch((error: unknown) => this.log(`digest scheduler: ${String(error)}`))
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

  async tick(): Promise<TickResult> {
    const scheduled = await this.runs.scheduleDue(this.clock.now(), this.batchSize);
    const result: TickResult = { scheduled, posted: 0, retried: 0, failed: 0 };
    for (const run of await this.leasePending()) {
      const outcome = await this.attempt(run);
      result[outcome] += 1;
    }
    return result;
  }

  /** Records an on-demand digest for a channel and returns its run id (posted by postNow or a tick). */
  async enqueueNow(workspaceId: string, channelId: string, scope: DigestScope): Promise<number> {
    return this.runs.enqueue(workspaceId, channelId, scope, this.clock.now());
  }

  /** Posts one run right away if no other instance holds it; the outcome of that attempt. */
  async postNow(runId: number): Promise<'posted' | 'retried' | 'failed' | 'busy'> {
    const [run] = await this.leasePending(runId);
    if (!run) return 'busy';
    return this.attempt(run);
  }

  /** Step 2: lease pending runs (all due ones, or one by id) so no other instance posts them meanwhile. */
  private async leasePending(onlyRunId?: number): Promise<LeasedRun[]> {
    const now = this.clock.now();
    return this.runs.lease(now, new Date(now.getTime() + this.leaseMs), this.batchSize, onlyRunId);
  }

  private async attempt(run: LeasedRun): Promise<'posted' | 'retried' | 'failed'> {
    if (run.timeZone === null || !isKnownTimeZone(run.timeZone)) {
      // Posting it anyway would mean guessing its scope (all cycles, UTC): fail it where it can be seen.
      const message = `scope unreadable: time zone ${JSON.stringify(run.timeZone)}`;
      await this.runs.failed(run.id, message);
      this.log(`digest run ${run.id} for ${run.channelId} failed: ${message}`);
      return 'failed';
    }
    const job: DigestJob = {
      runId: run.id,
      workspaceId: run.workspaceId,
      channelId: run.channelId,
      salesCycleCode: run.salesCycleCode,
      salespersonSlackUserId: run.salespersonSlackUserId,
      timeZone: run.timeZone,
      scheduledFor: run.scheduledFor,
      postedParts: run.postedParts,
    };
    const progress = (postedParts: number) => this.runs.progress(run.id, postedParts);
    try {
      await this.poster.post(job, progress);
      await this.runs.posted(run.id, this.clock.now());
      return 'posted';
    } catch (error) {
      const now = this.clock.now().getTime();
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      if (error instanceof RetryLaterError) {
        // Slack asked us to wait: not a failure, and it does not use up an attempt.
        const retryAt = new Date(now + error.retryAfterSeconds * 1000);
        await this.runs.retryLater(run.id, retryAt, message, { countAttempt: false });
        return 'retried';
      }
      const attempts = run.attempts + 1;
      if (attempts >= this.maxAttempts) {
        await this.runs.failed(run.id, message);
        this.log(`digest run ${run.id} for ${run.channelId} failed for good: ${message}`);
        return 'failed';
      }
      const backoffMs = Math.min(30 * 60_000, 30_000 * 2 ** (attempts - 1));
      await this.runs.retryLater(run.id, new Date(now + backoffMs), message, { countAttempt: true });
      return 'retried';
    }
  }
}

/** True when the runtime knows the zone (a run's stored zone is checked before anything is posted). */
function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
