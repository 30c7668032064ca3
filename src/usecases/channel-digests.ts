// A digest for a channel, as the scheduler posts it (scheduled, or asked for with /opp digest and
// authorised then): what the pipeline looks like for the run's scope, and what changed since the
// channel's previous digest. No one acts at posting time, so there is nothing to check here: the
// context comes from the run (its workspace, channel and time zone; the surface "scheduler").
import { dateInZone } from '../domain/local-date.ts';
import type { Digest } from '../services/digest-types.ts';
import type { Services } from '../services/index.ts';
import type { RequestContext } from './context.ts';

/** What a digest run says about itself (src/jobs/digest-scheduler.ts's job). */
export interface DigestRunScope {
  workspaceId: string;
  channelId: string;
  salesCycleCode: string | null;
  salespersonSlackUserId: string | null;
  timeZone: string;
  scheduledFor: Date;
}

/**
 * The context of a digest run: the scheduler acts for no member (a use case that asks for one is a
 * mistake, and says so), in the run's time zone, on the day the run was scheduled for.
 */
export function scheduledContext(run: DigestRunScope, now: Date, locale: string): RequestContext {
  const noMember = () => Promise.reject(new Error('a scheduled digest acts for no member'));
  return {
    workspaceId: run.workspaceId,
    actor: { userId: 'scheduler', displayName: 'scheduler' },
    member: noMember,
    knowMember: () => undefined,
    knownMember: () => undefined,
    now,
    today: dateInZone(run.scheduledFor, run.timeZone),
    timeZone: run.timeZone,
    locale,
    surface: 'scheduler',
    channelId: run.channelId,
  };
}

export class ChannelDigestUseCases {
  constructor(private readonly services: Pick<Services, 'digests' | 'subscriptions' | 'languages'>) {}

  /** The language a channel's digest is written in: the channel's, else the workspace's, else English. */
  async language(ctx: RequestContext) {
    return (await this.services.languages.channelLanguage(ctx.workspaceId, ctx.channelId ?? '')).language;
  }

  /**
   * The digest of the run's scope, and the moment the pipeline was read: the next digest's "what
   * changed" starts there, not when this one was posted (changes made while its parts were being
   * posted would otherwise be in neither).
   */
  async build(
    ctx: RequestContext,
    scope: Pick<DigestRunScope, 'salesCycleCode' | 'salespersonSlackUserId'>,
  ): Promise<{ digest: Digest; readAt: Date }> {
    const channelId = ctx.channelId ?? '';
    const changesSince = await this.services.subscriptions.lastDigestAt(ctx.workspaceId, channelId);
    const readAt = ctx.now;
    const digest = await this.services.digests.build({
      workspaceId: ctx.workspaceId,
      salesCycleCode: scope.salesCycleCode ?? undefined,
      salespersonSlackUserId: scope.salespersonSlackUserId ?? undefined,
      today: ctx.today,
      changesSince,
    });
    return { digest, readAt };
  }

  /** Every part was posted: the channel's next digest tells what changed from `readAt` on. */
  async posted(ctx: RequestContext, readAt: Date): Promise<void> {
    await this.services.subscriptions.recordDigest(ctx.workspaceId, ctx.channelId ?? '', readAt);
  }
}
