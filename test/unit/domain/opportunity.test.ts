import { describe, expect, it } from 'vitest';
import {
  allowedTargets,
  availableActions,
  checkSalesCycleChange,
  defaultAction,
  planActivateFirstStage,
  planMove,
  proposeMove,
  validateNewOpportunity,
  type NewOpportunityInput,
} from '../../../src/domain/opportunity.ts';
import { activeAt, cycle, d, moveFrom, n, problemOf, stage } from './fixtures.ts';

const stages = [
  stage(1, { chancesPct: n(10), dateFormula: '1W' }),
  stage(2, { chancesPct: n(30), allowSkip: true, dateFormula: '2W' }),
  stage(3, { chancesPct: n(60), dateFormula: '1M' }),
];

describe('available actions (§6.1)', () => {
  it('only First before the start, nothing once closed', () => {
    expect(availableActions({ status: 'not_started', stages, currentStage: null })).toEqual(['first']);
    expect(defaultAction({ status: 'not_started', stages, currentStage: null })).toBe('first');
    expect(availableActions({ status: 'won', stages, currentStage: null })).toEqual([]);
    expect(defaultAction({ status: 'lost', stages, currentStage: null })).toBeNull();
    expect(availableActions({ status: 'not_started', stages: [], currentStage: null })).toEqual([]);
  });

  it('Next is the default while there is a next stage', () => {
    expect(availableActions({ status: 'in_progress', stages, currentStage: 1 })).toEqual(['next', 'skip', 'update']);
    expect(defaultAction({ status: 'in_progress', stages, currentStage: 1 })).toBe('next');
  });

  it('allowed targets per action', () => {
    expect(allowedTargets('first', stages, null).map((s) => s.stage)).toEqual([1]);
    expect(allowedTargets('first', stages, 2)).toEqual([]);
    expect(allowedTargets('update', stages, 2).map((s) => s.stage)).toEqual([2]);
    expect(allowedTargets('skip', stages, 1).map((s) => s.stage)).toEqual([2, 3]);
    expect(allowedTargets('jump', stages, 3).map((s) => s.stage)).toEqual([1, 2]);
    expect(allowedTargets('jump', stages, 2)).toEqual([]);
  });
});

describe('wizard defaults (§6.6)', () => {
  it('proposes the target stage chances, the date formula and the active value', () => {
    const proposal = proposeMove(moveFrom(1, stages));
    expect(proposal.target.stage).toBe(2);
    expect(proposal.dateOfChange).toBe('2026-03-10');
    expect(proposal.chancesPct.toString()).toBe('30');
    expect(proposal.estimatedCloseDate).toBe('2026-03-24');
    expect(proposal.estimatedValue.toString()).toBe('10000');
    expect(proposal.cancelOldTasks).toBe(false);
  });

  it('proposes the linked quote amount as the estimated value', () => {
    const proposal = proposeMove(moveFrom(1, stages, { linkedQuote: { amount: n('4321.5') } }));
    expect(proposal.estimatedValue.toString()).toBe('4321.5');
    expect(
      planMove(moveFrom(1, stages, { linkedQuote: { amount: n('4321.5') } })).entry.estimatedValue.toString(),
    ).toBe('4321.5');
  });

  it('Skip proposes the immediate next stage and Jump the immediate previous one', () => {
    expect(proposeMove(moveFrom(1, stages, { action: 'skip' })).target.stage).toBe(2);
    expect(proposeMove(moveFrom(3, stages, { action: 'jump' })).target.stage).toBe(2);
  });

  it('a plain Next with defaults writes the stage chances and computed values', () => {
    const entry = planMove(moveFrom(1, stages)).entry;
    expect(entry).toMatchObject({
      stage: 2,
      stageDescription: 'Stage 2',
      previousStage: 1,
      actionTaken: 'next',
      dateClosed: null,
      closeCode: null,
    });
    expect([entry.chancesPct, entry.completedPct, entry.probabilityPct, entry.calcdCurrentValue].map(String)).toEqual([
      '30',
      '20',
      '6',
      '600',
    ]);
  });
});

describe('move validation order (§6.6)', () => {
  it('closed before anything else', () => {
    const closed = {
      ...moveFrom(1, stages),
      opportunity: { no: 'OP9', status: 'won' as const },
      active: activeAt(1, { stage: null }),
    };
    expect(problemOf(() => planMove(closed))).toEqual({
      kind: 'opportunity-closed',
      opportunityNo: 'OP9',
      status: 'won',
    });
  });

  it('no stages, then action availability', () => {
    expect(problemOf(() => planMove(moveFrom(1, [], { action: 'update' })))).toEqual({
      kind: 'no-stages',
      cycle: 'STD',
    });
    expect(problemOf(() => planMove(moveFrom(1, stages, { action: 'first' })))).toMatchObject({
      kind: 'action-not-available',
      action: 'first',
    });
  });

  it('date of change before the target check', () => {
    const p = problemOf(() =>
      planMove(moveFrom(1, stages, { action: 'skip', targetStage: 1, dateOfChange: d('2026-01-01') })),
    );
    expect(p.kind).toBe('date-of-change-before-last');
  });

  it('a target outside the list names the allowed ones', () => {
    expect(problemOf(() => planMove(moveFrom(1, stages, { action: 'skip', targetStage: 1 })))).toEqual({
      kind: 'stage-not-allowed',
      action: 'skip',
      stage: 1,
      allowed: [2, 3],
    });
    expect(problemOf(() => planMove(moveFrom(1, stages, { action: 'next', targetStage: 3 }))).kind).toBe(
      'stage-not-allowed',
    );
  });

  it('value and chances must be positive, chances at most 100', () => {
    expect(problemOf(() => planMove(moveFrom(1, stages, { estimatedValue: n(0) })))).toEqual({
      kind: 'must-be-positive',
      field: 'estimated-value',
    });
    expect(problemOf(() => planMove(moveFrom(1, stages, { chancesPct: n(0) })))).toEqual({
      kind: 'must-be-positive',
      field: 'chances',
    });
    expect(problemOf(() => planMove(moveFrom(1, stages, { chancesPct: n(101) })))).toMatchObject({
      kind: 'percent-out-of-range',
      field: 'chances',
    });
  });

  it('First through the Update wizard needs an estimated value (only the card route does not)', () => {
    const first = moveFrom(1, stages, { action: 'first', active: null }, 'not_started');
    expect(problemOf(() => planMove(first))).toEqual({ kind: 'must-be-positive', field: 'estimated-value' });
    const plan = planMove({ ...first, estimatedValue: n(50) });
    expect(plan.entry).toMatchObject({
      stage: 1,
      previousStage: null,
      actionTaken: 'none',
      dateOfChange: '2026-03-10',
    });
    expect(plan.daysOpenOfPrevious).toBeNull();
  });

  it('rounds the estimated value to cents', () => {
    expect(planMove(moveFrom(1, stages, { estimatedValue: n('10.005') })).entry.estimatedValue.toString()).toBe(
      '10.01',
    );
  });
});

describe('first stage activation (§5.4)', () => {
  it('refuses started and closed opportunities and cycles without stages', () => {
    const base = { route: 'card' as const, cycle: cycle(stages), today: d('2026-03-10') };
    expect(
      problemOf(() => planActivateFirstStage({ ...base, opportunity: { no: 'OP1', status: 'in_progress' } })),
    ).toEqual({
      kind: 'already-started',
      opportunityNo: 'OP1',
    });
    expect(problemOf(() => planActivateFirstStage({ ...base, opportunity: { no: 'OP1', status: 'lost' } })).kind).toBe(
      'opportunity-closed',
    );
    expect(
      problemOf(() =>
        planActivateFirstStage({ ...base, cycle: cycle([]), opportunity: { no: 'OP1', status: 'not_started' } }),
      ).kind,
    ).toBe('no-stages');
  });

  it('wizard: a closing date of today is replaced by today + formula; chances over 100 refused', () => {
    const wizard = {
      route: 'wizard' as const,
      cycle: cycle(stages),
      today: d('2026-03-10'),
      opportunity: { no: 'OP1', status: 'not_started' as const },
      estimatedValue: n(100),
      chancesPct: n(20),
      estimatedCloseDate: d('2026-03-10'),
    };
    expect(planActivateFirstStage(wizard).entry.estimatedCloseDate).toBe('2026-03-17');
    expect(problemOf(() => planActivateFirstStage({ ...wizard, chancesPct: n(150) })).kind).toBe(
      'percent-out-of-range',
    );
  });
});

describe('new opportunity validation (§5.3)', () => {
  const std = { code: 'STD', description: '', probabilityCalculation: 'multiply' as const, blocked: false };
  const valid: NewOpportunityInput = {
    description: '  Fleet renewal ',
    contact: { no: 'CT2', name: 'Ann', type: 'person', companyNo: 'CT1' },
    salesperson: { code: 'SAM', name: 'Sam', blocked: false },
    cycle: std,
    today: d('2026-03-10'),
  };

  it('returns the normalised record with the contact company', () => {
    expect(validateNewOpportunity(valid)).toEqual({
      description: 'Fleet renewal',
      contactNo: 'CT2',
      contactCompanyNo: 'CT1',
      salespersonCode: 'SAM',
      salesCycleCode: 'STD',
      priority: 'normal',
      status: 'not_started',
      creationDate: '2026-03-10',
    });
  });

  it('checks description, contact, salesperson and cycle in that order', () => {
    expect(problemOf(() => validateNewOpportunity({ ...valid, description: ' ', contact: null }))).toEqual({
      kind: 'required',
      field: 'description',
    });
    expect(problemOf(() => validateNewOpportunity({ ...valid, description: 'x'.repeat(101) })).kind).toBe('too-long');
    expect(problemOf(() => validateNewOpportunity({ ...valid, contact: null, salesperson: null }))).toEqual({
      kind: 'required',
      field: 'contact',
    });
    expect(problemOf(() => validateNewOpportunity({ ...valid, salesperson: null }))).toEqual({
      kind: 'required',
      field: 'salesperson',
    });
    expect(
      problemOf(() => validateNewOpportunity({ ...valid, salesperson: { code: 'X', name: 'Xi', blocked: true } })),
    ).toEqual({
      kind: 'salesperson-blocked',
      name: 'Xi',
    });
    expect(problemOf(() => validateNewOpportunity({ ...valid, cycle: null }))).toEqual({
      kind: 'required',
      field: 'sales-cycle',
    });
    expect(problemOf(() => validateNewOpportunity({ ...valid, cycle: { ...std, blocked: true } })).kind).toBe(
      'sales-cycle-blocked',
    );
  });

  it('the sales cycle can only change before the start', () => {
    const newCycle = { code: 'B', description: '', probabilityCalculation: 'add' as const, blocked: false };
    expect(() => checkSalesCycleChange({ opportunity: { no: 'OP1', status: 'not_started' }, newCycle })).not.toThrow();
    expect(
      problemOf(() => checkSalesCycleChange({ opportunity: { no: 'OP1', status: 'in_progress' }, newCycle })).kind,
    ).toBe('sales-cycle-locked');
  });
});
