// Digest subscriptions: one per channel, on a daily, weekly or monthly schedule in a time zone.
import { nextRunAfter, type Schedule, validateSchedule } from '../domain/schedule.ts';
import type { $Enums } from '../generated/prisma/client.ts';
import type { PrismaClient } from './db.ts';
import { inTransaction } from './db.ts';
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

type SubscriptionRow = {
  id: number;
  channelId: string;
  frequency: $Enums.DigestFrequency;
  at: string;
  weekday: number | null;
  dayOfMonth: number | null;
  timeZone: string;
  salesCycleCode: string | null;
  createdBySlackUserId: string;
  nextRunAt: Date;
};

export function scheduleOf(
  row: Pick<SubscriptionRow, 'frequency' | 'at' | 'weekday' | 'dayOfMonth' | 'timeZone'>,
): Schedule {
  return validateSchedule({
    frequency: row.frequency.toLowerCase(),
    at: row.at,
    weekday: row.weekday ?? undefined,
    dayOfMonth: row.dayOfMonth ?? undefined,
    timeZone: row.timeZone,
  });
}

function fromRow(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    channelId: row.channelId,
    schedule: scheduleOf(row),
    salesCycleCode: row.salesCycleCode,
    createdBySlackUserId: row.createdBySlackUserId,
    nextRunAt: row.nextRunAt,
  };
}

export class SubscriptionService {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Subscribes the channel (or changes its subscription). Nothing before `now` is due: the first
   * digest is the next scheduled occurrence.
   */
  async subscribe(workspaceId: string, input: SubscriptionInput, now: Date): Promise<Subscription> {
    const schedule = validateSchedule(input);
    return inTransaction(this.prisma, async (tx) => {
      await ensureWorkspace(tx, workspaceId);
      const cycle = input.salesCycleCode?.trim()
        ? (await findCycleRow(tx, workspaceId, input.salesCycleCode)).code
        : null;
      const data = {
        frequency: schedule.frequency.toUpperCase() as $Enums.DigestFrequency,
        at: schedule.at,
        weekday: schedule.frequency === 'weekly' ? schedule.weekday : null,
        dayOfMonth: schedule.frequency === 'monthly' ? schedule.dayOfMonth : null,
        timeZone: schedule.timeZone,
        salesCycleCode: cycle,
        createdBySlackUserId: input.createdBySlackUserId,
        lastRunAt: now,
        nextRunAt: nextRunAfter(schedule, now),
      };
      const row = await tx.digestSubscription.upsert({
        where: { workspaceId_channelId: { workspaceId, channelId: input.channelId } },
        create: { workspaceId, channelId: input.channelId, ...data },
        update: data,
      });
      return fromRow(row);
    });
  }

  /**
   * Removes the channel's subscription and the scheduled digests it still had to post (a run waiting
   * for its retry would otherwise reach a channel that no longer wants it). True when there was one.
   */
  async unsubscribe(workspaceId: string, channelId: string): Promise<boolean> {
    return inTransaction(this.prisma, async (tx) => {
      await tx.digestRun.deleteMany({
        where: { workspaceId, status: 'PENDING', subscription: { workspaceId, channelId } },
      });
      const deleted = await tx.digestSubscription.deleteMany({ where: { workspaceId, channelId } });
      return deleted.count > 0;
    });
  }

  /** When the channel last received a digest ("what changed" starts there); null for never. */
  async lastDigestAt(workspaceId: string, channelId: string): Promise<Date | null> {
    const state = await this.prisma.channelDigestState.findUnique({
      where: { workspaceId_channelId: { workspaceId, channelId } },
    });
    return state?.lastDigestAt ?? null;
  }

  async recordDigest(workspaceId: string, channelId: string, at: Date): Promise<void> {
    await this.prisma.channelDigestState.upsert({
      where: { workspaceId_channelId: { workspaceId, channelId } },
      create: { workspaceId, channelId, lastDigestAt: at },
      update: { lastDigestAt: at },
    });
  }

  /** A digest run's state (for telling the user why an on-demand digest is not posted yet). */
  async runStatus(runId: number): Promise<{ status: string; lastError: string | null } | null> {
    const run = await this.prisma.digestRun.findUnique({
      where: { id: runId },
      select: { status: true, lastError: true },
    });
    return run ? { status: run.status.toLowerCase(), lastError: run.lastError } : null;
  }

  async list(workspaceId: string): Promise<Subscription[]> {
    const rows = await this.prisma.digestSubscription.findMany({
      where: { workspaceId },
      orderBy: { channelId: 'asc' },
    });
    return rows.map(fromRow);
  }
}
