// One describe per point of spec §14 ("rules a naive implementation gets wrong") that is a pure
// rule. Every test here fails on the naive version the point describes.
import { describe, expect, it } from 'vitest';
import { customerContactForWon, planClose, type CloseInput } from '../../../src/domain/close.ts';
import { checkContactChange, type Contact } from '../../../src/domain/contact.ts';
import { checkCanDelete, matchesPurgeFilter, validatePurgeFilter } from '../../../src/domain/deletion.ts';
import { activeEntryOf, applyEntryPlan, type HistoryEntry } from '../../../src/domain/history.ts';
import {
  availableActions,
  defaultAction,
  planActivateFirstStage,
  planMove,
  validateNewOpportunity,
  type MoveAction,
} from '../../../src/domain/opportunity.ts';
import { probabilityPct, calcdCurrentValue, type ProbabilityCalculation } from '../../../src/domain/probability.ts';
import { planMakeOrder } from '../../../src/domain/quote.ts';
import { skipTargets } from '../../../src/domain/sales-cycle.ts';
import { computeCycleAnalysis, computeSalesCycleStatistics, type StatsEntry } from '../../../src/domain/statistics.ts';
import { activeAt, cycle, d, moveFrom, n, problemOf, stage } from './fixtures.ts';

const wonCode = { code: 'WON', description: 'Won', type: 'won' as const };
const lostCode = { code: 'LOST', description: 'Lost', type: 'lost' as const };

function closeInput(overrides: Partial<CloseInput> = {}): CloseInput {
  return {
    opportunity: { no: 'OP0001', status: 'in_progress' },
    active: activeAt(2),
    outcome: 'won',
    closeCode: wonCode,
    linkedQuote: null,
    salesAmount: n(8000),
    today: d('2026-03-10'),
    ...overrides,
  };
}

describe('§14.1 every change appends a new entry and the previous one gets Days Open', () => {
  it('plans a new entry without touching the active one and reports Days Open of the previous', () => {
    const active = Object.freeze(activeAt(1, { dateOfChange: d('2026-03-01') }));
    const plan = planMove(
      moveFrom(1, [stage(1), stage(2)], {
        active,
        action: 'update',
        dateOfChange: d('2026-03-11'),
        estimatedValue: n(12000),
      }),
    );
    expect(plan.daysOpenOfPrevious).toBe(10);
    expect(plan.entry.previousStage).toBe(1);
    expect(plan.entry.estimatedValue.toString()).toBe('12000');
    expect(active.estimatedValue.toString()).toBe('10000');
  });

  it('a history of moves keeps exactly one active entry and closes the others with their Days Open', () => {
    const stages = [stage(1), stage(2), stage(3)];
    const start = planActivateFirstStage({
      route: 'card',
      opportunity: { no: 'OP1', status: 'not_started' },
      cycle: cycle(stages),
      today: d('2026-01-01'),
    });
    let history: HistoryEntry[] = applyEntryPlan([], start);
    for (const [action, date] of [
      ['next', '2026-01-05'],
      ['update', '2026-01-05'],
      ['next', '2026-01-20'],
    ] as const) {
      const plan = planMove({
        opportunity: { no: 'OP1', status: 'in_progress' },
        cycle: cycle(stages),
        active: activeEntryOf(history),
        linkedQuote: null,
        action,
        dateOfChange: d(date),
        estimatedValue: n(500),
        today: d('2026-01-01'),
      });
      history = applyEntryPlan(history, plan);
    }
    expect(history).toHaveLength(4);
    expect(history.filter((e) => e.active)).toHaveLength(1);
    expect(history.map((e) => e.daysOpen)).toEqual([4, 0, 15, 0]);
    expect(activeEntryOf(history)?.stage).toBe(3);
  });
});

describe('§14.2 stage numbers have gaps: Next/Previous are the neighbouring existing numbers', () => {
  const stages = [stage(40), stage(10), stage(20)];

  it('Next from 20 lands on 40, not 21', () => {
    expect(planMove(moveFrom(20, stages, { estimatedValue: n(1) })).entry.stage).toBe(40);
  });

  it('Previous from 40 lands on 20, and First on the lowest number (10)', () => {
    expect(planMove(moveFrom(40, stages, { action: 'previous' })).entry.stage).toBe(20);
    const first = planActivateFirstStage({
      route: 'card',
      opportunity: { no: 'OP1', status: 'not_started' },
      cycle: cycle(stages),
      today: d('2026-01-01'),
    });
    expect(first.entry.stage).toBe(10);
  });

  it('Previous is offered from 20 (there is a 10) though 19 does not exist', () => {
    expect(availableActions({ status: 'in_progress', stages, currentStage: 20 })).toEqual([
      'next',
      'previous',
      'update',
    ]);
  });
});

describe('§14.3 Next is impossible from the last stage; Close works from any stage and before the start', () => {
  const stages = [stage(1), stage(2), stage(3)];

  it('offers no Next at the last stage and defaults to Update', () => {
    const input = { status: 'in_progress' as const, stages, currentStage: 3 };
    expect(availableActions(input)).not.toContain('next');
    expect(defaultAction(input)).toBe('update');
    expect(problemOf(() => planMove(moveFrom(3, stages, { action: 'next' })))).toEqual({
      kind: 'action-not-available',
      action: 'next',
      opportunityNo: 'OP0001',
    });
  });

  it('closes from a middle stage and from Not Started (no active entry)', () => {
    expect(planClose(closeInput({ active: activeAt(1) })).newStatus).toBe('won');
    const fromNotStarted = planClose(
      closeInput({
        opportunity: { no: 'OP1', status: 'not_started' },
        active: null,
        outcome: 'lost',
        closeCode: lostCode,
      }),
    );
    expect(fromNotStarted.newStatus).toBe('lost');
    expect(fromNotStarted.daysOpenOfPrevious).toBeNull();
    expect(fromNotStarted.entry.previousStage).toBeNull();
  });
});

describe('§14.4 Quote Required is checked on the stage ENTERED, and only by Next and Skip', () => {
  const stages = [stage(1), stage(2, { quoteRequired: true, allowSkip: true }), stage(3), stage(4)];
  const quote = { amount: n(7000) };

  it('Next into a Quote Required stage fails without a quote and passes with one', () => {
    expect(problemOf(() => planMove(moveFrom(1, stages)))).toEqual({
      kind: 'quote-required',
      stage: 2,
      stageDescription: 'Stage 2',
    });
    expect(planMove(moveFrom(1, stages, { linkedQuote: quote })).entry.stage).toBe(2);
  });

  it('leaving a Quote Required stage by Next needs no quote', () => {
    expect(planMove(moveFrom(2, stages)).entry.stage).toBe(3);
  });

  it('Previous, Jump and Update into / at a Quote Required stage need no quote', () => {
    expect(planMove(moveFrom(3, stages, { action: 'previous' })).entry.stage).toBe(2);
    expect(planMove(moveFrom(4, stages, { action: 'jump', targetStage: 2 })).entry.stage).toBe(2);
    expect(planMove(moveFrom(2, stages, { action: 'update' })).entry.stage).toBe(2);
  });

  it('First into a Quote Required first stage needs no quote', () => {
    const qrFirst = [stage(1, { quoteRequired: true }), stage(2)];
    const plan = planMove({
      ...moveFrom(1, qrFirst, { action: 'first', active: null, estimatedValue: n(100) }, 'not_started'),
    });
    expect(plan.entry.stage).toBe(1);
  });

  it('Skip may pass over a Quote Required stage but not land on one', () => {
    expect(planMove(moveFrom(1, stages, { action: 'skip', targetStage: 3 })).entry.stage).toBe(3);
    expect(problemOf(() => planMove(moveFrom(1, stages, { action: 'skip', targetStage: 2 }))).kind).toBe(
      'quote-required',
    );
  });
});

describe('§14.5 Allow Skip means "may be passed over", not "may be skipped to"', () => {
  it('spec example: current 1; 2 and 3 skippable, 4 not → targets {2,3,4}', () => {
    const stages = [
      stage(1),
      stage(2, { allowSkip: true }),
      stage(3, { allowSkip: true }),
      stage(4),
      stage(5, { allowSkip: true }),
    ];
    expect(skipTargets(stages, 1).map((s) => s.stage)).toEqual([2, 3, 4]);
    expect(planMove(moveFrom(1, stages, { action: 'skip', targetStage: 4 })).entry.stage).toBe(4);
    expect(problemOf(() => planMove(moveFrom(1, stages, { action: 'skip', targetStage: 5 }))).kind).toBe(
      'stage-not-allowed',
    );
  });

  it('Skip is unavailable when the immediate next stage is not skippable, even if later ones are', () => {
    const stages = [stage(1), stage(2), stage(3, { allowSkip: true }), stage(4, { allowSkip: true })];
    expect(skipTargets(stages, 1)).toEqual([]);
    expect(availableActions({ status: 'in_progress', stages, currentStage: 1 })).not.toContain('skip');
  });

  it('Skip and Jump are only offered with at least two candidates', () => {
    const stages = [stage(1), stage(2, { allowSkip: true })];
    expect(availableActions({ status: 'in_progress', stages, currentStage: 1 })).toEqual(['next', 'update']);
    expect(availableActions({ status: 'in_progress', stages, currentStage: 2 })).toEqual(['previous', 'update']);
  });
});

describe('§14.6 Skip and Jump record Jumped (Next/Previous when adjacent); First records none', () => {
  const stages = [stage(1), stage(2, { allowSkip: true }), stage(3, { allowSkip: true }), stage(4), stage(5)];
  const cases: [string, MoveAction, number, number, string][] = [
    ['Skip to the adjacent stage', 'skip', 1, 2, 'next'],
    ['Skip further', 'skip', 1, 4, 'jumped'],
    ['Jump to the adjacent stage', 'jump', 4, 3, 'previous'],
    ['Jump further', 'jump', 4, 1, 'jumped'],
  ];
  it.each(cases)('%s records %s', (_label, action, from, to, expected) => {
    expect(planMove(moveFrom(from, stages, { action, targetStage: to })).entry.actionTaken).toBe(expected);
  });

  it('First activation records a blank Action Taken (none)', () => {
    const plan = planActivateFirstStage({
      route: 'card',
      opportunity: { no: 'OP1', status: 'not_started' },
      cycle: cycle(stages),
      today: d('2026-01-01'),
    });
    expect(plan.entry.actionTaken).toBe('none');
  });
});

describe("§14.7 Skip/Jump take the stage's chances; Completed % always comes from the stage", () => {
  const stages = [
    stage(1, { chancesPct: n(10) }),
    stage(2, { allowSkip: true, chancesPct: n(20) }),
    stage(3, { chancesPct: n(70), completedPct: n(30) }),
    stage(4, { chancesPct: n(0) }),
  ];

  it("Next keeps the user's chances", () => {
    expect(planMove(moveFrom(1, stages, { chancesPct: n(33) })).entry.chancesPct.toString()).toBe('33');
  });

  it("Skip and Jump replace the user's chances by the stage's", () => {
    expect(
      planMove(moveFrom(1, stages, { action: 'skip', targetStage: 3, chancesPct: n(33) })).entry.chancesPct.toString(),
    ).toBe('70');
    expect(
      planMove(moveFrom(4, stages, { action: 'jump', targetStage: 1, chancesPct: n(33) })).entry.chancesPct.toString(),
    ).toBe('10');
  });

  it("a stage without chances (0) leaves the user's value even for Jump", () => {
    const withZero = [stage(1, { chancesPct: n(0) }), stage(2), stage(3)];
    expect(
      planMove(
        moveFrom(3, withZero, { action: 'jump', targetStage: 1, chancesPct: n(33) }),
      ).entry.chancesPct.toString(),
    ).toBe('33');
  });

  it("Completed % is the stage's, not the previous entry's", () => {
    const plan = planMove(moveFrom(3, stages, { action: 'update', active: activeAt(3, { completedPct: n(99) }) }));
    expect(plan.entry.completedPct.toString()).toBe('30');
  });
});

describe('§14.8 probability depends on the cycle method (Multiply, Add = average, Chances, Completed)', () => {
  const table: [ProbabilityCalculation, string, string][] = [
    ['multiply', '20', '2000'],
    ['add', '45', '4500'],
    ['chances', '50', '5000'],
    ['completed', '40', '4000'],
  ];
  it.each(table)('%s: chances 50, completed 40, value 10,000 → %s %% / %s', (method, probability, value) => {
    const p = probabilityPct(method, n(50), n(40));
    expect(p.toString()).toBe(probability);
    expect(calcdCurrentValue(n(10000), p).toString()).toBe(value);
  });

  it('a move computes the entry with its cycle method', () => {
    const stages = [stage(1), stage(2, { completedPct: n(40), chancesPct: n(50) })];
    const input = moveFrom(1, stages, { estimatedValue: n(10000) });
    const add = planMove({ ...input, cycle: cycle(stages, 'add') }).entry;
    expect([add.probabilityPct.toString(), add.calcdCurrentValue.toString()]).toEqual(['45', '4500']);
  });
});

describe('§14.9 Update never creates tasks; Cancel old tasks defaults off for moves and on for Close', () => {
  const stages = [
    stage(1, { activityCode: 'CALL' }),
    stage(2, { activityCode: 'MEET', allowSkip: true }),
    stage(3),
    stage(4),
  ];

  it('Update creates no tasks, every other move does', () => {
    expect(planMove(moveFrom(2, stages, { action: 'update' })).entry.createTasksForStage).toBe(false);
    for (const [action, from] of [
      ['next', 1],
      ['previous', 2],
      ['skip', 1],
      ['jump', 3],
    ] as const) {
      expect(planMove(moveFrom(from, stages, { action })).entry.createTasksForStage).toBe(true);
    }
    const first = planActivateFirstStage({
      route: 'card',
      opportunity: { no: 'OP1', status: 'not_started' },
      cycle: cycle(stages),
      today: d('2026-01-01'),
    });
    expect(first.entry.createTasksForStage).toBe(true);
  });

  it('Cancel old tasks is off by default in moves, on by default in Close; Close creates no tasks', () => {
    expect(planMove(moveFrom(1, stages)).entry.cancelOldTasks).toBe(false);
    expect(planMove(moveFrom(1, stages, { cancelOldTasks: true })).entry.cancelOldTasks).toBe(true);
    const close = planClose(closeInput());
    expect(close.entry.cancelOldTasks).toBe(true);
    expect(close.entry.createTasksForStage).toBe(false);
    expect(planClose(closeInput({ cancelOldTasks: false })).entry.cancelOldTasks).toBe(false);
  });

  it('First never cancels tasks', () => {
    const plan = planMove(
      moveFrom(1, stages, { action: 'first', active: null, estimatedValue: n(1), cancelOldTasks: true }, 'not_started'),
    );
    expect(plan.entry.cancelOldTasks).toBe(false);
  });
});

describe('§14.10 dates: equal Date of Change is fine; a close date equal to it means "use the stage formula"', () => {
  const stages = [stage(1), stage(2, { dateFormula: '2W' })];

  it('accepts a Date of Change equal to the last one and rejects an earlier one', () => {
    expect(planMove(moveFrom(1, stages, { dateOfChange: d('2026-03-01') })).daysOpenOfPrevious).toBe(0);
    expect(problemOf(() => planMove(moveFrom(1, stages, { dateOfChange: d('2026-02-28') })))).toEqual({
      kind: 'date-of-change-before-last',
      dateOfChange: d('2026-02-28'),
      lastDateOfChange: d('2026-03-01'),
    });
  });

  it('replaces an estimated close date equal to the date of change by date + stage formula', () => {
    const plan = planMove(moveFrom(1, stages, { dateOfChange: d('2026-03-10'), estimatedCloseDate: d('2026-03-10') }));
    expect(plan.entry.estimatedCloseDate).toBe('2026-03-24');
  });

  it('keeps a later close date and rejects an earlier one', () => {
    expect(planMove(moveFrom(1, stages, { estimatedCloseDate: d('2026-03-11') })).entry.estimatedCloseDate).toBe(
      '2026-03-11',
    );
    expect(problemOf(() => planMove(moveFrom(1, stages, { estimatedCloseDate: d('2026-03-09') }))).kind).toBe(
      'close-date-before-change',
    );
  });

  it('defaults the Date of Change to the later of the last change and today', () => {
    const future = activeAt(1, { dateOfChange: d('2026-04-01') });
    expect(planMove(moveFrom(1, stages, { active: future })).entry.dateOfChange).toBe('2026-04-01');
    expect(planMove(moveFrom(1, stages)).entry.dateOfChange).toBe('2026-03-10');
  });
});

describe('§14.11 Won needs a customer: it is made from the company contact', () => {
  const company: Contact = { no: 'CT1', name: 'Acme', type: 'company', companyNo: null };
  const person: Contact = { no: 'CT2', name: 'Ann', type: 'person', companyNo: 'CT1' };
  const loner: Contact = { no: 'CT3', name: 'Bob', type: 'person', companyNo: null };

  it("uses a person's company, a company itself, and a person without a company themself", () => {
    expect(customerContactForWon(person)).toBe('CT1');
    expect(customerContactForWon(company)).toBe('CT1');
    expect(customerContactForWon(loner)).toBe('CT3');
  });
});

describe('§14.12 Won takes the quote amount over a typed one; Lost zeroes value, chances and probability', () => {
  it('with a linked quote the quote amount wins over the typed sales amount', () => {
    const plan = planClose(closeInput({ salesAmount: n(999), linkedQuote: { amount: n(5000) } }));
    expect(plan.entry.calcdCurrentValue.toString()).toBe('5000');
    expect([plan.entry.chancesPct, plan.entry.completedPct, plan.entry.probabilityPct].map(String)).toEqual([
      '100',
      '100',
      '100',
    ]);
  });

  it('without a quote a sales amount > 0 must be typed', () => {
    expect(problemOf(() => planClose(closeInput({ salesAmount: undefined })))).toEqual({
      kind: 'must-be-positive',
      field: 'sales-amount',
    });
    expect(problemOf(() => planClose(closeInput({ salesAmount: n(0) }))).kind).toBe('must-be-positive');
  });

  it('Lost: calcd value 0, chances 0, probability 0, completed 100; the estimate is kept for the record', () => {
    const plan = planClose(closeInput({ outcome: 'lost', closeCode: lostCode, salesAmount: n(999) }));
    const e = plan.entry;
    expect([e.calcdCurrentValue, e.chancesPct, e.probabilityPct, e.completedPct].map(String)).toEqual([
      '0',
      '0',
      '0',
      '100',
    ]);
    expect(e.estimatedValue.toString()).toBe('10000');
    expect(e.stage).toBeNull();
    expect(e.actionTaken).toBe('lost');
  });
});

describe('§14.13 closing does not convert the quote; Make Order links (and forces Won when open)', () => {
  it('Make Order on an In Progress opportunity closes it as Won first; Won links; Lost unlinks', () => {
    expect(planMakeOrder({ opportunityNo: 'OP1', status: 'in_progress' })).toBe('close-won-then-link');
    expect(planMakeOrder({ opportunityNo: 'OP1', status: 'won' })).toBe('link-to-won');
    expect(planMakeOrder({ opportunityNo: 'OP1', status: 'lost' })).toBe('unlink-lost');
    expect(problemOf(() => planMakeOrder({ opportunityNo: 'OP1', status: 'not_started' })).kind).toBe(
      'make-order-not-started',
    );
  });

  it('a close plan carries no document effect at all', () => {
    const plan = planClose(closeInput({ linkedQuote: { amount: n(5000) } }));
    expect(Object.keys(plan).sort()).toEqual(['dateClosed', 'daysOpenOfPrevious', 'entry', 'newStatus', 'replaced']);
  });
});

describe('§14.14 delete is refused only for In Progress; the purge only touches closed ones', () => {
  it('allows Not Started, Won and Lost; refuses In Progress', () => {
    for (const status of ['not_started', 'won', 'lost'] as const) {
      expect(() => checkCanDelete({ opportunityNo: 'OP1', status })).not.toThrow();
    }
    expect(problemOf(() => checkCanDelete({ opportunityNo: 'OP1', status: 'in_progress' }))).toEqual({
      kind: 'delete-in-progress',
      opportunityNo: 'OP1',
    });
  });

  it('the purge filter never matches a Not Started or In Progress opportunity', () => {
    const filter = validatePurgeFilter({});
    const base = { dateClosed: d('2026-01-01'), salespersonCode: 'SP', contactNo: 'CT1', salesCycleCode: 'STD' };
    expect(matchesPurgeFilter({ ...base, status: 'not_started' }, filter)).toBe(false);
    expect(matchesPurgeFilter({ ...base, status: 'in_progress' }, filter)).toBe(false);
    expect(matchesPurgeFilter({ ...base, status: 'won' }, filter)).toBe(true);
  });
});

describe('§14.15 statistics: cycle totals exclude Won/Lost; stage averages use history only and the total sums them', () => {
  const e = (
    stageNo: number | null,
    active: boolean,
    actionTaken: StatsEntry['actionTaken'],
    value: number,
    daysOpen: number,
  ): StatsEntry => ({
    stage: stageNo,
    active,
    actionTaken,
    estimatedValue: n(value),
    calcdCurrentValue: n(value / 10),
    daysOpen,
    estimatedCloseDate: d('2026-06-30'),
  });
  const stages = [stage(1), stage(2)];
  const opportunities = [
    // open at stage 2 after 4 days at stage 1
    { salesCycleCode: 'STD', entries: [e(1, false, 'none', 100, 4), e(2, true, 'next', 200, 0)] },
    // won after 6 days at 1 and 10 days at 2
    {
      salesCycleCode: 'STD',
      entries: [e(1, false, 'none', 100, 6), e(2, false, 'next', 300, 10), e(null, true, 'won', 300, 0)],
    },
    // lost straight from not started
    { salesCycleCode: 'STD', entries: [e(null, true, 'lost', 50, 0)] },
    // open at stage 1, just started
    { salesCycleCode: 'STD', entries: [e(1, true, 'none', 1000, 0)] },
  ];

  it('cycle statistics count only open, started opportunities', () => {
    const stats = computeSalesCycleStatistics('STD', opportunities);
    expect(stats.noOfOpportunities).toBe(2);
    expect(stats.estimatedValue.toString()).toBe('1200');
  });

  it('stage lines count active entries at the stage; averages use inactive entries; the total sums averages', () => {
    const report = computeCycleAnalysis(cycle(stages), opportunities);
    const [one, two] = report.lines;
    expect([one?.noOfOpportunities, one?.estimatedValue.toString(), one?.averageDays.toString()]).toEqual([
      1,
      '1000',
      '5',
    ]);
    expect([two?.noOfOpportunities, two?.estimatedValue.toString(), two?.averageDays.toString()]).toEqual([
      1,
      '200',
      '10',
    ]);
    expect(report.total.noOfOpportunities).toBe(2);
    expect(report.total.averageDays.toString()).toBe('15');
  });
});

describe('§14.16 the creation date is always today, whatever was typed', () => {
  it('ignores a typed creation date', () => {
    const created = validateNewOpportunity({
      description: 'Big deal',
      contact: { no: 'CT1', name: 'Acme', type: 'company', companyNo: null },
      salesperson: { code: 'SP', name: 'Sam', blocked: false },
      cycle: cycle([]),
      creationDate: d('2025-01-01'),
      today: d('2026-03-10'),
    });
    expect(created.creationDate).toBe('2026-03-10');
    expect(created.status).toBe('not_started');
  });
});

describe('§14.17 card activation asks no estimates and ignores Quote Required; the wizard requires them', () => {
  const stages = [stage(1, { quoteRequired: true, chancesPct: n(25), dateFormula: '1M' }), stage(2)];
  const base = {
    opportunity: { no: 'OP1', status: 'not_started' as const },
    cycle: cycle(stages),
    today: d('2026-01-31'),
  };

  it('card: value 0, chances from the stage, close date today + formula, no quote needed', () => {
    const plan = planActivateFirstStage({ ...base, route: 'card' });
    expect(plan.entry.estimatedValue.toString()).toBe('0');
    expect(plan.entry.chancesPct.toString()).toBe('25');
    expect(plan.entry.estimatedCloseDate).toBe('2026-02-28');
    expect(plan.newStatus).toBe('in_progress');
  });

  it('wizard: value > 0 and chances > 0 required, closing date required and not in the past', () => {
    const ok = {
      ...base,
      route: 'wizard' as const,
      estimatedValue: n(900),
      chancesPct: n(60),
      estimatedCloseDate: d('2026-05-01'),
    };
    expect(planActivateFirstStage(ok).entry.chancesPct.toString()).toBe('60');
    expect(problemOf(() => planActivateFirstStage({ ...ok, estimatedValue: n(0) }))).toEqual({
      kind: 'must-be-positive',
      field: 'estimated-value',
    });
    expect(problemOf(() => planActivateFirstStage({ ...ok, chancesPct: undefined }))).toEqual({
      kind: 'must-be-positive',
      field: 'chances',
    });
    expect(problemOf(() => planActivateFirstStage({ ...ok, estimatedCloseDate: undefined }))).toEqual({
      kind: 'required',
      field: 'estimated-close-date',
    });
    expect(problemOf(() => planActivateFirstStage({ ...ok, estimatedCloseDate: d('2026-01-30') })).kind).toBe(
      'close-date-before-today',
    );
  });
});

describe('§14.18 after the start the contact may only change within the same company', () => {
  const ann: Contact = { no: 'CT2', name: 'Ann', type: 'person', companyNo: 'CT1' };
  const ben: Contact = { no: 'CT4', name: 'Ben', type: 'person', companyNo: 'CT1' };
  const zed: Contact = { no: 'CT9', name: 'Zed', type: 'person', companyNo: 'CT8' };

  it('refuses another company once started, allows the same company, allows anything before the start', () => {
    expect(
      problemOf(() =>
        checkContactChange({ opportunityNo: 'OP1', status: 'in_progress', oldContact: ann, newContact: zed }),
      ),
    ).toEqual({
      kind: 'contact-other-company',
      contactNo: 'CT9',
      name: 'Zed',
    });
    expect(
      checkContactChange({ opportunityNo: 'OP1', status: 'in_progress', oldContact: ann, newContact: ben }),
    ).toEqual({ contactCompanyNo: 'CT1' });
    expect(
      checkContactChange({ opportunityNo: 'OP1', status: 'not_started', oldContact: ann, newContact: zed }),
    ).toEqual({ contactCompanyNo: 'CT8' });
  });
});
