// Digest runs (table digest_run): each occurrence of a digest to post, scheduled or on demand, and how
// its posting went. The scheduler (src/jobs/digest-scheduler.ts) drives them; every instance of the app
// runs one, and they agree through these statements:
//   - due subscriptions are claimed with FOR UPDATE SKIP LOCKED, and each occurrence is recorded as a run
//     whose (subscription, period key) is unique, so a second instance finds it taken;
//   - pending runs are leased (next_attempt_at pushed ahead in the same transaction that picks them).
import { randomUUID } from 'node:crypto';
import { dueRun, periodKey } from '../domain/schedule.ts';
import type { SqlDatabase } from '../store/kysely.ts';
import { transaction } from './db.ts';
import { scheduleOf } from './subscriptions.ts';

/** A run leased for posting, as it was before the lease (attempts: those made before this one). */
export interface LeasedRun {
  id: number;
  workspaceId: string;
  channelId: string;
  scheduledFor: Date;
  attempts: number;
  postedParts: number;
  salesCycleCode: string | null;
  salespersonSlackUserId: string | null;
  /** Null only on a run recorded before the scope columns whose scope could not be read back. */
  timeZone: string | null;
}

/** What an on-demand digest covers: recorded with the run, in its own columns. */
export interface DigestScope {
  salesCycleCode: string | null;
  salespersonSlackUserId: string | null;
  timeZone: string;
}

export class DigestRuns {
  constructor(private readonly db: SqlDatabase) {}

  /**
   * Claims up to `limit` subscriptions due at `now` and records each one's occurrence as a pending run
   * (after downtime only the latest missed occurrence: posted once, not once per period); moves each
   * subscription on to its next occurrence. Returns how many runs were recorded.
   */
  async scheduleDue(now: Date, limit: number): Promise<number> {
    return transaction(this.db, async (tx) => {
      const due = await tx
        .selectFrom('digest_subscription')
        .select([
          'id',
          'workspace_id',
          'channel_id',
          'frequency',
          'at',
          'weekday',
          'day_of_month',
          'time_zone',
          'sales_cycle_code',
          'last_run_at',
          'created_at',
        ])
        .where('next_run_at', '<=', now)
        .orderBy('next_run_at')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      let recorded = 0;
      for (const row of due) {
        const schedule = scheduleOf(row);
        const decision = dueRun(schedule, { lastRunAt: row.last_run_at, createdAt: row.created_at, now });
        if (decision.due) {
          const inserted = await tx
            .insertInto('digest_run')
            .values({
              workspace_id: row.workspace_id,
              subscription_id: row.id,
              channel_id: row.channel_id,
              period_key: periodKey(schedule, decision.scheduledFor),
              scheduled_for: decision.scheduledFor,
              next_attempt_at: now,
              sales_cycle_code: row.sales_cycle_code,
              time_zone: row.time_zone,
              created_at: now,
            })
            .onConflict((oc) => oc.columns(['subscription_id', 'period_key']).doNothing())
            .executeTakeFirst();
          recorded += Number(inserted.numInsertedOrUpdatedRows ?? 0);
        }
        await tx
          .updateTable('digest_subscription')
          .set({ last_run_at: decision.due ? decision.scheduledFor : row.last_run_at, next_run_at: decision.next })
          .where('id', '=', row.id)
          .execute();
      }
      return recorded;
    });
  }

  /** Records an on-demand digest for a channel, to post at once; its run id. */
  async enqueue(workspaceId: string, channelId: string, scope: DigestScope, now: Date): Promise<number> {
    const { id } = await this.db
      .insertInto('digest_run')
      .values({
        workspace_id: workspaceId,
        channel_id: channelId,
        subscription_id: null,
        // Unique per run; the scope lives in its own columns.
        period_key: `now:${randomUUID()}`,
        sales_cycle_code: scope.salesCycleCode,
        salesperson_slack_user_id: scope.salespersonSlackUserId,
        time_zone: scope.timeZone,
        scheduled_for: now,
        next_attempt_at: now,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  /**
   * Leases up to `limit` pending runs due at `now` (or only run `onlyRunId`) until `leaseUntil`, counting
   * the attempt, so that no other instance posts them meanwhile. Runs another instance holds are skipped.
   */
  async lease(now: Date, leaseUntil: Date, limit: number, onlyRunId?: number): Promise<LeasedRun[]> {
    return transaction(this.db, async (tx) => {
      let pending = tx
        .selectFrom('digest_run')
        .select([
          'id',
          'workspace_id',
          'channel_id',
          'scheduled_for',
          'attempts',
          'posted_parts',
          'sales_cycle_code',
          'salesperson_slack_user_id',
          'time_zone',
        ])
        .where('status', '=', 'PENDING')
        .where('next_attempt_at', '<=', now);
      if (onlyRunId !== undefined) pending = pending.where('id', '=', onlyRunId);
      const rows = await pending
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      if (rows.length > 0) {
        await tx
          .updateTable('digest_run')
          .set((eb) => ({ next_attempt_at: leaseUntil, attempts: eb('attempts', '+', 1) }))
          .where(
            'id',
            'in',
            rows.map((r) => r.id),
          )
          .execute();
      }
      return rows.map((row) => ({
        id: row.id,
        workspaceId: row.workspace_id,
        channelId: row.channel_id,
        scheduledFor: row.scheduled_for,
        attempts: row.attempts,
        postedParts: row.posted_parts,
        salesCycleCode: row.sales_cycle_code,
        salespersonSlackUserId: row.salesperson_slack_user_id,
        timeZone: row.time_zone,
      }));
    });
  }

  /** Messages of the run posted so far (a retry continues after them). */
  async progress(runId: number, postedParts: number): Promise<void> {
    await this.db.updateTable('digest_run').set({ posted_parts: postedParts }).where('id', '=', runId).execute();
  }

  async posted(runId: number, at: Date): Promise<void> {
    await this.db
      .updateTable('digest_run')
      .set({ status: 'POSTED', posted_at: at, last_error: null })
      .where('id', '=', runId)
      .execute();
  }

  /** Never tried again. */
  async failed(runId: number, error: string): Promise<void> {
    await this.db
      .updateTable('digest_run')
      .set({ status: 'FAILED', last_error: error })
      .where('id', '=', runId)
      .execute();
  }

  /**
   * Tried again at `retryAt`. `countAttempt` false (Slack asked to wait): the lease's attempt is given
   * back, so waiting does not use up the run's attempts.
   */
  async retryLater(runId: number, retryAt: Date, error: string, options: { countAttempt: boolean }): Promise<void> {
    await this.db
      .updateTable('digest_run')
      .set((eb) => ({
        next_attempt_at: retryAt,
        last_error: error,
        ...(options.countAttempt ? {} : { attempts: eb('attempts', '-', 1) }),
      }))
      .where('id', '=', runId)
      .execute();
  }
}
