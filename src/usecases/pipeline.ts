// The managers' view of the pipeline: digests now and on a schedule, statistics, exports.
import type { Services } from '../services/index.ts';
import type { OpportunityFilter } from '../services/opportunity-queries.ts';
import type { RequestContext } from './context.ts';
import { type Guard, readableFilter } from './guard.ts';

/** How a digest gets posted: the scheduler's runs (src/jobs/digest-scheduler.ts), shared by both kinds. */
export interface DigestPosting {
  enqueueNow(
    workspaceId: string,
    channelId: string,
    scope: { salesCycleCode: string | null; salespersonSlackUserId: string | null; timeZone: string },
  ): Promise<number>;
  postNow(runId: number): Promise<'posted' | 'retried' | 'failed' | 'busy'>;
}

/** Why a digest asked for now was not posted at once (it is retried later). */
export type DigestDelay = 'private-channel' | 'rate-limited' | 'slack-unavailable';

/** The most an export carries (the first by number). */
export const EXPORT_MAX = 100_000;
/** How many rows an export reads at a time: all it holds in memory (its file is written page by page). */
export const EXPORT_PAGE_SIZE = 1_000;

export class PipelineUseCases {
  constructor(
    private readonly services: Services,
    private readonly guard: Guard,
    private readonly digests: DigestPosting,
    private readonly exportPageSize = EXPORT_PAGE_SIZE,
  ) {}

  /** Posts a digest to `channelId` now, through a digest run (retried later if Slack is busy). */
  async postDigest(
    ctx: RequestContext,
    input: { channelId: string; cycle?: string | undefined; ownerId?: string | undefined },
  ): Promise<{ posted: true } | { posted: false; reason: DigestDelay }> {
    await this.guard.require(ctx, 'post-digest');
    // A wrong cycle is the user's mistake: say so now rather than in a failed background run.
    if (input.cycle) await this.services.setup.getSalesCycle(ctx.workspaceId, input.cycle);
    const runId = await this.digests.enqueueNow(ctx.workspaceId, input.channelId, {
      salesCycleCode: input.cycle ?? null,
      salespersonSlackUserId: input.ownerId ?? null,
      timeZone: ctx.timeZone,
    });
    if ((await this.digests.postNow(runId)) === 'posted') return { posted: true };
    const run = await this.services.subscriptions.runStatus(runId);
    const error = run?.lastError ?? '';
    const reason: DigestDelay = /channel_not_found|not_in_channel|is_archived/.test(error)
      ? 'private-channel'
      : /rate limited/.test(error)
        ? 'rate-limited'
        : 'slack-unavailable';
    return { posted: false, reason };
  }

  async opportunityStatistics(ctx: RequestContext, no: string) {
    await this.guard.require(ctx, 'read-opportunity', { opportunityNo: no });
    const [statistics, settings] = await Promise.all([
      this.services.statistics.opportunity(ctx.workspaceId, no),
      this.services.setup.workspaceSettings(ctx.workspaceId),
    ]);
    return { statistics, currency: settings.currency };
  }

  async cycleStatistics(ctx: RequestContext, cycle: string) {
    await this.guard.require(ctx, 'read-pipeline');
    const [analysis, totals, settings] = await Promise.all([
      this.services.statistics.cycleAnalysis(ctx.workspaceId, cycle),
      this.services.statistics.salesCycle(ctx.workspaceId, cycle),
      this.services.setup.workspaceSettings(ctx.workspaceId),
    ]);
    return { analysis, totals, currency: settings.currency };
  }

  /**
   * The rows of an export: what the reader may see of the filtered list, with current figures, in pages
   * read as they are consumed (at most EXPORT_MAX rows, by number). Without a scope typed
   * (`ownScopeByDefault`), a rep exports their own opportunities and a manager or an admin the whole pipeline.
   */
  async exportRows(
    ctx: RequestContext,
    input: { filter: OpportunityFilter & { contact?: string | undefined }; ownScopeByDefault?: boolean },
  ) {
    const access = await ctx.member();
    const { contact, ...rest } = input.filter;
    const filter: OpportunityFilter = { ...rest, ...readableFilter(access) };
    if (input.ownScopeByDefault && access.role === 'rep') filter.salespersonSlackUserId = ctx.actor.userId;
    if (contact) filter.contactNo = (await this.services.setup.findContact(ctx.workspaceId, contact)).no;
    const settings = await this.services.setup.workspaceSettings(ctx.workspaceId);
    // Keyset pages (each starts after the last number read), so the whole list is never in memory.
    const pages = this.services.queries.pages(ctx.workspaceId, filter, {
      pageSize: this.exportPageSize,
      max: EXPORT_MAX,
    });
    return { pages, currency: settings.currency };
  }

  async subscribe(
    ctx: RequestContext,
    input: Omit<Parameters<Services['subscriptions']['subscribe']>[1], 'createdBySlackUserId' | 'timeZone'> & {
      timeZone?: string | undefined;
    },
  ) {
    await this.guard.require(ctx, 'manage-subscriptions');
    return this.services.subscriptions.subscribe(
      ctx.workspaceId,
      { ...input, timeZone: input.timeZone ?? ctx.timeZone, createdBySlackUserId: ctx.actor.userId },
      ctx.now,
    );
  }

  async unsubscribe(ctx: RequestContext, channelId: string): Promise<boolean> {
    await this.guard.require(ctx, 'manage-subscriptions');
    return this.services.subscriptions.unsubscribe(ctx.workspaceId, channelId);
  }

  async subscriptions(ctx: RequestContext) {
    await this.guard.require(ctx, 'manage-subscriptions');
    return this.services.subscriptions.list(ctx.workspaceId);
  }
}
