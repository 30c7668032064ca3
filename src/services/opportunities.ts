// Opportunity use cases: create, activate, move, close, quote, order, delete, purge.
// Each stores everything or nothing: load → ask the rules (src/domain) → write. The write bumps the
// opportunity's version with a guarded UPDATE, which both locks the row and detects a concurrent
// change: of two operations that read the same version, exactly one applies and the other is told to
// retry. Stage moves write in one statement (see applyPlan); close, quote and order in a transaction.
import { type EventOrigin, type NewEvent, type Outbox, recordEvent } from './outbox.ts';
import { applyDateFormula, parseDateFormula } from '../domain/date-formula.ts';
import { type ClosePlan, customerContactForWon, planClose, proposeClose, type CloseProposal } from '../domain/close.ts';
import { type CloseCode, defaultCloseCode } from '../domain/close-code.ts';
import type { Contact } from '../domain/contact.ts';
import { type Decimal, ZERO } from '../domain/decimal.ts';
import { checkCanDelete, type PurgeFilterInput, validatePurgeFilter } from '../domain/deletion.ts';
import { type LocalDate, localDate } from '../domain/local-date.ts';
import {
  type ActiveEntry,
  allowedTargets,
  assertOpen,
  availableActions,
  type CloseOutcome,
  defaultAction,
  type MoveAction,
  type MovePlan,
  type MoveProposal,
  type NewEntry,
  type OpportunityRef,
  type OpportunityStatus,
  planActivateFirstStage,
  planMove,
  type Priority,
  proposeMove,
  validateNewOpportunity,
} from '../domain/opportunity.ts';
import { DomainError } from '../domain/problems.ts';
import {
  checkCanCreateQuote,
  planMakeOrder,
  type QuoteLineInput,
  quoteTotal,
  validateQuoteLines,
} from '../domain/quote.ts';
import type { SalesCycleWithStages, Stage } from '../domain/sales-cycle.ts';
import { type $Enums, Prisma } from '../generated/prisma/client.ts';
import { prismaSql, type SqlExecutor } from '../store/sql.ts';
import { type Clock, systemClock } from './clock.ts';
import { inTransaction, type PrismaClient, translateDatabaseError, type Tx } from './db.ts';
import { toDbDate, toDbDecimal, toDecimal, toLocalDate } from './mappers.ts';
import { takeNextNo } from './numbering.ts';
import {
  type ActiveEntryColumns,
  activeEntryFromColumns,
  loadOpportunityDetail,
  type OpportunityDetail,
  statusFromDb,
} from './opportunity-queries.ts';
import {
  contactFromDb,
  type CycleColumns,
  cycleFromColumns,
  ensureCustomerForContact,
  findContactRow,
  loadCycleWithStages,
  stagesFromJson,
  stagesJsonOf,
} from './setup.ts';
import { ensureSalesperson, ensureWorkspace } from './workspace.ts';

const STATUS_TO_DB: Record<OpportunityStatus, $Enums.OpportunityStatus> = {
  not_started: 'NOT_STARTED',
  in_progress: 'IN_PROGRESS',
  won: 'WON',
  lost: 'LOST',
};

const ACTION_TO_DB = {
  none: 'NONE',
  next: 'NEXT',
  previous: 'PREVIOUS',
  updated: 'UPDATED',
  jumped: 'JUMPED',
  won: 'WON',
  lost: 'LOST',
} as const satisfies Record<NewEntry['actionTaken'], $Enums.ActionTaken>;

export interface SalespersonInput {
  slackUserId: string;
  displayName?: string | undefined;
}

export interface CreateOpportunityInput {
  description: string;
  contact: string;
  salesperson: SalespersonInput;
  salesCycleCode?: string | undefined;
  priority?: Priority | undefined;
  /** Estimates for activating the first stage right away (the Create wizard's tick box). */
  activate?:
    | {
        estimatedValue?: Decimal | undefined;
        chancesPct?: Decimal | undefined;
        estimatedCloseDate?: LocalDate | undefined;
      }
    | undefined;
  today: LocalDate;
}

export interface MoveRequest {
  action: MoveAction;
  targetStage?: number | undefined;
  dateOfChange?: LocalDate | undefined;
  estimatedValue?: Decimal | undefined;
  chancesPct?: Decimal | undefined;
  estimatedCloseDate?: LocalDate | undefined;
  cancelOldTasks?: boolean | undefined;
  /** The version the user saw (a modal's); a different current version means someone changed it. */
  expectedVersion?: number | undefined;
  today: LocalDate;
}

export interface CloseRequest {
  /** Who closes it, and where: a Won close is then announced in that channel (src/services/outbox.ts). */
  origin?: EventOrigin | undefined;
  outcome: CloseOutcome | null | undefined;
  closeCode: string | null | undefined;
  closingDate?: LocalDate | undefined;
  salesAmount?: Decimal | undefined;
  cancelOldTasks?: boolean | undefined;
  expectedVersion?: number | undefined;
  today: LocalDate;
}

export interface MoveOptions {
  no: string;
  version: number;
  status: OpportunityStatus;
  currentStage: number | null;
  actions: MoveAction[];
  defaultAction: MoveAction | null;
  /** Allowed target stages per available action. */
  targets: Partial<Record<MoveAction, Stage[]>>;
  /** The wizard's defaults for the default action (null when no action is possible). */
  proposal: MoveProposal | null;
  stages: Stage[];
  hasQuote: boolean;
}

export interface PurgePreview {
  filter: PurgeFilterInput;
  opportunities: { no: string; description: string; status: OpportunityStatus; dateClosed: LocalDate | null }[];
}

// Everything an operation needs about one opportunity, read inside its transaction.
interface LoadedOpportunity {
  row: {
    id: number;
    workspaceId: string;
    version: number;
    salesCycleId: number;
    contactId: number;
    contactCompanyId: number | null;
    salespersonId: number;
  };
  ref: OpportunityRef & { creationDate: LocalDate };
  cycle: SalesCycleWithStages;
  active: (ActiveEntry & { id: number }) | null;
  contact: Contact;
  quote: { id: number; no: string; amount: Decimal } | null;
}

export class OpportunityService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql: SqlExecutor,
    /** The instant every change is recorded at (timestamps, not business dates: those come as `today`). */
    private readonly clock: Clock = systemClock,
    /** Where the events of a change go; told once the change has committed. */
    private readonly outbox?: Outbox,
  ) {}

  async create(workspaceId: string, input: CreateOpportunityInput): Promise<OpportunityDetail> {
    const now = this.clock.now();
    return inTransaction(this.prisma, async (tx) => {
      const settings = await ensureWorkspace(tx, workspaceId);
      const contactRow = await findContactRow(tx, workspaceId, input.contact);
      const salesperson = await ensureSalesperson(
        tx,
        workspaceId,
        input.salesperson.slackUserId,
        input.salesperson.displayName,
      );
      const cycleCode =
        input.salesCycleCode ?? (await defaultCycleCode(tx, workspaceId, settings.defaultSalesCycleCode));
      const q = prismaSql(tx);
      const cycle = cycleCode ? await loadCycleWithStages(q, workspaceId, cycleCode) : null;
      const valid = validateNewOpportunity({
        description: input.description,
        contact: contactFromDb(contactRow),
        salesperson,
        cycle,
        priority: input.priority,
        today: input.today,
      });
      const cycleRow = await tx.salesCycle.findUniqueOrThrow({
        where: { workspaceId_code: { workspaceId, code: valid.salesCycleCode } },
      });
      // Validate the estimates before a number is taken, so a refusal leaves nothing behind.
      const plan =
        input.activate && cycle
          ? planActivateFirstStage({
              route: 'wizard',
              opportunity: { no: '(new)', status: 'not_started' },
              cycle,
              today: input.today,
              estimatedValue: input.activate.estimatedValue,
              chancesPct: input.activate.chancesPct,
              estimatedCloseDate: input.activate.estimatedCloseDate,
            })
          : null;
      const no = await takeNextNo(tx, workspaceId, 'opportunity', settings.opportunityPrefix);
      const created = await tx.opportunity.create({
        data: {
          workspaceId,
          no,
          description: valid.description,
          contactId: contactRow.id,
          contactCompanyId: contactRow.type === 'COMPANY' ? contactRow.id : (contactRow.company?.id ?? null),
          salespersonId: salesperson.id,
          salesCycleId: cycleRow.id,
          priority: valid.priority.toUpperCase() as $Enums.Priority,
          creationDate: toDbDate(valid.creationDate),
          createdAt: now,
          updatedAt: now,
        },
      });
      if (plan) {
        const loaded = await loadForChange(q, workspaceId, created.no);
        await applyPlan(q, loaded, { ...plan, claim: false }, now);
      }
      return loadOpportunityDetail(q, workspaceId, no);
    });
  }

  /** The card's "Activate First Stage": no estimates asked (value 0), Quote Required not checked. */
  async activateFirstStage(
    workspaceId: string,
    no: string,
    today: LocalDate,
    expectedVersion?: number,
  ): Promise<OpportunityDetail> {
    const activated = await this.changeInOneStatement(workspaceId, no, expectedVersion, (loaded) =>
      planActivateFirstStage({ route: 'card', opportunity: loaded.ref, cycle: loaded.cycle, today }),
    );
    return loadOpportunityDetail(this.sql, workspaceId, activated);
  }

  /** What the Update Opportunity modal offers right now. */
  async moveOptions(workspaceId: string, no: string, today: LocalDate, action?: MoveAction): Promise<MoveOptions> {
    const loaded = await loadForChange(this.sql, workspaceId, no);
    const { ref, cycle, active } = loaded;
    const currentStage = active?.stage ?? null;
    const actionsInput = { status: ref.status, stages: cycle.stages, currentStage };
    const actions = availableActions(actionsInput);
    const chosen = action && actions.includes(action) ? action : defaultAction(actionsInput);
    const targets: Partial<Record<MoveAction, Stage[]>> = {};
    for (const a of actions)
      targets[a] = allowedTargets(a, cycle.stages, ref.status === 'not_started' ? null : currentStage);
    const proposal = chosen
      ? proposeMove({ opportunity: ref, cycle, active, linkedQuote: loaded.quote, action: chosen, today })
      : null;
    return {
      no: ref.no,
      version: loaded.row.version,
      status: ref.status,
      currentStage,
      actions,
      defaultAction: chosen,
      targets,
      proposal,
      stages: [...cycle.stages],
      hasQuote: loaded.quote !== null,
    };
  }

  async move(workspaceId: string, no: string, request: MoveRequest): Promise<OpportunityDetail> {
    return loadOpportunityDetail(this.sql, workspaceId, await this.recordMove(workspaceId, no, request));
  }

  /**
   * The same move, without reading the card afterwards: for a modal submission, whose acknowledgement
   * waits for the save but not for the card (read after the ack, with OpportunityQueries.get).
   * Returns the opportunity's number.
   */
  async recordMove(workspaceId: string, no: string, request: MoveRequest): Promise<string> {
    return this.changeInOneStatement(workspaceId, no, request.expectedVersion, (loaded) =>
      planMove({ ...moveContext(loaded, request), ...userValues(request) }),
    );
  }

  /** What the Close Opportunity modal shows for the chosen outcome. */
  async closeOptions(
    workspaceId: string,
    no: string,
    outcome: CloseOutcome,
    today: LocalDate,
  ): Promise<CloseProposal & { version: number; codes: CloseCode[]; hasQuote: boolean; status: OpportunityStatus }> {
    const loaded = await loadForChange(this.sql, workspaceId, no);
    // A closed opportunity can't be closed again: say so before the form is filled in.
    assertOpen(loaded.ref);
    const codes = await listCodes(this.prisma, workspaceId);
    const proposal = proposeClose({ active: loaded.active, linkedQuote: loaded.quote, outcome, codes, today });
    return {
      ...proposal,
      version: loaded.row.version,
      codes: codes.filter((c) => c.type === outcome),
      hasQuote: loaded.quote !== null,
      status: loaded.ref.status,
    };
  }

  async close(workspaceId: string, no: string, request: CloseRequest): Promise<OpportunityDetail> {
    return this.change(
      workspaceId,
      no,
      request.expectedVersion,
      async (tx, loaded, now) => {
        await closeLoaded(tx, workspaceId, loaded, request, now);
      },
      undefined,
      request.origin && {
        origin: request.origin,
        of: (detail) =>
          detail.status === 'won'
            ? [
                {
                  kind: 'opportunity-won',
                  payload: {
                    no: detail.no,
                    description: detail.description,
                    amount: amountText(detail.current?.calcdCurrentValue),
                  },
                },
              ]
            : [],
      },
    );
  }

  /** Whether a quote can be created now (the same checks as createQuote); the version for the form. */
  async quoteOptions(workspaceId: string, no: string): Promise<{ no: string; version: number }> {
    const loaded = await loadForChange(this.sql, workspaceId, no);
    checkCanCreateQuote({
      opportunityNo: loaded.ref.no,
      status: loaded.ref.status,
      contact: loaded.contact,
      hasQuote: loaded.quote !== null,
    });
    return { no: loaded.ref.no, version: loaded.row.version };
  }

  /** Creates the one sales quote of an In Progress opportunity, for its company (§10.1). */
  async createQuote(
    workspaceId: string,
    no: string,
    lines: QuoteLineInput[],
    today: LocalDate,
    expectedVersion?: number,
    /** Who creates it, and where: the quote is then announced in that channel. */
    origin?: EventOrigin,
  ): Promise<OpportunityDetail> {
    const valid = validateQuoteLines(lines);
    const events = origin && {
      origin,
      of: (detail: OpportunityDetail): NewEvent[] =>
        detail.quote
          ? [
              {
                kind: 'quote-created',
                payload: {
                  no: detail.no,
                  description: detail.description,
                  quoteNo: detail.quote.no,
                  amount: amountText(detail.quote.amount),
                },
              },
            ]
          : [],
    };
    return this.change(
      workspaceId,
      no,
      expectedVersion,
      async (tx, loaded) => {
        const { customerContactNo } = checkCanCreateQuote({
          opportunityNo: loaded.ref.no,
          status: loaded.ref.status,
          contact: loaded.contact,
          hasQuote: loaded.quote !== null,
        });
        const settings = await ensureWorkspace(tx, workspaceId);
        const customerContact = await tx.contact.findUniqueOrThrow({
          where: { workspaceId_no: { workspaceId, no: customerContactNo } },
        });
        const customer = await ensureCustomerForContact(tx, workspaceId, customerContact);
        const quoteNo = await takeNextNo(tx, workspaceId, 'quote', settings.quotePrefix);
        await tx.salesQuote.create({
          data: {
            workspaceId,
            no: quoteNo,
            opportunityId: loaded.row.id,
            contactId: loaded.row.contactId,
            customerId: customer.id,
            salespersonId: loaded.row.salespersonId,
            orderDate: toDbDate(loaded.active?.estimatedCloseDate ?? today),
            lines: {
              create: valid.map((l) => ({
                lineNo: l.lineNo,
                description: l.description,
                quantity: toDbDecimal(l.quantity),
                unitPrice: toDbDecimal(l.unitPrice),
                lineDiscountPct: toDbDecimal(l.discountPct),
                amount: toDbDecimal(l.amount),
              })),
            },
          },
        });
      },
      undefined,
      events,
    );
  }

  /**
   * Makes the sales order from the linked quote (§10.2). An In Progress opportunity is closed as
   * Won first (with the quote amount and the given, or only, Won close code); a Won one gets the
   * order linked and its value set to the order amount; a Lost one is unlinked. The quote is deleted.
   *
   * Idempotent, for a second click on the same button: when the order was already made from this
   * opportunity's quote, the answer is the opportunity as it is now with that order's number, and
   * nothing is written. Two calls at once make one order: the one that waited for the row finds the
   * version changed, looks again, and answers with the order the other one made.
   */
  async makeOrder(
    workspaceId: string,
    no: string,
    request: MakeOrderRequest,
  ): Promise<OpportunityDetail & { orderNo: string; alreadyMade: boolean }> {
    try {
      return await this.makeOrderOnce(workspaceId, no, request);
    } catch (error) {
      const raced = error instanceof DomainError && error.problem.kind === 'changed-meanwhile';
      if (!raced || request.expectedVersion !== undefined) throw error;
      return this.makeOrderOnce(workspaceId, no, request);
    }
  }

  private async makeOrderOnce(
    workspaceId: string,
    no: string,
    request: MakeOrderRequest,
  ): Promise<OpportunityDetail & { orderNo: string; alreadyMade: boolean }> {
    let orderNo = '';
    let alreadyMade = false;
    const alreadyDone = async (tx: Tx, loaded: LoadedOpportunity): Promise<boolean> => {
      if (loaded.quote) return false;
      const made = await orderMadeFrom(tx, loaded);
      if (!made) return false;
      orderNo = made.no;
      alreadyMade = true;
      return true;
    };
    const detail = await this.change(
      workspaceId,
      no,
      request.expectedVersion,
      async (tx, loaded, now) => {
        const quote = loaded.quote
          ? await tx.salesQuote.findUnique({
              where: { id: loaded.quote.id },
              include: { lines: { orderBy: { lineNo: 'asc' } } },
            })
          : null;
        if (!quote) throw new DomainError({ kind: 'quote-not-found', opportunityNo: loaded.ref.no });
        const effect = planMakeOrder({ opportunityNo: loaded.ref.no, status: loaded.ref.status });
        if (effect === 'close-won-then-link') {
          const codes = await listCodes(tx, workspaceId);
          const code = request.closeCode ?? defaultCloseCode(codes, 'won')?.code ?? null;
          await closeLoaded(tx, workspaceId, loaded, { outcome: 'won', closeCode: code, today: request.today }, now);
        }
        const settings = await ensureWorkspace(tx, workspaceId);
        const customerId =
          quote.customerId ??
          (
            await ensureCustomerForContact(
              tx,
              workspaceId,
              await tx.contact.findUniqueOrThrow({ where: { id: quote.contactId } }),
            )
          ).id;
        orderNo = await takeNextNo(tx, workspaceId, 'order', settings.orderPrefix);
        // A Lost opportunity keeps no link to its order (opportunityId); the source does, for a second click.
        const linkToOpportunity = effect !== 'unlink-lost';
        await tx.salesQuote.delete({ where: { id: quote.id } });
        await tx.salesOrder.create({
          data: {
            workspaceId,
            no: orderNo,
            quoteNo: quote.no,
            opportunityId: linkToOpportunity ? loaded.row.id : null,
            sourceOpportunityId: loaded.row.id,
            contactId: quote.contactId,
            customerId,
            salespersonId: quote.salespersonId,
            orderDate: toDbDate(request.today),
            createdAt: now,
            lines: {
              create: quote.lines.map((l) => ({
                lineNo: l.lineNo,
                description: l.description,
                quantity: l.quantity,
                unitPrice: l.unitPrice,
                lineDiscountPct: l.lineDiscountPct,
                amount: l.amount,
              })),
            },
          },
        });
        if (linkToOpportunity) {
          // The Won entry's Calcd. Current Value follows the order amount (§10.2 step 4).
          const amount = quoteTotal(quote.lines.map((l) => ({ amount: toDecimal(l.amount) })));
          await tx.opportunityEntry.updateMany({
            where: { opportunityId: loaded.row.id, active: true },
            data: { calcdCurrentValue: toDbDecimal(amount) },
          });
        }
      },
      alreadyDone,
      request.origin && {
        origin: request.origin,
        // A repeated click finds the order already made: the channel heard about it the first time.
        of: (made) =>
          alreadyMade
            ? []
            : [
                {
                  kind: 'order-made',
                  payload: {
                    no: made.no,
                    orderNo,
                    amount: amountText(made.order?.amount ?? made.current?.calcdCurrentValue),
                  },
                },
              ],
      },
    );
    return { ...detail, orderNo, alreadyMade };
  }

  /** Deletes a Not Started, Won or Lost opportunity with its entries; its quote/order lose the back-link. */
  async delete(workspaceId: string, no: string): Promise<{ no: string; description: string }> {
    return inTransaction(this.prisma, async (tx) => {
      const row = await findOpportunityRow(tx, workspaceId, no);
      checkCanDelete({ opportunityNo: row.no, status: statusFromDb(row.status) });
      const deleted = await tx.opportunity.deleteMany({ where: { id: row.id, version: row.version } });
      if (deleted.count !== 1) throw new DomainError({ kind: 'changed-meanwhile', opportunityNo: row.no });
      return { no: row.no, description: row.description };
    });
  }

  /** The closed opportunities a purge with this filter would delete (nothing is changed). */
  async purgePreview(workspaceId: string, filter: PurgeFilterInput, limit = 1_000): Promise<PurgePreview> {
    const rows = await this.prisma.opportunity.findMany({
      where: purgeWhere(workspaceId, filter),
      orderBy: { no: 'asc' },
      take: limit,
      select: { no: true, description: true, status: true, dateClosed: true },
    });
    return {
      filter,
      opportunities: rows.map((r) => ({
        no: r.no,
        description: r.description,
        status: statusFromDb(r.status),
        dateClosed: r.dateClosed ? toLocalDate(r.dateClosed) : null,
      })),
    };
  }

  /**
   * Deletes, in one transaction, the closed opportunities that match the filter. With `onlyNos`
   * (what the user was shown and confirmed) nothing outside that list is touched.
   */
  async purge(
    workspaceId: string,
    filter: PurgeFilterInput,
    onlyNos?: readonly string[],
  ): Promise<{ deleted: string[] }> {
    return inTransaction(this.prisma, async (tx) => {
      const where = { ...purgeWhere(workspaceId, filter), ...(onlyNos ? { no: { in: [...onlyNos] } } : {}) };
      const rows = await tx.opportunity.findMany({ where, select: { id: true, no: true }, orderBy: { no: 'asc' } });
      if (rows.length === 0) throw new DomainError({ kind: 'nothing-to-purge' });
      await tx.opportunity.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
      return { deleted: rows.map((r) => r.no) };
    });
  }

  /**
   * Runs one change of one opportunity in a transaction, guarded by its version. `alreadyDone`, when
   * given, is asked first: true means the change was made before (a repeated request), so nothing is
   * written and the opportunity is returned as it is. For changes that also write through Prisma
   * (close, quote, order); the shared steps run as SQL inside the same Prisma transaction.
   */
  private async change(
    workspaceId: string,
    no: string,
    expectedVersion: number | undefined,
    work: (tx: Tx, loaded: LoadedOpportunity, now: Date) => Promise<void>,
    alreadyDone?: (tx: Tx, loaded: LoadedOpportunity) => Promise<boolean>,
    /** The events of the change, from the opportunity as it is after it: written in its transaction. */
    events?: { origin: EventOrigin; of: (detail: OpportunityDetail) => NewEvent[] },
  ): Promise<OpportunityDetail> {
    let recorded = 0;
    const detail = await inTransaction(this.prisma, async (tx) => {
      const q = prismaSql(tx);
      const loaded = await loadForChange(q, workspaceId, no);
      const now = this.clock.now();
      const done = alreadyDone !== undefined && (await alreadyDone(tx, loaded));
      if (!done) {
        await claimVersion(q, loaded, now, expectedVersion);
        await work(tx, loaded, now);
      }
      const detail = await loadOpportunityDetail(q, workspaceId, loaded.ref.no);
      if (events) {
        const happened = events.of(detail);
        for (const event of happened) await recordEvent(q, workspaceId, events.origin, event, now);
        recorded = happened.length;
      }
      return detail;
    });
    if (recorded > 0) this.outbox?.recorded();
    return detail;
  }

  /**
   * A stage move, the operation reps run most, in two statements through the driver (three when the
   * stage entered has an activity) and no explicit transaction: read, plan, then one statement that
   * claims the version and writes the entry (applyPlan), so it stores everything or nothing; a
   * concurrent change makes the claim, and so all of it, miss.
   * Returns the opportunity's number.
   */
  private async changeInOneStatement(
    workspaceId: string,
    no: string,
    expectedVersion: number | undefined,
    plan: (loaded: LoadedOpportunity) => MovePlan,
  ): Promise<string> {
    try {
      const loaded = await loadForChange(this.sql, workspaceId, no);
      checkExpectedVersion(loaded, expectedVersion);
      await applyPlan(this.sql, loaded, { ...plan(loaded), claim: true }, this.clock.now());
      return loaded.ref.no;
    } catch (error) {
      throw translateDatabaseError(error);
    }
  }
}

/** What a change of an opportunity is asked with besides its data (make order). */
export interface MakeOrderRequest {
  closeCode?: string | undefined;
  today: LocalDate;
  expectedVersion?: number | undefined;
  /** Who makes it, and where: the order is then announced in that channel. */
  origin?: EventOrigin | undefined;
}

/** An amount as an event carries it: plain decimal notation. */
function amountText(value: Decimal | undefined): string {
  return (value ?? ZERO).toFixed();
}

// ---- steps shared by the use cases --------------------------------------------------------------

async function findOpportunityRow(tx: Tx | PrismaClient, workspaceId: string, no: string) {
  const normalised = no.trim().toUpperCase();
  const row = await tx.opportunity.findUnique({ where: { workspaceId_no: { workspaceId, no: normalised } } });
  if (!row) throw new DomainError({ kind: 'opportunity-not-found', no: normalised });
  return row;
}

interface LoadRow extends ActiveEntryColumns, CycleColumns {
  id: number;
  workspace_id: string;
  no: string;
  status: $Enums.OpportunityStatus;
  version: number;
  sales_cycle_id: number;
  contact_id: number;
  contact_company_id: number | null;
  salesperson_id: number;
  creation_date: string;
  contact_no: string;
  contact_name: string;
  contact_type: $Enums.ContactType;
  company_no: string | null;
  cycle_stages: string | null;
  quote_id: number | null;
  quote_no: string | null;
  quote_amount: string | null;
}

/** The opportunity, its contact, cycle with stages, active entry and quote total, in one statement. */
async function loadForChange(db: SqlExecutor, workspaceId: string, no: string): Promise<LoadedOpportunity> {
  const normalised = no.trim().toUpperCase();
  const [row] = await db.query<LoadRow>(Prisma.sql`
    SELECT o.id, o.workspace_id, o.no, o.status::text AS status, o.version, o.sales_cycle_id, o.contact_id,
           o.contact_company_id, o.salesperson_id, o.creation_date::text AS creation_date,
           c.no AS contact_no, c.name AS contact_name, c.type::text AS contact_type, co.no AS company_no,
           sc.code, sc.description, sc.probability_calculation::text AS probability_calculation, sc.blocked,
           ${stagesJsonOf(Prisma.sql`o.sales_cycle_id`)} AS cycle_stages,
           e.id AS entry_id, e.stage, e.stage_description, e.date_of_change::text AS date_of_change,
           e.estimated_value::text AS estimated_value, e.chances_pct::text AS chances_pct,
           e.completed_pct::text AS completed_pct, e.probability_pct::text AS probability_pct,
           e.calcd_current_value::text AS calcd_current_value,
           e.estimated_close_date::text AS estimated_close_date, e.action_taken::text AS action_taken,
           q.id AS quote_id, q.no AS quote_no,
           (SELECT coalesce(sum(l.amount), 0)::text FROM sales_quote_line l WHERE l.quote_id = q.id) AS quote_amount
    FROM opportunity o
    JOIN contact c ON c.id = o.contact_id
    LEFT JOIN contact co ON co.id = c.company_id
    JOIN sales_cycle sc ON sc.id = o.sales_cycle_id
    LEFT JOIN opportunity_entry e ON e.opportunity_id = o.id AND e.active
    LEFT JOIN sales_quote q ON q.opportunity_id = o.id
    WHERE o.workspace_id = ${workspaceId} AND o.no = ${normalised}`);
  if (!row) throw new DomainError({ kind: 'opportunity-not-found', no: normalised });
  return {
    row: {
      id: row.id,
      workspaceId: row.workspace_id,
      version: row.version,
      salesCycleId: row.sales_cycle_id,
      contactId: row.contact_id,
      contactCompanyId: row.contact_company_id,
      salespersonId: row.salesperson_id,
    },
    ref: { no: row.no, status: statusFromDb(row.status), creationDate: localDate(row.creation_date) },
    cycle: cycleFromColumns(row, stagesFromJson(row.cycle_stages)),
    active: activeEntryFromColumns(row),
    contact: contactFromDb({
      no: row.contact_no,
      name: row.contact_name,
      type: row.contact_type,
      company: row.company_no === null ? null : { no: row.company_no },
    }),
    quote:
      row.quote_id !== null && row.quote_no !== null
        ? { id: row.quote_id, no: row.quote_no, amount: toDecimal(row.quote_amount ?? '0') }
        : null,
  };
}

/** An instant as the timestamp(3) columns hold it (UTC, as Prisma writes it). */
function dbTimestamp(at: Date): string {
  return at.toISOString();
}

/** The order already made from this opportunity's quote, if any (whether or not it stayed linked). */
async function orderMadeFrom(tx: Tx, loaded: LoadedOpportunity): Promise<{ no: string } | null> {
  return tx.salesOrder.findUnique({ where: { sourceOpportunityId: loaded.row.id }, select: { no: true } });
}

function changedMeanwhile(loaded: LoadedOpportunity): DomainError {
  return new DomainError({ kind: 'changed-meanwhile', opportunityNo: loaded.ref.no });
}

/** The version the user saw (a modal's), when given, must still be the one read. */
function checkExpectedVersion(loaded: LoadedOpportunity, expectedVersion?: number): void {
  if (expectedVersion !== undefined && expectedVersion !== loaded.row.version) throw changedMeanwhile(loaded);
}

/**
 * Bumps the version if it is still the one read (and the one the user saw, when given); otherwise
 * someone else changed the opportunity. The guarded UPDATE also locks the row until the end.
 */
async function claimVersion(
  db: SqlExecutor,
  loaded: LoadedOpportunity,
  now: Date,
  expectedVersion?: number,
): Promise<void> {
  checkExpectedVersion(loaded, expectedVersion);
  const claimed = await db.execute(Prisma.sql`
    UPDATE opportunity SET version = version + 1, updated_at = ${dbTimestamp(now)}::timestamp(3)
    WHERE id = ${loaded.row.id} AND version = ${loaded.row.version}`);
  if (claimed !== 1) throw changedMeanwhile(loaded);
}

function moveContext(loaded: LoadedOpportunity, request: MoveRequest) {
  return {
    opportunity: loaded.ref,
    cycle: loaded.cycle,
    active: loaded.active,
    linkedQuote: loaded.quote,
    action: request.action,
    targetStage: request.targetStage,
    today: request.today,
  };
}

function userValues(request: MoveRequest) {
  return {
    dateOfChange: request.dateOfChange,
    estimatedValue: request.estimatedValue,
    chancesPct: request.chancesPct,
    estimatedCloseDate: request.estimatedCloseDate,
    cancelOldTasks: request.cancelOldTasks,
  };
}

async function closeLoaded(
  tx: Tx,
  workspaceId: string,
  loaded: LoadedOpportunity,
  request: CloseRequest,
  now: Date,
): Promise<void> {
  const codes = await listCodes(tx, workspaceId);
  const codeText = request.closeCode?.trim().toUpperCase() || null;
  const closeCode = codeText ? codes.find((c) => c.code === codeText) : null;
  if (codeText && !closeCode) throw new DomainError({ kind: 'close-code-not-found', code: codeText });
  const plan: ClosePlan = planClose({
    opportunity: loaded.ref,
    active: loaded.active,
    outcome: request.outcome,
    closeCode,
    closingDate: request.closingDate,
    salesAmount: request.salesAmount,
    linkedQuote: loaded.quote,
    cancelOldTasks: request.cancelOldTasks,
    today: request.today,
  });
  if (plan.newStatus === 'won') {
    // Won needs a customer: created from the (company) contact when there is none (§8.3).
    const customerContactNo = customerContactForWon(loaded.contact);
    const contact = await tx.contact.findUniqueOrThrow({
      where: { workspaceId_no: { workspaceId, no: customerContactNo } },
    });
    await ensureCustomerForContact(tx, workspaceId, contact);
  }
  const closeCodeId = closeCode
    ? (
        await tx.closeOpportunityCode.findUniqueOrThrow({
          where: { workspaceId_code: { workspaceId, code: closeCode.code } },
        })
      ).id
    : null;
  await applyPlan(prismaSql(tx), loaded, { ...plan, closeCodeId, claim: false }, now);
}

/** A plan of the rules, as applyPlan writes it. */
interface PlannedChange {
  entry: NewEntry;
  /** Days Open to write on the entry being deactivated. */
  daysOpenOfPrevious: number | null;
  newStatus: OpportunityStatus;
  dateClosed?: LocalDate | undefined;
  closeCodeId?: number | null | undefined;
  /**
   * True: the statement claims the version read itself (no transaction around it); false: the caller's
   * transaction has claimed it already (claimVersion).
   */
  claim: boolean;
}

/**
 * Writes a planned change in one statement: the opportunity's status (and, with `claim`, its version,
 * guarded), the active entry deactivated, the new entry, old tasks canceled and the new stage's tasks.
 * Every part depends on the opportunity's row being updated, so a missed claim writes nothing. The new
 * entry is inserted after the deactivation (it reads its count): the index that allows one active entry
 * per opportunity would refuse it otherwise, and the whole statement with it.
 */
async function applyPlan(db: SqlExecutor, loaded: LoadedOpportunity, change: PlannedChange, at: Date): Promise<void> {
  const { row } = loaded;
  const { entry } = change;
  const now = dbTimestamp(at);
  const tasks = entry.createTasksForStage && entry.stage !== null ? await stageTasks(db, loaded, entry) : [];
  const [result] = await db.query<{ written: number }>(Prisma.sql`
    WITH claimed AS (
      UPDATE opportunity
      SET status = ${STATUS_TO_DB[change.newStatus]}::"OpportunityStatus", date_closed = ${change.dateClosed ?? null}::date,
          updated_at = ${now}::timestamp(3)
          ${change.claim ? Prisma.sql`, version = version + 1` : Prisma.empty}
      WHERE id = ${row.id} ${change.claim ? Prisma.sql`AND version = ${row.version}` : Prisma.empty}
      RETURNING id
    ), deactivated AS (
      UPDATE opportunity_entry SET active = false, days_open = ${change.daysOpenOfPrevious ?? 0}
      WHERE opportunity_id = ${row.id} AND active AND EXISTS (SELECT 1 FROM claimed)
      RETURNING id
    ), canceled AS (
      UPDATE task SET status = 'CANCELED'
      WHERE opportunity_id = ${row.id} AND status = 'OPEN' AND ${entry.cancelOldTasks} AND EXISTS (SELECT 1 FROM claimed)
    ), inserted AS (
      INSERT INTO opportunity_entry (workspace_id, opportunity_id, sales_cycle_id, stage, stage_description,
        previous_stage, contact_id, contact_company_id, salesperson_id, date_of_change, active, date_closed,
        action_taken, estimated_value, calcd_current_value, completed_pct, chances_pct, probability_pct,
        estimated_close_date, close_code_id, cancel_old_tasks, created_at)
      SELECT ${row.workspaceId}, claimed.id, ${row.salesCycleId}, ${entry.stage}::int, ${entry.stageDescription},
        ${entry.previousStage}::int, ${row.contactId}, ${row.contactCompanyId}::int, ${row.salespersonId},
        ${entry.dateOfChange}::date, true, ${entry.dateClosed ?? null}::date,
        ${ACTION_TO_DB[entry.actionTaken]}::"ActionTaken", ${toDbDecimal(entry.estimatedValue)}::numeric,
        ${toDbDecimal(entry.calcdCurrentValue)}::numeric, ${toDbDecimal(entry.completedPct)}::numeric,
        ${toDbDecimal(entry.chancesPct)}::numeric, ${toDbDecimal(entry.probabilityPct)}::numeric,
        ${entry.estimatedCloseDate}::date, ${change.closeCodeId ?? null}::int, ${entry.cancelOldTasks},
        ${now}::timestamp(3)
      FROM claimed WHERE (SELECT count(*) FROM deactivated) >= 0
      RETURNING id
    )${
      tasks.length === 0
        ? Prisma.empty
        : Prisma.sql`, created_tasks AS (
      INSERT INTO task (workspace_id, opportunity_id, entry_id, contact_id, salesperson_id, description, date)
      SELECT ${row.workspaceId}, ${row.id}, inserted.id, ${row.contactId}, ${row.salespersonId}, step.description, step.date
      FROM inserted CROSS JOIN (VALUES ${Prisma.join(
        tasks.map((t) => Prisma.sql`(${t.description}::text, ${t.date}::date)`),
      )}) AS step(description, date)
    )`
    }
    SELECT (SELECT count(*) FROM inserted)::int AS written`);
  if (result?.written !== 1) throw changedMeanwhile(loaded);
}

/** One task per step of the entered stage's activity, dated from the date of change (§9). */
async function stageTasks(
  db: SqlExecutor,
  loaded: LoadedOpportunity,
  entry: NewEntry,
): Promise<{ description: string; date: LocalDate }[]> {
  const stage = loaded.cycle.stages.find((s) => s.stage === entry.stage);
  if (!stage?.activityCode) return [];
  const steps = await db.query<{ description: string; date_formula: string }>(Prisma.sql`
    SELECT st.description, st.date_formula
    FROM activity a JOIN activity_step st ON st.activity_id = a.id
    WHERE a.workspace_id = ${loaded.row.workspaceId} AND a.code = ${stage.activityCode}
    ORDER BY st.step_no`);
  return steps.map((step) => ({
    description: step.description,
    date: applyDateFormula(entry.dateOfChange, parseDateFormula(step.date_formula)),
  }));
}

async function listCodes(tx: Tx | PrismaClient, workspaceId: string): Promise<CloseCode[]> {
  const rows = await tx.closeOpportunityCode.findMany({ where: { workspaceId }, orderBy: { code: 'asc' } });
  return rows.map((r) => ({ code: r.code, description: r.description, type: r.type === 'WON' ? 'won' : 'lost' }));
}

/** The workspace's default cycle if usable, else the only unblocked cycle, else none (the user must pick). */
async function defaultCycleCode(tx: Tx, workspaceId: string, configured: string | null): Promise<string | null> {
  if (configured) {
    const row = await tx.salesCycle.findUnique({ where: { workspaceId_code: { workspaceId, code: configured } } });
    if (row && !row.blocked) return row.code;
  }
  const usable = await tx.salesCycle.findMany({
    where: { workspaceId, blocked: false },
    select: { code: true },
    take: 2,
  });
  return usable.length === 1 && usable[0] ? usable[0].code : null;
}

function purgeWhere(workspaceId: string, input: PurgeFilterInput): Prisma.OpportunityWhereInput {
  const filter = validatePurgeFilter(input);
  return {
    workspaceId,
    status: { in: filter.statuses.map((s) => STATUS_TO_DB[s]) },
    ...(filter.closedBefore || filter.closedAfter
      ? {
          dateClosed: {
            ...(filter.closedBefore ? { lt: toDbDate(filter.closedBefore) } : {}),
            ...(filter.closedAfter ? { gt: toDbDate(filter.closedAfter) } : {}),
          },
        }
      : {}),
    ...(filter.salespersonCode ? { salesperson: { code: filter.salespersonCode } } : {}),
    ...(filter.contactNo ? { contact: { no: filter.contactNo.toUpperCase() } } : {}),
    ...(filter.salesCycleCode ? { salesCycle: { code: filter.salesCycleCode.toUpperCase() } } : {}),
  };
}
