// The managers' commands: digest now, statistics, CSV export, and digest subscriptions.
import { escapeText, joinMarkup, type Markup, md, mentionChannel, ours } from '../../i18n/markup.ts';
import type { Logger } from '@slack/bolt';
import { dateInZone } from '../../domain/local-date.ts';
import type { Schedule } from '../../domain/schedule.ts';
import { notices, system } from '../../i18n/en/index.ts';
import type { OpportunityFilter } from '../../services/opportunity-queries.ts';
import type { Subscription } from '../../services/subscriptions.ts';
import { type Message, noticeMessage, section, successMessage } from '../blocks/index.ts';
import { cycleAnalysisMessage, opportunityStatsMessage } from '../blocks/stats.ts';
import { csvFilename, opportunitiesCsv } from '../csv.ts';
import { formatDate } from '../format.ts';
import type { OppCommand } from '../grammar/index.ts';
import type { UserContext } from '../user-context.ts';
import type { SlackDeps, WebClient } from './support.ts';

export interface PipelineScope {
  deps: SlackDeps;
  user: UserContext;
  workspaceId: string;
  channelId: string;
  client: WebClient;
  logger: Logger;
  reply(message: Message): Promise<void>;
}

const EXPORT_MAX = 20_000;

/** Posts a digest to this channel now, through a digest run (retried later if Slack is busy). */
export async function postDigestNow(
  command: Extract<OppCommand, { name: 'digest' }>,
  scope: PipelineScope,
): Promise<void> {
  const { deps, workspaceId } = scope;
  // A wrong cycle is the user's mistake: say so now rather than in a failed background run.
  if (command.cycle) await deps.services.setup.getSalesCycle(workspaceId, command.cycle);
  const runId = await deps.scheduler.enqueueNow(workspaceId, scope.channelId, {
    salesCycleCode: command.cycle ?? null,
    salespersonSlackUserId: command.ownerId ?? null,
    timeZone: scope.user.timeZone,
  });
  const outcome = await deps.scheduler.postNow(runId);
  if (outcome === 'posted') return scope.reply(successMessage(notices.digestPosted));
  const run = await deps.services.subscriptions.runStatus(runId);
  const reason = /channel_not_found|not_in_channel|is_archived/.test(run?.lastError ?? '')
    ? system.privateChannel
    : /rate limited/.test(run?.lastError ?? '')
      ? notices.digestRateLimited
      : system.slackUnavailable;
  return scope.reply(noticeMessage(notices.digestDelayed(reason)));
}

export async function showStatistics(
  command: Extract<OppCommand, { name: 'stats' }>,
  scope: PipelineScope,
): Promise<void> {
  const { statistics, setup } = scope.deps.services;
  const settings = await setup.workspaceSettings(scope.workspaceId);
  if (command.target.kind === 'opportunity') {
    const stats = await statistics.opportunity(scope.workspaceId, command.target.no);
    return scope.reply(opportunityStatsMessage(stats, settings.currency));
  }
  const [analysis, totals] = await Promise.all([
    statistics.cycleAnalysis(scope.workspaceId, command.target.cycle),
    statistics.salesCycle(scope.workspaceId, command.target.cycle),
  ]);
  return scope.reply(cycleAnalysisMessage(analysis, settings.currency, totals));
}

/** Uploads the filtered opportunity list, with current figures, as a CSV file to this channel. */
export async function exportCsv(filter: OpportunityFilter, scope: PipelineScope): Promise<void> {
  const { queries, setup } = scope.deps.services;
  // One query: pages with OFFSET would each count and skip the whole filtered list again.
  const { items } = await queries.list(scope.workspaceId, filter, EXPORT_MAX, 0);
  const settings = await setup.workspaceSettings(scope.workspaceId);
  const csv = opportunitiesCsv(items, settings.currency);
  await scope.client.filesUploadV2({
    channel_id: scope.channelId,
    file: Buffer.from(csv, 'utf8'),
    filename: csvFilename('opportunities', scope.user.today),
    title: notices.exportTitle(formatDate(scope.user.today)),
  });
  return scope.reply(successMessage(notices.exported(items.length)));
}

export async function subscribe(
  command: Extract<OppCommand, { name: 'subscribe' }>,
  scope: PipelineScope,
): Promise<void> {
  const subscription = await scope.deps.services.subscriptions.subscribe(
    scope.workspaceId,
    {
      channelId: command.channelId,
      frequency: command.frequency,
      at: command.at,
      weekday: command.weekday,
      timeZone: command.timeZone ?? scope.user.timeZone,
      salesCycleCode: command.cycle,
      createdBySlackUserId: scope.user.userId,
    },
    scope.deps.clock.now(),
  );
  return scope.reply(
    successMessage(
      notices.subscribed(
        mentionChannel(subscription.channelId),
        describeSchedule(subscription.schedule),
        nextRunText(subscription),
      ),
    ),
  );
}

export async function unsubscribe(channelId: string, scope: PipelineScope): Promise<void> {
  const removed = await scope.deps.services.subscriptions.unsubscribe(scope.workspaceId, channelId);
  return scope.reply(
    removed
      ? successMessage(notices.unsubscribed(mentionChannel(channelId)))
      : noticeMessage(notices.notSubscribed(mentionChannel(channelId))),
  );
}

export async function listSubscriptions(scope: PipelineScope): Promise<void> {
  const subscriptions = await scope.deps.services.subscriptions.list(scope.workspaceId);
  if (subscriptions.length === 0) return scope.reply(noticeMessage(notices.noSubscriptions));
  const lines = subscriptions.map((s) =>
    notices.subscriptionLine(
      mentionChannel(s.channelId),
      describeSchedule(s.schedule),
      s.salesCycleCode === null ? null : escapeText(s.salesCycleCode),
      nextRunText(s),
    ),
  );
  const text = joinMarkup([notices.subscriptionsTitle, ...lines], '\n');
  return scope.reply({ text, blocks: [section(text)] });
}

function describeSchedule(schedule: Schedule): Markup {
  switch (schedule.frequency) {
    case 'daily':
      return notices.scheduleDaily(escapeText(schedule.at), escapeText(schedule.timeZone));
    case 'weekly':
      return notices.scheduleWeekly(
        notices.weekdays[schedule.weekday - 1] ?? ours(''),
        escapeText(schedule.at),
        escapeText(schedule.timeZone),
      );
    case 'monthly':
      return notices.scheduleMonthly(schedule.dayOfMonth, escapeText(schedule.at), escapeText(schedule.timeZone));
  }
}

/** The next run as the subscription's own local date and time. */
function nextRunText(subscription: Subscription): Markup {
  const zone = subscription.schedule.timeZone;
  return md`${formatDate(dateInZone(subscription.nextRunAt, zone))} ${escapeText(subscription.schedule.at)}`;
}
