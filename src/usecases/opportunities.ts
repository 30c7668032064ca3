// The opportunity use cases: each checks who may act (./guard.ts), runs one service operation, and
// returns what happened as data — the opportunity as its reader may see it, with the offers the domain
// decided for them. No Slack here: the adapters render the outcome.
import { type Offer, type OfferInput, offersFor, QUICK_OFFERS } from '../domain/offers.ts';
import type { SalesCycleWithStages, Stage } from '../domain/sales-cycle.ts';
import type { CloseOutcome, MoveAction, Replacement } from '../domain/opportunity.ts';
import type { QuoteLineInput } from '../domain/quote.ts';
import type { Services } from '../services/index.ts';
import type { Access } from '../services/members.ts';
import type {
  OpenPipelineTotals,
  OpportunityDetail,
  OpportunityFilter,
  OpportunitySummary,
  StatusTotals,
} from '../services/opportunity-queries.ts';
import type {
  CloseRequest,
  CreateOpportunityInput,
  EditRequest,
  MakeOrderRequest,
  MoveOptions,
  MoveRequest,
  NoteRequest,
  PurgePreview,
} from '../services/opportunities.ts';
import { searchWords } from '../domain/search.ts';
import type { EventOrigin, RecordedEvent } from '../services/outbox.ts';
import type { PurgeFilterInput } from '../domain/deletion.ts';
import { decide, type HomeScope, homeScopeOf } from '../domain/permissions.ts';
import { DomainError } from '../domain/problems.ts';
import type { QuoteView } from '../services/quotes.ts';
import type { RequestContext } from './context.ts';
import { type Guard, readableFilter } from './guard.ts';

/**
 * An opportunity as one reader sees it: its figures, the workspace's currency, what they may do, and —
 * after a change — the events the change recorded (what changed, from what to what; empty for a read).
 */
export interface OpportunityView {
  detail: OpportunityDetail;
  currency: string;
  offers: Offer[];
  events: readonly RecordedEvent[];
  /** What the change put in place of a value nobody typed (a move's stage defaults, a quote's amount). */
  replaced: readonly Replacement[];
}

/**
 * What a change asks for: the service's request without what the context gives (today, who and where).
 * A rep may only name themselves as the salesperson of a new opportunity.
 */
type FromContext = 'today' | 'origin';
export type CreateInput = Omit<CreateOpportunityInput, FromContext>;
export type MoveInput = { no: string } & Omit<MoveRequest, FromContext>;
export type CloseInput = { no: string } & Omit<CloseRequest, FromContext>;
export type EditInput = { no: string } & Omit<EditRequest, FromContext>;
export type NoteInput = { no: string } & Omit<NoteRequest, FromContext>;

export interface FindInput {
  /** The words as typed. */
  text: string;
  offset?: number | undefined;
  limit?: number | undefined;
}

/** One page of a search: the opportunities found, best first, and how many there are in all. */
export interface FindResult {
  text: string;
  items: OpportunitySummary[];
  total: number;
  offset: number;
  currency: string;
}

/** A name where a number was expected: the one opportunity it names, or the candidates. */
export type Lookup = { kind: 'one'; view: OpportunityView } | { kind: 'several'; found: FindResult };

/** A search page holds this many opportunities (each row is a section with a Show button). */
export const FIND_PAGE_SIZE = 10;

/** What a quote's reader may do with it. */
export type QuoteOffer = 'editQuote' | 'replaceQuote';
/** How Make Order closes an open opportunity as Won first (the other values are the quote's). */
export type OrderCloseInput = Pick<
  MakeOrderRequest,
  'closeCode' | 'closingDate' | 'cancelOldTasks' | 'expectedVersion'
>;

export interface ListInput {
  filter: Omit<OpportunityFilter, 'readableBySalesperson' | 'contactNo'> & {
    /** A contact or company as typed (number or name); resolved to its number. */
    contact?: string | undefined;
  };
  limit: number;
  /** How many to skip (a later page). */
  offset?: number | undefined;
}

export interface PurgeInput {
  filter: Omit<PurgeFilterInput, 'contactNo'> & { contact?: string | undefined };
}

/** A Home page reads at most this many opportunities (its builder shows as many as fit its blocks). */
export const HOME_PAGE_SIZE = 40;

export interface HomeInput {
  /** How many open opportunities (in Home's order) come before this page. */
  offset?: number | undefined;
  limit?: number | undefined;
}

export interface HomePage {
  scope: HomeScope;
  /** This page's open opportunities, in Home's order. */
  opportunities: OpportunitySummary[];
  offset: number;
  /** Open opportunities in all, over every page. */
  total: number;
  /** The whole open pipeline's figures (every page), by stage and by salesperson. */
  totals: OpenPipelineTotals;
  cycles: SalesCycleWithStages[];
  currency: string;
  offers: ReadonlyMap<string, readonly Offer[]>;
}

export class OpportunityUseCases {
  constructor(
    private readonly services: Services,
    private readonly guard: Guard,
  ) {}

  /** Who acts and where: a change the channel should hear about is announced there (src/services/outbox.ts). */
  private origin(ctx: RequestContext): EventOrigin {
    return { actorUserId: ctx.actor.userId, channelId: ctx.channelId };
  }

  /**
   * The opportunity as `reader` sees it; without a reader (a message the whole channel sees) every
   * possible offer, each click being checked again for whoever makes it.
   */
  private async view(
    ctx: RequestContext,
    detail: OpportunityDetail & { events?: readonly RecordedEvent[]; replaced?: readonly Replacement[] },
    reader?: Access,
  ): Promise<OpportunityView> {
    const settings = await this.services.setup.workspaceSettings(ctx.workspaceId);
    const { events = [], replaced = [], ...opportunity } = detail;
    return {
      detail: opportunity,
      currency: settings.currency,
      offers: offersFor(offerInput(opportunity, opportunity.cycleStages, reader)),
      events,
      replaced,
    };
  }

  async create(ctx: RequestContext, input: CreateInput): Promise<OpportunityView> {
    await this.guard.require(ctx, 'create-opportunity', { salespersonId: input.salesperson.slackUserId });
    const detail = await this.services.opportunities.create(ctx.workspaceId, {
      ...input,
      today: ctx.today,
      origin: this.origin(ctx),
    });
    return this.view(ctx, detail);
  }

  async show(ctx: RequestContext, no: string): Promise<OpportunityView> {
    const reader = await this.guard.require(ctx, 'read-opportunity', { opportunityNo: no });
    return this.view(ctx, await this.services.queries.get(ctx.workspaceId, no), reader);
  }

  /** The opportunities this reader may see that match the filter; reps see only their own when the workspace says so. */
  async list(
    ctx: RequestContext,
    input: ListInput,
  ): Promise<{
    items: OpportunitySummary[];
    total: number;
    totals: StatusTotals[];
    currency: string;
    onlyOwn: boolean;
  }> {
    const access = await ctx.member();
    const { contact, ...rest } = input.filter;
    const readable = readableFilter(access);
    const filter: OpportunityFilter = { ...rest, ...readable };
    if (contact) filter.contactNo = (await this.services.setup.findContact(ctx.workspaceId, contact)).no;
    const [{ items, total }, totals, settings] = await Promise.all([
      this.services.queries.list(ctx.workspaceId, filter, input.limit, input.offset ?? 0),
      this.services.queries.totalsByStatus(ctx.workspaceId, filter),
      this.services.setup.workspaceSettings(ctx.workspaceId),
    ]);
    // A rep who reads only their own sees only theirs, whatever they asked for: the heading says so.
    return {
      items,
      total,
      totals,
      currency: settings.currency,
      onlyOwn: readable.readableBySalesperson !== undefined,
    };
  }

  /**
   * App Home: a manager's or admin's shows the team's open pipeline (totals by stage and by salesperson),
   * a rep's their own (whatever the workspace lets reps read); one page of open opportunities in Home's
   * order from `offset`, the cycles they run in, and each one's quick actions.
   */
  async home(ctx: RequestContext, input: HomeInput = {}): Promise<HomePage> {
    const { setup, queries } = this.services;
    const reader = await ctx.member();
    const scope = homeScopeOf(reader.role);
    const filter =
      scope === 'team'
        ? readableFilter(reader)
        : { salespersonSlackUserId: ctx.actor.userId, ...readableFilter(reader) };
    const limit = Math.min(Math.max(input.limit ?? HOME_PAGE_SIZE, 1), HOME_PAGE_SIZE);
    const wanted = Math.max(0, Math.floor(input.offset ?? 0));
    const [settings, cycles, totals, firstTry] = await Promise.all([
      setup.workspaceSettings(ctx.workspaceId),
      setup.listSalesCyclesWithStages(ctx.workspaceId),
      queries.openTotals(ctx.workspaceId, filter),
      queries.openByStage(ctx.workspaceId, filter, limit, wanted),
    ]);
    // A page beyond the end (the pipeline shrank since the button was drawn): the first page instead.
    const offset = firstTry.items.length === 0 && wanted > 0 ? 0 : wanted;
    const open = offset === wanted ? firstTry : await queries.openByStage(ctx.workspaceId, filter, limit, 0);
    return {
      scope,
      opportunities: open.items,
      offset,
      total: open.total,
      totals,
      cycles,
      currency: settings.currency,
      offers: homeOffers(open.items, cycles, reader),
    };
  }

  async activate(ctx: RequestContext, no: string): Promise<OpportunityView> {
    await this.guard.require(ctx, 'change-opportunity', { opportunityNo: no });
    const detail = await this.services.opportunities.activateFirstStage(
      ctx.workspaceId,
      no,
      ctx.today,
      undefined,
      this.origin(ctx),
    );
    return this.view(ctx, detail);
  }

  async move(ctx: RequestContext, input: MoveInput): Promise<OpportunityView> {
    await this.guard.require(ctx, 'change-opportunity', { opportunityNo: input.no });
    const { no, ...request } = input;
    const detail = await this.services.opportunities.move(ctx.workspaceId, no, {
      ...request,
      today: ctx.today,
      origin: this.origin(ctx),
    });
    return this.view(ctx, detail);
  }

  /**
   * The opportunity as the channel sees it right after the actor changed it (a form's result, read after
   * the ack), with what the change replaced.
   */
  async afterChange(ctx: RequestContext, no: string, replaced: readonly Replacement[] = []): Promise<OpportunityView> {
    await this.guard.require(ctx, 'change-opportunity', { opportunityNo: no });
    return this.view(ctx, { ...(await this.services.queries.get(ctx.workspaceId, no)), replaced });
  }

  /**
   * The same move, answering only the opportunity's number and the events it recorded: a form's ack
   * waits for the save alone (the card is read after it, with afterChange).
   */
  async recordMove(
    ctx: RequestContext,
    input: MoveInput,
  ): Promise<{ no: string; events: readonly RecordedEvent[]; replaced: readonly Replacement[] }> {
    // A rep's check reads the salesperson while the move reads the opportunity (one round trip less
    // before a form's ack): the move writes nothing until the check has passed, and a refusal is the answer.
    const allowed = this.guard.require(ctx, 'change-opportunity', { opportunityNo: input.no });
    const { no, ...request } = input;
    return this.services.opportunities.recordMoveWithEvents(
      ctx.workspaceId,
      no,
      { ...request, today: ctx.today, origin: this.origin(ctx) },
      allowed,
    );
  }

  async close(ctx: RequestContext, input: CloseInput): Promise<OpportunityView> {
    await this.guard.require(ctx, 'change-opportunity', { opportunityNo: input.no });
    const { no, ...request } = input;
    const detail = await this.services.opportunities.close(ctx.workspaceId, no, {
      ...request,
      today: ctx.today,
      origin: this.origin(ctx),
    });
    return this.view(ctx, detail);
  }

  async createQuote(
    ctx: RequestContext,
    input: { no: string; lines: QuoteLineInput[]; expectedVersion?: number | undefined },
  ): Promise<OpportunityView> {
    await this.guard.require(ctx, 'change-opportunity', { opportunityNo: input.no });
    const detail = await this.services.opportunities.createQuote(
      ctx.workspaceId,
      input.no,
      input.lines,
      ctx.today,
      input.expectedVersion,
      this.origin(ctx),
    );
    return this.view(ctx, detail);
  }

  /** The linked quote with its lines, and what its reader may do with it (edit its lines, replace it). */
  async viewQuote(
    ctx: RequestContext,
    no: string,
  ): Promise<{ quote: QuoteView; currency: string; offers: QuoteOffer[] }> {
    const reader = await this.guard.require(ctx, 'read-opportunity', { opportunityNo: no });
    const [quote, detail, settings] = await Promise.all([
      this.services.quotes.linkedTo(ctx.workspaceId, no),
      this.services.queries.get(ctx.workspaceId, no),
      this.services.setup.workspaceSettings(ctx.workspaceId),
    ]);
    const mayChange = decide(reader.role, 'change-opportunity', {
      isOwner: detail.salesperson.slackUserId === reader.userId,
    }).allowed;
    const offers: QuoteOffer[] = !mayChange
      ? []
      : detail.status === 'in_progress'
        ? ['editQuote', 'replaceQuote']
        : ['editQuote'];
    return { quote, currency: settings.currency, offers };
  }

  /** The Edit Quote form: the quote's lines, the opportunity's version and the currency. */
  async editQuoteForm(
    ctx: RequestContext,
    no: string,
  ): Promise<{ no: string; version: number; currency: string; quote: QuoteView }> {
    const { detail, currency, quote } = await this.linkedQuoteForm(ctx, no);
    return { no: detail.no, version: detail.version, currency, quote };
  }

  /** What both quote forms start from: the change is allowed, the opportunity, its quote and the currency. */
  private async linkedQuoteForm(ctx: RequestContext, no: string) {
    await this.guard.require(ctx, 'change-opportunity', { opportunityNo: no });
    const [quote, detail, settings] = await Promise.all([
      this.services.quotes.linkedTo(ctx.workspaceId, no),
      this.services.queries.get(ctx.workspaceId, no),
      this.services.setup.workspaceSettings(ctx.workspaceId),
    ]);
    return { detail, currency: settings.currency, quote };
  }

  /** The Replace Quote form: only while In Progress (its quote then loses the link). */
  async replaceQuoteForm(
    ctx: RequestContext,
    no: string,
  ): Promise<{ no: string; version: number; currency: string; quoteNo: string }> {
    // One read of the opportunity serves the check and the form.
    const { detail, currency, quote } = await this.linkedQuoteForm(ctx, no);
    if (detail.status !== 'in_progress')
      throw new DomainError({
        kind: 'quote-replace-needs-in-progress',
        opportunityNo: detail.no,
        status: detail.status,
      });
    return { no: detail.no, version: detail.version, currency, quoteNo: quote.no };
  }

  /** New lines for the linked quote (before the order). */
  async editQuote(
    ctx: RequestContext,
    input: { no: string; lines: QuoteLineInput[]; expectedVersion?: number | undefined },
  ): Promise<OpportunityView> {
    await this.guard.require(ctx, 'change-opportunity', { opportunityNo: input.no });
    const detail = await this.services.opportunities.editQuote(
      ctx.workspaceId,
      input.no,
      input.lines,
      input.expectedVersion,
      this.origin(ctx),
    );
    return this.view(ctx, detail);
  }

  /** A new quote linked in place of the old one (which keeps its lines, unlinked). */
  async replaceQuote(
    ctx: RequestContext,
    input: { no: string; lines: QuoteLineInput[]; expectedVersion?: number | undefined },
  ): Promise<OpportunityView> {
    await this.guard.require(ctx, 'change-opportunity', { opportunityNo: input.no });
    const detail = await this.services.opportunities.replaceQuote(
      ctx.workspaceId,
      input.no,
      input.lines,
      ctx.today,
      input.expectedVersion,
      this.origin(ctx),
    );
    return this.view(ctx, detail);
  }

  /** Makes the order; an open opportunity is closed as Won first, with `close` (the Close form's values). */
  async makeOrder(ctx: RequestContext, no: string, close: OrderCloseInput = {}): Promise<OpportunityView> {
    await this.guard.require(ctx, 'change-opportunity', { opportunityNo: no });
    const detail = await this.services.opportunities.makeOrder(ctx.workspaceId, no, {
      ...close,
      today: ctx.today,
      origin: this.origin(ctx),
    });
    return this.view(ctx, detail);
  }

  async delete(
    ctx: RequestContext,
    no: string,
  ): Promise<{ no: string; description: string; events: readonly RecordedEvent[] }> {
    await this.guard.require(ctx, 'change-opportunity', { opportunityNo: no });
    return this.services.opportunities.delete(ctx.workspaceId, no, this.origin(ctx));
  }

  /** What a purge would delete; the confirmation then deletes exactly these (see `purge`). */
  async purgePreview(ctx: RequestContext, input: PurgeInput): Promise<PurgePreview> {
    await this.guard.require(ctx, 'purge');
    const { contact, ...rest } = input.filter;
    const contactNo = contact ? (await this.services.setup.findContact(ctx.workspaceId, contact)).no : undefined;
    return this.services.opportunities.purgePreview(ctx.workspaceId, { ...rest, contactNo });
  }

  /** Deletes what a preview listed (and still matches), if the actor is still allowed to purge. */
  async purge(
    ctx: RequestContext,
    filter: PurgeFilterInput,
    nos: readonly string[],
  ): Promise<{ deleted: string[]; events: readonly RecordedEvent[] }> {
    await this.guard.require(ctx, 'purge');
    return this.services.opportunities.purge(ctx.workspaceId, filter, nos, this.origin(ctx));
  }

  /**
   * Edits description, contact, salesperson and priority. Whoever may change the opportunity may edit
   * it; naming another salesperson is a manager's (a rep names only themselves, as for a new one).
   */
  async edit(ctx: RequestContext, input: EditInput): Promise<OpportunityView> {
    await this.guard.require(ctx, 'change-opportunity', { opportunityNo: input.no });
    if (input.salesperson !== undefined) {
      await this.guard.require(ctx, 'reassign-opportunity', {
        opportunityNo: input.no,
        salespersonId: input.salesperson.slackUserId,
      });
    }
    const { no, ...request } = input;
    const detail = await this.services.opportunities.edit(ctx.workspaceId, no, {
      ...request,
      today: ctx.today,
      origin: this.origin(ctx),
    });
    return this.view(ctx, detail);
  }

  /** Logs an interaction (a note) on an opportunity the actor may change. */
  async addNote(ctx: RequestContext, input: NoteInput): Promise<OpportunityView> {
    await this.guard.require(ctx, 'change-opportunity', { opportunityNo: input.no });
    const detail = await this.services.opportunities.addNote(ctx.workspaceId, input.no, {
      text: input.text,
      today: ctx.today,
      origin: this.origin(ctx),
    });
    return this.view(ctx, detail);
  }

  /**
   * Opportunities whose description, contact or company contain the words (case and accents aside),
   * best first, among those the reader may see.
   */
  async find(ctx: RequestContext, input: FindInput): Promise<FindResult> {
    const access = await ctx.member();
    const offset = Math.max(0, input.offset ?? 0);
    const [{ items, total }, settings] = await Promise.all([
      this.services.queries.search(
        ctx.workspaceId,
        { words: searchWords(input.text), text: input.text },
        readableFilter(access),
        input.limit ?? FIND_PAGE_SIZE,
        offset,
      ),
      this.services.setup.workspaceSettings(ctx.workspaceId),
    ]);
    return { text: input.text, items, total, offset, currency: settings.currency };
  }

  /**
   * A name typed where an opportunity number goes (`show Fleet renewal`): the opportunity when exactly
   * one the reader may see has every word, the candidates when several do; none is "nothing found".
   */
  async lookup(ctx: RequestContext, text: string): Promise<Lookup> {
    const access = await ctx.member();
    const words = searchWords(text);
    const [{ items, total }, settings] = await Promise.all([
      this.services.queries.search(
        ctx.workspaceId,
        { words, text, allWords: true },
        readableFilter(access),
        FIND_PAGE_SIZE,
        0,
      ),
      this.services.setup.workspaceSettings(ctx.workspaceId),
    ]);
    const only = items[0];
    if (total === 0 || !only) throw new DomainError({ kind: 'nothing-found', text: text.trim() });
    // An exact match of the whole name is the one meant, even when other names contain it.
    const exact = items.filter((item) => item.exact);
    const meant = total === 1 ? only : exact.length === 1 ? exact[0] : undefined;
    if (meant) return { kind: 'one', view: await this.show(ctx, meant.no) };
    return { kind: 'several', found: { text, items, total, offset: 0, currency: settings.currency } };
  }

  // ---- what the forms show ----------------------------------------------------------------------

  /** The Edit form: the current values, and the version they were read at. */
  async editForm(ctx: RequestContext, no: string) {
    await this.guard.require(ctx, 'change-opportunity', { opportunityNo: no });
    return this.services.opportunities.editOptions(ctx.workspaceId, no);
  }

  /** The Add note form: the opportunity's number and description. */
  async noteForm(ctx: RequestContext, no: string): Promise<{ no: string; description: string; version: number }> {
    await this.guard.require(ctx, 'change-opportunity', { opportunityNo: no });
    const options = await this.services.opportunities.editOptions(ctx.workspaceId, no);
    return { no: options.no, description: options.description, version: options.version };
  }

  /** The Update form's choices (for `action`, or the default one). */
  async moveForm(ctx: RequestContext, no: string, action?: MoveAction): Promise<MoveOptions> {
    await this.guard.require(ctx, 'change-opportunity', { opportunityNo: no });
    return this.services.opportunities.moveOptions(ctx.workspaceId, no, ctx.today, action);
  }

  /** The Close form's defaults for `outcome`. */
  async closeForm(ctx: RequestContext, no: string, outcome: CloseOutcome) {
    await this.guard.require(ctx, 'change-opportunity', { opportunityNo: no });
    const [options, settings] = await Promise.all([
      this.services.opportunities.closeOptions(ctx.workspaceId, no, outcome, ctx.today),
      this.services.setup.workspaceSettings(ctx.workspaceId),
    ]);
    return { options, currency: settings.currency };
  }

  /**
   * Make Order's form, when it needs one: an open opportunity is closed as Won first through the Close
   * form, set to Won with the quote amount (§10.2); null when the order can be made at once.
   */
  async orderForm(ctx: RequestContext, no: string) {
    await this.guard.require(ctx, 'change-opportunity', { opportunityNo: no });
    const [options, settings] = await Promise.all([
      this.services.opportunities.orderOptions(ctx.workspaceId, no, ctx.today),
      this.services.setup.workspaceSettings(ctx.workspaceId),
    ]);
    return options === null ? null : { options, currency: settings.currency };
  }

  /** The Create Quote form: the opportunity's number and version, and the currency. */
  async quoteForm(ctx: RequestContext, no: string): Promise<{ no: string; version: number; currency: string }> {
    await this.guard.require(ctx, 'change-opportunity', { opportunityNo: no });
    const [quote, settings] = await Promise.all([
      this.services.opportunities.quoteOptions(ctx.workspaceId, no),
      this.services.setup.workspaceSettings(ctx.workspaceId),
    ]);
    return { ...quote, currency: settings.currency };
  }

  /** The currency a form's amounts are in (a form rebuilt without reading the opportunity again). */
  async quoteLines(ctx: RequestContext, no: string): Promise<{ currency: string }> {
    await this.guard.require(ctx, 'change-opportunity', { opportunityNo: no });
    const settings = await this.services.setup.workspaceSettings(ctx.workspaceId);
    return { currency: settings.currency };
  }

  /** The New form: the cycles to choose from, the default one. The actor is proposed as salesperson. */
  async createForm(ctx: RequestContext) {
    await this.guard.require(ctx, 'create-opportunity', { salespersonId: ctx.actor.userId });
    const [cycles, settings] = await Promise.all([
      this.services.setup.listSalesCycles(ctx.workspaceId),
      this.services.setup.workspaceSettings(ctx.workspaceId),
    ]);
    return { cycles, defaultCycleCode: settings.defaultSalesCycleCode };
  }
}

/** What the domain needs to decide an opportunity's offers for a reader (none: the whole channel). */
function offerInput(opportunity: OpportunitySummary, stages: readonly Stage[], reader: Access | undefined): OfferInput {
  return {
    status: opportunity.status,
    stages,
    currentStage: opportunity.current?.stage ?? null,
    hasQuote: opportunity.quote !== null,
    estimatedValue: opportunity.current?.estimatedValue ?? null,
    reader: reader && { role: reader.role, isOwner: opportunity.salesperson.slackUserId === reader.userId },
  };
}

/** The quick actions of each App Home row, by opportunity number. */
export function homeOffers(
  opportunities: readonly OpportunitySummary[],
  cycles: readonly { code: string; stages: readonly Stage[] }[],
  reader?: Access,
): ReadonlyMap<string, readonly Offer[]> {
  const stagesOf = new Map(cycles.map((cycle) => [cycle.code, cycle.stages]));
  return new Map(
    opportunities.map((o) => [
      o.no,
      offersFor(offerInput(o, stagesOf.get(o.salesCycle.code) ?? [], reader)).filter((offer) =>
        QUICK_OFFERS.includes(offer),
      ),
    ]),
  );
}
