// Sales cycles and their stages (spec §2, §3) and the stage lists the Update wizard offers (§6.3, §6.4).
import type { Decimal } from './decimal.ts';
import { normaliseDateFormula } from './date-formula.ts';
import { DomainError } from './problems.ts';
import type { ProbabilityCalculation } from './probability.ts';
import { checkPercent, limitedText } from './text.ts';

export interface SalesCycle {
  code: string;
  description: string;
  probabilityCalculation: ProbabilityCalculation;
  blocked: boolean;
}

export interface Stage {
  /** Ordering key ≥ 1; numbers may have gaps (10, 20, 40). */
  stage: number;
  description: string;
  completedPct: Decimal;
  chancesPct: Decimal;
  quoteRequired: boolean;
  /** This stage may be passed over by a Skip (not: "may be skipped to"). */
  allowSkip: boolean;
  /** Normalised date formula text, "" = none. */
  dateFormula: string;
  activityCode: string | null;
}

export interface SalesCycleWithStages extends SalesCycle {
  /** In any order; the helpers sort. */
  stages: readonly Stage[];
}

export const CODE_MAX_LENGTH = 10;

// ---- ordering -------------------------------------------------------------------------------

export function sortStages<T extends { stage: number }>(stages: readonly T[]): T[] {
  return [...stages].sort((a, b) => a.stage - b.stage);
}

export function findStage<T extends { stage: number }>(stages: readonly T[], stage: number): T | undefined {
  return stages.find((s) => s.stage === stage);
}

/** The lowest-numbered stage (the one First activates). */
export function firstStage<T extends { stage: number }>(stages: readonly T[]): T | undefined {
  return sortStages(stages)[0];
}

/** The next higher existing stage number after `current` (gaps allowed). */
export function nextStage<T extends { stage: number }>(stages: readonly T[], current: number): T | undefined {
  return sortStages(stages).find((s) => s.stage > current);
}

/** The next lower existing stage number before `current`. */
export function previousStage<T extends { stage: number }>(stages: readonly T[], current: number): T | undefined {
  return sortStages(stages)
    .filter((s) => s.stage < current)
    .at(-1);
}

/**
 * Skip targets (§6.3): the consecutive stages after `current` that allow being skipped, plus the
 * first one that does not. Empty when the immediate next stage is not skippable.
 */
export function skipTargets(stages: readonly Stage[], current: number): Stage[] {
  const targets: Stage[] = [];
  for (const stage of sortStages(stages).filter((s) => s.stage > current)) {
    if (targets.length === 0 && !stage.allowSkip) return [];
    targets.push(stage);
    if (!stage.allowSkip) break;
  }
  return targets;
}

/** Jump targets (§6.4): every stage below the current one, in order. */
export function jumpTargets(stages: readonly Stage[], current: number): Stage[] {
  return sortStages(stages).filter((s) => s.stage < current);
}

// ---- validation ------------------------------------------------------------------------------

/** Codes are upper case, trimmed, 1–10 characters (BC Code[10]). */
export function normaliseCode(code: string, entity: 'sales-cycle' | 'close-code'): string {
  const normalised = code.trim().toUpperCase();
  if (normalised === '' || [...normalised].length > CODE_MAX_LENGTH || /\s/.test(normalised)) {
    throw new DomainError({ kind: 'code-invalid', entity, code, max: CODE_MAX_LENGTH });
  }
  return normalised;
}

export interface SalesCycleInput {
  code: string;
  description?: string;
  probabilityCalculation?: ProbabilityCalculation;
  blocked?: boolean;
}

export function validateSalesCycle(input: SalesCycleInput): SalesCycle {
  return {
    code: normaliseCode(input.code, 'sales-cycle'),
    description: limitedText(input.description, 'description'),
    probabilityCalculation: input.probabilityCalculation ?? 'multiply',
    blocked: input.blocked ?? false,
  };
}

export interface StageInput {
  stage: number;
  description?: string;
  completedPct: Decimal;
  chancesPct: Decimal;
  quoteRequired?: boolean;
  allowSkip?: boolean;
  dateFormula?: string;
  activityCode?: string | null;
}

export function validateStage(input: StageInput): Stage {
  if (!Number.isSafeInteger(input.stage) || input.stage < 1) {
    throw new DomainError({ kind: 'stage-number-invalid', value: input.stage });
  }
  checkPercent(input.completedPct, 'completed');
  if (!input.completedPct.isInteger())
    throw new DomainError({ kind: 'completed-not-whole', value: input.completedPct });
  checkPercent(input.chancesPct, 'chances');
  const activityCode = limitedText(input.activityCode, 'activity-code', CODE_MAX_LENGTH).toUpperCase();
  return {
    stage: input.stage,
    description: limitedText(input.description, 'description'),
    completedPct: input.completedPct,
    chancesPct: input.chancesPct,
    quoteRequired: input.quoteRequired ?? false,
    allowSkip: input.allowSkip ?? false,
    dateFormula: normaliseDateFormula(input.dateFormula ?? ''),
    activityCode: activityCode === '' ? null : activityCode,
  };
}

/** What editing a stage may change (absent: kept). Its number and cycle stay: they key its history. */
export type StageChange = Partial<Omit<StageInput, 'stage'>>;

/**
 * A stage with `change` applied, checked as a new one would be. Business Central changes the stage only:
 * entries keep the figures they were made with (their stage description was copied at insert), and the
 * new chances and date formula apply from the next move into or update at the stage.
 */
export function changeStage(stage: Stage, change: StageChange): Stage {
  return validateStage({ ...stage, ...change, stage: stage.stage });
}

/** What editing a sales cycle may change (absent: kept). Blocking has its own command. */
export interface SalesCycleChange {
  description?: string;
  probabilityCalculation?: ProbabilityCalculation;
}

export function changeSalesCycle(cycle: SalesCycle, change: SalesCycleChange): SalesCycle {
  return validateSalesCycle({ ...cycle, ...change });
}

/** Throws `duplicate` when the cycle already has a stage with this number. */
export function checkStageNumberFree(cycleCode: string, stages: readonly { stage: number }[], stage: number): void {
  if (findStage(stages, stage))
    throw new DomainError({ kind: 'duplicate', entity: 'stage', key: `${cycleCode} ${stage}` });
}

/** A blocked cycle cannot be assigned to an opportunity (§2). */
export function checkCycleAssignable(cycle: SalesCycle): void {
  if (cycle.blocked) throw new DomainError({ kind: 'sales-cycle-blocked', code: cycle.code });
}
