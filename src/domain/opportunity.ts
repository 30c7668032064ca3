// Opportunities and their stage moves (spec §5, §6, §7). An opportunity's numbers live on its single
// active entry; every change plans a NEW entry and the previous one is closed off with Days Open.
import { roundMoney, ZERO, type Decimal } from './decimal.ts';
import { calcDate } from './date-formula.ts';
import { daysBetween, maxDate, type LocalDate } from './local-date.ts';
import { contactCompanyNo, type Contact } from './contact.ts';
import { computeEstimates } from './probability.ts';
import { DomainError } from './problems.ts';
import {
  checkCycleAssignable,
  findStage,
  firstStage,
  jumpTargets,
  nextStage,
  previousStage,
  skipTargets,
  type SalesCycle,
  type SalesCycleWithStages,
  type Stage,
} from './sales-cycle.ts';
import { checkPercent, requiredText } from './text.ts';
import type { CloseOutcome, MoveAction, OpportunityStatus } from './opportunity-status.ts';

export type { CloseOutcome, MoveAction, OpportunityStatus };
/** 'none' is BC's blank Action Taken, written by the first activation. There is no "skipped". */
export type ActionTaken = 'none' | 'next' | 'previous' | 'updated' | 'jumped' | 'won' | 'lost';
export type Priority = 'low' | 'normal' | 'high';

/** In the order the Update wizard lists them. */
export const MOVE_ACTIONS: readonly MoveAction[] = ['first', 'next', 'previous', 'skip', 'jump', 'update'];

export interface OpportunityRef {
  no: string;
  status: OpportunityStatus;
}

export interface LinkedQuote {
  /** Total excluding VAT, LCY. */
  amount: Decimal;
}

/** The opportunity's current entry: everything shown on the opportunity is read from it. */
export interface ActiveEntry {
  /** null on Won/Lost entries. */
  stage: number | null;
  stageDescription: string;
  dateOfChange: LocalDate;
  estimatedValue: Decimal;
  chancesPct: Decimal;
  completedPct: Decimal;
  probabilityPct: Decimal;
  calcdCurrentValue: Decimal;
  estimatedCloseDate: LocalDate;
  actionTaken: ActionTaken;
}

/** The entry to insert (active) after deactivating the current one. */
export interface NewEntry {
  stage: number | null;
  stageDescription: string;
  previousStage: number | null;
  actionTaken: ActionTaken;
  dateOfChange: LocalDate;
  estimatedValue: Decimal;
  chancesPct: Decimal;
  completedPct: Decimal;
  probabilityPct: Decimal;
  calcdCurrentValue: Decimal;
  estimatedCloseDate: LocalDate;
  dateClosed: LocalDate | null;
  closeCode: string | null;
  /** Cancel all open tasks of the opportunity before anything else. */
  cancelOldTasks: boolean;
  /** Create the tasks of the entered stage's activity (if the stage has one). */
  createTasksForStage: boolean;
}

/**
 * A value of the opportunity that a move replaced without the person typing it: Next, Previous, Skip and
 * Jump take the new stage's chances and date formula, a linked quote's amount, and a Won close the quote's
 * amount over a typed sales amount (as Business Central does). The reply says each one, so nothing changes without a word.
 */
export type Replacement =
  | { field: 'chances'; from: Decimal; to: Decimal; stage: number }
  | { field: 'estimated-close-date'; from: LocalDate; to: LocalDate; formula: string; stage: number }
  | { field: 'estimated-value'; from: Decimal; to: Decimal; source: 'linked-quote' }
  | { field: 'sales-amount'; from: Decimal; to: Decimal; source: 'linked-quote' };

export interface MovePlan {
  entry: NewEntry;
  /** What the move replaced that the person did not type (empty for Update and for the first stage). */
  replaced: Replacement[];
  /** Days Open to write on the entry being deactivated; null when there is none. */
  daysOpenOfPrevious: number | null;
  newStatus: 'in_progress';
}

// ---- which moves are possible ------------------------------------------------------------------

export interface ActionsInput {
  status: OpportunityStatus;
  stages: readonly Stage[];
  /** Stage of the active entry; null when not started. */
  currentStage: number | null;
}

/**
 * The stages an action may land on (§6.1–6.4). Skip and Jump need at least two candidates (with
 * one it would just be Next/Previous), so fewer give an empty list. Status is not considered here.
 */
export function allowedTargets(action: MoveAction, stages: readonly Stage[], currentStage: number | null): Stage[] {
  if (action === 'first') {
    const first = currentStage === null ? firstStage(stages) : undefined;
    return first ? [first] : [];
  }
  if (currentStage === null) return [];
  switch (action) {
    case 'next':
      return listOf(nextStage(stages, currentStage));
    case 'previous':
      return listOf(previousStage(stages, currentStage));
    case 'skip':
      return atLeastTwo(skipTargets(stages, currentStage));
    case 'jump':
      return atLeastTwo(jumpTargets(stages, currentStage));
    case 'update':
      return listOf(findStage(stages, currentStage));
  }
}

/** Nothing for closed opportunities; only First before the start; First never after it. */
export function availableActions(input: ActionsInput): MoveAction[] {
  if (input.status === 'won' || input.status === 'lost') return [];
  const current = input.status === 'not_started' ? null : input.currentStage;
  return MOVE_ACTIONS.filter((action) => allowedTargets(action, input.stages, current).length > 0);
}

/** First if not started, else Next if there is a next stage, else Update; null if none is possible. */
export function defaultAction(input: ActionsInput): MoveAction | null {
  const available = availableActions(input);
  for (const action of ['first', 'next', 'update'] as const) if (available.includes(action)) return action;
  return null;
}

// ---- planning a move (Update Opportunity wizard) -----------------------------------------------

export interface MoveContext {
  opportunity: OpportunityRef;
  cycle: SalesCycleWithStages;
  active: ActiveEntry | null;
  linkedQuote: LinkedQuote | null;
  action: MoveAction;
  /** Required only to pick a non-default Skip/Jump target. */
  targetStage?: number | undefined;
  today: LocalDate;
}

export interface MoveInput extends MoveContext {
  dateOfChange?: LocalDate | undefined;
  estimatedValue?: Decimal | undefined;
  chancesPct?: Decimal | undefined;
  estimatedCloseDate?: LocalDate | undefined;
  cancelOldTasks?: boolean | undefined;
}

/** What the wizard shows before the user edits anything (§6.6). */
export interface MoveProposal {
  action: MoveAction;
  target: Stage;
  allowedTargets: Stage[];
  dateOfChange: LocalDate;
  estimatedValue: Decimal;
  chancesPct: Decimal;
  estimatedCloseDate: LocalDate;
  cancelOldTasks: boolean;
}

/** Defaults for the wizard form; throws the same availability problems as planMove. */
export function proposeMove(input: MoveContext & { dateOfChange?: LocalDate | undefined }): MoveProposal {
  const targets = availableTargets(input);
  const target = pickTarget(input, targets);
  const dateOfChange = input.dateOfChange ?? defaultDateOfChange(input.active, input.today);
  const active = input.active;
  // Update stays at the stage: it changes what the person types and keeps the rest as it is (a closing
  // date already passed is proposed again from the stage's formula, since it may not stay before the change).
  if (input.action === 'update' && active) {
    return {
      action: input.action,
      target,
      allowedTargets: targets,
      dateOfChange,
      estimatedValue: active.estimatedValue,
      chancesPct: active.chancesPct,
      estimatedCloseDate:
        active.estimatedCloseDate < dateOfChange
          ? calcDate(target.dateFormula, dateOfChange)
          : active.estimatedCloseDate,
      cancelOldTasks: false,
    };
  }
  return {
    action: input.action,
    target,
    allowedTargets: targets,
    dateOfChange,
    estimatedValue: input.linkedQuote ? roundMoney(input.linkedQuote.amount) : (active?.estimatedValue ?? ZERO),
    chancesPct: target.chancesPct,
    estimatedCloseDate: calcDate(target.dateFormula, dateOfChange),
    cancelOldTasks: false,
  };
}

/**
 * Validates a move in BC's order (§6.6) and plans the entry to write. Missing user values take the
 * wizard's defaults (see proposeMove).
 */
export function planMove(input: MoveInput): MovePlan {
  const { active, action } = input;
  const targets = availableTargets(input);
  const dateOfChange = input.dateOfChange ?? defaultDateOfChange(active, input.today);
  if (active && dateOfChange < active.dateOfChange) {
    throw new DomainError({ kind: 'date-of-change-before-last', dateOfChange, lastDateOfChange: active.dateOfChange });
  }
  const target = pickTarget(input, targets);
  // Quote Required guards the stage being ENTERED, and only by Next or Skip (§6.5).
  if ((action === 'next' || action === 'skip') && target.quoteRequired && !input.linkedQuote) {
    throw new DomainError({ kind: 'quote-required', stage: target.stage, stageDescription: target.description });
  }

  const proposal = proposeMove({ ...input, dateOfChange });
  const estimatedValue = roundMoney(input.estimatedValue ?? proposal.estimatedValue);
  if (!estimatedValue.greaterThan(ZERO)) {
    throw new DomainError({
      kind: 'must-be-positive',
      field: 'estimated-value',
      // Not typed and kept from the opportunity: the reply says how to give one. (First asks for it in its form.)
      ...(input.estimatedValue === undefined && action !== 'first' ? { untypedOn: input.opportunity.no } : {}),
    });
  }
  const enteredChances = input.chancesPct ?? proposal.chancesPct;
  if (!enteredChances.greaterThan(ZERO)) throw new DomainError({ kind: 'must-be-positive', field: 'chances' });
  checkPercent(enteredChances, 'chances');
  const enteredCloseDate = input.estimatedCloseDate ?? proposal.estimatedCloseDate;
  if (enteredCloseDate < dateOfChange) {
    throw new DomainError({ kind: 'close-date-before-change', estimatedCloseDate: enteredCloseDate, dateOfChange });
  }

  // For Skip and Jump the stage's chances replace the user's (when the stage has one).
  const overrideChances = enteredChances.isZero() || action === 'skip' || action === 'jump';
  const chancesPct = overrideChances && !target.chancesPct.isZero() ? target.chancesPct : enteredChances;

  const entry = stageEntry({
    cycle: input.cycle,
    target,
    previousStage: active?.stage ?? null,
    actionTaken: actionTakenFor(action, target, input.cycle.stages, active?.stage ?? null),
    dateOfChange,
    estimatedValue,
    chancesPct,
    estimatedCloseDate: enteredCloseDate,
    cancelOldTasks: action === 'first' ? false : (input.cancelOldTasks ?? false),
    createTasksForStage: action !== 'update',
  });
  return {
    entry,
    replaced: replacements(input, target, entry),
    daysOpenOfPrevious: active ? daysBetween(active.dateOfChange, dateOfChange) : null,
    newStatus: 'in_progress',
  };
}

/**
 * What the move put in place of the opportunity's current values (or of what the person typed) on its
 * own: the stage's chances (also over typed ones, for Skip and Jump), the closing date from the stage's
 * formula, the linked quote's amount. Nothing for the first stage (there is nothing to replace yet).
 */
function replacements(input: MoveInput, target: Stage, entry: NewEntry): Replacement[] {
  const active = input.active;
  if (!active || input.action === 'first') return [];
  const replaced: Replacement[] = [];
  const chancesBefore = input.chancesPct ?? active.chancesPct;
  if (!entry.chancesPct.equals(chancesBefore)) {
    replaced.push({ field: 'chances', from: chancesBefore, to: entry.chancesPct, stage: target.stage });
  }
  if (input.estimatedCloseDate === undefined && entry.estimatedCloseDate !== active.estimatedCloseDate) {
    replaced.push({
      field: 'estimated-close-date',
      from: active.estimatedCloseDate,
      to: entry.estimatedCloseDate,
      formula: target.dateFormula,
      stage: target.stage,
    });
  }
  if (input.estimatedValue === undefined && input.linkedQuote && !entry.estimatedValue.equals(active.estimatedValue)) {
    replaced.push({
      field: 'estimated-value',
      from: active.estimatedValue,
      to: entry.estimatedValue,
      source: 'linked-quote',
    });
  }
  return replaced;
}

/** Step 1 of the checks: the opportunity is open, the cycle has stages, the action is offered. */
function availableTargets(input: MoveContext): Stage[] {
  const { opportunity, cycle, active, action } = input;
  assertOpen(opportunity);
  assertConsistent(opportunity, active);
  if (cycle.stages.length === 0) throw new DomainError({ kind: 'no-stages', cycle: cycle.code });
  const currentStage = active?.stage ?? null;
  if (!availableActions({ status: opportunity.status, stages: cycle.stages, currentStage }).includes(action)) {
    throw new DomainError({
      kind: 'action-not-available',
      action,
      opportunityNo: opportunity.no,
      ...(opportunity.status === 'not_started' ? { notStarted: true } : {}),
    });
  }
  return allowedTargets(action, cycle.stages, currentStage);
}

/** The chosen stage, which must be in the list; by default Skip takes the immediate next stage
 *  and Jump the immediate previous one. */
function pickTarget(input: MoveContext, targets: Stage[]): Stage {
  const target =
    input.targetStage === undefined
      ? input.action === 'jump'
        ? targets.at(-1)
        : targets[0]
      : findStage(targets, input.targetStage);
  if (!target) {
    throw new DomainError({
      kind: 'stage-not-allowed',
      action: input.action,
      stage: input.targetStage ?? Number.NaN,
      allowed: targets.map((s) => s.stage),
    });
  }
  return target;
}

/** Skip to the adjacent stage is recorded as Next, Jump to the adjacent one as Previous (§6.1). */
function actionTakenFor(
  action: MoveAction,
  target: Stage,
  stages: readonly Stage[],
  current: number | null,
): ActionTaken {
  switch (action) {
    case 'first':
      return 'none';
    case 'next':
      return 'next';
    case 'previous':
      return 'previous';
    case 'update':
      return 'updated';
    case 'skip':
      return current !== null && nextStage(stages, current)?.stage === target.stage ? 'next' : 'jumped';
    case 'jump':
      return current !== null && previousStage(stages, current)?.stage === target.stage ? 'previous' : 'jumped';
  }
}

function defaultDateOfChange(active: ActiveEntry | null, today: LocalDate): LocalDate {
  return active ? maxDate(active.dateOfChange, today) : today;
}

/** BC's UpdateEstimates for a stage entry: completed always from the stage; a close date equal to
 *  the date of change means "use the stage's formula". */
function stageEntry(values: {
  cycle: SalesCycle;
  target: Stage;
  previousStage: number | null;
  actionTaken: ActionTaken;
  dateOfChange: LocalDate;
  estimatedValue: Decimal;
  chancesPct: Decimal;
  estimatedCloseDate: LocalDate;
  cancelOldTasks: boolean;
  createTasksForStage: boolean;
}): NewEntry {
  const { target, dateOfChange } = values;
  const completedPct = target.completedPct;
  const estimates = computeEstimates(values.cycle.probabilityCalculation, {
    estimatedValue: values.estimatedValue,
    chancesPct: values.chancesPct,
    completedPct,
  });
  return {
    stage: target.stage,
    stageDescription: target.description,
    previousStage: values.previousStage,
    actionTaken: values.actionTaken,
    dateOfChange,
    estimatedValue: values.estimatedValue,
    chancesPct: values.chancesPct,
    completedPct,
    probabilityPct: estimates.probabilityPct,
    calcdCurrentValue: estimates.calcdCurrentValue,
    estimatedCloseDate:
      values.estimatedCloseDate === dateOfChange
        ? calcDate(target.dateFormula, dateOfChange)
        : values.estimatedCloseDate,
    dateClosed: null,
    closeCode: null,
    cancelOldTasks: values.cancelOldTasks,
    createTasksForStage: values.createTasksForStage,
  };
}

// ---- starting: activate the first stage (§5.4) --------------------------------------------------

export interface ActivateFirstStageInput {
  /** 'card': the Activate First Stage action, asks no estimates. 'wizard': Create Opportunity with
   *  "activate first stage" ticked, estimates required. */
  route: 'card' | 'wizard';
  opportunity: OpportunityRef;
  cycle: SalesCycleWithStages;
  today: LocalDate;
  /** wizard route only */
  estimatedValue?: Decimal | undefined;
  chancesPct?: Decimal | undefined;
  estimatedCloseDate?: LocalDate | undefined;
}

/** Neither route checks Quote Required on the first stage. */
export function planActivateFirstStage(input: ActivateFirstStageInput): MovePlan {
  const { opportunity, cycle, today } = input;
  assertOpen(opportunity);
  if (opportunity.status !== 'not_started')
    throw new DomainError({ kind: 'already-started', opportunityNo: opportunity.no });
  const stage = firstStage(cycle.stages);
  if (!stage) throw new DomainError({ kind: 'no-stages', cycle: cycle.code });

  let estimatedValue = ZERO;
  let chancesPct = stage.chancesPct;
  let estimatedCloseDate = today; // equal to the date of change: replaced by the stage formula
  if (input.route === 'wizard') {
    estimatedValue = roundMoney(input.estimatedValue ?? ZERO);
    if (!estimatedValue.greaterThan(ZERO))
      throw new DomainError({ kind: 'must-be-positive', field: 'estimated-value' });
    chancesPct = input.chancesPct ?? ZERO;
    if (!chancesPct.greaterThan(ZERO)) throw new DomainError({ kind: 'must-be-positive', field: 'chances' });
    checkPercent(chancesPct, 'chances');
    if (!input.estimatedCloseDate) throw new DomainError({ kind: 'required', field: 'estimated-close-date' });
    // Deliberate tightening: BC's own check here never fires (§5.3).
    if (input.estimatedCloseDate < today) {
      throw new DomainError({ kind: 'close-date-before-today', estimatedCloseDate: input.estimatedCloseDate, today });
    }
    estimatedCloseDate = input.estimatedCloseDate;
  }
  return {
    replaced: [],
    entry: stageEntry({
      cycle,
      target: stage,
      previousStage: null,
      actionTaken: 'none',
      dateOfChange: today,
      estimatedValue,
      chancesPct,
      estimatedCloseDate,
      cancelOldTasks: false,
      createTasksForStage: true,
    }),
    daysOpenOfPrevious: null,
    newStatus: 'in_progress',
  };
}

// ---- creating and editing -----------------------------------------------------------------------

export interface SalespersonRef {
  code: string;
  name: string;
  blocked: boolean;
}

export interface NewOpportunityInput {
  description: string;
  contact: Contact | null;
  salesperson: SalespersonRef | null;
  cycle: SalesCycle | null;
  priority?: Priority | undefined;
  /** Ignored on purpose: the creation date is always today (§5.1 QUIRK, §14.16). */
  creationDate?: LocalDate | null | undefined;
  today: LocalDate;
}

export interface NewOpportunity {
  description: string;
  contactNo: string;
  contactCompanyNo: string | null;
  salespersonCode: string;
  salesCycleCode: string;
  priority: Priority;
  status: 'not_started';
  creationDate: LocalDate;
}

export function validateNewOpportunity(input: NewOpportunityInput): NewOpportunity {
  const description = requiredText(input.description, 'description');
  if (!input.contact) throw new DomainError({ kind: 'required', field: 'contact' });
  if (!input.salesperson) throw new DomainError({ kind: 'required', field: 'salesperson' });
  checkSalespersonAssignable(input.salesperson);
  if (!input.cycle) throw new DomainError({ kind: 'required', field: 'sales-cycle' });
  checkCycleAssignable(input.cycle);
  return {
    description,
    contactNo: input.contact.no,
    contactCompanyNo: contactCompanyNo(input.contact),
    salespersonCode: input.salesperson.code,
    salesCycleCode: input.cycle.code,
    priority: input.priority ?? 'normal',
    status: 'not_started',
    creationDate: input.today,
  };
}

export function checkSalespersonAssignable(salesperson: SalespersonRef): void {
  if (salesperson.blocked) throw new DomainError({ kind: 'salesperson-blocked', name: salesperson.name });
}

/** The sales cycle can be changed only before the start, and not to a blocked one (§5.1). */
export function checkSalesCycleChange(input: { opportunity: OpportunityRef; newCycle: SalesCycle }): void {
  assertOpen(input.opportunity);
  if (input.opportunity.status !== 'not_started') {
    throw new DomainError({ kind: 'sales-cycle-locked', opportunityNo: input.opportunity.no });
  }
  checkCycleAssignable(input.newCycle);
}

/** Throws `opportunity-closed` for Won/Lost opportunities. */
export function assertOpen(opportunity: OpportunityRef): void {
  const { status } = opportunity;
  if (status === 'won' || status === 'lost')
    throw new DomainError({ kind: 'opportunity-closed', opportunityNo: opportunity.no, status });
}

/** A started opportunity has an active entry, a not-started one none: anything else is a bug. */
function assertConsistent(opportunity: OpportunityRef, active: ActiveEntry | null): void {
  if ((opportunity.status === 'not_started') !== (active === null)) {
    throw new Error(`opportunity ${opportunity.no}: status ${opportunity.status} does not match its entries`);
  }
}

function listOf<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

function atLeastTwo<T>(list: T[]): T[] {
  return list.length >= 2 ? list : [];
}
