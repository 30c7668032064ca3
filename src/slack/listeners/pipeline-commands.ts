// The managers' commands: digest now, statistics, CSV export, and digest subscriptions.
import { escapeText, joinMarkup, type Markup, md, mentionChannel, ours } from '../../i18n/markup.ts';
import type { Logger } from '@slack/bolt';
import { dateInZone } from '../../domain/local-date.ts';
import type { Schedule } from '../../domain/schedule.ts';
import type { Presenter } from '../../i18n/presenter.ts';
import type { Subscription } from '../../services/subscriptions.ts';
import { type Message, noticeMessage, section, successMessage } from '../blocks/index.ts';
import { cycleAnalysisMessage, opportunityStatsMessage } from '../blocks/stats.ts';
import { csvFilename, csvHeader, csvRows } from '../csv.ts';
import { spoolToFile, uploadUnshared } from '../file-upload.ts';
import type { OppCommand } from '../grammar/index.ts';
import type { RequestContext } from '../../usecases/index.ts';
import type { PipelineUseCases } from '../../usecases/pipeline.ts';
import type { UserContext } from '../user-context.ts';
import type { SlackDeps, WebClient } from './support.ts';

export interface PipelineScope {
  deps: SlackDeps;
  ctx: RequestContext;
  /** The reader's catalogue and formatter. */
  p: Presenter;
  user: UserContext;
  workspaceId: string;
  channelId: string;
  client: WebClient;
  logger: Logger;
  reply(message: Message): Promise<void>;
}

/** Posts a digest to this channel now, through a digest run (retried later if Slack is busy). */
export async function postDigestNow(
  command: Extract<OppCommand, { name: 'digest' }>,
  scope: PipelineScope,
): Promise<void> {
  const outcome = await scope.deps.useCases.pipeline.postDigest(scope.ctx, {
    channelId: scope.channelId,
    cycle: command.cycle,
    ownerId: command.ownerId,
  });
  const { notices, system } = scope.p.t;
  if (outcome.posted) return scope.reply(successMessage(scope.p, notices.digestPosted));
  const reason = {
    'private-channel': system.privateChannel,
    'rate-limited': notices.digestRateLimited,
    'slack-unavailable': system.slackUnavailable,
  }[outcome.reason];
  return scope.reply(noticeMessage(scope.p, notices.digestDelayed(reason)));
}

export async function showStatistics(
  command: Extract<OppCommand, { name: 'stats' }>,
  scope: PipelineScope,
): Promise<void> {
  const { pipeline } = scope.deps.useCases;
  if (command.target.kind === 'opportunity') {
    const { statistics, currency } = await pipeline.opportunityStatistics(scope.ctx, command.target.no);
    return scope.reply(opportunityStatsMessage(scope.p, statistics, currency));
  }
  const { analysis, totals, currency } = await pipeline.cycleStatistics(scope.ctx, command.target.cycle);
  return scope.reply(cycleAnalysisMessage(scope.p, analysis, currency, totals));
}

/**
 * Sends the filtered opportunity list, with current figures, as a CSV file to the person who asked, in
 * their direct message with the app (not the channel: an export is theirs, and may hold what the
 * channel does not see). The rows are read a page at a time and written to a temporary file, which is
 * then streamed to Slack: no more than a page is ever in memory. Nothing is shared until the file is
 * whole at Slack; the DM's first message gives the file a conversation to go to, and is taken back if
 * the file cannot be shared after it.
 */
export async function exportCsv(
  filter: Parameters<PipelineUseCases['exportRows']>[1]['filter'],
  ownScopeByDefault: boolean,
  scope: PipelineScope,
): Promise<void> {
  const { pages, currency } = await scope.deps.useCases.pipeline.exportRows(scope.ctx, { filter, ownScopeByDefault });
  const { p, client } = scope;
  let rows = 0;
  async function* csv(): AsyncGenerator<string> {
    yield csvHeader(p, currency);
    for await (const page of pages) {
      rows += page.length;
      yield csvRows(p, page);
    }
  }
  const filename = csvFilename(p, p.t.digestPlain.csv.defaultFilename, scope.user.today);
  const file = await spoolToFile(csv(), filename);
  let intro: { channel: string; ts: string } | undefined;
  try {
    const fileId = await uploadUnshared(client, file, filename);
    const text = p.t.notices.exportSent(rows);
    const dm = await client.chat.postMessage({ channel: scope.user.userId, text, blocks: [section(text)] });
    const channel = dm.channel ?? scope.user.userId;
    if (dm.ts) intro = { channel, ts: dm.ts };
    await client.files.completeUploadExternal({
      files: [{ id: fileId, title: p.t.notices.exportTitle(p.format.date(scope.user.today)) }],
      channel_id: channel,
    });
  } catch (error) {
    scope.logger.warn(`the export could not be sent: ${String(error)}`);
    if (intro) await client.chat.delete(intro).catch(() => undefined);
    return scope.reply(noticeMessage(p, p.t.notices.exportFailed));
  } finally {
    await file.remove();
  }
  return scope.reply(successMessage(p, p.t.notices.exported(rows)));
}

export async function subscribe(
  command: Extract<OppCommand, { name: 'subscribe' }>,
  scope: PipelineScope,
): Promise<void> {
  const subscription = await scope.deps.useCases.pipeline.subscribe(scope.ctx, {
    channelId: command.channelId,
    frequency: command.frequency,
    at: command.at,
    weekday: command.weekday,
    timeZone: command.timeZone,
    salesCycleCode: command.cycle,
  });
  const { notices } = scope.p.t;
  const said = notices.subscribed(
    mentionChannel(subscription.channelId),
    describeSchedule(scope.p, subscription.schedule),
    nextRunText(scope.p, subscription),
  );
  const { replaced } = subscription;
  return scope.reply(
    successMessage(
      scope.p,
      replaced
        ? joinMarkup(
            [
              said,
              notices.subscriptionReplaced(
                mentionChannel(replaced.channelId),
                describeSchedule(scope.p, replaced.schedule),
                replaced.salesCycleCode === null ? null : escapeText(replaced.salesCycleCode),
              ),
            ],
            ' ',
          )
        : said,
    ),
  );
}

export async function unsubscribe(channelId: string, scope: PipelineScope): Promise<void> {
  const removed = await scope.deps.useCases.pipeline.unsubscribe(scope.ctx, channelId);
  return scope.reply(
    removed
      ? successMessage(scope.p, scope.p.t.notices.unsubscribed(mentionChannel(channelId)))
      : noticeMessage(scope.p, scope.p.t.notices.notSubscribed(mentionChannel(channelId))),
  );
}

export async function listSubscriptions(scope: PipelineScope): Promise<void> {
  const subscriptions = await scope.deps.useCases.pipeline.subscriptions(scope.ctx);
  const { notices } = scope.p.t;
  if (subscriptions.length === 0) return scope.reply(noticeMessage(scope.p, notices.noSubscriptions));
  const lines = subscriptions.map((s) =>
    notices.subscriptionLine(
      mentionChannel(s.channelId),
      describeSchedule(scope.p, s.schedule),
      s.salesCycleCode === null ? null : escapeText(s.salesCycleCode),
      nextRunText(scope.p, s),
    ),
  );
  const text = joinMarkup([notices.subscriptionsTitle, ...lines], '\n');
  return scope.reply({ text, blocks: [section(text)] });
}

function describeSchedule(p: Presenter, schedule: Schedule): Markup {
  const { notices } = p.t;
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
function nextRunText(p: Presenter, subscription: Subscription): Markup {
  const zone = subscription.schedule.timeZone;
  return md`${p.format.date(dateInZone(subscription.nextRunAt, zone))} ${escapeText(subscription.schedule.at)}`;
}
