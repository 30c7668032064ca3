import { describe, expect, it } from 'vitest';
import type { Decimal } from '../../../src/domain/decimal.ts';
import type { CycleAnalysis, OpportunityStatistics, StageAnalysisLine } from '../../../src/services/statistics.ts';
import { textLength } from '../../../src/slack/blocks/kit.ts';
import { cycleAnalysisMessage, opportunityStatsMessage } from '../../../src/slack/blocks/stats.ts';
import { expectCleanText, expectWithinLimits, n, strings } from './fixtures.ts';
import { LANGUAGE_LOCALES, LANGUAGES } from '../../../src/i18n/catalogue.ts';
import { presenterFor } from '../../../src/i18n/presenter.ts';
import { enUS } from '../../support/presenter.ts';

const allText = (value: unknown): string =>
  strings(value)
    .filter((s) => s.key === 'text')
    .map((s) => s.text)
    .join('\n');

function stats(overrides: Partial<OpportunityStatistics> = {}): OpportunityStatistics {
  return {
    no: 'OP00001',
    noOfInteractions: 3,
    currentStage: 2,
    currentStageDescription: 'Needs analysis',
    estimatedValue: n('12000.5'),
    chancesPct: n(50),
    completedPct: n(40),
    probabilityPct: n(20),
    calcdCurrentValue: n('2400.1'),
    ...overrides,
  };
}

function line(
  stage: number,
  description: string,
  count: number,
  estimated: string,
  calcd: string,
  days: string | null,
) {
  return {
    stage,
    description,
    activityCode: null,
    noOfOpportunities: count,
    estimatedValue: n(estimated),
    calcdCurrentValue: n(calcd),
    averageDays: days === null ? null : n(days),
  } satisfies StageAnalysisLine;
}

/** The report's total line, computed as the service does: every column summed, the averages too. */
function analysis(stages: StageAnalysisLine[], blocked = false): CycleAnalysis {
  const zero = n(0);
  const sum = (pick: (l: StageAnalysisLine) => Decimal) => stages.reduce((s, l) => s.plus(pick(l)), zero);
  return {
    cycle: { code: 'FIRM', description: 'Firm sales', blocked },
    stages,
    total: {
      noOfOpportunities: stages.reduce((s, l) => s + l.noOfOpportunities, 0),
      estimatedValue: sum((l) => l.estimatedValue),
      calcdCurrentValue: sum((l) => l.calcdCurrentValue),
      averageDays: sum((l) => l.averageDays ?? zero),
    },
  };
}

const STAGES = [
  line(1, 'Qualification', 3, '30000', '3000', '4.5'),
  line(2, 'Needs analysis', 2, '25000', '7500', '10.25'),
  line(3, 'Proposal & <quote>', 1, '12000.5', '6000.25', null),
];

describe('opportunity statistics (§12.1)', () => {
  it('shows every figure of the active entry', () => {
    const message = opportunityStatsMessage(enUS, stats(), 'USD');
    expectWithinLimits(message.blocks, 'message');
    expectCleanText(message);
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Statistics of OP00001' } });
    const text = allText(message.blocks);
    expect(text).toContain('*Current sales cycle stage*\n2 · Needs analysis');
    expect(text).toContain('*Estimated value*\n$12,000.50');
    expect(text).toContain('*Chances of success*\n50%');
    expect(text).toContain('*Completed*\n40%');
    expect(text).toContain('*Probability*\n20%');
    expect(text).toContain('*Calculated current value*\n$2,400.10');
    expect(message.text).toContain('OP00001');
    expect(message.text).toContain('$2,400.10');
  });

  it('a closed or not started opportunity has no stage: a dash, never an empty or broken text', () => {
    const message = opportunityStatsMessage(
      enUS,
      stats({ currentStage: null, currentStageDescription: '', probabilityPct: n(100), chancesPct: n('12.345') }),
      'EUR',
    );
    expectCleanText(message);
    const text = allText(message.blocks);
    expect(text).toContain('*Current sales cycle stage*\n—');
    expect(text).toContain('*Chances of success*\n12.35%');
    expect(text).toContain('€12,000.50');
  });
});

describe('sales cycle analysis (§12.2, §12.4)', () => {
  it('one line per stage in stage order and a TOTAL line that sums every column, the average days too', () => {
    const message = cycleAnalysisMessage(enUS, analysis(STAGES), 'USD');
    expectWithinLimits(message.blocks, 'message');
    expectCleanText(message);
    expect(message.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: 'Sales cycle analysis: FIRM — Firm sales' },
    });
    const text = allText(message.blocks);
    const table = text.slice(text.indexOf('```') + 3, text.lastIndexOf('```')).split('\n');
    expect(table[0]).toMatch(/^Stage\s+Description\s+Opps\s+Estimated\s+Calc\. current\s+Avg days$/);
    // Average days always carry one decimal (rounded half up), so the column reads alike.
    expect(table[1]).toMatch(/^1\s+Qualification\s+3\s+\$30,000\.00\s+\$3,000\.00\s+4\.5$/);
    expect(table[2]).toMatch(/^2\s+Needs analysis\s+2\s+\$25,000\.00\s+\$7,500\.00\s+10\.3$/);
    // no average (nothing has left the stage yet): blank
    expect(table[3]).toMatch(/^3\s+Proposal &amp; &lt;quote&gt;\s+1\s+\$12,000\.50\s+\$6,000\.25$/);
    expect(table[4]).toMatch(/^-+$/);
    expect(table[5]).toMatch(/^TOTAL\s+6\s+\$67,000\.50\s+\$16,500\.25\s+14\.8$/);
    expect(text).toContain('14.8 days approximates the average duration of the whole cycle');
    // §12.2: the sales cycle statistics
    expect(text).toContain('*Open opportunities*\n6');
    expect(text).toContain('*Estimated value*\n$67,000.50');
    expect(text).toContain('*Calculated current value*\n$16,500.25');
    expect(message.text).toContain('6 open opportunities');
  });

  it('shows the given sales cycle statistics, and says when the cycle is blocked', () => {
    const message = cycleAnalysisMessage(enUS, analysis(STAGES, true), 'USD', {
      noOfOpportunities: 5,
      estimatedValue: n('60000'),
      calcdCurrentValue: n('15000'),
    });
    expectCleanText(message);
    const text = allText(message.blocks);
    expect(text).toContain('*Open opportunities*\n5');
    expect(text).toContain('*Estimated value*\n$60,000.00');
    expect(text).toContain('blocked');
  });

  it('a cycle without stages says how to add one', () => {
    const message = cycleAnalysisMessage(enUS, analysis([]), 'USD');
    expectWithinLimits(message.blocks, 'message');
    expectCleanText(message);
    expect(allText(message.blocks)).toContain('/opp stage add FIRM 1');
  });

  it('very many stages stay within the limits and keep the TOTAL line', () => {
    const many = Array.from({ length: 400 }, (_, i) =>
      line(
        i + 1,
        `A rather long stage description ${i + 1}`,
        i,
        '123456789.12',
        '12345678.91',
        i % 3 ? `${i}.5` : null,
      ),
    );
    const message = cycleAnalysisMessage(enUS, analysis(many), 'USD');
    expectWithinLimits(message.blocks, 'message');
    expect(textLength(message.blocks)).toBeLessThanOrEqual(11_000);
    expectCleanText(message);
    const text = allText(message.blocks);
    expect(text).toMatch(/TOTAL\s+79800\s+\$49,382,715,648\.00\s+\$4,938,271,564\.00\s+\d+(\.\d+)?/);
    expect(text).toMatch(/…and \d+ more — use `\/opp stage list FIRM`/);
  });
});

describe.each(LANGUAGES)('statistics in %s', (language) => {
  // Each language's longer words (and Chinese's wide characters) within Slack's limits as English's are.
  const p = presenterFor(LANGUAGE_LOCALES[language]);
  const many = Array.from({ length: 400 }, (_, i) =>
    line(i + 1, `A rather long stage description ${i + 1}`, i, '123456789.12', '12345678.91', i % 3 ? `${i}.5` : null),
  );

  it.each([
    ['opportunity', () => opportunityStatsMessage(p, stats(), 'USD')],
    ['opportunity without a stage', () => opportunityStatsMessage(p, stats({ currentStage: null }), 'USD')],
    ['cycle', () => cycleAnalysisMessage(p, analysis(STAGES, true), 'USD')],
    ['cycle without stages', () => cycleAnalysisMessage(p, analysis([]), 'USD')],
    ['very many stages', () => cycleAnalysisMessage(p, analysis(many), 'USD')],
  ] as const)('%s', (_name, make) => {
    const message = make();
    expectWithinLimits(message.blocks, 'message');
    expect(textLength(message.blocks)).toBeLessThanOrEqual(11_000);
    expectCleanText(message);
  });
});
