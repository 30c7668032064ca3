// What every listener shares: its dependencies, how it replies, and how a failure becomes a sentence.
import type { Markup } from '../../i18n/markup.ts';
import type { Presenter } from '../../i18n/presenter.ts';
import type { Logger, RespondFn, webApi } from '@slack/bolt';
import type { DigestScheduler } from '../../jobs/digest-scheduler.ts';
import type { Clock } from '../../services/clock.ts';
import type { Services } from '../../services/index.ts';
import type { UseCases } from '../../usecases/index.ts';
import type { OpportunityView } from '../../usecases/opportunities.ts';
import { errorMessage, type Message, opportunityCard } from '../blocks/index.ts';
import { describeFailure, isExpectedFailure } from '../errors.ts';
import type { AfterAckQueue } from '../after-ack.ts';
import type { UserDirectory } from '../user-context.ts';
import { slackFetch } from '../http-fetch.ts';

export type WebClient = webApi.WebClient;

export interface SlackDeps {
  services: Services;
  /** What every request runs: permissions, the change, its events (src/usecases). */
  useCases: UseCases;
  clock: Clock;
  users: UserDirectory;
  /** Posts on-demand digests through the same runs as scheduled ones. */
  scheduler: DigestScheduler;
  /** How long a modal submission may take before its ack pushes a progress view instead. */
  submitFastPathMs: number;
  /** Where work after an ack waits for its turn (replies, cards), so that acks come first. */
  afterAck: AfterAckQueue;
}

/** Where an interaction came from, so its result can replace the card the user clicked. */
export interface Origin {
  channelId?: string | undefined;
  messageTs?: string | undefined;
  isEphemeral?: boolean | undefined;
  responseUrl?: string | undefined;
}

/** An opportunity's card, with the offers its use case decided for whoever will read it. */
export function cardOf(p: Presenter, view: OpportunityView): Message {
  return opportunityCard(p, view.detail, { currency: view.currency, offers: view.offers, replaced: view.replaced });
}

/** Logs what a user didn't cause, and returns the sentence the user should read. */
export function sentenceFor(p: Presenter, error: unknown, logger: Logger): Markup {
  const failure = describeFailure(p, error);
  if (!isExpectedFailure(error)) logger.error(error);
  return failure.sentence;
}

/** Replies only the person sees, through response_url; falls back to an ephemeral post. */
export async function replyPrivately(
  message: Message,
  target: {
    respond?: RespondFn | undefined;
    client: WebClient;
    channelId?: string | undefined;
    userId: string;
    logger: Logger;
  },
): Promise<void> {
  if (target.respond) {
    try {
      await target.respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: message.text,
        blocks: message.blocks,
      });
      return;
    } catch (error) {
      target.logger.warn(`response_url reply failed, posting instead: ${String(error)}`);
    }
  }
  await postPrivately(target.client, target.channelId, target.userId, message, target.logger);
}

/** An ephemeral message in the channel, or, where that is not possible, a message in the app's DM. */
export async function postPrivately(
  client: WebClient,
  channelId: string | undefined,
  userId: string,
  message: Message,
  logger: Logger,
): Promise<void> {
  if (channelId) {
    try {
      await client.chat.postEphemeral({ channel: channelId, user: userId, text: message.text, blocks: message.blocks });
      return;
    } catch (error) {
      logger.warn(`ephemeral post failed, sending a direct message instead: ${String(error)}`);
    }
  }
  try {
    await client.chat.postMessage({ channel: userId, text: message.text, blocks: message.blocks });
  } catch (error) {
    logger.error(`could not reach user ${userId}: ${String(error)}`);
  }
}

/** Replaces the message a button was clicked on (chat.update, or response_url for ephemeral ones). */
export async function replaceOrigin(
  client: WebClient,
  origin: Origin,
  message: Message,
  logger: Logger,
  respond?: RespondFn,
): Promise<boolean> {
  if (origin.isEphemeral || !origin.messageTs) {
    if (respond) {
      try {
        await respond({ replace_original: true, text: message.text, blocks: message.blocks });
        return true;
      } catch (error) {
        logger.warn(`could not replace the ephemeral message: ${String(error)}`);
      }
    }
    return false;
  }
  if (!origin.channelId) return false;
  try {
    await client.chat.update({
      channel: origin.channelId,
      ts: origin.messageTs,
      text: message.text,
      blocks: message.blocks,
    });
    return true;
  } catch (error) {
    logger.warn(`chat.update failed: ${String(error)}`);
    return false;
  }
}

/**
 * Replaces an ephemeral message through the response_url Slack gave with a click on it (valid for 30
 * minutes and 5 uses): what a later request, such as a form's submission, has instead of `respond`.
 */
export async function replaceThroughResponseUrl(url: string, message: Message, logger: Logger): Promise<boolean> {
  try {
    const response = await slackFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ replace_original: true, text: message.text, blocks: message.blocks }),
      signal: AbortSignal.timeout(5_000),
    });
    if (response.ok) return true;
    logger.warn(`response_url answered ${response.status}: the card is posted again instead`);
  } catch (error) {
    logger.warn(`could not replace the card through its response_url: ${String(error)}`);
  }
  return false;
}

export function failureMessage(p: Presenter, error: unknown, logger: Logger): Message {
  return errorMessage(p, sentenceFor(p, error, logger));
}
