// Builders shared by the domain tests.
import { dec, type Decimal } from '../../../src/domain/decimal.ts';
import { localDate, type LocalDate } from '../../../src/domain/local-date.ts';
import type { ActiveEntry, MoveInput, OpportunityStatus } from '../../../src/domain/opportunity.ts';
import { DomainError, type Problem } from '../../../src/domain/problems.ts';
import type { ProbabilityCalculation } from '../../../src/domain/probability.ts';
import type { SalesCycleWithStages, Stage } from '../../../src/domain/sales-cycle.ts';

export const d = (text: string): LocalDate => localDate(text);
export const n = (value: number | string): Decimal => dec(value);

export function stage(no: number, overrides: Partial<Stage> = {}): Stage {
  return {
    stage: no,
    description: `Stage ${no}`,
    completedPct: n(no * 10 > 100 ? 100 : no * 10),
    chancesPct: n(50),
    quoteRequired: false,
    allowSkip: false,
    dateFormula: '',
    activityCode: null,
    ...overrides,
  };
}

export function cycle(stages: Stage[], method: ProbabilityCalculation = 'multiply'): SalesCycleWithStages {
  return { code: 'STD', description: 'Standard', probabilityCalculation: method, blocked: false, stages };
}

export function activeAt(stageNo: number, overrides: Partial<ActiveEntry> = {}): ActiveEntry {
  return {
    stage: stageNo,
    stageDescription: `Stage ${stageNo}`,
    dateOfChange: d('2026-03-01'),
    estimatedValue: n(10000),
    chancesPct: n(50),
    completedPct: n(40),
    probabilityPct: n(20),
    calcdCurrentValue: n(2000),
    estimatedCloseDate: d('2026-06-30'),
    actionTaken: 'next',
    ...overrides,
  };
}

/** A move on an in-progress opportunity sitting at `current`, with sensible user values. */
export function moveFrom(
  current: number,
  stages: Stage[],
  overrides: Partial<MoveInput> = {},
  status: OpportunityStatus = 'in_progress',
): MoveInput {
  return {
    opportunity: { no: 'OP0001', status },
    cycle: cycle(stages),
    active: activeAt(current),
    linkedQuote: null,
    action: 'next',
    today: d('2026-03-10'),
    ...overrides,
  };
}

/** Runs `fn` and returns the problem of the DomainError it throws (fails if it does not throw one). */
export function problemOf(fn: () => unknown): Problem {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.problem;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}
