// The in-process digest scheduler. Every instance of the app runs one; they agree through the
// database, so each due digest is posted exactly once:
//   1. due subscriptions are claimed with FOR UPDATE SKIP LOCKED, and each occurrence is recorded as a
//      digest run whose (subscription, period key) is unique — a second instance finds it taken;
//      after downtime only the latest missed occurrence is recorded (posted once, not once per period);
//   2. pending runs are leased (next_attempt_at pushed ahead in the same claim) and posted; a Slack rate
//      limit (429) puts the run back with Retry-After, other failures back off, and give up after a few.
// A run carries its scope (cycle, salesperson, time zone) in its own columns, written when it is recorded;
// a run without a readable scope fails (logged) rather than being posted with a guessed one.
import { randomUUID } from 'node:crypto';
import { dueRun, periodKey } from '../domain/schedule.ts';
import type { Clock } from '../services/clock.ts';
import type { PrismaClient } from '../services/db.ts';
import { scheduleOf } from '../services/subscriptions.ts';

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

interface DueRow {
  id: number;
  workspace_id: string;
  channel_id: string;
  frequency: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  at: string;
  weekday: number | null;
  day_of_month: number | null;
  time_zone: string;
  sales_cycle_code: string | null;
  last_run_at: Date | null;
  created_at: Date;
}

interface RunRow {
  id: number;
  workspace_id: string;
  channel_id: string;
  scheduled_for: Date;
  attempts: number;
  posted_parts: number;
  sales_cycle_code: string | null;
  salesperson_slack_user_id: string | null;
  /** Null only on a run recorded before the scope columns whose scope could not be read back. */
  time_zone: string | null;
}

export class DigestScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly batchSize: number;

  constructor(
    private readonly prisma: PrismaClient,
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
    const scheduled = await this.scheduleDue();
    const result: TickResult = { scheduled, posted: 0, retried: 0, failed: 0 };
    for (const run of await this.leasePending()) {
      const outcome = await this.attempt(run);
      result[outcome] += 1;
    }
    return result;
  }

  /** Records an on-demand digest for a channel and returns its run id (posted by postNow or a tick). */
  async enqueueNow(
    workspaceId: string,
    channelId: string,
    scope: { salesCycleCode: string | null; salespersonSlackUserId: string | null; timeZone: string },
  ): Promise<number> {
    const now = this.clock.now();
    const run = await this.prisma.digestRun.create({
      data: {
        workspaceId,
        channelId,
        subscriptionId: null,
        // Unique per run; the scope lives in its own columns.
        periodKey: `now:${randomUUID()}`,
        salesCycleCode: scope.salesCycleCode,
        salespersonSlackUserId: scope.salespersonSlackUserId,
        timeZone: scope.timeZone,
        scheduledFor: now,
        nextAttemptAt: now,
      },
    });
    return run.id;
  }

  /** Posts one run right away if no other instance holds it; the outcome of that attempt. */
  async postNow(runId: number): Promise<'posted' | 'retried' | 'failed' | 'busy'> {
    const [run] = await this.leasePending(runId);
    if (!run) return 'busy';
    return this.attempt(run);
  }

  /** Step 1: claim due subscriptions and record their occurrence as a pending run. */
  private async scheduleDue(): Promise<number> {
    const now = this.clock.now();
    return this.prisma.$transaction(async (tx) => {
      const due = await tx.$queryRaw<DueRow[]>`
        SELECT id, workspace_id, channel_id, frequency::text AS frequency, at, weekday, day_of_month, time_zone,
               sales_cycle_code, last_run_at, created_at
        FROM digest_subscription
        WHERE next_run_at <= ${now}
        ORDER BY next_run_at
        LIMIT ${this.batchSize}
        FOR UPDATE SKIP LOCKED`;
      let recorded = 0;
      for (const row of due) {
        const schedule = scheduleOf({
          frequency: row.frequency,
          at: row.at,
          weekday: row.weekday,
          dayOfMonth: row.day_of_month,
          timeZone: row.time_zone,
        });
        const decision = dueRun(schedule, { lastRunAt: row.last_run_at, createdAt: row.created_at, now });
        if (decision.due) {
          const inserted = await tx.$executeRaw`
            INSERT INTO digest_run (workspace_id, subscription_id, channel_id, period_key, scheduled_for, next_attempt_at,
                                    sales_cycle_code, time_zone)
            VALUES (${row.workspace_id}, ${row.id}, ${row.channel_id}, ${periodKey(schedule, decision.scheduledFor)}, ${decision.scheduledFor}, ${now},
                    ${row.sales_cycle_code}, ${row.time_zone})
            ON CONFLICT (subscription_id, period_key) DO NOTHING`;
          recorded += inserted;
        }
        await tx.digestSubscription.update({
          where: { id: row.id },
          data: { lastRunAt: decision.due ? decision.scheduledFor : row.last_run_at, nextRunAt: decision.next },
        });
      }
      return recorded;
    });
  }

  /** Step 2: lease pending runs (all due ones, or one by id) so no other instance posts them meanwhile. */
  private async leasePending(onlyRunId?: number): Promise<RunRow[]> {
    const now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + this.leaseMs);
    return this.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<RunRow[]>`
        SELECT r.id, r.workspace_id, r.channel_id, r.scheduled_for, r.attempts, r.posted_parts,
               r.sales_cycle_code, r.salesperson_slack_user_id, r.time_zone
        FROM digest_run r
        WHERE r.status = 'PENDING' AND r.next_attempt_at <= ${now}
          AND (${onlyRunId ?? null}::int IS NULL OR r.id = ${onlyRunId ?? null}::int)
        ORDER BY r.next_attempt_at, r.id
        LIMIT ${this.batchSize}
        FOR UPDATE OF r SKIP LOCKED`;
      if (rows.length > 0) {
        await tx.digestRun.updateMany({
          where: { id: { in: rows.map((r) => r.id) } },
          data: { nextAttemptAt: leaseUntil, attempts: { increment: 1 } },
        });
      }
      return rows;
    });
  }

  private async attempt(run: RunRow): Promise<'posted' | 'retried' | 'failed'> {
    if (run.time_zone === null || !isKnownTimeZone(run.time_zone)) {
      // Posting it anyway would mean guessing its scope (all cycles, UTC): fail it where it can be seen.
      const message = `scope unreadable: time zone ${JSON.stringify(run.time_zone)}`;
      await this.prisma.digestRun.update({ where: { id: run.id }, data: { status: 'FAILED', lastError: message } });
      this.log(`digest run ${run.id} for ${run.channel_id} failed: ${message}`);
      return 'failed';
    }
    const job: DigestJob = {
      runId: run.id,
      workspaceId: run.workspace_id,
      channelId: run.channel_id,
      salesCycleCode: run.sales_cycle_code,
      salespersonSlackUserId: run.salesperson_slack_user_id,
      timeZone: run.time_zone,
      scheduledFor: run.scheduled_for,
      postedParts: run.posted_parts,
    };
    const progress = async (postedParts: number) => {
      await this.prisma.digestRun.update({ where: { id: run.id }, data: { postedParts } });
    };
    try {
      await this.poster.post(job, progress);
      await this.prisma.digestRun.update({
        where: { id: run.id },
        data: { status: 'POSTED', postedAt: this.clock.now(), lastError: null },
      });
      return 'posted';
    } catch (error) {
      const now = this.clock.now().getTime();
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      if (error instanceof RetryLaterError) {
        // Slack asked us to wait: not a failure, and it does not use up an attempt.
        await this.prisma.digestRun.update({
          where: { id: run.id },
          data: {
            nextAttemptAt: new Date(now + error.retryAfterSeconds * 1000),
            attempts: { decrement: 1 },
            lastError: message,
          },
        });
        return 'retried';
      }
      const attempts = run.attempts + 1;
      if (attempts >= this.maxAttempts) {
        await this.prisma.digestRun.update({ where: { id: run.id }, data: { status: 'FAILED', lastError: message } });
        this.log(`digest run ${run.id} for ${run.channel_id} failed for good: ${message}`);
        return 'failed';
      }
      const backoffMs = Math.min(30 * 60_000, 30_000 * 2 ** (attempts - 1));
      await this.prisma.digestRun.update({
        where: { id: run.id },
        data: { nextAttemptAt: new Date(now + backoffMs), lastError: message },
      });
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
