// Opportunity use cases: create, activate, move, close, quote, order, delete, purge.
// One write protocol: a change claims the version it read (a guarded UPDATE, which also locks the row:
// of two changes that read the same version exactly one applies, the other is told someone changed it
// meanwhile), asks the rules (src/domain), writes everything of the change and records its events in
// the outbox — all of it or nothing, in one transaction or one statement. Most changes are a
// transaction that reads and claims in one statement (`change`). A move is its plan alone, so it is two
// round trips and no transaction (`changeInOneStatement`): the read, then one statement that claims the
// version read and writes the plan with its event, every part of it hanging on the claim, and returns
// the card as the move left it (no read after it: `move`). Statements
// run in the order written; inside one statement, the parts (data-modifying CTEs) are chained through
// what one RETURNs, the only order PostgreSQL promises.
import { type ExpressionBuilder, type Insertable, type QueryCreator } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import {
  type EventOrigin,
  type FieldChange,
  type NewEvent,
  type Outbox,
  type RecordedEvent,
  type RecordedEvents,
  type RecordingEvent,
  deliveriesOfRecorded,
  eventRecording,
  recordEvents,
} from './outbox.ts';
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
  type Replacement,
  proposeMove,
  validateNewOpportunity,
} from '../domain/opportunity.ts';
import { type EditSalesperson, planEdit, validateNote } from '../domain/opportunity-edit.ts';
import { DomainError } from '../domain/problems.ts';
import {
  checkCanCreateQuote,
  planMakeOrder,
  type QuoteLine,
  type QuoteLineInput,
  quoteTotal,
  validateQuoteLines,
} from '../domain/quote.ts';
import type { SalesCycleWithStages, Stage } from '../domain/sales-cycle.ts';
import type {
  ActionTaken as DbActionTaken,
  OpportunityStatus as DbOpportunityStatus,
  Priority as DbPriority,
} from '../generated/kysely/types.ts';
import type { DB, SqlDatabase, SqlTransaction } from '../store/kysely.ts';
import { statementShapes } from '../store/statement-shapes.ts';
import { type Clock, systemClock } from './clock.ts';
import { ChangeSavedError, transaction } from './db.ts';
import { toDbDecimal, toDecimal } from './mappers.ts';
import { takeNextNo } from './numbering.ts';
import {
  activeEntryFromColumns,
  type DetailRow,
  detailFromRow,
  enumLiteral,
  type HistoryRow,
  historyItemFromRow,
  loadOpportunityDetail,
  type OpportunityDetail,
  selectDetail,
  statusFromDb,
} from './opportunity-queries.ts';
import {
  contactFromDb,
  cycleFromColumns,
  ensureCustomerForContact,
  findContactRow,
  findCycleRow,
  loadCycleWithStages,
  stagesFromRows,
  stagesOf,
} from './setup.ts';
import { ensureSalesperson, ensureWorkspace } from './workspace.ts';

const STATUS_TO_DB: Record<OpportunityStatus, DbOpportunityStatus> = {
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
} as const satisfies Record<NewEntry['actionTaken'], DbActionTaken>;

/** What a change recorded in the outbox (in its transaction): every change method's result carries it. */
export interface ChangeEvents {
  events: readonly RecordedEvent[];
}

/** What a move or a close put in place of a value without it being typed (the reply says it). */
export interface ChangeReplacements {
  replaced: readonly Replacement[];
}

export interface SalespersonInput {
  slackUserId: string;
  displayName?: string | undefined;
}

export interface CreateOpportunityInput {
  /** Who creates it, and where (the events say so). */
  origin?: EventOrigin | undefined;
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
  /** Who moves it, and where (the events say so). */
  origin?: EventOrigin | undefined;
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

export interface EditRequest {
  /** Who edits it, and where (the events say so). */
  origin?: EventOrigin | undefined;
  description?: string | undefined;
  /** A contact as typed or picked (number or name). */
  contact?: string | undefined;
  salesperson?: SalespersonInput | undefined;
  priority?: Priority | undefined;
  /** The version the form showed; a different current version means someone changed it. */
  expectedVersion?: number | undefined;
  today: LocalDate;
}

export interface NoteRequest {
  origin?: EventOrigin | undefined;
  text: string;
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
  dateClosed: LocalDate | null;
  description: string;
  /** The salesperson's Slack user (null: none linked), as events name them. */
  salespersonSlackUserId: string | null;
  salesperson: EditSalesperson;
  priority: Priority;
  cycle: SalesCycleWithStages;
  active: (ActiveEntry & { id: number }) | null;
  contact: Contact;
  quote: { id: number; no: string; amount: Decimal } | null;
}

/** What one change wrote: its result, the events to record with it, and the rules' plan to write last. */
interface Written<T> {
  result: T;
  events: NewEvent[];
  /** Written after everything else, in one statement with the events (applyPlan). */
  plan?: { loaded: LoadedOpportunity; change: PlannedChange } | undefined;
}

export class OpportunityService {
  constructor(
    private readonly db: SqlDatabase,
    /** The instant every change is recorded at (timestamps, not business dates: those come as `today`). */
    private readonly clock: Clock = systemClock,
    /** Where the events of a change go; told once the change has committed. */
    private readonly outbox?: Outbox,
  ) {}

  async create(workspaceId: string, input: CreateOpportunityInput): Promise<OpportunityDetail & ChangeEvents> {
    const { result: no, events } = await this.record(workspaceId, input.origin, async (tx, now) => {
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
      const cycle = cycleCode ? await loadCycleWithStages(tx, workspaceId, cycleCode) : null;
      const valid = validateNewOpportunity({
        description: input.description,
        contact: contactFromDb(contactRow),
        salesperson,
        cycle,
        priority: input.priority,
        today: input.today,
      });
      const cycleRow = await findCycleRow(tx, workspaceId, valid.salesCycleCode);
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
      await tx
        .insertInto('opportunity')
        .values({
          workspace_id: workspaceId,
          no,
          description: valid.description,
          contact_id: contactRow.id,
          contact_company_id: contactRow.type === 'COMPANY' ? contactRow.id : (contactRow.company?.id ?? null),
          salesperson_id: salesperson.id,
          sales_cycle_id: cycleRow.id,
          priority: valid.priority.toUpperCase() as DbPriority,
          creation_date: valid.creationDate,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const created: NewEvent = {
        kind: 'opportunity-created',
        payload: {
          no,
          description: valid.description,
          salesperson: salesperson.slackUserId,
          salesCycle: cycleRow.code,
          contact: contactRow.no,
        },
      };
      if (!plan) return { result: no, events: [created] };
      // Activated at once: the new opportunity's first entry, in the same transaction.
      const loaded = await loadForChange(tx, workspaceId, no, { now });
      return {
        result: no,
        events: [created, moveEvent(loaded, 'first', plan.entry)],
        plan: { loaded, change: plan },
      };
    });
    return { ...(await readBack(this.db, workspaceId, no)), events };
  }

  /** The card's "Activate First Stage": no estimates asked (value 0), Quote Required not checked. */
  async activateFirstStage(
    workspaceId: string,
    no: string,
    today: LocalDate,
    expectedVersion?: number,
    /** Who activates it, and where (the events say so). */
    origin?: EventOrigin,
  ): Promise<OpportunityDetail & ChangeEvents> {
    const { result, events } = await this.change(workspaceId, no, expectedVersion, origin, async (_tx, loaded) => {
      const plan = planActivateFirstStage({ route: 'card', opportunity: loaded.ref, cycle: loaded.cycle, today });
      return {
        result: loaded.ref.no,
        events: [moveEvent(loaded, 'first', plan.entry)],
        plan: { loaded, change: plan },
      };
    });
    return { ...(await readBack(this.db, workspaceId, result)), events };
  }

  /** What the Update Opportunity modal offers right now. */
  async moveOptions(workspaceId: string, no: string, today: LocalDate, action?: MoveAction): Promise<MoveOptions> {
    const loaded = await loadForChange(this.db, workspaceId, no);
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

  async move(
    workspaceId: string,
    no: string,
    request: MoveRequest,
  ): Promise<OpportunityDetail & ChangeEvents & ChangeReplacements> {
    const { no: moved, events, replaced, card } = await this.moveWith(workspaceId, no, request, undefined, true);
    return { ...(card ?? (await readBack(this.db, workspaceId, moved))), events, replaced };
  }

  /**
   * The same move, without reading the card afterwards: for a modal submission, whose acknowledgement
   * waits for the save but not for the card (read after the ack, with OpportunityQueries.get).
   * Returns the opportunity's number.
   */
  async recordMove(workspaceId: string, no: string, request: MoveRequest): Promise<string> {
    return (await this.recordMoveWithEvents(workspaceId, no, request)).no;
  }

  /**
   * recordMove, with the events the move recorded and what it replaced. `allowed`: the caller's
   * permission check, run while the opportunity is read; nothing is written unless it resolves, and its
   * rejection is what the move throws.
   */
  async recordMoveWithEvents(
    workspaceId: string,
    no: string,
    request: MoveRequest,
    allowed: Promise<unknown> = Promise.resolve(),
  ): Promise<{ no: string } & ChangeEvents & ChangeReplacements> {
    const { no: moved, events, replaced } = await this.moveWith(workspaceId, no, request, allowed, false);
    return { no: moved, events, replaced };
  }

  /** A move; `withCard`: the card as the move left it, from the move's own statement when it is one. */
  private async moveWith(
    workspaceId: string,
    no: string,
    request: MoveRequest,
    allowed: Promise<unknown> = Promise.resolve(),
    withCard: boolean,
  ): Promise<{ no: string; card: OpportunityDetail | undefined } & ChangeEvents & ChangeReplacements> {
    const { result, events, card } = await this.changeInOneStatement(
      workspaceId,
      no,
      request.expectedVersion,
      request.origin,
      allowed,
      withCard,
      (loaded) => {
        const plan: MovePlan = planMove({ ...moveContext(loaded, request), ...userValues(request) });
        const event: NewEvent =
          request.action === 'update'
            ? {
                kind: 'opportunity-updated',
                payload: {
                  ...aboutOpportunity(loaded),
                  stage: plan.entry.stage,
                  changes: fieldChanges(loaded, plan.entry),
                },
              }
            : moveEvent(loaded, request.action, plan.entry);
        return {
          result: { no: loaded.ref.no, replaced: plan.replaced },
          events: [event],
          plan: { loaded, change: plan },
        };
      },
    );
    return { ...result, events, card };
  }

  /** What the Close Opportunity modal shows for the chosen outcome. */
  async closeOptions(
    workspaceId: string,
    no: string,
    outcome: CloseOutcome,
    today: LocalDate,
  ): Promise<CloseProposal & { version: number; codes: CloseCode[]; hasQuote: boolean; status: OpportunityStatus }> {
    const loaded = await loadForChange(this.db, workspaceId, no);
    // A closed opportunity can't be closed again: say so before the form is filled in.
    assertOpen(loaded.ref);
    const codes = await listCodes(this.db, workspaceId);
    const proposal = proposeClose({ active: loaded.active, linkedQuote: loaded.quote, outcome, codes, today });
    return {
      ...proposal,
      version: loaded.row.version,
      codes: codes.filter((c) => c.type === outcome),
      hasQuote: loaded.quote !== null,
      status: loaded.ref.status,
    };
  }

  async close(
    workspaceId: string,
    no: string,
    request: CloseRequest,
  ): Promise<OpportunityDetail & ChangeEvents & ChangeReplacements> {
    const { result, events } = await this.change(
      workspaceId,
      no,
      request.expectedVersion,
      request.origin,
      async (tx, loaded, now) => {
        const closed = await closeLoaded(tx, workspaceId, loaded, request, now);
        return {
          result: { no: loaded.ref.no, replaced: closed.replaced },
          events: [closeEvent(loaded, closed)],
          plan: { loaded, change: closed },
        };
      },
    );
    return { ...(await readBack(this.db, workspaceId, result.no)), events, replaced: result.replaced };
  }

  /**
   * What Make Order needs before it can run (§10.2): for an In Progress opportunity, the Close form set
   * to Won (the quote amount, cancel old tasks on); null when makeOrder decides alone (no quote: it
   * answers with the order already made from it, or says there is no quote).
   */
  async orderOptions(
    workspaceId: string,
    no: string,
    today: LocalDate,
  ): Promise<
    (CloseProposal & { version: number; codes: CloseCode[]; hasQuote: boolean; status: OpportunityStatus }) | null
  > {
    const loaded = await loadForChange(this.db, workspaceId, no);
    if (!loaded.quote || loaded.ref.status !== 'in_progress') return null;
    const codes = await listCodes(this.db, workspaceId);
    const proposal = proposeClose({ active: loaded.active, linkedQuote: loaded.quote, outcome: 'won', codes, today });
    return {
      ...proposal,
      version: loaded.row.version,
      codes: codes.filter((c) => c.type === 'won'),
      hasQuote: true,
      status: loaded.ref.status,
    };
  }

  /**
   * Edits the opportunity's own fields (§5.2): the opportunity and its active entry take the new contact
   * and salesperson, a linked quote its new contact; the edit is recorded (who, when, from → to) with its
   * events, and a reassignment is told to the new salesperson (src/services/outbox.ts).
   */
  async edit(workspaceId: string, no: string, request: EditRequest): Promise<OpportunityDetail & ChangeEvents> {
    const { result, events } = await this.change(
      workspaceId,
      no,
      request.expectedVersion,
      request.origin,
      async (tx, loaded, now) => {
        const contactRow =
          request.contact === undefined ? null : await findContactRow(tx, workspaceId, request.contact);
        const salesperson =
          request.salesperson === undefined
            ? undefined
            : await ensureSalesperson(
                tx,
                workspaceId,
                request.salesperson.slackUserId,
                request.salesperson.displayName,
              );
        const plan = planEdit({
          opportunity: loaded.ref,
          current: {
            description: loaded.description,
            contact: loaded.contact,
            salesperson: loaded.salesperson,
            priority: loaded.priority,
          },
          requested: {
            description: request.description,
            contact: contactRow ? contactFromDb(contactRow) : undefined,
            salesperson,
            priority: request.priority,
          },
        });
        const contactId = contactRow && plan.contact.no !== loaded.contact.no ? contactRow.id : loaded.row.contactId;
        const contactCompanyId =
          contactRow && plan.contact.no !== loaded.contact.no
            ? contactRow.type === 'COMPANY'
              ? contactRow.id
              : (contactRow.company?.id ?? null)
            : loaded.row.contactCompanyId;
        const salespersonId =
          salesperson && plan.salesperson.code !== loaded.salesperson.code ? salesperson.id : loaded.row.salespersonId;
        // One statement writes the opportunity, its active entry's and its quote's links (when they
        // changed), and the edit's record: inside the transaction, every round trip holds PGlite's one
        // connection.
        const entryId =
          loaded.active && (contactId !== loaded.row.contactId || salespersonId !== loaded.row.salespersonId)
            ? loaded.active.id
            : null;
        const quoteId = loaded.quote && contactId !== loaded.row.contactId ? loaded.quote.id : null;
        await tx
          .with('opportunity_written', (db) =>
            db
              .updateTable('opportunity')
              .set({
                description: plan.description,
                contact_id: contactId,
                contact_company_id: contactCompanyId,
                salesperson_id: salespersonId,
                priority: plan.priority.toUpperCase() as DbPriority,
              })
              .where('id', '=', loaded.row.id)
              .returning('id'),
          )
          .with('entry_written', (db) =>
            db
              .updateTable('opportunity_entry')
              .set({ contact_id: contactId, contact_company_id: contactCompanyId, salesperson_id: salespersonId })
              .where((eb) => (entryId === null ? eb.lit(false) : eb('id', '=', entryId)))
              .returning('id'),
          )
          .with('quote_written', (db) =>
            db
              .updateTable('sales_quote')
              .set({ contact_id: contactId })
              .where((eb) => (quoteId === null ? eb.lit(false) : eb('id', '=', quoteId)))
              .returning('id'),
          )
          .insertInto('opportunity_edit')
          .values({
            workspace_id: workspaceId,
            opportunity_id: loaded.row.id,
            actor_user_id: request.origin?.actorUserId ?? '',
            date: request.today,
            changes: JSON.stringify(plan.changes),
            created_at: now,
          })
          .execute();
        const about = { no: loaded.ref.no, description: plan.description, salesperson: plan.salesperson.slackUserId };
        const edited: NewEvent = { kind: 'opportunity-edited', payload: { ...about, changes: plan.changes } };
        const reassigned: NewEvent[] = plan.changes.some((c) => c.field === 'salesperson')
          ? [{ kind: 'opportunity-reassigned', payload: { ...about, from: loaded.salespersonSlackUserId } }]
          : [];
        return { result: loaded.ref.no, events: [edited, ...reassigned] };
      },
    );
    return { ...(await readBack(this.db, workspaceId, result)), events };
  }

  /**
   * Logs an interaction on the opportunity (a note): an interaction log entry for its contact and
   * salesperson, dated today. Not a change of the opportunity (its version stays), so a note never
   * makes an open form stale.
   */
  async addNote(workspaceId: string, no: string, request: NoteRequest): Promise<OpportunityDetail & ChangeEvents> {
    const text = validateNote(request.text);
    const { result, events } = await this.record(workspaceId, request.origin, async (tx, now) => {
      const loaded = await loadForChange(tx, workspaceId, no);
      const { id } = await tx
        .insertInto('interaction_log_entry')
        .values({
          workspace_id: workspaceId,
          opportunity_id: loaded.row.id,
          contact_id: loaded.row.contactId,
          salesperson_id: loaded.row.salespersonId,
          actor_user_id: request.origin?.actorUserId ?? '',
          date: request.today,
          description: text,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const event: NewEvent = {
        kind: 'note-added',
        payload: { ...aboutOpportunity(loaded), interactionId: id, date: request.today },
      };
      return { result: loaded.ref.no, events: [event] };
    });
    return { ...(await readBack(this.db, workspaceId, result)), events };
  }

  /** What the Edit form shows: the current values and the version they were read at. */
  async editOptions(
    workspaceId: string,
    no: string,
  ): Promise<{
    no: string;
    version: number;
    status: OpportunityStatus;
    description: string;
    contact: Contact;
    salesperson: EditSalesperson;
    priority: Priority;
  }> {
    const loaded = await loadForChange(this.db, workspaceId, no);
    return {
      no: loaded.ref.no,
      version: loaded.row.version,
      status: loaded.ref.status,
      description: loaded.description,
      contact: loaded.contact,
      salesperson: loaded.salesperson,
      priority: loaded.priority,
    };
  }

  /** Whether a quote can be created now (the same checks as createQuote); the version for the form. */
  async quoteOptions(workspaceId: string, no: string): Promise<{ no: string; version: number }> {
    const loaded = await loadForChange(this.db, workspaceId, no);
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
  ): Promise<OpportunityDetail & ChangeEvents> {
    const valid = validateQuoteLines(lines);
    const { result, events } = await this.change(workspaceId, no, expectedVersion, origin, async (tx, loaded, now) => {
      const quoteNo = await insertQuote(tx, workspaceId, loaded, valid, today, now);
      const event: NewEvent = {
        kind: 'quote-created',
        payload: { ...aboutOpportunity(loaded), quoteNo, amount: amountText(quoteTotal(valid)) },
      };
      return { result: loaded.ref.no, events: [event] };
    });
    return { ...(await readBack(this.db, workspaceId, result)), events };
  }

  /**
   * Replaces the lines of the linked quote (before the order: Make Order turns the quote into the order).
   * The quote keeps its number; the opportunity's quote amount is the new lines' total.
   */
  async editQuote(
    workspaceId: string,
    no: string,
    lines: QuoteLineInput[],
    expectedVersion?: number,
    origin?: EventOrigin,
  ): Promise<OpportunityDetail & ChangeEvents> {
    const valid = validateQuoteLines(lines);
    const { result, events } = await this.change(workspaceId, no, expectedVersion, origin, async (tx, loaded) => {
      const quote = loaded.quote;
      if (!quote) throw new DomainError({ kind: 'quote-not-found', opportunityNo: loaded.ref.no });
      await tx.deleteFrom('sales_quote_line').where('quote_id', '=', quote.id).execute();
      await insertQuoteLines(tx, quote.id, valid);
      const event: NewEvent = {
        kind: 'quote-changed',
        payload: {
          ...aboutOpportunity(loaded),
          quoteNo: quote.no,
          fromAmount: amountText(quote.amount),
          amount: amountText(quoteTotal(valid)),
        },
      };
      return { result: loaded.ref.no, events: [event] };
    });
    return { ...(await readBack(this.db, workspaceId, result)), events };
  }

  /**
   * Links a new quote in place of the linked one, while the opportunity is In Progress (§10.4): the old
   * quote stays, with its lines, but loses its link to the opportunity, as in Business Central.
   */
  async replaceQuote(
    workspaceId: string,
    no: string,
    lines: QuoteLineInput[],
    today: LocalDate,
    expectedVersion?: number,
    origin?: EventOrigin,
  ): Promise<OpportunityDetail & ChangeEvents> {
    const valid = validateQuoteLines(lines);
    const { result, events } = await this.change(workspaceId, no, expectedVersion, origin, async (tx, loaded, now) => {
      const old = loaded.quote;
      if (!old) throw new DomainError({ kind: 'quote-not-found', opportunityNo: loaded.ref.no });
      if (loaded.ref.status !== 'in_progress') {
        throw new DomainError({
          kind: 'quote-replace-needs-in-progress',
          opportunityNo: loaded.ref.no,
          status: loaded.ref.status,
        });
      }
      await tx.updateTable('sales_quote').set({ opportunity_id: null }).where('id', '=', old.id).execute();
      const quoteNo = await insertQuote(tx, workspaceId, { ...loaded, quote: null }, valid, today, now);
      const event: NewEvent = {
        kind: 'quote-replaced',
        payload: {
          ...aboutOpportunity(loaded),
          quoteNo,
          replacedQuoteNo: old.no,
          amount: amountText(quoteTotal(valid)),
        },
      };
      return { result: loaded.ref.no, events: [event] };
    });
    return { ...(await readBack(this.db, workspaceId, result)), events };
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
  ): Promise<OpportunityDetail & { orderNo: string; alreadyMade: boolean } & ChangeEvents> {
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
  ): Promise<OpportunityDetail & { orderNo: string; alreadyMade: boolean } & ChangeEvents> {
    const { result, events } = await this.change(
      workspaceId,
      no,
      request.expectedVersion,
      request.origin,
      async (tx, loaded, now) => {
        const quote = loaded.quote;
        if (!quote) throw new DomainError({ kind: 'quote-not-found', opportunityNo: loaded.ref.no });
        const effect = planMakeOrder({ opportunityNo: loaded.ref.no, status: loaded.ref.status });
        const quoteRow = await tx
          .selectFrom('sales_quote')
          .select(['no', 'contact_id', 'customer_id', 'salesperson_id'])
          .where('id', '=', quote.id)
          .executeTakeFirstOrThrow();
        // The Won entry's Calcd. Current Value is the order amount (§10.2 step 4): the quote's total,
        // which the close below writes as the sales amount, once.
        const amount = quote.amount;
        if (effect === 'close-won-then-link') {
          const codes = await listCodes(tx, workspaceId);
          const code = request.closeCode ?? defaultCloseCode(codes, 'won')?.code ?? null;
          const closed = await closeLoaded(
            tx,
            workspaceId,
            loaded,
            {
              outcome: 'won',
              closeCode: code,
              closingDate: request.closingDate,
              cancelOldTasks: request.cancelOldTasks,
              today: request.today,
            },
            now,
          );
          // Written before the order that follows (the order-made event is recorded at the end).
          await applyPlan(tx, loaded, closed, now);
        } else if (effect === 'link-to-won') {
          await tx
            .updateTable('opportunity_entry')
            .set({ calcd_current_value: toDbDecimal(amount) })
            .where('opportunity_id', '=', loaded.row.id)
            .where((eb) => eb.ref('active'))
            .execute();
        }
        const settings = await ensureWorkspace(tx, workspaceId);
        const customerId =
          quoteRow.customer_id ??
          (await ensureCustomerForContact(tx, workspaceId, await findContactById(tx, quoteRow.contact_id), now)).id;
        const orderNo = await takeNextNo(tx, workspaceId, 'order', settings.orderPrefix);
        // A Lost opportunity keeps no link to its order (opportunity_id); the source does, for a second click.
        const linked = effect !== 'unlink-lost';
        const order = await tx
          .insertInto('sales_order')
          .values({
            workspace_id: workspaceId,
            no: orderNo,
            quote_no: quoteRow.no,
            opportunity_id: linked ? loaded.row.id : null,
            source_opportunity_id: loaded.row.id,
            contact_id: quoteRow.contact_id,
            customer_id: customerId,
            salesperson_id: quoteRow.salesperson_id,
            order_date: request.today,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('sales_order_line')
          .columns(['order_id', 'line_no', 'description', 'quantity', 'unit_price', 'line_discount_pct', 'amount'])
          .expression((eb) =>
            eb
              .selectFrom('sales_quote_line as l')
              .select([
                eb.val(order.id).as('order_id'),
                'l.line_no',
                'l.description',
                'l.quantity',
                'l.unit_price',
                'l.line_discount_pct',
                'l.amount',
              ])
              .where('l.quote_id', '=', quote.id),
          )
          .execute();
        await tx.deleteFrom('sales_quote').where('id', '=', quote.id).execute();
        // What the channel is told: the order amount, or what a Lost opportunity is worth now.
        const announced = linked ? amount : (loaded.active?.calcdCurrentValue ?? ZERO);
        const event: NewEvent = {
          kind: 'order-made',
          payload: {
            ...aboutOpportunity(loaded),
            orderNo,
            amount: amountText(announced),
            closedWon: effect === 'close-won-then-link',
          },
        };
        return { result: { no: loaded.ref.no, orderNo, alreadyMade: false }, events: [event] };
      },
      // A repeated click: the quote is gone and an order was made from it. Nothing is written (or told).
      async (tx, loaded) => {
        if (loaded.quote) return null;
        const made = await tx
          .selectFrom('sales_order')
          .select('no')
          .where('source_opportunity_id', '=', loaded.row.id)
          .executeTakeFirst();
        return made ? { no: loaded.ref.no, orderNo: made.no, alreadyMade: true } : null;
      },
    );
    const detail = await readBack(this.db, workspaceId, result.no);
    return { ...detail, orderNo: result.orderNo, alreadyMade: result.alreadyMade, events };
  }

  /** Deletes a Not Started, Won or Lost opportunity with its entries; its quote/order lose the back-link. */
  async delete(
    workspaceId: string,
    no: string,
    /** Who deletes it, and where (the events say so). */
    origin?: EventOrigin,
  ): Promise<{ no: string; description: string } & ChangeEvents> {
    const { result, events } = await this.change(workspaceId, no, undefined, origin, async (tx, loaded) => {
      checkCanDelete({ opportunityNo: loaded.ref.no, status: loaded.ref.status });
      await tx.deleteFrom('opportunity').where('id', '=', loaded.row.id).execute();
      const event: NewEvent = {
        kind: 'opportunity-deleted',
        payload: { ...aboutOpportunity(loaded), status: loaded.ref.status, purged: false },
      };
      return { result: { no: loaded.ref.no, description: loaded.description }, events: [event] };
    });
    return { ...result, events };
  }

  /** The closed opportunities a purge with this filter would delete (nothing is changed). */
  async purgePreview(workspaceId: string, filter: PurgeFilterInput, limit = 1_000): Promise<PurgePreview> {
    const rows = await selectPurgeable(this.db, workspaceId, filter)
      .select(['o.no', 'o.description', 'o.status', 'o.date_closed'])
      .orderBy('o.no')
      .limit(limit)
      .execute();
    return {
      filter,
      opportunities: rows.map((r) => ({
        no: r.no,
        description: r.description,
        status: statusFromDb(r.status),
        dateClosed: r.date_closed ? localDate(r.date_closed) : null,
      })),
    };
  }

  /**
   * Deletes, in one transaction, the closed opportunities that match the filter. With `onlyNos`
   * (what the user was shown and confirmed) nothing outside that list is touched. Each is locked and
   * deleted with the version read, so one changed meanwhile (reopened cannot happen, but a won order
   * deleted can) makes the whole purge refuse, as a single deletion would.
   */
  async purge(
    workspaceId: string,
    filter: PurgeFilterInput,
    onlyNos?: readonly string[],
    /** Who purges, and where (the events say so). */
    origin?: EventOrigin,
  ): Promise<{ deleted: string[] } & ChangeEvents> {
    const { result, events } = await this.record(workspaceId, origin, async (tx) => {
      let query = selectPurgeable(tx, workspaceId, filter)
        .select(['o.id', 'o.no', 'o.description', 'o.status', 'o.version', 'sp.slack_user_id'])
        .orderBy('o.no');
      // An empty list matches nothing ('' is no opportunity's number; SQL has no empty IN list).
      if (onlyNos) query = query.where('o.no', 'in', onlyNos.length > 0 ? [...onlyNos] : ['']);
      const rows = await query.forUpdate('o').execute();
      if (rows.length === 0) throw new DomainError({ kind: 'nothing-to-purge' });
      await tx
        .deleteFrom('opportunity')
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      return {
        result: rows.map((r) => r.no),
        events: rows.map((r): NewEvent => ({
          kind: 'opportunity-deleted',
          payload: {
            no: r.no,
            description: r.description,
            salesperson: r.slack_user_id,
            status: statusFromDb(r.status),
            purged: true,
          },
        })),
      };
    });
    return { deleted: result, events };
  }

  /**
   * The write protocol of a change of one opportunity, in one transaction: load it, ask `alreadyDone`
   * (a repeated request: its answer is returned, nothing is written), claim the version read (and the
   * one the user saw, when given), let `write` write the change, record its events. The outbox is told
   * after the commit.
   */
  private async change<T>(
    workspaceId: string,
    no: string,
    expectedVersion: number | undefined,
    origin: EventOrigin | undefined,
    write: (tx: SqlTransaction, loaded: LoadedOpportunity, now: Date) => Promise<Written<T>>,
    alreadyDone?: (tx: SqlTransaction, loaded: LoadedOpportunity) => Promise<T | null>,
  ): Promise<{ result: T } & ChangeEvents> {
    return this.record(workspaceId, origin, async (tx, now) => {
      if (!alreadyDone) return write(tx, await loadForChange(tx, workspaceId, no, { now, expectedVersion }), now);
      // Asked before anything is written: the load and the claim are two statements then.
      const loaded = await loadForChange(tx, workspaceId, no);
      const done = await alreadyDone(tx, loaded);
      if (done !== null) return { result: done, events: [] };
      await claimVersion(tx, loaded, now, expectedVersion);
      return write(tx, loaded, now);
    });
  }

  /**
   * The write protocol of a change that is its plan alone (a move), in two round trips and no
   * transaction: read the opportunity, ask the rules, then one statement claims the version read (and
   * the one the user saw, when given) and writes the plan with its event (applyPlan); every part of it
   * hangs on the claim, so when another change came first nothing is written and the user is told. A
   * plan that enters a stage with tasks to create, or records other than one event, takes the
   * transaction instead (claim, then the plan's statement and what follows it). `withCard`: the
   * statement also returns the card as the change left it (not the transaction: `card` is undefined).
   */
  private async changeInOneStatement<T>(
    workspaceId: string,
    no: string,
    expectedVersion: number | undefined,
    origin: EventOrigin | undefined,
    allowed: Promise<unknown>,
    withCard: boolean,
    write: (loaded: LoadedOpportunity) => Written<T> & { plan: NonNullable<Written<T>['plan']> },
  ): Promise<{ result: T; card?: OpportunityDetail | undefined } & ChangeEvents> {
    const [check, read] = await Promise.allSettled([allowed, loadForChange(this.db, workspaceId, no)]);
    if (check.status === 'rejected') throw check.reason;
    if (read.status === 'rejected') throw read.reason;
    const loaded = read.value;
    if (expectedVersion !== undefined && expectedVersion !== loaded.row.version) throw changedMeanwhile(loaded);
    const written = write(loaded);
    const { change } = written.plan;
    if (written.events.length !== 1 || needsStageTasks(loaded, change.entry)) {
      return this.record(workspaceId, origin, async (tx, now) => {
        await claimVersion(tx, loaded, now);
        return written;
      });
    }
    const now = this.clock.now();
    const recorded = await applyPlan(
      this.db,
      loaded,
      change,
      now,
      { workspaceId, origin, events: written.events },
      withCard ? 'claim with card' : 'claim',
    );
    if (!recorded) throw changedMeanwhile(loaded);
    if (recorded.deliveries > 0) this.outbox?.recorded();
    return { result: written.result, events: recorded.events, card: recorded.card };
  }

  /** One transaction that writes and records the events of what it wrote (for `change`, create and purge). */
  private async record<T>(
    workspaceId: string,
    origin: EventOrigin | undefined,
    write: (tx: SqlTransaction, now: Date) => Promise<Written<T>>,
  ): Promise<{ result: T } & ChangeEvents> {
    const now = this.clock.now();
    const { result, events, deliveries } = await transaction(this.db, async (tx) => {
      const written = await write(tx, now);
      const recorded = written.plan
        ? await applyPlan(tx, written.plan.loaded, written.plan.change, now, {
            workspaceId,
            origin,
            events: written.events,
          })
        : await recordEvents(tx, workspaceId, origin, written.events, now);
      // The transaction claimed the version first and holds the row: the plan's statement always writes.
      if (!recorded) throw new Error('the plan of a claimed opportunity was not written');
      return { result: written.result, ...recorded };
    });
    if (deliveries > 0) this.outbox?.recorded();
    return { result, events };
  }
}

/** What a change of an opportunity is asked with besides its data (make order). */
export interface MakeOrderRequest {
  /** For an open opportunity, closed as Won first (§10.2): its close code, closing date and old tasks. */
  closeCode?: string | undefined;
  closingDate?: LocalDate | undefined;
  cancelOldTasks?: boolean | undefined;
  today: LocalDate;
  expectedVersion?: number | undefined;
  /** Who makes it, and where: the order is then announced in that channel. */
  origin?: EventOrigin | undefined;
}

/** An amount as an event carries it: plain decimal notation. */
function amountText(value: Decimal | undefined): string {
  return (value ?? ZERO).toFixed();
}

// ---- events -----------------------------------------------------------------------------------

/** What every event says about its opportunity. */
function aboutOpportunity(loaded: LoadedOpportunity) {
  return { no: loaded.ref.no, description: loaded.description, salesperson: loaded.salespersonSlackUserId };
}

/** The active entry's values that a move or an update changed, from → to. */
function fieldChanges(loaded: LoadedOpportunity, entry: NewEntry): FieldChange[] {
  const before = loaded.active;
  const text = (value: Decimal | null | undefined) => (value == null ? null : value.toFixed());
  const pairs: [FieldChange['field'], string | null, string | null][] = [
    ['stage', before?.stage == null ? null : String(before.stage), entry.stage === null ? null : String(entry.stage)],
    ['estimatedValue', text(before?.estimatedValue), text(entry.estimatedValue)],
    ['chancesPct', text(before?.chancesPct), text(entry.chancesPct)],
    ['estimatedCloseDate', before?.estimatedCloseDate ?? null, entry.estimatedCloseDate],
    ['dateOfChange', before?.dateOfChange ?? null, entry.dateOfChange],
  ];
  return pairs.filter(([, from, to]) => from !== to).map(([field, from, to]) => ({ field, from, to }));
}

function moveEvent(loaded: LoadedOpportunity, action: Exclude<MoveAction, 'update'>, entry: NewEntry): NewEvent {
  return {
    kind: 'opportunity-moved',
    payload: {
      ...aboutOpportunity(loaded),
      action,
      fromStage: loaded.active?.stage ?? null,
      toStage: entry.stage ?? 0,
      changes: fieldChanges(loaded, entry),
    },
  };
}

/** Won: the sales amount. Lost: the estimated value lost. */
function closeEvent(loaded: LoadedOpportunity, plan: ClosePlan): NewEvent {
  const closeCode = plan.entry.closeCode;
  return plan.newStatus === 'won'
    ? {
        kind: 'opportunity-won',
        payload: { ...aboutOpportunity(loaded), amount: amountText(plan.entry.calcdCurrentValue), closeCode },
      }
    : {
        kind: 'opportunity-lost',
        payload: { ...aboutOpportunity(loaded), amount: amountText(plan.entry.estimatedValue), closeCode },
      };
}

// ---- steps shared by the use cases --------------------------------------------------------------

/** How a change claims the opportunity it loads: the instant written, and the version the user saw. */
interface Claim {
  now: Date;
  expectedVersion?: number | undefined;
}

/**
 * The opportunity, its contact, cycle with stages, active entry and quote total, in one statement.
 * With a claim, the same statement is the change's first write (see `claimVersion`, which it
 * replaces): a data-modifying CTE bumps the version (when it is still the one the user saw) and so
 * locks the row, while the SELECT reads the opportunity as the statement's snapshot has it. The
 * claimed version must be the one read plus one: otherwise a change committed between that snapshot
 * and the lock, and what was read is out of date.
 */
async function loadForChange(
  db: SqlDatabase,
  workspaceId: string,
  no: string,
  claim?: Claim,
): Promise<LoadedOpportunity> {
  const normalised = no.trim().toUpperCase();
  // Built once per shape (src/store/statement-shapes.ts): every value below comes from `v`.
  const values = {
    workspaceId,
    normalised,
    ...(claim ? { now: claim.now } : {}),
    ...(claim?.expectedVersion !== undefined ? { expectedVersion: claim.expectedVersion } : {}),
  };
  const shape = claim ? (claim.expectedVersion !== undefined ? 'claim expected' : 'claim') : 'read';
  const build = (v: typeof values) =>
    db
      .with('claimed', (q) =>
        claim
          ? q
              .updateTable('opportunity')
              .set((eb) => ({ version: eb('version', '+', 1), updated_at: v.now ?? claim.now }))
              .where('workspace_id', '=', v.workspaceId)
              .where('no', '=', v.normalised)
              .$if(claim.expectedVersion !== undefined, (update) =>
                update.where('version', '=', v.expectedVersion ?? -1),
              )
              .returning(['id', 'version'])
          : // Only reading: nothing is claimed.
            q
              .selectFrom('opportunity')
              .select(['id', 'version'])
              .where((eb) => eb.lit(false)),
      )
      .selectFrom('opportunity as o')
      .innerJoin('contact as c', 'c.id', 'o.contact_id')
      .leftJoin('contact as co', 'co.id', 'c.company_id')
      .innerJoin('salesperson as sp', 'sp.id', 'o.salesperson_id')
      .innerJoin('sales_cycle as sc', 'sc.id', 'o.sales_cycle_id')
      .leftJoin('opportunity_entry as e', (join) =>
        join.onRef('e.opportunity_id', '=', 'o.id').on((eb) => eb.ref('e.active')),
      )
      .leftJoin('sales_quote as q', 'q.opportunity_id', 'o.id')
      .select((eb) => [
        'o.id',
        'o.workspace_id',
        'o.no',
        'o.description',
        'o.status',
        'o.version',
        'o.sales_cycle_id',
        'o.contact_id',
        'o.contact_company_id',
        'o.salesperson_id',
        'o.creation_date',
        'o.date_closed',
        'o.priority',
        'sp.slack_user_id',
        'sp.code as salesperson_code',
        'sp.name as salesperson_name',
        'sp.blocked as salesperson_blocked',
        'c.no as contact_no',
        'c.name as contact_name',
        'c.type as contact_type',
        'co.no as company_no',
        'sc.code',
        'sc.description as cycle_description',
        'sc.probability_calculation',
        'sc.blocked',
        stagesOf(eb.ref('o.sales_cycle_id')).as('cycle_stages'),
        'e.id as entry_id',
        'e.stage',
        'e.stage_description',
        'e.date_of_change',
        'e.estimated_value',
        'e.chances_pct',
        'e.completed_pct',
        'e.probability_pct',
        'e.calcd_current_value',
        'e.estimated_close_date',
        'e.action_taken',
        'q.id as quote_id',
        'q.no as quote_no',
        // A scalar subquery, not a join: joined, the empty read-only CTE made PostgreSQL plan the
        // statement for about 5 ms against 1.4 (node-pg's untyped parameters, measured on 2,000 rows).
        eb.selectFrom('claimed').select('claimed.version').whereRef('claimed.id', '=', 'o.id').as('claimed_version'),
        eb
          .selectFrom('sales_quote_line as l')
          .select((inner) => inner.fn.coalesce(inner.fn.sum<string>('l.amount'), inner.val('0')).as('amount'))
          .whereRef('l.quote_id', '=', 'q.id')
          .as('quote_amount'),
      ])
      .where('o.workspace_id', '=', v.workspaceId)
      .where('o.no', '=', v.normalised);
  const [row] = (await statementShapes.execute(db, `loadForChange ${shape}`, values, build)).rows;
  if (!row) throw new DomainError({ kind: 'opportunity-not-found', no: normalised });
  const loaded: LoadedOpportunity = {
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
    dateClosed: row.date_closed === null ? null : localDate(row.date_closed),
    description: row.description,
    salespersonSlackUserId: row.slack_user_id,
    salesperson: {
      code: row.salesperson_code,
      name: row.salesperson_name,
      blocked: row.salesperson_blocked,
      slackUserId: row.slack_user_id,
    },
    priority: row.priority.toLowerCase() as Priority,
    cycle: cycleFromColumns({ ...row, description: row.cycle_description }, stagesFromRows(row.cycle_stages)),
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
  if (claim && row.claimed_version !== row.version + 1) throw changedMeanwhile(loaded);
  return loaded;
}

function changedMeanwhile(loaded: LoadedOpportunity): DomainError {
  return new DomainError({ kind: 'changed-meanwhile', opportunityNo: loaded.ref.no });
}

/**
 * The first write of a change that looked before it claimed (make order's repeated click; the others
 * claim as they load, see loadForChange): bumps the version if it is still the one read (and the one
 * the user saw, when given); otherwise someone else changed the opportunity. The guarded UPDATE also
 * locks the row until the transaction ends, so what was read stays true for the rest of the change.
 */
async function claimVersion(
  tx: SqlTransaction,
  loaded: LoadedOpportunity,
  now: Date,
  expectedVersion?: number,
): Promise<void> {
  if (expectedVersion !== undefined && expectedVersion !== loaded.row.version) throw changedMeanwhile(loaded);
  const claimed = await tx
    .updateTable('opportunity')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', loaded.row.id)
    .where('version', '=', loaded.row.version)
    .executeTakeFirst();
  if (claimed.numUpdatedRows !== 1n) throw changedMeanwhile(loaded);
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

/** How the rules close the (claimed) opportunity: the plan, for applyPlan (the customer a Won close needs is written). */
async function closeLoaded(
  tx: SqlTransaction,
  workspaceId: string,
  loaded: LoadedOpportunity,
  request: Pick<CloseRequest, 'outcome' | 'closeCode' | 'closingDate' | 'salesAmount' | 'cancelOldTasks' | 'today'>,
  now: Date,
): Promise<ClosePlan & { closeCodeId: number | null }> {
  const codeRows = await closeCodeRows(tx, workspaceId);
  const codes = codeRows.map(closeCodeOf);
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
    await ensureCustomerOfContactNo(tx, workspaceId, customerContactForWon(loaded.contact), now);
  }
  // Read with the codes above, in the same transaction: no second trip for the id.
  const closeCodeId = closeCode ? (codeRows.find((r) => r.code === closeCode.code)?.id ?? null) : null;
  return { ...plan, closeCodeId };
}

/** A plan of the rules, as applyPlan writes it. */
interface PlannedChange {
  entry: NewEntry;
  /** Days Open to write on the entry being deactivated. */
  daysOpenOfPrevious: number | null;
  newStatus: OpportunityStatus;
  dateClosed?: LocalDate | undefined;
  closeCodeId?: number | null | undefined;
}

/** The events of a change, to record in the statement that writes its plan. */
interface EventsToRecord {
  workspaceId: string;
  origin: EventOrigin | undefined;
  events: readonly NewEvent[];
}

/**
 * How applyPlan's statement is anchored on the opportunity row: `claim`, it claims the version read
 * itself (a change in one statement: changeInOneStatement); `claim with card`, the same, and the
 * statement also returns the card as the change left it; `claimed`, the change's transaction claimed
 * it already (and holds the row's lock).
 */
type Anchor = 'claim' | 'claim with card' | 'claimed';

/**
 * Writes a planned change of the opportunity in one statement. Every part of it is chained to the
 * first, `claimed` (the opportunity row: with `claim`, its version-guarded UPDATE, which also writes the
 * status when it changes), through what that part RETURNs — the only order PostgreSQL promises between
 * data-modifying CTEs, all of which read the statement's snapshot: the active entry deactivated, old
 * tasks canceled (the snapshot does not hold the tasks this statement adds), the new active entry (its
 * `active` computed from the deactivation's RETURNING, so it is inserted after it: one active entry
 * per opportunity is a unique index), and the change's event with its delivery (from the event's
 * RETURNING). A claim that finds another version returns no row, so nothing else is written: the
 * answer is null then. The entered stage's tasks follow, when it has an activity (a transaction's
 * change only, see changeInOneStatement); so does a change with several events (or none), recorded
 * after the plan (recordEvents).
 */
async function applyPlan(
  db: SqlDatabase,
  loaded: LoadedOpportunity,
  change: PlannedChange,
  now: Date,
  record?: EventsToRecord,
  anchor: Anchor = 'claimed',
): Promise<(RecordedEvents & { card?: OpportunityDetail }) | null> {
  const { row } = loaded;
  const { entry } = change;
  const dateClosed = change.dateClosed ?? null;
  // A move within In Progress changes neither: the claim is all the row needs.
  const statusChanged = change.newStatus !== loaded.ref.status || dateClosed !== loaded.dateClosed;
  const status = { status: STATUS_TO_DB[change.newStatus], date_closed: dateClosed };
  const newEntry = {
    workspace_id: row.workspaceId,
    opportunity_id: row.id,
    sales_cycle_id: row.salesCycleId,
    stage: entry.stage,
    stage_description: entry.stageDescription,
    previous_stage: entry.previousStage,
    contact_id: row.contactId,
    contact_company_id: row.contactCompanyId,
    salesperson_id: row.salespersonId,
    date_of_change: entry.dateOfChange,
    date_closed: entry.dateClosed ?? null,
    action_taken: ACTION_TO_DB[entry.actionTaken],
    estimated_value: toDbDecimal(entry.estimatedValue),
    calcd_current_value: toDbDecimal(entry.calcdCurrentValue),
    completed_pct: toDbDecimal(entry.completedPct),
    chances_pct: toDbDecimal(entry.chancesPct),
    probability_pct: toDbDecimal(entry.probabilityPct),
    estimated_close_date: entry.estimatedCloseDate,
    close_code_id: change.closeCodeId ?? null,
    cancel_old_tasks: entry.cancelOldTasks,
    created_at: now,
  } satisfies Omit<Insertable<DB['opportunity_entry']>, 'active'>;
  // The statement is built once per shape (src/store/statement-shapes.ts): every value in it comes from
  // `v`; the key names the rest (what the anchor, a status change and Cancel Old Tasks make of the text).
  const values = {
    rowId: row.id,
    version: row.version,
    now,
    ...(statusChanged ? { status } : {}),
    daysOpen: change.daysOpenOfPrevious ?? 0,
    newEntry,
  };
  const shape = `applyPlan ${anchor}${statusChanged ? ' status' : ''}${entry.cancelOldTasks ? ' cancel' : ''}`;
  const writes = (v: typeof values) =>
    db
      .with('claimed', (q) =>
        anchor !== 'claimed'
          ? q
              .updateTable('opportunity')
              .set((eb) => ({ version: eb('version', '+', 1), updated_at: v.now, ...v.status }))
              .where('id', '=', v.rowId)
              .where('version', '=', v.version)
              .returning(['id', 'version', 'status', 'date_closed'])
          : v.status
            ? q
                .updateTable('opportunity')
                .set(v.status)
                .where('id', '=', v.rowId)
                .returning(['id', 'version', 'status', 'date_closed'])
            : q.selectFrom('opportunity').select(['id', 'version', 'status', 'date_closed']).where('id', '=', v.rowId),
      )
      .with('deactivated', (q) =>
        q
          .updateTable('opportunity_entry')
          .set({ active: false, days_open: v.daysOpen })
          .where('opportunity_id', 'in', (eb) => eb.selectFrom('claimed').select('claimed.id'))
          .where((eb) => eb.ref('active'))
          .returning(['id', 'days_open']),
      )
      .with('canceled', (q) =>
        q
          .updateTable('task')
          .set({ status: 'CANCELED' })
          .where('opportunity_id', 'in', (eb) => eb.selectFrom('claimed').select('claimed.id'))
          .where('status', '=', enumLiteral('OPEN'))
          .where((eb) => eb.lit(entry.cancelOldTasks))
          .returning('id'),
      )
      .with('inserted', (q) =>
        q
          .insertInto('opportunity_entry')
          .columns([...columnsOf(v.newEntry), 'active'])
          .expression((eb) =>
            eb.selectFrom('claimed').select([
              ...selectedValues(eb, v.newEntry),
              // Always true, but only once the deactivation has run to completion (count reads all it returns).
              eb
                .selectFrom('deactivated')
                .select((d) => d(d.fn.countAll(), '>=', 0).$castTo<boolean>().as('after_deactivation'))
                .as('active'),
            ]),
          )
          // What the card's history shows of an entry (selectDetail), computed as it was written.
          .returning((eb) => [
            'id',
            'stage',
            'stage_description',
            'previous_stage',
            'action_taken',
            'date_of_change',
            'active',
            'days_open',
            eb.cast<string>('estimated_value', 'text').as('estimated_value_text'),
            eb.cast<string>('calcd_current_value', 'text').as('calcd_current_value_text'),
            eb.cast<string>('chances_pct', 'text').as('chances_pct_text'),
            eb.cast<string>('completed_pct', 'text').as('completed_pct_text'),
            eb.cast<string>('probability_pct', 'text').as('probability_pct_text'),
            'estimated_close_date',
            'date_closed',
            'close_code_id',
            eb.cast<string>('created_at', 'text').as('recorded_at'),
          ]),
      );
  const [event] = record?.events.length === 1 ? record.events : [];
  if (anchor !== 'claimed' && (!event || needsStageTasks(loaded, entry)))
    throw new Error('only a change with one event and no stage tasks is written in one statement');
  let written: { claimed: number | null; entryId: number | null };
  let recorded: RecordedEvents;
  if (record && event) {
    const recording = eventRecording(record.workspaceId, record.origin, event, now);
    const eventValues = {
      ...values,
      event: recording.row,
      consumers: recording.consumers,
    };
    const eventShape = `${shape} event ${columnsOf(recording.row).join(',')} to ${recording.consumers.length}`;
    const withEvent = (v: typeof eventValues) =>
      writes(v)
        .with('recorded', (q) =>
          q
            .insertInto('outbox_event')
            .columns(columnsOf(v.event))
            .expression((eb) => eb.selectFrom('inserted').select(selectedValues(eb, v.event)))
            .returning(['id', 'occurred_at']),
        )
        // This statement's other CTEs are of no concern to the deliveries (kysely's creator is invariant in them).
        .with('delivered', (q) => deliveriesOfRecorded(q as unknown as QueryCreator<RecordingEvent>, v.consumers));
    if (anchor === 'claim with card') {
      // The card is read in the statement's snapshot, from before its writes: what they changed is
      // returned beside it (the claimed row, the entries deactivated and inserted, the tasks canceled)
      // and put in its place (cardAfterWrite). A claim that finds another version returns no card.
      const cardValues = { ...eventValues, card: { workspaceId: row.workspaceId, no: loaded.ref.no } };
      const withCard = (v: typeof cardValues) =>
        withEvent(v)
          .selectFrom(selectDetail(db, v.card.workspaceId, v.card.no).as('card'))
          .selectAll('card')
          .select((eb) => [
            eb.selectFrom('claimed').select('claimed.id').as('claimed'),
            eb.selectFrom('claimed').select('claimed.version').as('claimed_version'),
            eb.selectFrom('claimed').select('claimed.status').as('claimed_status'),
            eb.selectFrom('claimed').select('claimed.date_closed').as('claimed_date_closed'),
            eb.selectFrom('recorded').select('recorded.id').as('event_id'),
            jsonArrayFrom(eb.selectFrom('deactivated').select(['deactivated.id', 'deactivated.days_open'])).as(
              'deactivated',
            ),
            jsonArrayFrom(eb.selectFrom('canceled').select('canceled.id')).as('canceled'),
            jsonObjectFrom(
              eb
                .selectFrom('inserted as h')
                .leftJoin('close_opportunity_code as hc', 'hc.id', 'h.close_code_id')
                .select([
                  'h.id',
                  'h.stage',
                  'h.stage_description',
                  'h.previous_stage',
                  'h.action_taken',
                  'h.date_of_change',
                  'h.active',
                  'h.days_open',
                  'h.estimated_value_text as estimated_value',
                  'h.calcd_current_value_text as calcd_current_value',
                  'h.chances_pct_text as chances_pct',
                  'h.completed_pct_text as completed_pct',
                  'h.probability_pct_text as probability_pct',
                  'h.estimated_close_date',
                  'h.date_closed',
                  'hc.code as close_code',
                  'hc.description as close_code_description',
                  'h.recorded_at',
                ]),
            ).as('new_entry'),
          ]);
      const [answer] = (await statementShapes.execute(db, `${eventShape} card`, cardValues, withCard)).rows;
      if (!answer || answer.claimed === null) return null;
      if (answer.new_entry === null) throw new Error(`the entry of ${loaded.ref.no} was not written`);
      let card: OpportunityDetail;
      try {
        card = cardAfterWrite(answer, answer.new_entry);
      } catch (error) {
        throw new ChangeSavedError(loaded.ref.no, error);
      }
      return {
        events: [recording.recorded(answer.event_id ?? 0)],
        deliveries: recording.consumers.length,
        card,
      };
    }
    const ids = (v: typeof eventValues) =>
      withEvent(v).selectNoFrom((eb) => [
        eb.selectFrom('claimed').select('claimed.id').as('claimed'),
        eb.selectFrom('inserted').select('inserted.id').as('entry_id'),
        eb.selectFrom('recorded').select('recorded.id').as('event_id'),
      ]);
    // A transaction's change ('claimed') is not hot: built as it comes.
    const [answer] =
      anchor === 'claimed'
        ? [await ids(eventValues).executeTakeFirst()]
        : (await statementShapes.execute(db, eventShape, eventValues, ids)).rows;
    if (!answer) throw new Error(`the statement writing ${loaded.ref.no} returned no row`);
    written = { claimed: answer.claimed, entryId: answer.entry_id };
    recorded = { events: [recording.recorded(answer.event_id ?? 0)], deliveries: recording.consumers.length };
  } else {
    const answer = await writes(values)
      .selectNoFrom((eb) => [
        eb.selectFrom('claimed').select('claimed.id').as('claimed'),
        eb.selectFrom('inserted').select('inserted.id').as('entry_id'),
      ])
      .executeTakeFirstOrThrow();
    written = { claimed: answer.claimed, entryId: answer.entry_id };
    recorded = { events: [], deliveries: 0 };
  }
  if (written.claimed === null) return null;
  if (written.entryId === null) throw new Error(`the entry of ${loaded.ref.no} was not written`);
  const entryId = written.entryId;
  // What follows is more statements: a change in one statement has none of it (changeInOneStatement).
  if (record && !event) recorded = await recordEvents(db, record.workspaceId, record.origin, record.events, now);
  const tasks = needsStageTasks(loaded, entry) ? await stageTasks(db, loaded, entry) : [];
  if (tasks.length > 0) {
    await db
      .insertInto('task')
      .values(
        tasks.map((task) => ({
          workspace_id: row.workspaceId,
          opportunity_id: row.id,
          entry_id: entryId,
          contact_id: row.contactId,
          salesperson_id: row.salespersonId,
          description: task.description,
          date: task.date,
        })),
      )
      .execute();
  }
  return recorded;
}

/**
 * The card as a change in one statement left it: the card read in the statement's snapshot (before its
 * writes), with what the writes returned put in place — the claimed row's version and status, the
 * entry deactivated (no longer active, its Days Open), the new active entry and the tasks canceled.
 */
function cardAfterWrite(
  row: DetailRow & {
    claimed_version: number | null;
    claimed_status: DbOpportunityStatus | null;
    claimed_date_closed: string | null;
    deactivated: { id: number; days_open: number }[];
    canceled: { id: number }[];
  },
  newEntry: HistoryRow,
): OpportunityDetail {
  const before = detailFromRow(row);
  if (row.claimed_version === null || row.claimed_status === null) throw new Error('no claimed row');
  const deactivated = new Map(row.deactivated.map((d) => [d.id, d.days_open]));
  const canceled = new Set(row.canceled.map((t) => t.id));
  const added = historyItemFromRow(newEntry);
  const history = before.history.map((h) => {
    const daysOpen = deactivated.get(h.entryNo);
    return daysOpen === undefined ? h : { ...h, active: false, daysOpen };
  });
  history.push(added);
  history.sort((a, b) => a.entryNo - b.entryNo);
  const { recordedAt: _recordedAt, ...current } = added;
  return {
    ...before,
    version: row.claimed_version,
    status: statusFromDb(row.claimed_status),
    dateClosed: row.claimed_date_closed === null ? null : localDate(row.claimed_date_closed),
    current: { ...current, active: true },
    history,
    ...(before.openTasks ? { openTasks: before.openTasks.filter((t) => !canceled.has(t.id)) } : {}),
  };
}

/** The columns of a row's values, for an INSERT … SELECT (see selectedValues). */
function columnsOf<R extends object>(values: R): (keyof R & string)[] {
  return Object.keys(values) as (keyof R & string)[];
}

/**
 * A row's values as the select list of an INSERT … SELECT from a CTE: the row is written only when the
 * CTE returns one (each value is a parameter PostgreSQL types from the column it goes to).
 */
function selectedValues<D, TB extends keyof D, R extends object>(eb: ExpressionBuilder<D, TB>, values: R) {
  return Object.entries(values).map(([column, value]) => eb.val(value).as(column));
}

/** Whether entering the plan's stage creates tasks (its stage has an activity): see stageTasks. */
function needsStageTasks(loaded: LoadedOpportunity, entry: NewEntry): boolean {
  if (!entry.createTasksForStage || entry.stage === null) return false;
  return Boolean(loaded.cycle.stages.find((s) => s.stage === entry.stage)?.activityCode);
}

/** One task per step of the entered stage's activity, dated from the date of change (§9). */
async function stageTasks(
  db: SqlDatabase,
  loaded: LoadedOpportunity,
  entry: NewEntry,
): Promise<{ description: string; date: LocalDate }[]> {
  const stage = loaded.cycle.stages.find((s) => s.stage === entry.stage);
  if (!stage?.activityCode) return [];
  const steps = await db
    .selectFrom('activity as a')
    .innerJoin('activity_step as st', 'st.activity_id', 'a.id')
    .select(['st.description', 'st.date_formula'])
    .where('a.workspace_id', '=', loaded.row.workspaceId)
    .where('a.code', '=', stage.activityCode)
    .orderBy('st.step_no')
    .execute();
  return steps.map((step) => ({
    description: step.description,
    date: applyDateFormula(entry.dateOfChange, parseDateFormula(step.date_formula)),
  }));
}

/** The opportunity's new quote (§10.1: In Progress, no quote yet, a company to sell to) with its lines; its number. */
async function insertQuote(
  tx: SqlTransaction,
  workspaceId: string,
  loaded: LoadedOpportunity,
  lines: readonly QuoteLine[],
  today: LocalDate,
  now: Date,
): Promise<string> {
  const { customerContactNo } = checkCanCreateQuote({
    opportunityNo: loaded.ref.no,
    status: loaded.ref.status,
    contact: loaded.contact,
    hasQuote: loaded.quote !== null,
  });
  const settings = await ensureWorkspace(tx, workspaceId);
  const customer = await ensureCustomerOfContactNo(tx, workspaceId, customerContactNo, now);
  const quoteNo = await takeNextNo(tx, workspaceId, 'quote', settings.quotePrefix);
  const quote = await tx
    .insertInto('sales_quote')
    .values({
      workspace_id: workspaceId,
      no: quoteNo,
      opportunity_id: loaded.row.id,
      contact_id: loaded.row.contactId,
      customer_id: customer.id,
      salesperson_id: loaded.row.salespersonId,
      order_date: loaded.active?.estimatedCloseDate ?? today,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertQuoteLines(tx, quote.id, lines);
  return quoteNo;
}

async function insertQuoteLines(tx: SqlTransaction, quoteId: number, lines: readonly QuoteLine[]): Promise<void> {
  if (lines.length === 0) return;
  await tx
    .insertInto('sales_quote_line')
    .values(
      lines.map((l) => ({
        quote_id: quoteId,
        line_no: l.lineNo,
        description: l.description,
        quantity: toDbDecimal(l.quantity),
        unit_price: toDbDecimal(l.unitPrice),
        line_discount_pct: toDbDecimal(l.discountPct),
        amount: toDbDecimal(l.amount),
      })),
    )
    .execute();
}

/** The workspace's close codes with their ids, in code order. */
function closeCodeRows(db: SqlDatabase, workspaceId: string) {
  return db
    .selectFrom('close_opportunity_code')
    .select(['id', 'code', 'description', 'type'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('code')
    .execute();
}

function closeCodeOf(row: { code: string; description: string; type: string }): CloseCode {
  return { code: row.code, description: row.description, type: row.type === 'WON' ? 'won' : 'lost' };
}

async function listCodes(db: SqlDatabase, workspaceId: string): Promise<CloseCode[]> {
  return (await closeCodeRows(db, workspaceId)).map(closeCodeOf);
}

/**
 * The customer of the contact numbered `no`, read with the contact in one trip; created from the contact
 * when it has none (ensureCustomerForContact, §8.3), which only a contact's first quote or Won needs.
 */
async function ensureCustomerOfContactNo(
  tx: SqlTransaction,
  workspaceId: string,
  no: string,
  now: Date,
): Promise<{ id: number; no: string; name: string }> {
  const contact = await tx
    .selectFrom('contact as c')
    .leftJoin('customer as cu', 'cu.contact_id', 'c.id')
    .select(['c.id', 'c.name', 'cu.id as customer_id', 'cu.no as customer_no', 'cu.name as customer_name'])
    .where('c.workspace_id', '=', workspaceId)
    .where('c.no', '=', no)
    .executeTakeFirstOrThrow();
  if (contact.customer_id !== null && contact.customer_no !== null && contact.customer_name !== null)
    return { id: contact.customer_id, no: contact.customer_no, name: contact.customer_name };
  return ensureCustomerForContact(tx, workspaceId, contact, now);
}

async function findContactById(db: SqlDatabase, id: number) {
  return db.selectFrom('contact').select(['id', 'name']).where('id', '=', id).executeTakeFirstOrThrow();
}

/** The workspace's default cycle if usable, else the only unblocked cycle, else none (the user must pick). */
async function defaultCycleCode(
  db: SqlDatabase,
  workspaceId: string,
  configured: string | null,
): Promise<string | null> {
  if (configured) {
    const row = await db
      .selectFrom('sales_cycle')
      .select(['code', 'blocked'])
      .where('workspace_id', '=', workspaceId)
      .where('code', '=', configured)
      .executeTakeFirst();
    if (row && !row.blocked) return row.code;
  }
  const usable = await db
    .selectFrom('sales_cycle')
    .select('code')
    .where('workspace_id', '=', workspaceId)
    .where('blocked', '=', false)
    .limit(2)
    .execute();
  return usable.length === 1 && usable[0] ? usable[0].code : null;
}

/** The opportunities a purge with this filter deletes (closed ones only), joined to what the filter names. */
function selectPurgeable(db: SqlDatabase, workspaceId: string, input: PurgeFilterInput) {
  const filter = validatePurgeFilter(input);
  let query = db
    .selectFrom('opportunity as o')
    .innerJoin('salesperson as sp', 'sp.id', 'o.salesperson_id')
    .innerJoin('contact as c', 'c.id', 'o.contact_id')
    .innerJoin('sales_cycle as sc', 'sc.id', 'o.sales_cycle_id')
    .where('o.workspace_id', '=', workspaceId)
    .where(
      'o.status',
      'in',
      filter.statuses.map((s) => STATUS_TO_DB[s]),
    );
  if (filter.closedBefore) query = query.where('o.date_closed', '<', filter.closedBefore);
  if (filter.closedAfter) query = query.where('o.date_closed', '>', filter.closedAfter);
  if (filter.salespersonCode) query = query.where('sp.code', '=', filter.salespersonCode);
  if (filter.contactNo) query = query.where('c.no', '=', filter.contactNo.toUpperCase());
  if (filter.salesCycleCode) query = query.where('sc.code', '=', filter.salesCycleCode.toUpperCase());
  return query;
}

/** The card of an opportunity just changed (read after its change was stored), or ChangeSavedError. */
async function readBack(db: SqlDatabase, workspaceId: string, no: string): Promise<OpportunityDetail> {
  try {
    return await loadOpportunityDetail(db, workspaceId, no);
  } catch (error) {
    throw new ChangeSavedError(no, error);
  }
}
