// What every listener shares: its dependencies, how it replies, and how a failure becomes a sentence.
import { randomBytes } from 'node:crypto';
import type { Logger, RespondFn, webApi } from '@slack/bolt';
import type { PurgeFilterInput } from '../../domain/deletion.ts';
import { availableActions } from '../../domain/opportunity.ts';
import { decide } from '../../domain/permissions.ts';
import type { DigestScheduler } from '../../jobs/digest-scheduler.ts';
import type { Clock } from '../../services/clock.ts';
import type { Services } from '../../services/index.ts';
import type { Access } from '../../services/members.ts';
import type { OpportunityDetail } from '../../services/opportunity-queries.ts';
import { errorMessage, type Message, nextWorksInOneClick, opportunityCard } from '../blocks/index.ts';
import { describeFailure, isExpectedFailure } from '../errors.ts';
import type { AfterAckQueue } from '../after-ack.ts';
import type { UserDirectory } from '../user-context.ts';

export type WebClient = webApi.WebClient;

export interface SlackDeps {
  services: Services;
  clock: Clock;
  users: UserDirectory;
  purges: PurgeConfirmations;
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

/**
 * Renders an opportunity's card with the buttons that make sense now. `reader`: the one person who
 * will see it (a private reply); without buttons when they may not change the opportunity.
 */
export async function cardFor(
  deps: SlackDeps,
  workspaceId: string,
  detail: OpportunityDetail,
  reader?: Access,
): Promise<Message> {
  const settings = await deps.services.setup.workspaceSettings(workspaceId);
  const readOnly =
    reader !== undefined &&
    !decide(reader.role, 'change-opportunity', { isOwner: detail.salesperson.slackUserId === reader.userId }).allowed;
  const moveActions = availableActions({
    status: detail.status,
    stages: detail.cycleStages,
    currentStage: detail.current?.stage ?? null,
  }).filter((action) => action !== 'next' || nextWorksInOneClick(detail));
  return opportunityCard(detail, { currency: settings.currency, moveActions, readOnly });
}

/** Logs what a user didn't cause, and returns the sentence the user should read. */
export function sentenceFor(error: unknown, logger: Logger): string {
  const failure = describeFailure(error);
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

/** A message for the whole channel (won deals, quotes made); falls back to response_url in_channel. */
export async function postToChannel(
  client: WebClient,
  channelId: string | undefined,
  message: Message,
  logger: Logger,
  respond?: RespondFn,
): Promise<void> {
  if (channelId && !channelId.startsWith('D')) {
    try {
      await client.chat.postMessage({
        channel: channelId,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
      });
      return;
    } catch (error) {
      logger.warn(`channel post failed: ${String(error)}`);
    }
  }
  if (respond) {
    try {
      await respond({
        response_type: 'in_channel',
        replace_original: false,
        text: message.text,
        blocks: message.blocks,
      });
    } catch (error) {
      logger.warn(`in_channel reply failed: ${String(error)}`);
    }
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

export function failureMessage(error: unknown, logger: Logger): Message {
  return errorMessage(sentenceFor(error, logger));
}

/**
 * Confirmations of bulk deletions waiting for the user's click: a purge, or deleting the workspace's
 * data. The button carries only a random token; what it confirms stays here (for 15 minutes): for a
 * purge the filter and the exact list shown, so the click deletes what was shown. A token works once,
 * for the person who asked, in their workspace, and only for what it was made for.
 */
const MAX_PENDING_CONFIRMATIONS = 10_000;

export class PurgeConfirmations {
  private readonly pending = new Map<
    string,
    { workspaceId: string; userId: string; what: PendingDeletion; expiresAt: number }
  >();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = 15 * 60_000,
  ) {}

  create(workspaceId: string, userId: string, filter: PurgeFilterInput, nos: string[]): string {
    return this.add(workspaceId, userId, { kind: 'purge', filter, nos });
  }

  createWorkspaceDeletion(workspaceId: string, userId: string): string {
    return this.add(workspaceId, userId, { kind: 'workspace-delete' });
  }

  /** The purge confirmation, once: a second click (or another user, or another workspace) finds nothing. */
  take(token: string, workspaceId: string, userId: string): { filter: PurgeFilterInput; nos: string[] } | undefined {
    const found = this.claim(token, workspaceId, userId, 'purge');
    return found?.kind === 'purge' ? { filter: found.filter, nos: found.nos } : undefined;
  }

  /** True once for a workspace deletion confirmation of this user and workspace. */
  takeWorkspaceDeletion(token: string, workspaceId: string, userId: string): boolean {
    return this.claim(token, workspaceId, userId, 'workspace-delete') !== undefined;
  }

  /** Cancel: only the person who asked can discard their confirmation. */
  discard(token: string, workspaceId: string, userId: string): void {
    const found = this.pending.get(token);
    if (found && found.workspaceId === workspaceId && found.userId === userId) this.pending.delete(token);
  }

  private add(workspaceId: string, userId: string, what: PendingDeletion): string {
    this.sweep();
    // Bounded: past the cap the oldest confirmation is dropped (its button then says it expired).
    if (this.pending.size >= MAX_PENDING_CONFIRMATIONS) this.pending.delete(this.pending.keys().next().value ?? '');
    const token = randomBytes(12).toString('hex');
    this.pending.set(token, { workspaceId, userId, what, expiresAt: this.clock.now().getTime() + this.ttlMs });
    return token;
  }

  private claim(
    token: string,
    workspaceId: string,
    userId: string,
    kind: PendingDeletion['kind'],
  ): PendingDeletion | undefined {
    this.sweep();
    const found = this.pending.get(token);
    if (!found || found.workspaceId !== workspaceId || found.userId !== userId || found.what.kind !== kind)
      return undefined;
    this.pending.delete(token);
    return found.what;
  }

  private sweep(): void {
    const now = this.clock.now().getTime();
    for (const [token, entry] of this.pending) if (entry.expiresAt < now) this.pending.delete(token);
  }
}

type PendingDeletion = { kind: 'purge'; filter: PurgeFilterInput; nos: string[] } | { kind: 'workspace-delete' };
