// The task reminders, as a consumer of the outbox: a `task-due` event becomes a direct message to the
// task's owner, in their language, with Done and Postpone buttons. Claimed once across instances by the
// dispatcher; a rate limit waits for Slack's Retry-After, other failures are retried with backoff.
import { webApi } from '@slack/bolt';
import { dateInZone } from '../domain/local-date.ts';
import { presenterFor } from '../i18n/presenter.ts';
import { RetryLaterError } from '../jobs/digest-scheduler.ts';
import type { OwnerZones } from '../jobs/task-reminders.ts';
import type { EventConsumer } from '../jobs/outbox-dispatcher.ts';
import type { Clock } from '../services/clock.ts';
import { CONSUMERS, type OutboxEvent } from '../services/outbox.ts';
import { taskReminderMessage } from './blocks/tasks.ts';
import type { UserDirectory } from './user-context.ts';

export interface TaskReminderOptions {
  clientFor(workspaceId: string): Promise<webApi.WebClient>;
  users: UserDirectory;
  clock: Clock;
}

export class SlackTaskReminders implements EventConsumer, OwnerZones {
  readonly name = CONSUMERS.reminders;

  constructor(private readonly options: TaskReminderOptions) {}

  /** The owner's Slack time zone (users.info, cached by the directory). */
  async zoneOf(workspaceId: string, slackUserId: string): Promise<string> {
    const client = await this.options.clientFor(workspaceId);
    return (await this.options.users.resolve(client, workspaceId, slackUserId)).timeZone;
  }

  async deliver(event: OutboxEvent): Promise<void> {
    // Only due tasks are this consumer's: anything else is delivered by sending nothing.
    if (event.kind !== 'task-due') return;
    const client = await this.options.clientFor(event.workspaceId);
    const owner = await this.options.users.resolve(client, event.workspaceId, event.payload.owner);
    const p = presenterFor(owner.locale);
    const message = taskReminderMessage(p, event.payload, dateInZone(this.options.clock.now(), owner.timeZone));
    try {
      await client.chat.postMessage({ channel: event.payload.owner, text: message.text, blocks: message.blocks });
    } catch (error) {
      if ((error as { code?: string }).code === webApi.ErrorCode.RateLimitedError)
        throw new RetryLaterError(Number((error as { retryAfter?: number }).retryAfter ?? 30));
      throw error;
    }
  }
}
