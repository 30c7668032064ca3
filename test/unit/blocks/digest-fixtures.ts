// A realistic digest for the Block Kit tests, with overrides.
import type { AttentionItem, CyclePipeline, Digest, Figures, StageLine } from '../../../src/services/digest-types.ts';
import { d, n } from './fixtures.ts';

export const TODAY = d('2026-12-15');

export function stageLine(
  stage: number,
  description: string,
  count: number,
  estimated: string,
  weighted: string,
): StageLine {
  return { stage, description, count, estimatedValue: n(estimated), weightedValue: n(weighted) };
}

export function sumFigures(lines: readonly Figures[]): Figures {
  return lines.reduce<Figures>(
    (sum, l) => ({
      count: sum.count + l.count,
      estimatedValue: sum.estimatedValue.plus(l.estimatedValue),
      weightedValue: sum.weightedValue.plus(l.weightedValue),
    }),
    { count: 0, estimatedValue: n(0), weightedValue: n(0) },
  );
}

export function cycle(code: string, description: string, stages: StageLine[], notStarted = 0): CyclePipeline {
  return { code, description, stages, notStarted, totals: sumFigures(stages) };
}

export function item(no: number, overrides: Partial<AttentionItem> = {}): AttentionItem {
  return {
    no: `OP${String(no).padStart(5, '0')}`,
    description: `Deal ${no}`,
    salespersonSlackUserId: 'U0ANN',
    salespersonName: 'Ann Smith',
    estimatedCloseDate: d('2026-12-01'),
    lastChange: d('2026-11-20'),
    estimatedValue: n('5000'),
    ...overrides,
  };
}

export const FIRM = cycle(
  'FIRM',
  'Firm sales',
  [
    stageLine(1, 'Qualification', 3, '30000', '3000'),
    stageLine(2, 'Needs analysis', 2, '25000', '7500'),
    stageLine(3, 'Proposal <B&B>', 1, '12000.5', '6000.25'),
  ],
  2,
);
export const SVC = cycle('SVC', 'Services', [
  stageLine(1, 'Intake', 4, '8000', '800'),
  stageLine(2, 'Scoping', 0, '0', '0'),
]);

export function digest(overrides: Partial<Digest> = {}): Digest {
  const cycles = overrides.cycles ?? [FIRM];
  return {
    request: {
      workspaceId: 'T1',
      today: TODAY,
      periodDays: 7,
      staleDays: 14,
      salesCycleCode: null,
      salespersonSlackUserId: null,
    },
    currency: 'USD',
    cycles,
    totals: sumFigures(cycles.map((c) => c.totals)),
    closed: {
      from: d('2026-12-09'),
      to: TODAY,
      won: { count: 3, amount: n('45000') },
      lost: { count: 1, amount: n('10000') },
      byReason: [
        { outcome: 'won', code: 'PRICE', description: 'Best price', count: 2, amount: n('30000') },
        { outcome: 'won', code: 'REL', description: 'Relationship', count: 1, amount: n('15000') },
        { outcome: 'lost', code: null, description: '', count: 1, amount: n('10000') },
      ],
      winRateByCount: n(75),
      winRateByValue: n(45000).div(55000).times(100),
    },
    changes: {
      since: new Date('2026-12-08T09:00:00Z'),
      newOpportunities: [{ no: 'OP00010', description: 'Fleet of 40 vans', estimatedValue: n('80000') }],
      movedForward: [
        { no: 'OP00003', description: 'Office chairs', fromStage: 1, toStage: 2 },
        { no: 'OP00011', description: 'Printers', fromStage: null, toStage: 1 },
      ],
      movedBack: [{ no: 'OP00004', description: 'Servers', fromStage: 3, toStage: 2 }],
      closed: [{ no: 'OP00005', description: 'Laptops', outcome: 'won', amount: n('20000') }],
      valueChanges: [
        { no: 'OP00006', description: 'Desks', from: n('10000'), to: n('12500') },
        { no: 'OP00007', description: 'Lamps', from: n('5000'), to: n('4000') },
      ],
    },
    attention: {
      overdue: [item(21, { description: 'Overdue deal', estimatedCloseDate: d('2026-12-01') })],
      closingSoon: [
        item(22, {
          description: 'Soon deal',
          estimatedCloseDate: d('2026-12-18'),
          salespersonSlackUserId: null,
          salespersonName: 'Bob <Ext>',
        }),
      ],
      stale: [
        item(23, { description: 'Sleepy deal', lastChange: d('2026-11-20'), estimatedCloseDate: d('2027-01-31') }),
      ],
      staleDays: 14,
    },
    salespeople: [
      { slackUserId: 'U0ANN', name: 'Ann Smith', openCount: 4, weightedValue: n('12000'), wonValue: n('30000') },
      { slackUserId: null, name: 'Bob Jones', openCount: 1, weightedValue: n('500'), wonValue: n('0') },
    ],
    weeks: [
      { weekStart: d('2026-11-30'), label: 'W49', won: n('1000'), lost: n('0') },
      { weekStart: d('2026-12-07'), label: 'W50', won: n('45000'), lost: n('10000') },
    ],
    ...overrides,
  };
}
