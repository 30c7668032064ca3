// Digest subscriptions: one per channel, on a daily, weekly or monthly schedule in a time zone.
import type { Selectable } from 'kysely';
import { nextRunAfter, type Schedule, validateSchedule } from '../domain/schedule.ts';
import type { DigestFrequency, DigestSubscription } from '../generated/kysely/types.ts';
import type { SqlDatabase } from '../store/kysely.ts';
import { transaction } from './db.ts';
import { findCycleRow } from './setup.ts';
import { ensureWorkspace } from './workspace.ts';

export interface SubscriptionInput {
  channelId: string;
  frequency: 'daily' | 'weekly' | 'monthly';
  at?: string | undefined;
  weekday?: number | undefined;
  dayOfMonth?: number | undefined;
  timeZone: string;
  salesCycleCode?: string | undefined;
  createdBySlackUserId: string;
}

export interface Subscription {
  id: number;
  channelId: string;
  schedule: Schedule;
  salesCycleCode: string | null;
  createdBySlackUserId: string;
  nextRunAt: Date;
}

type SubscriptionRow = Selectable<DigestSubscription>;

/** The schedule a subscription row (or a run's copy of it) describes. */
export function scheduleOf(
  row: Pick<SubscriptionRow, 'frequency' | 'at' | 'weekday' | 'day_of_month' | 'time_zone'>,
): Schedule {
  return validateSchedule({
    frequency: row.frequency.toLowerCase(),
    at: row.at,
    weekday: row.weekday ?? undefined,
    dayOfMonth: row.day_of_month ?? undefined,
    timeZone: row.time_zone,
  });
}

function fromRow(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    channelId: row.channel_id,
    schedule: scheduleOf(row),
    salesCycleCode: row.sales_cycle_code,
    createdBySlackUserId: row.created_by_slack_user_id,
    nextRunAt: row.next_run_at,
  };
}

export class SubscriptionService {
  constructor(private readonly db: SqlDatabase) {}

  /**
   * Subscribes the channel (or changes its subscription). Nothing before `now` is due: the first
   * digest is the next scheduled occurrence.
   */
  async subscribe(
    workspaceId: string,
    input: SubscriptionInput,
    now: Date,
  ): Promise<Subscription & { replaced: Subscription | null }> {
    const schedule = validateSchedule(input);
    return transaction(this.db, async (tx) => {
      await ensureWorkspace(tx, workspaceId);
      const cycle = input.salesCycleCode?.trim()
        ? (await findCycleRow(tx, workspaceId, input.salesCycleCode)).code
        : null;
      const data = {
        frequency: schedule.frequency.toUpperCase() as DigestFrequency,
        at: schedule.at,
        weekday: schedule.frequency === 'weekly' ? schedule.weekday : null,
        day_of_month: schedule.frequency === 'monthly' ? schedule.dayOfMonth : null,
        time_zone: schedule.timeZone,
        sales_cycle_code: cycle,
        created_by_slack_user_id: input.createdBySlackUserId,
        last_run_at: now,
        next_run_at: nextRunAfter(schedule, now),
      };
      // A channel has one schedule: the one it had is replaced, and the reply names it.
      const previous = await tx
        .selectFrom('digest_subscription')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('channel_id', '=', input.channelId)
        .forUpdate()
        .executeTakeFirst();
      const row = await tx
        .insertInto('digest_subscription')
        .values({ workspace_id: workspaceId, channel_id: input.channelId, created_at: now, ...data })
        .onConflict((oc) => oc.columns(['workspace_id', 'channel_id']).doUpdateSet(data))
        .returningAll()
        .executeTakeFirstOrThrow();
      return { ...fromRow(row), replaced: previous ? fromRow(previous) : null };
    });
  }

  /**
   * Removes the channel's subscription and the scheduled digests it still had to post (a run waiting
   * for its retry would otherwise reach a channel that no longer wants it). True when there was one.
   */
  async unsubscribe(workspaceId: string, channelId: string): Promise<boolean> {
    return transaction(this.db, async (tx) => {
      await tx
        .deleteFrom('digest_run')
        .where('workspace_id', '=', workspaceId)
        .where('status', '=', 'PENDING')
        .where('subscription_id', 'in', (eb) =>
          eb
            .selectFrom('digest_subscription')
            .select('id')
            .where('workspace_id', '=', workspaceId)
            .where('channel_id', '=', channelId),
        )
        .execute();
      const deleted = await tx
        .deleteFrom('digest_subscription')
        .where('workspace_id', '=', workspaceId)
        .where('channel_id', '=', channelId)
        .executeTakeFirst();
      return Number(deleted.numDeletedRows) > 0;
    });
  }

  /** When the channel last received a digest ("what changed" starts there); null for never. */
  async lastDigestAt(workspaceId: string, channelId: string): Promise<Date | null> {
    const state = await this.db
      .selectFrom('channel_digest_state')
      .select('last_digest_at')
      .where('workspace_id', '=', workspaceId)
      .where('channel_id', '=', channelId)
      .executeTakeFirst();
    return state?.last_digest_at ?? null;
  }

  async recordDigest(workspaceId: string, channelId: string, at: Date): Promise<void> {
    await this.db
      .insertInto('channel_digest_state')
      .values({ workspace_id: workspaceId, channel_id: channelId, last_digest_at: at })
      .onConflict((oc) => oc.columns(['workspace_id', 'channel_id']).doUpdateSet({ last_digest_at: at }))
      .execute();
  }

  /** A digest run's state (for telling the user why an on-demand digest is not posted yet). */
  async runStatus(runId: number): Promise<{ status: string; lastError: string | null } | null> {
    const run = await this.db
      .selectFrom('digest_run')
      .select(['status', 'last_error'])
      .where('id', '=', runId)
      .executeTakeFirst();
    return run ? { status: run.status.toLowerCase(), lastError: run.last_error } : null;
  }

  async list(workspaceId: string): Promise<Subscription[]> {
    const rows = await this.db
      .selectFrom('digest_subscription')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('channel_id')
      .execute();
    return rows.map(fromRow);
  }
}
