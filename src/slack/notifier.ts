// Personal notifications, as the outbox's `notifications` consumer: an event about someone's opportunity
// or task becomes a direct message to each person it concerns (src/domain/notifications.ts
// recipientsOf), as they chose: at once (held while their quiet hours last: the delivery is put back
// until they end), a line of their daily summary (held in the database for it), or nothing; nothing
// about an opportunity they muted. Each person's outcome is recorded per event, so a retried delivery
// messages nobody twice. A person Slack says is gone has their notifications turned off, and the
// workspace's admins are told once (a `notifications-disabled` event). Also the summaries themselves,
// and the owners' time zones for the jobs that find what is due.
import { type Logger, webApi } from '@slack/bolt';
import { dateInZone } from '../domain/local-date.ts';
import { categoryOf, quietUntil, recipientsOf } from '../domain/notifications.ts';
import { escapeText, type Markup, mentionUser } from '../i18n/markup.ts';
import { presenterFor } from '../i18n/presenter.ts';
import { RetryLaterError } from '../jobs/digest-scheduler.ts';
import { DeferredDelivery, type EventConsumer } from '../jobs/outbox-dispatcher.ts';
import type { OwnerZones } from '../jobs/task-reminders.ts';
import { WriteCoalescer } from '../jobs/write-coalescer.ts';
import type { Clock } from '../services/clock.ts';
import type { Services } from '../services/index.ts';
import type { NotificationOutcome, RecipientFacts } from '../services/notifications.ts';
import { CONSUMERS, type EventPayload, type OutboxEvent } from '../services/outbox.ts';
import type { Message } from './blocks/kit.ts';
import { notificationLine, notificationMessage, summaryMessage } from './blocks/notifications.ts';
import { noticeMessage } from './blocks/replies.ts';
import { taskReminderMessage } from './blocks/tasks.ts';
import type { UserDirectory } from './user-context.ts';

/** Slack's answers meaning the person cannot be sent a direct message any more: no retry changes them. */
const PERSON_GONE = new Set([
  'user_not_found',
  'account_inactive',
  'cannot_dm_bot',
  'user_disabled',
  'channel_not_found',
  'is_archived',
  'user_not_visible',
]);

export interface NotifierOptions {
  services: Services;
  /** The Web API client for a workspace (background: rate limits come back as errors). */
  clientFor(workspaceId: string): Promise<webApi.WebClient>;
  /** The people's time zones and languages (their chosen language first). */
  users: UserDirectory;
  clock: Clock;
  logger: Logger;
}

type Sent = 'sent' | 'gone';

export class SlackNotifier implements EventConsumer, OwnerZones {
  readonly name = CONSUMERS.notifications;

  constructor(private readonly options: NotifierOptions) {}

  /** A person's Slack time zone (users.info, cached by the directory). */
  async zoneOf(workspaceId: string, slackUserId: string): Promise<string> {
    const client = await this.options.clientFor(workspaceId);
    return (await this.options.users.resolve(client, workspaceId, slackUserId)).timeZone;
  }

  async deliver(event: OutboxEvent): Promise<void> {
    return (await this.prepare([event]))(event);
  }

  /**
   * Reads once what a claimed batch's notifications need: every recipient's facts for every event of
   * the batch, in one statement per workspace (not one per event).
   */
  async prepare(events: readonly OutboxEvent[]): Promise<(event: OutboxEvent) => Promise<void>> {
    const asked = new Map<string, { eventId: number; recipients: string[]; opportunityNo: string | null }[]>();
    for (const event of events) {
      const about = this.about(event);
      if (!about) continue;
      const items = asked.get(event.workspaceId) ?? [];
      items.push({ eventId: event.id, ...about });
      asked.set(event.workspaceId, items);
    }
    const facts = new Map<number, Map<string, RecipientFacts>>();
    await Promise.all(
      [...asked].map(async ([workspaceId, items]) => {
        const read = await this.options.services.notifications.batchRecipientFacts(workspaceId, items);
        for (const [eventId, byRecipient] of read) facts.set(eventId, byRecipient);
      }),
    );
    // The batch's deliveries go side by side: outcomes known while another is being recorded share a statement.
    const { notifications } = this.options.services;
    const outcomes = new WriteCoalescer<NotificationOutcome[]>((lists) => notifications.record(lists.flat()));
    return (event) => {
      if (event.kind === 'notification-summary') return this.deliverSummary(event.workspaceId, event.payload);
      if (event.kind === 'notifications-disabled') return this.tellAdmins(event);
      return this.deliverToRecipients(event, facts.get(event.id) ?? new Map(), (recorded) =>
        recorded.length === 0 ? Promise.resolve() : outcomes.write(recorded),
      );
    };
  }

  /** Who hears of an event by DM, and the opportunity it is about; null when it is no one's notification. */
  private about(event: OutboxEvent): { recipients: string[]; opportunityNo: string | null } | null {
    if (event.kind === 'notification-summary' || event.kind === 'notifications-disabled') return null;
    if (categoryOf(event.kind) === undefined) return null;
    const recipients = recipientsOf({
      kind: event.kind,
      actorUserId: event.actorUserId,
      payload: event.payload as Parameters<typeof recipientsOf>[0]['payload'],
    });
    const no =
      'no' in event.payload ? event.payload.no : (event.payload as { opportunityNo?: string | null }).opportunityNo;
    return { recipients, opportunityNo: typeof no === 'string' ? no : null };
  }

  private async deliverToRecipients(
    event: OutboxEvent,
    facts: ReadonlyMap<string, RecipientFacts>,
    record: (outcomes: NotificationOutcome[]) => Promise<void>,
  ): Promise<void> {
    const category = categoryOf(event.kind);
    const about = this.about(event);
    if (category === undefined || about === null) return;
    const { recipients } = about;
    let heldUntil: Date | null = null;
    const outcomes: NotificationOutcome[] = [];
    const outcome = (recipient: string, what: 'sent' | 'held'): NotificationOutcome => ({
      workspaceId: event.workspaceId,
      eventId: event.id,
      recipient,
      outcome: what,
      at: this.options.clock.now(),
    });
    try {
      for (const recipient of recipients) {
        const person = facts.get(recipient);
        if (!person || person.handled || person.muted) continue;
        const { preferences } = person;
        const mode = preferences.modes[category];
        if (preferences.disabled || mode === 'off') continue;
        if (mode === 'daily') {
          outcomes.push(outcome(recipient, 'held'));
          continue;
        }
        const client = await this.options.clientFor(event.workspaceId);
        const user = await this.options.users.resolve(client, event.workspaceId, recipient, {
          chosenLanguage: person.chosenLanguage,
        });
        const now = this.options.clock.now();
        const until = quietUntil(now, user.timeZone, preferences.quiet);
        if (until !== null) {
          heldUntil = earliest(heldUntil, new Date(until));
          continue;
        }
        const p = presenterFor(user.locale);
        const message =
          event.kind === 'task-due'
            ? taskReminderMessage(p, event.payload, dateInZone(now, user.timeZone))
            : await this.instantMessage(event, recipient, p);
        if (message === null) continue;
        if ((await this.send(client, event.workspaceId, recipient, message)) === 'sent')
          outcomes.push(outcome(recipient, 'sent'));
      }
    } finally {
      // What was sent or held is recorded even when a later recipient failed: a retry skips them.
      await record(outcomes);
    }
    if (heldUntil !== null) throw new DeferredDelivery(heldUntil);
  }

  private async instantMessage(
    event: OutboxEvent,
    recipient: string,
    p: ReturnType<typeof presenterFor>,
  ): Promise<Message | null> {
    const { currency } = await this.options.services.setup.workspaceSettings(event.workspaceId);
    const line = notificationLine(p, event, recipient, currency);
    if (line === null) return null;
    // A deleted opportunity is gone: nothing left to mute.
    const about = 'no' in event.payload && event.kind !== 'opportunity-deleted' ? event.payload.no : undefined;
    return notificationMessage(p, line, about);
  }

  /** One summary: the lines it took, in one message; they are marked sent after it. */
  private async deliverSummary(workspaceId: string, payload: EventPayload<'notification-summary'>): Promise<void> {
    const { notifications, setup } = this.options.services;
    const settings = await notifications.preferences(workspaceId, payload.recipient);
    if (settings.disabled) return;
    const client = await this.options.clientFor(workspaceId);
    const person = await this.options.users.resolve(client, workspaceId, payload.recipient);
    const until = quietUntil(this.options.clock.now(), person.timeZone, settings.quiet);
    if (until !== null) throw new DeferredDelivery(new Date(until));
    const p = presenterFor(person.locale);
    const { currency } = await setup.workspaceSettings(workspaceId);
    const events = await notifications.summaryEvents(workspaceId, payload.notificationIds);
    const lines = events
      .map((event) => notificationLine(p, event, payload.recipient, currency))
      .filter((line): line is Markup => line !== null);
    if (
      lines.length > 0 &&
      (await this.send(client, workspaceId, payload.recipient, summaryMessage(p, lines))) === 'gone'
    )
      return;
    await notifications.summarySent(workspaceId, payload.notificationIds);
  }

  /** Each admin hears once that a person's notifications were turned off (recorded per admin). */
  private async tellAdmins(event: Extract<OutboxEvent, { kind: 'notifications-disabled' }>): Promise<void> {
    const { members, notifications } = this.options.services;
    const { admins } = await members.list(event.workspaceId);
    const client = await this.options.clientFor(event.workspaceId);
    for (const admin of admins) {
      if (admin === event.payload.person || (await notifications.handled(event.id, admin))) continue;
      const person = await this.options.users.resolve(client, event.workspaceId, admin);
      const p = presenterFor(person.locale);
      const text = p.t.notify.personGone(mentionUser(event.payload.person), escapeText(event.payload.reason));
      const outcome = await this.post(client, admin, noticeMessage(p, text)).catch((error: unknown) => {
        if (goneReason(error) !== null) return 'gone' as const;
        throw error;
      });
      if (outcome === 'sent')
        await notifications.record([
          {
            workspaceId: event.workspaceId,
            eventId: event.id,
            recipient: admin,
            outcome,
            at: this.options.clock.now(),
          },
        ]);
    }
  }

  /** Posts a DM; a person who is gone has their notifications turned off (the admins are told once). */
  private async send(client: webApi.WebClient, workspaceId: string, person: string, message: Message): Promise<Sent> {
    try {
      return await this.post(client, person, message);
    } catch (error) {
      const reason = goneReason(error);
      if (reason === null) throw error;
      this.options.logger.warn(`notifications of ${person} turned off: Slack said ${reason}`);
      await this.options.services.notifications.disable(workspaceId, person, reason);
      return 'gone';
    }
  }

  private async post(client: webApi.WebClient, channel: string, message: Message): Promise<Sent> {
    try {
      await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, unfurl_links: false });
      return 'sent';
    } catch (error) {
      if ((error as { code?: string }).code === webApi.ErrorCode.RateLimitedError)
        throw new RetryLaterError(Number((error as { retryAfter?: number }).retryAfter ?? 30));
      throw error;
    }
  }
}

/** Slack's error when it means the person is gone, else null. */
function goneReason(error: unknown): string | null {
  const code = (error as { code?: string }).code;
  const slackError = (error as { data?: { error?: string } }).data?.error;
  return code === webApi.ErrorCode.PlatformError && slackError && PERSON_GONE.has(slackError) ? slackError : null;
}

function earliest(a: Date | null, b: Date): Date {
  return a === null || b.getTime() < a.getTime() ? b : a;
}
