// Issue 14, point 1: Update keeps every value not typed (the form proposes the current ones); where a move
// does replace a value on its own (Next/Previous/Skip/Jump take the stage's chances and date formula, a
// linked quote's amount), the plan lists what replaced what, so the reply can say it. Point 13: a move on an
// opportunity not started says so.
import { describe, expect, it } from 'vitest';
import { planMove, proposeMove } from '../../../src/domain/opportunity.ts';
import { activeAt, d, moveFrom, n, problemOf, stage } from './fixtures.ts';

const stages = [
  stage(10, { chancesPct: n(20), dateFormula: '1M' }),
  stage(20, { chancesPct: n(30), dateFormula: '2W' }),
  stage(30, { chancesPct: n(40), dateFormula: '10D' }),
];

describe('Update keeps what was not typed', () => {
  it('the form proposes the current chances, value and closing date, not the stage’s defaults', () => {
    const proposal = proposeMove(
      moveFrom(20, stages, { action: 'update', active: activeAt(20, { chancesPct: n(35) }) }),
    );
    expect(proposal.chancesPct).toEqual(n(35));
    expect(proposal.estimatedValue).toEqual(n(10000));
    expect(proposal.estimatedCloseDate).toBe(d('2026-06-30'));
  });

  it('a typed closing date keeps the chances; typed value and chances keep the closing date', () => {
    const active = activeAt(20, { chancesPct: n(35) });
    const closeOnly = planMove(moveFrom(20, stages, { action: 'update', active, estimatedCloseDate: d('2026-07-20') }));
    expect(closeOnly.entry.chancesPct).toEqual(n(35));
    expect(closeOnly.entry.estimatedValue).toEqual(n(10000));
    expect(closeOnly.replaced).toEqual([]);
    const valueAndChances = planMove(
      moveFrom(20, stages, { action: 'update', active, estimatedValue: n(22500), chancesPct: n(35) }),
    );
    expect(valueAndChances.entry.estimatedCloseDate).toBe(d('2026-06-30'));
    expect(valueAndChances.entry.estimatedValue).toEqual(n(22500));
    expect(valueAndChances.replaced).toEqual([]);
  });

  it('a closing date already passed is proposed again from the stage’s formula (it may not stay before the change)', () => {
    const active = activeAt(20, { estimatedCloseDate: d('2026-03-05') });
    const proposal = proposeMove(moveFrom(20, stages, { action: 'update', active }));
    expect(proposal.estimatedCloseDate).toBe(d('2026-03-24')); // 2026-03-10 + 2W
  });
});

describe('a move lists what it replaced on its own', () => {
  it('Next: the stage’s chances and the closing date from its formula', () => {
    const plan = planMove(moveFrom(20, stages, { active: activeAt(20, { chancesPct: n(35) }) }));
    expect(plan.entry.stage).toBe(30);
    expect(plan.replaced).toEqual([
      { field: 'chances', from: n(35), to: n(40), stage: 30 },
      { field: 'estimated-close-date', from: d('2026-06-30'), to: d('2026-03-20'), formula: '10D', stage: 30 },
    ]);
  });

  it('nothing is listed where the stage’s default equals the current value', () => {
    const plan = planMove(moveFrom(20, stages, { active: activeAt(20, { chancesPct: n(40) }) }));
    expect(plan.replaced.map((r) => r.field)).toEqual(['estimated-close-date']);
  });

  it('Skip over typed chances: the stage’s chances replace the typed ones, and the reply says so', () => {
    const skippable = [stage(10), stage(20, { allowSkip: true }), stage(30, { chancesPct: n(60) }), stage(40)];
    const plan = planMove(
      moveFrom(10, skippable, {
        action: 'skip',
        targetStage: 30,
        chancesPct: n(25),
        estimatedCloseDate: d('2026-05-01'),
      }),
    );
    expect(plan.replaced).toEqual([{ field: 'chances', from: n(25), to: n(60), stage: 30 }]);
  });

  it('a linked quote’s amount replaces the value, and typed values are never listed', () => {
    const withQuote = moveFrom(20, stages, { linkedQuote: { amount: n(12345) } });
    expect(planMove(withQuote).replaced).toContainEqual({
      field: 'estimated-value',
      from: n(10000),
      to: n(12345),
      source: 'linked-quote',
    });
    const typed = planMove({
      ...withQuote,
      estimatedValue: n(9000),
      chancesPct: n(30),
      estimatedCloseDate: d('2026-04-01'),
    });
    // Typed chances 30 % stay (Next keeps a typed value), typed value and date too: nothing replaced.
    expect(typed.replaced).toEqual([]);
  });
});

describe('a move before the start', () => {
  it('Next on an opportunity not started says it has not started', () => {
    const problem = problemOf(() => planMove(moveFrom(10, stages, { active: null }, 'not_started')));
    expect(problem).toEqual({
      kind: 'action-not-available',
      action: 'next',
      opportunityNo: 'OP0001',
      notStarted: true,
    });
  });
});
