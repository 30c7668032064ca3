// The channel alerts, as the `alerts` consumer of the outbox. Each delivery of a created, moved, won,
// lost or reassigned event is matched here against the workspace's alerts (the change's transaction
// only inserted the delivery row). The opportunity is read as it is now, at delivery: the message shows
// its current figures (a folded message shows the latest state, not the first event's), and one read
// here keeps the writers of every event unchanged; the event itself says what changed, by whom, and
// the won or lost amount. A deleted opportunity is alerted about no more.
//
// Several events of one opportunity for one alert within a minute are one message, updated in place;
// the message (channel, ts, the events it shows) is in the database, so any instance folds into it. A
// rate limit waits for Slack's Retry-After (the dispatcher, never a command, waits); a channel the bot
// cannot post in any more disables that alert, and the admins are told once.
import { type Logger, webApi } from '@slack/bolt';
import { type AlertedOpportunity, type AlertKind, foldsInto, passesFilters } from '../domain/alerts.ts';
import { dec } from '../domain/decimal.ts';
import { LANGUAGE_LOCALES } from '../i18n/catalogue.ts';
import { DEFAULT_LOCALE } from '../i18n/locale.ts';
import { escapeText, mentionChannel } from '../i18n/markup.ts';
import { channelPresenter, presenterFor } from '../i18n/presenter.ts';
import { RetryLaterError } from '../jobs/digest-scheduler.ts';
import type { EventConsumer } from '../jobs/outbox-dispatcher.ts';
import { WriteCoalescer } from '../jobs/write-coalescer.ts';
import type {
  Alert,
  AlertMessageRecord,
  AlertTarget,
  BatchAlertTarget,
  SavedAlertMessage,
} from '../services/alerts.ts';
import type { Clock } from '../services/clock.ts';
import type { Services } from '../services/index.ts';
import type { OpportunitySummary } from '../services/opportunity-queries.ts';
import { CONSUMERS, type OutboxEvent, type RecordedEvent } from '../services/outbox.ts';
import { CHANNEL_GONE } from './announcer.ts';
import { alertMessage } from './blocks/alerts.ts';
import type { KnownBlock } from './blocks/kit.ts';
import { noticeMessage } from './blocks/replies.ts';

export interface ChannelAlertsOptions {
  services: Services;
  clock: Clock;
  /** The Web API client for a workspace (background: rate limits come back as errors). */
  clientFor(workspaceId: string): Promise<webApi.WebClient>;
  logger: Logger;
}

/** What a batch's deliveries in one workspace read once (SlackChannelAlerts.prepare). */
interface BatchFacts {
  targets: BatchAlertTarget[];
  opportunities: Map<string, OpportunitySummary>;
  earlier: Map<number, RecordedEvent>;
}

/** Slack's answers to chat.update that mean the message is gone: the alert posts a new one. */
const MESSAGE_GONE = new Set(['message_not_found', 'cant_update_message', 'edit_window_closed']);

/** Whether the event folds into the alert's last message (same channel, within the folding time). */
function foldsWith(
  alert: Alert,
  message: AlertMessageRecord | null,
  event: RecordedEvent,
): message is AlertMessageRecord {
  return message !== null && message.channelId === alert.channelId && foldsInto(message.firstEventAt, event.occurredAt);
}

/** The alert kind an event is, or null when no alert is about it. */
export function alertKindOf(event: RecordedEvent): AlertKind | null {
  switch (event.kind) {
    case 'opportunity-created':
      return 'created';
    case 'opportunity-moved':
      return 'stage';
    case 'opportunity-won':
      return 'won';
    case 'order-made':
      return event.payload.closedWon === true ? 'won' : null;
    case 'opportunity-lost':
      return 'lost';
    case 'opportunity-reassigned':
      return 'reassigned';
    default:
      return null;
  }
}

export class SlackChannelAlerts implements EventConsumer {
  readonly name = CONSUMERS.alerts;

  constructor(private readonly options: ChannelAlertsOptions) {}

  async deliver(event: OutboxEvent): Promise<void> {
    return (await this.prepare([event]))(event);
  }

  /**
   * What every delivery of a claimed batch needs, read once per workspace of the batch (three
   * statements, not three per event): the alerts still on with their channel's language and their last
   * message about each opportunity, the opportunities as they are now, and the events the messages an
   * event may fold into show. A batch holds one event per opportunity, so no delivery of it changes what
   * another one read.
   */
  async prepare(events: readonly OutboxEvent[]): Promise<(event: OutboxEvent) => Promise<void>> {
    const { services } = this.options;
    const nosByWorkspace = new Map<string, string[]>();
    for (const event of events) {
      if (alertKindOf(event) === null || !('no' in event.payload)) continue;
      const nos = nosByWorkspace.get(event.workspaceId) ?? [];
      nos.push(event.payload.no);
      nosByWorkspace.set(event.workspaceId, nos);
    }
    const read = new Map<string, BatchFacts>();
    await Promise.all(
      [...nosByWorkspace].map(async ([workspaceId, nos]) => {
        const targets = await services.alerts.deliveryTargets(workspaceId, nos);
        if (targets.length === 0) return;
        const folded = new Set(
          events.flatMap((event) => {
            const no = event.workspaceId === workspaceId && 'no' in event.payload ? event.payload.no : null;
            return no === null
              ? []
              : targets.flatMap(({ alert, messages }) => {
                  const message = messages.get(no) ?? null;
                  return foldsWith(alert, message, event) ? message.eventIds : [];
                });
          }),
        );
        const [opportunities, earlier] = await Promise.all([
          services.queries.summaries(workspaceId, nos),
          services.outbox.read(workspaceId, [...folded]),
        ]);
        read.set(workspaceId, { targets, opportunities, earlier: new Map(earlier.map((e) => [e.id, e])) });
      }),
    );
    // The batch's deliveries go side by side: messages known while another is being saved share a statement.
    const saves = new WriteCoalescer<SavedAlertMessage[]>((lists) => services.alerts.saveMessages(lists.flat()));
    return (event) =>
      this.deliverWith(event, read.get(event.workspaceId), (saved) =>
        saved.length === 0 ? Promise.resolve() : saves.write(saved),
      );
  }

  private async deliverWith(
    event: OutboxEvent,
    facts: BatchFacts | undefined,
    save: (messages: SavedAlertMessage[]) => Promise<void>,
  ): Promise<void> {
    const kind = alertKindOf(event);
    if (kind === null || !('no' in event.payload) || !facts) return;
    const { services, clock } = this.options;
    const opportunity = facts.opportunities.get(event.payload.no);
    if (!opportunity) return;
    const alerted: AlertedOpportunity = {
      // A closing is compared by its amount; anything else by the estimated value.
      value:
        'amount' in event.payload && (kind === 'won' || kind === 'lost')
          ? dec(event.payload.amount)
          : (opportunity.current?.estimatedValue ?? null),
      cycle: opportunity.salesCycle.code,
      owner: opportunity.salesperson.slackUserId,
    };
    const no = event.payload.no;
    const matching: AlertTarget[] = facts.targets
      .filter(({ alert }) => alert.kinds.includes(kind))
      .map(({ alert, language, messages }) => ({ alert, language, message: messages.get(no) ?? null }))
      .filter(({ alert, message }) => passesFilters(alert.filters, alerted) && !message?.eventIds.includes(event.id));
    if (matching.length === 0) return;
    const { currency } = await services.setup.workspaceSettings(event.workspaceId);
    const client = await this.options.clientFor(event.workspaceId);
    // The matching alerts side by side: the event's delivery takes as long as its slowest post, not
    // their sum (two alerts of one channel may then post in either order). The messages of those that
    // went out are saved even when another failed; a retry skips every alert whose message already
    // shows the event, and waits for the longest rate limit Slack asked for, if any.
    const outcomes = await Promise.allSettled(
      matching.map((target) => this.deliverTo(client, target, event, opportunity, currency, facts.earlier)),
    );
    const saved: SavedAlertMessage[] = [];
    outcomes.forEach((outcome, i) => {
      const alert = matching[i]?.alert;
      if (outcome.status === 'fulfilled' && outcome.value && alert)
        saved.push({ alertId: alert.id, opportunityNo: opportunity.no, message: outcome.value, at: clock.now() });
    });
    await save(saved);
    const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
    const rateLimits = failures.filter((error) => error instanceof RetryLaterError);
    if (rateLimits.length > 0)
      throw rateLimits.reduce((longest, error) =>
        error.retryAfterSeconds > longest.retryAfterSeconds ? error : longest,
      );
    if (failures.length > 0) throw failures[0];
  }

  /** Posts the event to the alert's channel, or folds it into its message: the message it shows now. */
  private async deliverTo(
    client: webApi.WebClient,
    { alert, message: previous, language }: AlertTarget,
    event: OutboxEvent,
    opportunity: OpportunitySummary,
    currency: string,
    earlier: ReadonlyMap<number, RecordedEvent>,
  ): Promise<AlertMessageRecord | null> {
    const fold = foldsWith(alert, previous, event);
    const shown = fold ? [...previous.eventIds.flatMap((id) => earlier.get(id) ?? []), event] : [event];
    const message = alertMessage(channelPresenter(language), shown, opportunity, currency);
    const body = { channel: alert.channelId, text: message.text, blocks: message.blocks };
    try {
      if (fold && (await this.update(client, { ...body, ts: previous.ts })))
        return { ...previous, eventIds: [...previous.eventIds, event.id] };
      const posted = await client.chat.postMessage({ ...body, unfurl_links: false });
      return { channelId: alert.channelId, ts: posted.ts ?? '', firstEventAt: event.occurredAt, eventIds: [event.id] };
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === webApi.ErrorCode.RateLimitedError)
        throw new RetryLaterError(Number((error as { retryAfter?: number }).retryAfter ?? 30));
      const slackError = (error as { data?: { error?: string } }).data?.error;
      if (code === webApi.ErrorCode.PlatformError && slackError && CHANNEL_GONE.has(slackError)) {
        await this.disable(client, alert, event.workspaceId, slackError);
        return null;
      }
      throw error;
    }
  }

  /** chat.update; false when the message is gone (deleted by someone), so a new one is posted. */
  private async update(
    client: webApi.WebClient,
    body: { channel: string; ts: string; text: string; blocks: KnownBlock[] },
  ): Promise<boolean> {
    try {
      await client.chat.update(body);
      return true;
    } catch (error) {
      const slackError = (error as { data?: { error?: string } }).data?.error;
      if (slackError && MESSAGE_GONE.has(slackError)) return false;
      throw error;
    }
  }

  /** Turns the alert off; whoever turned it off (one instance, one event) tells the admins. */
  private async disable(client: webApi.WebClient, alert: Alert, workspaceId: string, reason: string): Promise<void> {
    const { services, clock, logger } = this.options;
    if (!(await services.alerts.disable(workspaceId, alert.id, reason, clock.now()))) return;
    const { admins } = await services.members.list(workspaceId);
    // A workspace whose admins have no role row yet: the person who set the alert up.
    const told = admins.length > 0 ? admins : [alert.createdBySlackUserId];
    for (const userId of told) {
      const chosen = await services.languages.memberChoice(workspaceId, userId).catch(() => null);
      const p = presenterFor(chosen === null ? DEFAULT_LOCALE : LANGUAGE_LOCALES[chosen]);
      const notice = noticeMessage(
        p,
        p.t.notices.alerts.disabledForAdmins(alert.id, mentionChannel(alert.channelId), escapeText(reason)),
      );
      try {
        await client.chat.postMessage({ channel: userId, text: notice.text, blocks: notice.blocks });
      } catch (error) {
        logger.warn(`could not tell ${userId} that alert ${alert.id} is off: ${String(error)}`);
      }
    }
  }
}
