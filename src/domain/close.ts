// Closing an opportunity as Won or Lost (spec §8) and the Lost entry forced by deleting a won
// order (§10.3). A closing entry has no stage and creates no tasks.
import { HUNDRED, roundMoney, ZERO, type Decimal } from './decimal.ts';
import { checkCloseCode, defaultCloseCode, type CloseCode } from './close-code.ts';
import type { Contact } from './contact.ts';
import { daysBetween, maxDate, type LocalDate } from './local-date.ts';
import {
  assertOpen,
  type ActiveEntry,
  type CloseOutcome,
  type LinkedQuote,
  type NewEntry,
  type OpportunityRef,
  type Replacement,
} from './opportunity.ts';
import { DomainError } from './problems.ts';

export { defaultCloseCode };

export interface CloseInput {
  /** creationDate bounds the closing date of a never-started opportunity. */
  opportunity: OpportunityRef & { creationDate?: LocalDate | undefined };
  active: ActiveEntry | null;
  outcome: CloseOutcome | null | undefined;
  closeCode: CloseCode | null | undefined;
  /** Default: the later of the last date of change and today. */
  closingDate?: LocalDate | undefined;
  /** Sales (LCY) typed for Won; ignored when a quote is linked (the quote amount wins). */
  salesAmount?: Decimal | undefined;
  linkedQuote: LinkedQuote | null;
  /** Default true (unlike moves). */
  cancelOldTasks?: boolean | undefined;
  today: LocalDate;
}

export interface ClosePlan {
  entry: NewEntry;
  /** A typed sales amount the linked quote's amount replaced (Won), said in the reply. */
  replaced: Replacement[];
  daysOpenOfPrevious: number | null;
  newStatus: CloseOutcome;
  /** Goes on the opportunity too. */
  dateClosed: LocalDate;
}

export interface CloseProposal {
  closingDate: LocalDate;
  cancelOldTasks: true;
  /** The quote amount for Won with a linked quote; otherwise null (the user types it). Lost: 0. */
  salesAmount: Decimal | null;
  closeCode: CloseCode | null;
}

/** What the Close form shows before the user edits it. */
export function proposeClose(input: {
  active: ActiveEntry | null;
  linkedQuote: LinkedQuote | null;
  outcome: CloseOutcome;
  codes: readonly CloseCode[];
  today: LocalDate;
}): CloseProposal {
  return {
    closingDate: input.active ? maxDate(input.active.dateOfChange, input.today) : input.today,
    cancelOldTasks: true,
    salesAmount: input.outcome === 'lost' ? ZERO : input.linkedQuote ? roundMoney(input.linkedQuote.amount) : null,
    closeCode: defaultCloseCode(input.codes, input.outcome),
  };
}

/**
 * Validates in BC's order (outcome, close code, closing date, sales) and plans the closing entry.
 * Allowed from Not Started and In Progress. The caller must also make sure a customer exists for
 * Won (see customerContactForWon). Closing never touches the linked quote (§8.1).
 */
export function planClose(input: CloseInput): ClosePlan {
  const { opportunity, active } = input;
  assertOpen(opportunity);
  const outcome = input.outcome;
  if (outcome !== 'won' && outcome !== 'lost') throw new DomainError({ kind: 'required', field: 'outcome' });
  const code = checkCloseCode(input.closeCode, outcome);

  const closingDate = input.closingDate ?? (active ? maxDate(active.dateOfChange, input.today) : input.today);
  // Deliberate tightening: BC checks nothing here, so Days Open could go negative.
  const lastChange = active?.dateOfChange ?? opportunity.creationDate;
  if (lastChange !== undefined && closingDate < lastChange) {
    throw new DomainError({ kind: 'closing-date-before-last-change', closingDate, lastChange });
  }

  let salesAmount = ZERO;
  const replaced: Replacement[] = [];
  if (outcome === 'won') {
    salesAmount = roundMoney(input.linkedQuote ? input.linkedQuote.amount : (input.salesAmount ?? ZERO));
    if (!salesAmount.greaterThan(ZERO)) {
      throw new DomainError({
        kind: 'must-be-positive',
        field: 'sales-amount',
        ...(input.linkedQuote ? { source: 'linked-quote' as const } : {}),
      });
    }
    const typed = input.salesAmount === undefined ? undefined : roundMoney(input.salesAmount);
    if (input.linkedQuote && typed !== undefined && !typed.equals(salesAmount))
      replaced.push({ field: 'sales-amount', from: typed, to: salesAmount, source: 'linked-quote' });
  }

  const won = outcome === 'won';
  return {
    entry: {
      stage: null,
      stageDescription: '',
      previousStage: active?.stage ?? null,
      actionTaken: outcome,
      dateOfChange: closingDate,
      // The estimate is kept for the record; Sales (LCY) goes into Calcd. Current Value.
      estimatedValue: active?.estimatedValue ?? ZERO,
      chancesPct: won ? HUNDRED : ZERO,
      completedPct: HUNDRED,
      probabilityPct: won ? HUNDRED : ZERO,
      calcdCurrentValue: salesAmount,
      estimatedCloseDate: closingDate,
      dateClosed: closingDate,
      closeCode: code.code,
      cancelOldTasks: input.cancelOldTasks ?? true,
      createTasksForStage: false,
    },
    replaced,
    daysOpenOfPrevious: active ? daysBetween(active.dateOfChange, closingDate) : null,
    newStatus: outcome,
    dateClosed: closingDate,
  };
}

/**
 * The Lost entry written when the order of a Won opportunity is deleted (§10.3): no close code,
 * dated today, estimated value kept from the last entry.
 */
export function planLostOnOrderDeletion(input: {
  opportunity: OpportunityRef;
  active: ActiveEntry;
  today: LocalDate;
}): ClosePlan {
  const { active, today } = input;
  if (input.opportunity.status !== 'won') throw new Error(`opportunity ${input.opportunity.no} is not won`);
  return {
    entry: {
      stage: null,
      stageDescription: '',
      previousStage: active.stage,
      actionTaken: 'lost',
      dateOfChange: today,
      estimatedValue: active.estimatedValue,
      chancesPct: ZERO,
      completedPct: HUNDRED,
      probabilityPct: ZERO,
      calcdCurrentValue: ZERO,
      estimatedCloseDate: today,
      dateClosed: today,
      closeCode: null,
      cancelOldTasks: false,
      createTasksForStage: false,
    },
    replaced: [],
    daysOpenOfPrevious: daysBetween(active.dateOfChange, today),
    newStatus: 'lost',
    dateClosed: today,
  };
}

/**
 * Won needs a customer (§8.3): the contact no. to find or create it from – the contact itself if it is
 * a company, its company if it is a person with one, and the person themself otherwise (Business
 * Central creates the customer from the contact then).
 */
export function customerContactForWon(contact: Contact): string {
  if (contact.type === 'company') return contact.no;
  return contact.companyNo ?? contact.no;
}
