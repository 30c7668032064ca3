// The channel announcements, as a consumer of the outbox: a won deal, a sales quote or a sales order is
// announced in the channel it was made in, once, from whichever instance claims the event. Slack's rate
// limit waits for its Retry-After; a channel the bot cannot post in (a private one it was not invited
// to, an archived or deleted one) is not retried: the person who made the change is told once, by DM.
import { type Logger, webApi } from '@slack/bolt';
import { dec } from '../domain/decimal.ts';
import { LANGUAGE_LOCALES } from '../i18n/catalogue.ts';
import { DEFAULT_LOCALE } from '../i18n/locale.ts';
import { channelPresenter, type Presenter, presenterFor } from '../i18n/presenter.ts';
import { type EventConsumer, PermanentDeliveryError } from '../jobs/outbox-dispatcher.ts';
import { RetryLaterError } from '../jobs/digest-scheduler.ts';
import type { Services } from '../services/index.ts';
import { ANNOUNCED_KINDS, CONSUMERS, type OutboxEvent } from '../services/outbox.ts';
import { type Message, orderAnnouncement, quoteAnnouncement, wonAnnouncement } from './blocks/index.ts';
import { noticeMessage } from './blocks/replies.ts';

/** Slack's answers that no retry can change. */
export const CHANNEL_GONE: ReadonlySet<string> = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'restricted_action',
  'restricted_action_read_only_channel',
  'team_access_not_granted',
]);

export interface AnnouncerOptions {
  services: Services;
  /** The Web API client for a workspace (background: rate limits come back as errors). */
  clientFor(workspaceId: string): Promise<webApi.WebClient>;
  logger: Logger;
}

export class SlackAnnouncer implements EventConsumer {
  readonly name = CONSUMERS.announcements;

  constructor(private readonly options: AnnouncerOptions) {}

  async deliver(event: OutboxEvent): Promise<void> {
    // Only won deals, quotes and orders are announced: any other kind is delivered by posting nothing.
    if (!ANNOUNCED_KINDS.has(event.kind)) return;
    if (!event.channelId) throw new PermanentDeliveryError('no channel to announce in');
    const settings = await this.options.services.setup.workspaceSettings(event.workspaceId);
    const { language } = await this.options.services.languages.channelLanguage(event.workspaceId, event.channelId);
    const p = channelPresenter(language);
    const message = announcementOf(p, event, settings.currency);
    if (!message) return;
    const client = await this.options.clientFor(event.workspaceId);
    try {
      await client.chat.postMessage({
        channel: event.channelId,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === webApi.ErrorCode.RateLimitedError)
        throw new RetryLaterError(Number((error as { retryAfter?: number }).retryAfter ?? 30));
      const slackError = (error as { data?: { error?: string } }).data?.error;
      if (code === webApi.ErrorCode.PlatformError && slackError && CHANNEL_GONE.has(slackError)) {
        await this.tellActor(client, event);
        throw new PermanentDeliveryError(`chat.postMessage: ${slackError}`);
      }
      throw error;
    }
  }

  /** The person who made the change hears why the channel did not (best effort). */
  private async tellActor(client: webApi.WebClient, event: OutboxEvent): Promise<void> {
    // The event does not carry the actor's Slack locale: the language they chose, else the default.
    const chosen = await this.options.services.languages
      .memberChoice(event.workspaceId, event.actorUserId)
      .catch(() => null);
    const p = presenterFor(chosen === null ? DEFAULT_LOCALE : LANGUAGE_LOCALES[chosen]);
    const notice = noticeMessage(p, p.t.system.privateChannel);
    try {
      await client.chat.postMessage({ channel: event.actorUserId, text: notice.text, blocks: notice.blocks });
    } catch (error) {
      this.options.logger.warn(`could not tell ${event.actorUserId} why the announcement failed: ${String(error)}`);
    }
  }
}

/** The announcement of an event, with its amount in the workspace's currency (null: not announced). */
export function announcementOf(p: Presenter, event: OutboxEvent, currency: string): Message | null {
  switch (event.kind) {
    case 'opportunity-won': {
      const { payload } = event;
      return wonAnnouncement(p, event.actorUserId, payload, p.format.money(dec(payload.amount), currency));
    }
    case 'quote-created': {
      const { payload } = event;
      const amount = p.format.money(dec(payload.amount), currency);
      return quoteAnnouncement(p, event.actorUserId, payload.quoteNo, payload, amount);
    }
    case 'order-made': {
      const { payload } = event;
      const amount = p.format.money(dec(payload.amount), currency);
      return orderAnnouncement(p, event.actorUserId, payload.orderNo, payload.no, amount);
    }
    default:
      return null;
  }
}
