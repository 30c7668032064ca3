// The personal notifications' job. Every instance of the app runs one; they agree through the database.
// Each pass (1) finds open opportunities overdue (past their estimated closing date) or stale (no change
// for the workspace's stale days) in their owner's own today, and records one event per opportunity and
// occasion (a conditional insert: src/services/notifications.ts claimAttention), and (2) claims the daily
// summary of each person whose summary time has come with notifications held for it, once per person and
// day. The outbox then delivers each once, with retries (src/slack/notifier.ts).
import { addDays, dateInZone } from '../domain/local-date.ts';
import { isOverdue, isStale, summaryDueOn } from '../domain/notifications.ts';
import type { Clock } from '../services/clock.ts';
import type { NotificationService } from '../services/notifications.ts';
import type { OwnerZones } from './task-reminders.ts';
import { PeriodicJob } from './periodic-job.ts';

export class NotificationJob extends PeriodicJob {
  constructor(
    private readonly notifications: Pick<
      NotificationService,
      'attentionCandidates' | 'claimAttention' | 'summaryCandidates' | 'claimSummary'
    >,
    private readonly clock: Clock,
    private readonly zones: OwnerZones,
    log: (message: string) => void = () => undefined,
    private readonly batchSize = 500,
  ) {
    super('notifications', log);
  }

  /** One pass; how many overdue/stale occasions and summaries this instance recorded. */
  async tick(): Promise<{ attention: number; summaries: number }> {
    return { attention: await this.attention(), summaries: await this.summaries() };
  }

  private async attention(): Promise<number> {
    const now = this.clock.now();
    const candidates = await this.notifications.attentionCandidates(addDays(dateInZone(now, 'UTC'), 1), this.batchSize);
    let recorded = 0;
    for (const candidate of candidates) {
      const today = dateInZone(now, await this.zones.zoneOf(candidate.workspaceId, candidate.salesperson));
      if (
        isOverdue(candidate.estimatedCloseDate, today) &&
        !candidate.told.has(`overdue:${candidate.estimatedCloseDate}`) &&
        (await this.notifications.claimAttention(candidate, 'overdue'))
      )
        recorded += 1;
      if (
        isStale(candidate.lastChange, today, candidate.staleDays) &&
        !candidate.told.has(`stale:${candidate.lastChange}`) &&
        (await this.notifications.claimAttention(candidate, 'stale'))
      )
        recorded += 1;
    }
    return recorded;
  }

  private async summaries(): Promise<number> {
    const now = this.clock.now();
    let claimed = 0;
    for (const person of await this.notifications.summaryCandidates(this.batchSize)) {
      const zone = await this.zones.zoneOf(person.workspaceId, person.slackUserId);
      const day = summaryDueOn(now, zone, person.summaryAt, person.lastSummaryOn);
      if (day !== null && (await this.notifications.claimSummary(person.workspaceId, person.slackUserId, day)))
        claimed += 1;
    }
    return claimed;
  }
}
