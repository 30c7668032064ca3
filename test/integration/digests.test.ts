// The pipeline digest against PGlite and PostgreSQL: a small pipeline built through the services on
// chosen dates, every figure of the digest worked out by hand below, the filters, the isolation of
// workspaces, an empty workspace, and the aggregates' correctness at volume (20,000 opportunities).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal, dec } from '../../src/domain/decimal.ts';
import { localDate } from '../../src/domain/local-date.ts';
import { Prisma } from '../../src/generated/prisma/client.ts';
import type { Digest } from '../../src/services/digest-types.ts';
import { DIGEST_ATTENTION_LINES, DIGEST_CHANGE_LINES } from '../../src/services/digest-types.ts';
import { isoWeekNumber, mondayOf } from '../../src/services/digests.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { BACKFILL_DIGEST_SCOPE_ORDER_SOURCE, rerunDataMigration } from '../support/data-migrations.ts';
import { BACKENDS, createTestDatabase, type TestDatabase, uniqueWorkspaceId } from '../support/databases.ts';
import { seedPipelineSetup } from '../support/pipeline-fixtures.ts';

// A Wednesday in ISO week 47. Period (7 days): 2026-11-12 … 2026-11-18. Stale (14 days): last change
// on or before 2026-11-04. Closing soon: 2026-11-18 … 2026-11-25. Chart: W40 (2026-09-28) … W47.
const TODAY = localDate('2026-11-18');
const RITA = { slackUserId: 'UREP1', displayName: 'Rita Rep' };
const SAM = { slackUserId: 'UREP2', displayName: 'Sam Seller' };

/** Decimals as their shortest exact text ("757.5"), so whole sections compare with toEqual. */
function plain(value: unknown): unknown {
  if (value instanceof Decimal) return value.toString();
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(plain);
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
}

const zeroWeeks = (labels: string[], mondays: string[]) =>
  labels.map((label, i) => ({ weekStart: mondays[i], label, won: '0', lost: '0' }));
const MONDAYS = [
  '2026-09-28',
  '2026-10-05',
  '2026-10-12',
  '2026-10-19',
  '2026-10-26',
  '2026-11-02',
  '2026-11-09',
  '2026-11-16',
];
const LABELS = ['W40', 'W41', 'W42', 'W43', 'W44', 'W45', 'W46', 'W47'];

describe('ISO weeks', () => {
  it('weeks start on Monday and are numbered by the year of their Thursday', () => {
    expect(mondayOf(localDate('2026-11-18'))).toBe('2026-11-16');
    expect(mondayOf(localDate('2026-11-16'))).toBe('2026-11-16');
    expect(mondayOf(localDate('2026-11-22'))).toBe('2026-11-16');
    expect(isoWeekNumber(localDate('2026-11-16'))).toBe(47);
    // 2026 starts on a Thursday, so it has 53 weeks; 2027-01-01 (a Friday) is still in W53.
    expect(isoWeekNumber(localDate('2026-01-01'))).toBe(1);
    expect(isoWeekNumber(localDate('2026-12-28'))).toBe(53);
    expect(isoWeekNumber(localDate('2027-01-01'))).toBe(53);
    expect(isoWeekNumber(localDate('2027-01-04'))).toBe(1);
    // 2024-12-30 (a Monday) already belongs to 2025's W1.
    expect(isoWeekNumber(localDate('2024-12-30'))).toBe(1);
  });
});

describe.each(BACKENDS)('pipeline digest on %s', (backend) => {
  let db: TestDatabase;
  let services: Services;
  // The instant changes are recorded at; moved on by hand between "before" and "after".
  const clock = fixedClock('2026-11-18T09:00:00Z');

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    services = createServices(db, clock);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  /** The opportunity numbers of the pipeline below, by role. */
  interface Pipeline {
    ws: string;
    since: Date;
    no: Record<
      | 'movedAndUpdated'
      | 'overdueStale'
      | 'closingSoon'
      | 'stale'
      | 'movedBack'
      | 'wonInPeriodLate'
      | 'wonInPeriodEarly'
      | 'lostPrice'
      | 'lostNoBudget'
      | 'wonBeforePeriod'
      | 'lostBeforePeriod'
      | 'notStarted'
      | 'enterprise'
      | 'newStarted'
      | 'newNotStarted'
      | 'lostNoCode',
      string
    >;
  }

  /**
   * STD stages (Multiply, probability = chances × completed / 100): 10 completed 10, 20 completed 30,
   * 40 completed 60 (quote required), 50 completed 80, 70 completed 95. ENT: 1 completed 50, 2
   * completed 90. OLD: blocked, no opportunities. Chances are given explicitly on every change.
   */
  async function buildPipeline(): Promise<Pipeline> {
    const ws = uniqueWorkspaceId();
    await seedPipelineSetup(services, ws);
    const { setup, opportunities: opps } = services;
    await setup.addSalesCycle(ws, { code: 'ENT', description: 'Enterprise', probabilityCalculation: 'multiply' });
    await setup.addStage(ws, 'ENT', { stage: 1, description: 'Discovery', completedPct: dec(50), chancesPct: dec(50) });
    await setup.addStage(ws, 'ENT', { stage: 2, description: 'Closing', completedPct: dec(90), chancesPct: dec(80) });
    await setup.addSalesCycle(ws, { code: 'OLD', description: 'Retired', blocked: true });

    const start = async (
      description: string,
      salesperson: typeof RITA,
      on: string,
      value: number,
      chances: number,
      closeBy: string,
      cycle = 'STD',
      contact = 'Acme Corp',
    ) =>
      (
        await opps.create(ws, {
          description,
          contact,
          salesperson,
          salesCycleCode: cycle,
          activate: { estimatedValue: dec(value), chancesPct: dec(chances), estimatedCloseDate: localDate(closeBy) },
          today: localDate(on),
        })
      ).no;
    const move = (
      no: string,
      action: 'next' | 'previous' | 'update',
      on: string,
      value: number,
      chances: number,
      closeBy: string,
    ) =>
      opps.move(ws, no, {
        action,
        dateOfChange: localDate(on),
        estimatedValue: dec(value),
        chancesPct: dec(chances),
        estimatedCloseDate: localDate(closeBy),
        today: TODAY,
      });
    const close = (no: string, outcome: 'won' | 'lost', code: string, on: string, sales?: number) =>
      opps.close(ws, no, {
        outcome,
        closeCode: code,
        closingDate: localDate(on),
        salesAmount: sales === undefined ? undefined : dec(sales),
        today: TODAY,
      });

    // ---- phase 1: history before the previous digest ----------------------------------------
    const movedAndUpdated = await start('Fleet renewal', RITA, '2026-10-01', 10000, 50, '2026-12-31');
    const overdueStale = await start('Overdue deal', RITA, '2026-09-01', 20000, 40, '2026-10-15');
    await move(overdueStale, 'next', '2026-09-10', 20000, 40, '2026-10-15');
    const closingSoon = await start('Closing soon', SAM, '2026-11-10', 8000, 25, '2026-11-21');
    const stale = await start('Quiet deal', SAM, '2026-10-20', 5000, 60, '2027-01-31', 'STD', 'Solo Sam');
    const movedBack = await start('Quoted deal', RITA, '2026-10-05', 30000, 50, '2026-12-20');
    await move(movedBack, 'next', '2026-10-12', 30000, 50, '2026-12-20');
    await opps.createQuote(
      ws,
      movedBack,
      [{ description: 'Licences', quantity: dec(1), unitPrice: dec(32000), discountPct: dec(0) }],
      TODAY,
    );
    await move(movedBack, 'next', '2026-11-05', 32000, 60, '2026-12-20'); // into 40 (quote required)
    const wonInPeriodLate = await start('Big win', SAM, '2026-10-01', 15000, 50, '2026-11-30');
    const wonInPeriodEarly = await start('Early win', RITA, '2026-10-01', 9000, 50, '2026-11-30');
    await close(wonInPeriodEarly, 'won', 'WIN', '2026-11-13', 9500);
    const lostPrice = await start('Lost on price', RITA, '2026-10-02', 4000, 30, '2026-11-30', 'STD', 'Solo Sam');
    await close(lostPrice, 'lost', 'PRICE', '2026-11-12'); // first day of the period
    const lostNoBudget = await start('No budget', SAM, '2026-10-03', 6000, 30, '2026-11-30', 'STD', 'Solo Sam');
    const wonBeforePeriod = await start('October win', RITA, '2026-09-01', 7000, 50, '2026-10-30');
    await close(wonBeforePeriod, 'won', 'WIN', '2026-10-28', 7000);
    const lostBeforePeriod = await start('Lost before', SAM, '2026-09-01', 3000, 30, '2026-11-30', 'STD', 'Solo Sam');
    await close(lostBeforePeriod, 'lost', 'PRICE', '2026-11-11'); // the day before the period
    const notStarted = (
      await opps.create(ws, {
        description: 'Not started yet',
        contact: 'Acme Corp',
        salesperson: RITA,
        salesCycleCode: 'STD',
        today: localDate('2026-11-01'),
      })
    ).no;
    const enterprise = await start('Enterprise deal', SAM, '2026-10-10', 50000, 50, '2027-02-28', 'ENT');
    const lostNoCode = await start('Order deleted', RITA, '2026-10-04', 2500, 30, '2026-11-30', 'STD', 'Solo Sam');
    const lostEntry = await close(lostNoCode, 'lost', 'PRICE', '2026-11-14');
    // A Lost without close code (as written when a won order is deleted, §10.3).
    await db.prisma.opportunityEntry.updateMany({
      where: { opportunityId: lostEntry.id, active: true },
      data: { closeCodeId: null },
    });

    // ---- the previous digest ----------------------------------------------------------------
    clock.advance(60_000);
    const since = clock.now();
    clock.advance(60_000);

    // ---- phase 2: what changed since --------------------------------------------------------
    await move(movedAndUpdated, 'next', '2026-11-16', 10000, 50, '2026-12-31'); // forward 10 → 20
    await move(movedAndUpdated, 'update', '2026-11-17', 12000, 50, '2026-12-31'); // value 10000 → 12000
    await move(closingSoon, 'update', '2026-11-16', 9000, 25, '2026-11-21'); // value 8000 → 9000
    await move(closingSoon, 'update', '2026-11-17', 9500, 25, '2026-11-21'); // value 9000 → 9500
    await move(movedBack, 'previous', '2026-11-17', 32000, 40, '2026-12-20'); // back 40 → 20
    await close(wonInPeriodLate, 'won', 'WIN', '2026-11-16', 14000);
    await close(lostNoBudget, 'lost', 'NOBUDGET', '2026-11-18'); // today, last day of the period
    await move(enterprise, 'update', '2026-11-16', 60000, 50, '2027-02-28'); // 50000 → 60000 …
    await move(enterprise, 'update', '2026-11-17', 50000, 50, '2027-02-28'); // … → 50000: no net change
    const newStarted = await start('New lead', SAM, '2026-11-17', 11000, 20, '2026-12-15');
    const newNotStarted = (
      await opps.create(ws, {
        description: 'New enterprise lead',
        contact: 'Pat Person',
        salesperson: RITA,
        salesCycleCode: 'ENT',
        today: TODAY,
      })
    ).no;

    return {
      ws,
      since,
      no: {
        movedAndUpdated,
        overdueStale,
        closingSoon,
        stale,
        movedBack,
        wonInPeriodLate,
        wonInPeriodEarly,
        lostPrice,
        lostNoBudget,
        wonBeforePeriod,
        lostBeforePeriod,
        notStarted,
        enterprise,
        newStarted,
        newNotStarted,
        lostNoCode,
      },
    };
  }

  let pipeline: Pipeline;
  let other: string;
  beforeAll(async () => {
    pipeline = await buildPipeline();
    // Another workspace with the same setup and its own open, won and lost opportunities.
    other = uniqueWorkspaceId();
    await seedPipelineSetup(services, other);
    for (const value of [777, 888]) {
      await services.opportunities.create(other, {
        description: 'Elsewhere',
        contact: 'Acme Corp',
        salesperson: RITA,
        salesCycleCode: 'STD',
        activate: { estimatedValue: dec(value), chancesPct: dec(50), estimatedCloseDate: localDate('2026-11-01') },
        today: localDate('2026-10-01'),
      });
    }
    await services.opportunities.close(other, 'OP00002', {
      outcome: 'won',
      closeCode: 'WIN',
      closingDate: localDate('2026-11-15'),
      salesAmount: dec(999),
      today: TODAY,
    });
  });

  const build = (extra: Partial<Parameters<Services['digests']['build']>[0]> = {}): Promise<Digest> =>
    services.digests.build({ workspaceId: pipeline.ws, today: TODAY, changesSince: pipeline.since, ...extra });

  it('cycles: every stage of every cycle in order, open started opportunities only, with totals', async () => {
    const digest = await build();
    expect(digest.request).toEqual({
      workspaceId: pipeline.ws,
      today: TODAY,
      periodDays: 7,
      staleDays: 14,
      salesCycleCode: null,
      salespersonSlackUserId: null,
    });
    expect(digest.currency).toBe('USD');
    // ENT 1: the enterprise deal, 50000 × (50 × 50 / 100 = 25 %) = 12500. Not started: the new lead.
    // OLD is blocked and empty: left out.
    // STD 10: closing soon 9500 × 2.5 % = 237.5; quiet deal 5000 × 6 % = 300; new lead 11000 × 2 % = 220
    //   → 3, 9500 + 5000 + 11000 = 25500, 237.5 + 300 + 220 = 757.5
    // STD 20: fleet renewal 12000 × 15 % = 1800; overdue 20000 × 12 % = 2400; quoted 32000 × 12 % = 3840
    //   → 3, 12000 + 20000 + 32000 = 64000, 1800 + 2400 + 3840 = 8040
    // STD 40, 50, 70: none. Not started: 1. Won/lost ones are not in the pipeline.
    expect(plain(digest.cycles)).toEqual([
      {
        code: 'ENT',
        description: 'Enterprise',
        stages: [
          { stage: 1, description: 'Discovery', count: 1, estimatedValue: '50000', weightedValue: '12500' },
          { stage: 2, description: 'Closing', count: 0, estimatedValue: '0', weightedValue: '0' },
        ],
        notStarted: 1,
        totals: { count: 1, estimatedValue: '50000', weightedValue: '12500' },
      },
      {
        code: 'STD',
        description: 'Standard sale',
        stages: [
          { stage: 10, description: 'Initial contact', count: 3, estimatedValue: '25500', weightedValue: '757.5' },
          { stage: 20, description: 'Qualification', count: 3, estimatedValue: '64000', weightedValue: '8040' },
          { stage: 40, description: 'Proposal', count: 0, estimatedValue: '0', weightedValue: '0' },
          { stage: 50, description: 'Negotiation', count: 0, estimatedValue: '0', weightedValue: '0' },
          { stage: 70, description: 'Signature', count: 0, estimatedValue: '0', weightedValue: '0' },
        ],
        notStarted: 1,
        // 3 + 3; 25500 + 64000; 757.5 + 8040
        totals: { count: 6, estimatedValue: '89500', weightedValue: '8797.5' },
      },
    ]);
    // 1 + 6; 50000 + 89500; 12500 + 8797.5
    expect(plain(digest.totals)).toEqual({ count: 7, estimatedValue: '139500', weightedValue: '21297.5' });
  });

  it('closed in the period: won and lost by code, win rates by count and by value', async () => {
    const { closed } = await build();
    // In 2026-11-12 … 2026-11-18: won 14000 (11-16) and 9500 (11-13); lost 4000 PRICE (11-12),
    // 6000 NOBUDGET (11-18), 2500 without code (11-14). Out: won 10-28, lost PRICE 11-11.
    expect(plain(closed)).toEqual({
      from: '2026-11-12',
      to: '2026-11-18',
      won: { count: 2, amount: '23500' }, // 14000 + 9500
      lost: { count: 3, amount: '12500' }, // 4000 + 6000 + 2500
      byReason: [
        { outcome: 'won', code: 'WIN', description: 'Best offer', count: 2, amount: '23500' },
        { outcome: 'lost', code: 'NOBUDGET', description: 'No budget', count: 1, amount: '6000' },
        { outcome: 'lost', code: 'PRICE', description: 'Too expensive', count: 1, amount: '4000' },
        { outcome: 'lost', code: null, description: '', count: 1, amount: '2500' },
      ],
      winRateByCount: '40', // 2 / (2 + 3) × 100
      winRateByValue: expect.any(String),
    });
    // 23500 / (23500 + 12500) × 100 = 65.2777…
    expect(closed.winRateByValue?.toFixed(6)).toBe('65.277778');
  });

  it('changes since the previous digest: new, moved forward and back, closed, value changes', async () => {
    const { changes } = await build();
    const { no } = pipeline;
    expect(plain(changes)).toEqual({
      since: pipeline.since,
      // Largest estimated value first; the not-started one has none (0).
      newOpportunities: [
        { no: no.newStarted, description: 'New lead', estimatedValue: '11000' },
        { no: no.newNotStarted, description: 'New enterprise lead', estimatedValue: '0' },
      ],
      // Only real stage changes: first activations and Updates (same stage) are not moves.
      movedForward: [{ no: no.movedAndUpdated, description: 'Fleet renewal', fromStage: 10, toStage: 20 }],
      movedBack: [{ no: no.movedBack, description: 'Quoted deal', fromStage: 40, toStage: 20 }],
      // Won at the sales amount, lost at the estimated value; the closes before `since` are not here.
      closed: [
        { no: no.wonInPeriodLate, description: 'Big win', outcome: 'won', amount: '14000' },
        { no: no.lostNoBudget, description: 'No budget', outcome: 'lost', amount: '6000' },
      ],
      // Fleet renewal 10000 → 12000 (|2000|), closing soon 8000 → 9000 → 9500 (|1500|); the enterprise
      // deal went 50000 → 60000 → 50000 (no net change); the quoted deal's 30000 → 32000 was before.
      valueChanges: [
        { no: no.movedAndUpdated, description: 'Fleet renewal', from: '10000', to: '12000' },
        { no: no.closingSoon, description: 'Closing soon', from: '8000', to: '9500' },
      ],
      totals: { newOpportunities: 2, movedForward: 1, movedBack: 1, closed: 2, valueChanges: 2 },
    });

    const first = await build({ changesSince: null });
    expect(plain(first.changes)).toEqual({
      since: null,
      newOpportunities: [],
      movedForward: [],
      movedBack: [],
      closed: [],
      valueChanges: [],
      totals: { newOpportunities: 0, movedForward: 0, movedBack: 0, closed: 0, valueChanges: 0 },
    });
    // Nothing happened after now.
    const later = await build({ changesSince: new Date(clock.now().getTime() + 60_000) });
    expect(later.changes.totals).toEqual({
      newOpportunities: 0,
      movedForward: 0,
      movedBack: 0,
      closed: 0,
      valueChanges: 0,
    });
  });

  it('attention: overdue, closing within 7 days and stale open opportunities, with their salesperson', async () => {
    const { attention } = await build();
    const { no } = pipeline;
    const overdue = {
      no: no.overdueStale,
      description: 'Overdue deal',
      salespersonSlackUserId: 'UREP1',
      salespersonName: 'Rita Rep',
      estimatedCloseDate: '2026-10-15',
      lastChange: '2026-09-10',
      estimatedValue: '20000',
    };
    const quiet = {
      no: no.stale,
      description: 'Quiet deal',
      salespersonSlackUserId: 'UREP2',
      salespersonName: 'Sam Seller',
      estimatedCloseDate: '2027-01-31',
      lastChange: '2026-10-20',
      estimatedValue: '5000',
    };
    expect(plain(attention)).toEqual({
      // 2026-10-15 < 2026-11-18; the closed ones with past dates are not open.
      overdue: [overdue],
      // 2026-11-18 ≤ 2026-11-21 ≤ 2026-11-25
      closingSoon: [
        {
          no: no.closingSoon,
          description: 'Closing soon',
          salespersonSlackUserId: 'UREP2',
          salespersonName: 'Sam Seller',
          estimatedCloseDate: '2026-11-21',
          lastChange: '2026-11-17',
          estimatedValue: '9500',
        },
      ],
      // Last change ≤ 2026-11-04, oldest first: 2026-09-10, 2026-10-20. Everything else changed 11-10 or later.
      stale: [overdue, quiet],
      staleDays: 14,
      totals: { overdue: 1, closingSoon: 1, stale: 2 },
    });
  });

  it('salespeople: open count, weighted value and won in the period, by weighted value', async () => {
    const { salespeople } = await build();
    expect(plain(salespeople)).toEqual([
      // Sam: closing soon, quiet deal, new lead, enterprise deal open → 4;
      // 237.5 + 300 + 220 + 12500 = 13257.5; won in the period 14000.
      { slackUserId: 'UREP2', name: 'Sam Seller', openCount: 4, weightedValue: '13257.5', wonValue: '14000' },
      // Rita: fleet renewal, overdue, quoted (started) + two not started → 5; 1800 + 2400 + 3840 = 8040;
      // won in the period 9500 (the October win is before it).
      { slackUserId: 'UREP1', name: 'Rita Rep', openCount: 5, weightedValue: '8040', wonValue: '9500' },
    ]);
  });

  it('weeks: the last 8 ISO weeks up to this one, every week present', async () => {
    const { weeks } = await build();
    const expected = zeroWeeks(LABELS, MONDAYS);
    // W44: won 7000 (10-28).
    expected[4] = { weekStart: '2026-10-26', label: 'W44', won: '7000', lost: '0' };
    // W46: won 9500 (11-13); lost 3000 (11-11) + 4000 (11-12) + 2500 (11-14) = 9500.
    expected[6] = { weekStart: '2026-11-09', label: 'W46', won: '9500', lost: '9500' };
    // W47: won 14000 (11-16); lost 6000 (11-18).
    expected[7] = { weekStart: '2026-11-16', label: 'W47', won: '14000', lost: '6000' };
    expect(plain(weeks)).toEqual(expected);

    const three = await build({ chartWeeks: 3 });
    expect(three.weeks.map((w) => [w.label, w.won.toString(), w.lost.toString()])).toEqual([
      ['W45', '0', '0'],
      ['W46', '9500', '9500'],
      ['W47', '14000', '6000'],
    ]);
  });

  it('the period length and the stale days can be given; stale days default to the workspace setting', async () => {
    // 30 days: 2026-10-20 … 2026-11-18 adds the won 7000 (10-28) and the lost 3000 (11-11).
    const month = await build({ periodDays: 30 });
    expect(plain(month.closed.won)).toEqual({ count: 3, amount: '30500' }); // 23500 + 7000
    expect(plain(month.closed.lost)).toEqual({ count: 4, amount: '15500' }); // 12500 + 3000
    expect(month.closed.winRateByCount?.toFixed(6)).toBe('42.857143'); // 3 / 7 × 100
    expect(month.closed.winRateByValue?.toFixed(6)).toBe('66.304348'); // 30500 / 46000 × 100
    expect(month.salespeople.map((s) => s.wonValue.toString())).toEqual(['14000', '16500']); // Rita 9500 + 7000

    await db.prisma.workspace.update({ where: { id: pipeline.ws }, data: { staleDays: 30, currency: 'EUR' } });
    try {
      // Last change ≤ 2026-10-19: only the overdue deal (09-10); the quiet deal (10-20) is one day short.
      const setting = await build();
      expect(setting.currency).toBe('EUR');
      expect(setting.request.staleDays).toBe(30);
      expect(setting.attention.staleDays).toBe(30);
      expect(setting.attention.stale.map((i) => i.no)).toEqual([pipeline.no.overdueStale]);
      expect(setting.attention.totals?.stale).toBe(1);
      // Given explicitly, 29 days: last change ≤ 2026-10-20 takes both again.
      const given = await build({ staleDays: 29 });
      expect(given.attention.stale.map((i) => i.no)).toEqual([pipeline.no.overdueStale, pipeline.no.stale]);
      expect(given.attention.totals?.stale).toBe(2);
    } finally {
      await db.prisma.workspace.update({ where: { id: pipeline.ws }, data: { staleDays: 14, currency: 'USD' } });
    }
  });

  it('the sales cycle filter applies to every section', async () => {
    const digest = await build({ salesCycleCode: 'ent' });
    expect(digest.request.salesCycleCode).toBe('ENT');
    expect(plain(digest.cycles)).toEqual([
      {
        code: 'ENT',
        description: 'Enterprise',
        stages: [
          { stage: 1, description: 'Discovery', count: 1, estimatedValue: '50000', weightedValue: '12500' },
          { stage: 2, description: 'Closing', count: 0, estimatedValue: '0', weightedValue: '0' },
        ],
        notStarted: 1,
        totals: { count: 1, estimatedValue: '50000', weightedValue: '12500' },
      },
    ]);
    expect(plain(digest.totals)).toEqual({ count: 1, estimatedValue: '50000', weightedValue: '12500' });
    // Nothing of ENT closed.
    expect(plain(digest.closed)).toEqual({
      from: '2026-11-12',
      to: '2026-11-18',
      won: { count: 0, amount: '0' },
      lost: { count: 0, amount: '0' },
      byReason: [],
      winRateByCount: null,
      winRateByValue: null,
    });
    expect(plain(digest.changes)).toMatchObject({
      newOpportunities: [{ no: pipeline.no.newNotStarted, description: 'New enterprise lead', estimatedValue: '0' }],
      movedForward: [],
      movedBack: [],
      closed: [],
      valueChanges: [], // 50000 → 60000 → 50000
      totals: { newOpportunities: 1, movedForward: 0, movedBack: 0, closed: 0, valueChanges: 0 },
    });
    // The enterprise deal closes 2027-02-28 and changed 2026-11-17.
    expect(plain(digest.attention)).toEqual({
      overdue: [],
      closingSoon: [],
      stale: [],
      staleDays: 14,
      totals: { overdue: 0, closingSoon: 0, stale: 0 },
    });
    expect(plain(digest.salespeople)).toEqual([
      { slackUserId: 'UREP2', name: 'Sam Seller', openCount: 1, weightedValue: '12500', wonValue: '0' },
      { slackUserId: 'UREP1', name: 'Rita Rep', openCount: 1, weightedValue: '0', wonValue: '0' },
    ]);
    expect(plain(digest.weeks)).toEqual(zeroWeeks(LABELS, MONDAYS));

    // A blocked cycle asked for by name is shown, even empty.
    const old = await build({ salesCycleCode: 'OLD' });
    expect(plain(old.cycles)).toEqual([
      {
        code: 'OLD',
        description: 'Retired',
        stages: [],
        notStarted: 0,
        totals: { count: 0, estimatedValue: '0', weightedValue: '0' },
      },
    ]);
    await expect(build({ salesCycleCode: 'NOPE' })).rejects.toMatchObject({
      problem: { kind: 'sales-cycle-not-found', code: 'NOPE' },
    });
  });

  it('the salesperson filter applies to every section', async () => {
    const digest = await build({ salespersonSlackUserId: 'UREP1' });
    const { no } = pipeline;
    expect(digest.request.salespersonSlackUserId).toBe('UREP1');
    // Rita: ENT only the new not-started lead; STD 20: fleet renewal, overdue, quoted (3, 64000, 8040),
    // STD 10: none (those are Sam's), not started 1.
    expect(plain(digest.cycles)).toEqual([
      {
        code: 'ENT',
        description: 'Enterprise',
        stages: [
          { stage: 1, description: 'Discovery', count: 0, estimatedValue: '0', weightedValue: '0' },
          { stage: 2, description: 'Closing', count: 0, estimatedValue: '0', weightedValue: '0' },
        ],
        notStarted: 1,
        totals: { count: 0, estimatedValue: '0', weightedValue: '0' },
      },
      {
        code: 'STD',
        description: 'Standard sale',
        stages: [
          { stage: 10, description: 'Initial contact', count: 0, estimatedValue: '0', weightedValue: '0' },
          { stage: 20, description: 'Qualification', count: 3, estimatedValue: '64000', weightedValue: '8040' },
          { stage: 40, description: 'Proposal', count: 0, estimatedValue: '0', weightedValue: '0' },
          { stage: 50, description: 'Negotiation', count: 0, estimatedValue: '0', weightedValue: '0' },
          { stage: 70, description: 'Signature', count: 0, estimatedValue: '0', weightedValue: '0' },
        ],
        notStarted: 1,
        totals: { count: 3, estimatedValue: '64000', weightedValue: '8040' },
      },
    ]);
    expect(plain(digest.totals)).toEqual({ count: 3, estimatedValue: '64000', weightedValue: '8040' });
    // Rita in the period: won 9500 (11-13); lost 4000 PRICE (11-12) and 2500 without code (11-14).
    expect(plain(digest.closed)).toEqual({
      from: '2026-11-12',
      to: '2026-11-18',
      won: { count: 1, amount: '9500' },
      lost: { count: 2, amount: '6500' }, // 4000 + 2500
      byReason: [
        { outcome: 'won', code: 'WIN', description: 'Best offer', count: 1, amount: '9500' },
        { outcome: 'lost', code: 'PRICE', description: 'Too expensive', count: 1, amount: '4000' },
        { outcome: 'lost', code: null, description: '', count: 1, amount: '2500' },
      ],
      winRateByCount: expect.any(String),
      winRateByValue: '59.375', // 9500 / (9500 + 6500) × 100 = 9500 / 16000 × 100
    });
    expect(digest.closed.winRateByCount?.toFixed(6)).toBe('33.333333'); // 1 / 3 × 100
    expect(plain(digest.changes)).toEqual({
      since: pipeline.since,
      newOpportunities: [{ no: no.newNotStarted, description: 'New enterprise lead', estimatedValue: '0' }],
      movedForward: [{ no: no.movedAndUpdated, description: 'Fleet renewal', fromStage: 10, toStage: 20 }],
      movedBack: [{ no: no.movedBack, description: 'Quoted deal', fromStage: 40, toStage: 20 }],
      closed: [], // both closes since are Sam's
      valueChanges: [{ no: no.movedAndUpdated, description: 'Fleet renewal', from: '10000', to: '12000' }],
      totals: { newOpportunities: 1, movedForward: 1, movedBack: 1, closed: 0, valueChanges: 1 },
    });
    expect(digest.attention.overdue.map((i) => i.no)).toEqual([no.overdueStale]);
    expect(digest.attention.closingSoon).toEqual([]);
    expect(digest.attention.stale.map((i) => i.no)).toEqual([no.overdueStale]);
    expect(digest.attention.totals).toEqual({ overdue: 1, closingSoon: 0, stale: 1 });
    expect(plain(digest.salespeople)).toEqual([
      { slackUserId: 'UREP1', name: 'Rita Rep', openCount: 5, weightedValue: '8040', wonValue: '9500' },
    ]);
    const expectedWeeks = zeroWeeks(LABELS, MONDAYS);
    expectedWeeks[4] = { weekStart: '2026-10-26', label: 'W44', won: '7000', lost: '0' };
    expectedWeeks[6] = { weekStart: '2026-11-09', label: 'W46', won: '9500', lost: '6500' }; // 4000 + 2500
    expect(plain(digest.weeks)).toEqual(expectedWeeks);

    // Both filters together: Rita in ENT has only the not-started lead.
    const both = await build({ salespersonSlackUserId: 'UREP1', salesCycleCode: 'ENT' });
    expect(both.cycles.map((c) => [c.code, c.totals.count, c.notStarted])).toEqual([['ENT', 0, 1]]);
    expect(both.salespeople.map((s) => [s.slackUserId, s.openCount])).toEqual([['UREP1', 1]]);
  });

  it('an unknown salesperson has an empty digest', async () => {
    const digest = await build({ salespersonSlackUserId: 'UNOBODY' });
    expect(digest.cycles.map((c) => [c.code, c.totals.count, c.notStarted])).toEqual([
      ['ENT', 0, 0],
      ['STD', 0, 0],
    ]);
    expect(digest.closed.won.count + digest.closed.lost.count).toBe(0);
    expect(digest.changes.totals).toEqual({
      newOpportunities: 0,
      movedForward: 0,
      movedBack: 0,
      closed: 0,
      valueChanges: 0,
    });
    expect(digest.attention.totals).toEqual({ overdue: 0, closingSoon: 0, stale: 0 });
    expect(digest.salespeople).toEqual([]);
    expect(digest.weeks.every((w) => w.won.isZero() && w.lost.isZero())).toBe(true);
  });

  it("another workspace's data never appears, and its own digest shows only its own", async () => {
    // Everything asserted above already excludes the other workspace (its 777, 888 and 999 appear nowhere).
    const digest = await services.digests.build({ workspaceId: other, today: TODAY, changesSince: pipeline.since });
    const std = digest.cycles.find((c) => c.code === 'STD');
    // 777 × (50 × 10 / 100 = 5 %) = 38.85
    expect(plain(std?.stages[0])).toEqual({
      stage: 10,
      description: 'Initial contact',
      count: 1,
      estimatedValue: '777',
      weightedValue: '38.85',
    });
    expect(digest.cycles.map((c) => c.code)).toEqual(['STD']);
    expect(plain(digest.closed.won)).toEqual({ count: 1, amount: '999' });
    expect(digest.closed.lost.count).toBe(0);
    // Created after the main pipeline's `since`: listed here, and nothing of the main workspace is.
    expect(plain(digest.changes.newOpportunities)).toEqual([
      { no: 'OP00002', description: 'Elsewhere', estimatedValue: '888' },
      { no: 'OP00001', description: 'Elsewhere', estimatedValue: '777' },
    ]);
    expect(plain(digest.changes.closed)).toEqual([
      { no: 'OP00002', description: 'Elsewhere', outcome: 'won', amount: '999' },
    ]);
    expect(plain(digest.attention.overdue.map((i) => [i.description, i.estimatedValue]))).toEqual([
      ['Elsewhere', '777'],
    ]);
    expect(plain(digest.salespeople)).toEqual([
      { slackUserId: 'UREP1', name: 'Rita Rep', openCount: 1, weightedValue: '38.85', wonValue: '999' },
    ]);
  });

  it('an empty workspace gives zeros and empty lists, not errors', async () => {
    const ws = uniqueWorkspaceId();
    const digest = await services.digests.build({ workspaceId: ws, today: TODAY, changesSince: new Date(0) });
    expect(plain(digest)).toEqual({
      request: {
        workspaceId: ws,
        today: TODAY,
        periodDays: 7,
        staleDays: 14,
        salesCycleCode: null,
        salespersonSlackUserId: null,
      },
      currency: 'USD',
      cycles: [],
      totals: { count: 0, estimatedValue: '0', weightedValue: '0' },
      closed: {
        from: '2026-11-12',
        to: '2026-11-18',
        won: { count: 0, amount: '0' },
        lost: { count: 0, amount: '0' },
        byReason: [],
        winRateByCount: null,
        winRateByValue: null,
      },
      changes: {
        since: new Date(0),
        newOpportunities: [],
        movedForward: [],
        movedBack: [],
        closed: [],
        valueChanges: [],
        totals: { newOpportunities: 0, movedForward: 0, movedBack: 0, closed: 0, valueChanges: 0 },
      },
      attention: {
        overdue: [],
        closingSoon: [],
        stale: [],
        staleDays: 14,
        totals: { overdue: 0, closingSoon: 0, stale: 0 },
      },
      salespeople: [],
      weeks: zeroWeeks(LABELS, MONDAYS),
    });
    // Nothing was written for it.
    expect(await db.prisma.workspace.count({ where: { id: ws } })).toBe(0);
    await expect(services.digests.build({ workspaceId: ws, today: TODAY, periodDays: 0 })).rejects.toThrow(RangeError);
  });

  it('at volume (20,000 opportunities) the aggregates equal independent counts and sums', async () => {
    const ws = uniqueWorkspaceId();
    await seedPipelineSetup(services, ws);
    for (const salesperson of [RITA, SAM]) {
      await services.opportunities.create(ws, {
        description: 'seed',
        contact: 'Acme Corp',
        salesperson,
        salesCycleCode: 'STD',
        today: localDate('2026-09-01'),
      });
    }
    // The seeds above are recorded at the test clock's instant, not after it; the bulk rows below get
    // the database's own time (the column default), which is later.
    const before = clock.now();
    const n = 20_000;
    // Deterministic spread from the row number: 10 % won, 10 % lost, 10 % not started, the rest open
    // at one of the five stages; two salespeople; dates over the autumn.
    await db.prisma.$executeRaw`
      INSERT INTO opportunity (workspace_id, no, description, contact_id, salesperson_id, sales_cycle_id, status, creation_date, date_closed)
      SELECT ${ws}, 'BK' || lpad(g::text, 6, '0'), 'Bulk deal ' || g,
             (SELECT id FROM contact WHERE workspace_id = ${ws} AND name = 'Acme Corp'),
             (SELECT id FROM salesperson WHERE workspace_id = ${ws} AND slack_user_id = (CASE WHEN g % 3 = 0 THEN 'UREP2' ELSE 'UREP1' END)),
             (SELECT id FROM sales_cycle WHERE workspace_id = ${ws} AND code = 'STD'),
             (CASE g % 10 WHEN 0 THEN 'WON' WHEN 1 THEN 'LOST' WHEN 2 THEN 'NOT_STARTED' ELSE 'IN_PROGRESS' END)::"OpportunityStatus",
             DATE '2026-09-01' + (g % 60),
             CASE WHEN g % 10 IN (0, 1) THEN DATE '2026-10-01' + (g % 49) END
      FROM generate_series(1, ${n}::int) g`;
    // A first-stage entry for every started one, then the active entry.
    await db.prisma.$executeRaw`
      INSERT INTO opportunity_entry (workspace_id, opportunity_id, sales_cycle_id, stage, stage_description, contact_id, salesperson_id,
        date_of_change, active, action_taken, estimated_value, calcd_current_value, completed_pct, chances_pct, probability_pct, estimated_close_date)
      SELECT o.workspace_id, o.id, o.sales_cycle_id, 10, 'Initial contact', o.contact_id, o.salesperson_id, o.creation_date, false,
             'NONE', 1000 + (o.id % 500) * 10, (1000 + (o.id % 500) * 10) * 0.02, 10, 20, 2, o.creation_date + 30
      FROM opportunity o WHERE o.workspace_id = ${ws} AND o.no LIKE 'BK%' AND o.status <> 'NOT_STARTED'`;
    await db.prisma.$executeRaw`
      INSERT INTO opportunity_entry (workspace_id, opportunity_id, sales_cycle_id, stage, stage_description, previous_stage, contact_id, salesperson_id,
        date_of_change, active, action_taken, estimated_value, calcd_current_value, completed_pct, chances_pct, probability_pct,
        estimated_close_date, date_closed)
      SELECT o.workspace_id, o.id, o.sales_cycle_id,
             CASE WHEN o.status = 'IN_PROGRESS' THEN (ARRAY[10, 20, 40, 50, 70])[1 + o.id % 5] END,
             '', 10, o.contact_id, o.salesperson_id, coalesce(o.date_closed, o.creation_date + (o.id % 17)), true,
             (CASE o.status WHEN 'WON' THEN 'WON' WHEN 'LOST' THEN 'LOST' ELSE 'UPDATED' END)::"ActionTaken",
             1000 + (o.id % 500) * 10 + (o.id % 3),
             CASE o.status WHEN 'WON' THEN 900 + (o.id % 500) * 10 WHEN 'LOST' THEN 0
                           ELSE (1000 + (o.id % 500) * 10 + (o.id % 3)) * 0.24 END,
             CASE WHEN o.status = 'IN_PROGRESS' THEN 40 ELSE 100 END,
             CASE o.status WHEN 'LOST' THEN 0 WHEN 'WON' THEN 100 ELSE 60 END,
             CASE o.status WHEN 'LOST' THEN 0 WHEN 'WON' THEN 100 ELSE 24 END,
             coalesce(o.date_closed, o.creation_date + 60 + (o.id % 45)), o.date_closed
      FROM opportunity o WHERE o.workspace_id = ${ws} AND o.no LIKE 'BK%' AND o.status <> 'NOT_STARTED'`;

    const digest = await services.digests.build({ workspaceId: ws, today: TODAY, changesSince: before });

    // Independent figures, each by the simplest query that states its definition.
    interface Sums {
      n: number;
      est: string | null;
      calcd: string | null;
    }
    const one = async (sql: Prisma.Sql): Promise<Sums> => {
      const rows = await db.prisma.$queryRaw<Sums[]>(sql);
      return rows[0] ?? { n: 0, est: null, calcd: null };
    };
    const sums = (where: Prisma.Sql) =>
      one(Prisma.sql`SELECT count(*)::int AS n, sum(estimated_value)::text AS est, sum(calcd_current_value)::text AS calcd
                     FROM opportunity_entry WHERE workspace_id = ${ws} AND active AND ${where}`);
    const asText = (value: string | null) => new Decimal(value ?? 0).toString();

    // Spec §12.2: open started = active entries that are neither Won nor Lost.
    const open = await sums(Prisma.sql`action_taken NOT IN ('WON', 'LOST')`);
    expect(open.n).toBe(n * 0.7); // 70 % of the bulk rows are open and started
    const std = digest.cycles.find((c) => c.code === 'STD');
    expect(plain(std?.totals)).toEqual({
      count: open.n,
      estimatedValue: asText(open.est),
      weightedValue: asText(open.calcd),
    });
    expect(plain(digest.totals)).toEqual(plain(std?.totals));
    for (const line of std?.stages ?? []) {
      const atStage = await sums(Prisma.sql`stage = ${line.stage}::int`);
      expect(plain(line)).toMatchObject({
        count: atStage.n,
        estimatedValue: asText(atStage.est),
        weightedValue: asText(atStage.calcd),
      });
    }
    const notStarted = await one(
      Prisma.sql`SELECT count(*)::int AS n, NULL AS est, NULL AS calcd FROM opportunity WHERE workspace_id = ${ws} AND status = 'NOT_STARTED'`,
    );
    expect(std?.notStarted).toBe(notStarted.n); // the bulk's 2,000 and the two seeds
    expect(notStarted.n).toBe(n * 0.1 + 2);

    const period = Prisma.sql`date_of_change BETWEEN DATE '2026-11-12' AND DATE '2026-11-18'`;
    const won = await sums(Prisma.sql`action_taken = 'WON' AND ${period}`);
    const lost = await sums(Prisma.sql`action_taken = 'LOST' AND ${period}`);
    expect(won.n).toBeGreaterThan(0);
    expect(plain(digest.closed.won)).toEqual({ count: won.n, amount: asText(won.calcd) });
    expect(plain(digest.closed.lost)).toEqual({ count: lost.n, amount: asText(lost.est) });

    // The lists are capped; their totals are not.
    const overdue = await sums(Prisma.sql`stage IS NOT NULL AND estimated_close_date < DATE '2026-11-18'`);
    expect(overdue.n).toBeGreaterThan(DIGEST_ATTENTION_LINES);
    expect(digest.attention.overdue).toHaveLength(DIGEST_ATTENTION_LINES);
    expect(digest.attention.totals?.overdue).toBe(overdue.n);
    const soon = await sums(
      Prisma.sql`stage IS NOT NULL AND estimated_close_date BETWEEN DATE '2026-11-18' AND DATE '2026-11-25'`,
    );
    expect(soon.n).toBeGreaterThan(DIGEST_ATTENTION_LINES);
    expect(digest.attention.closingSoon).toHaveLength(DIGEST_ATTENTION_LINES);
    expect(digest.attention.totals?.closingSoon).toBe(soon.n);
    const stale = await sums(Prisma.sql`stage IS NOT NULL AND date_of_change <= DATE '2026-11-04'`);
    expect(digest.attention.totals?.stale).toBe(stale.n);
    expect(digest.changes.newOpportunities).toHaveLength(DIGEST_CHANGE_LINES);
    expect(digest.changes.totals?.newOpportunities).toBe(n);
    const forward = await sums(Prisma.sql`stage > previous_stage`);
    expect(digest.changes.totals?.movedForward).toBe(forward.n);
    const wonEver = await sums(Prisma.sql`action_taken = 'WON'`);
    const lostEver = await sums(Prisma.sql`action_taken = 'LOST'`);
    expect(digest.changes.totals?.closed).toBe(wonEver.n + lostEver.n);
    // Every bulk active entry differs from the first-stage one by o.id % 3: two in three changed value.
    const valueChanged = await one(
      Prisma.sql`SELECT count(*)::int AS n, NULL AS est, NULL AS calcd FROM opportunity
                 WHERE workspace_id = ${ws} AND status <> 'NOT_STARTED' AND id % 3 <> 0 AND no LIKE 'BK%'`,
    );
    expect(digest.changes.totals?.valueChanges).toBe(valueChanged.n);

    const openOpportunities = await one(
      Prisma.sql`SELECT count(*)::int AS n, NULL AS est, NULL AS calcd FROM opportunity
                 WHERE workspace_id = ${ws} AND status IN ('NOT_STARTED', 'IN_PROGRESS')`,
    );
    expect(digest.salespeople.reduce((sum, s) => sum + s.openCount, 0)).toBe(openOpportunities.n);
    expect(digest.salespeople.reduce((sum, s) => sum.plus(s.weightedValue), new Decimal(0)).toString()).toBe(
      asText(open.calcd),
    );
    expect(digest.salespeople.reduce((sum, s) => sum.plus(s.wonValue), new Decimal(0)).toString()).toBe(
      asText(won.calcd),
    );

    const chart = await sums(
      Prisma.sql`action_taken = 'WON' AND date_of_change BETWEEN DATE '2026-09-28' AND DATE '2026-11-18'`,
    );
    expect(digest.weeks.reduce((sum, w) => sum.plus(w.won), new Decimal(0)).toString()).toBe(asText(chart.calcd));
  });
});

describe.each(BACKENDS)('digest runs recorded before the scope columns, on %s', (backend) => {
  let db: TestDatabase;
  let services: Services;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    services = createServices(db);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('get the scope their subscription or period key held; a run whose scope cannot be read is left without one', async () => {
    const ws = uniqueWorkspaceId();
    await seedPipelineSetup(services, ws);
    const now = new Date('2026-11-02T10:00:00Z');
    const subscription = await services.subscriptions.subscribe(
      ws,
      {
        channelId: 'C0SUB',
        frequency: 'daily',
        at: '08:00',
        timeZone: 'Europe/Berlin',
        salesCycleCode: 'STD',
        createdBySlackUserId: 'U0MGR',
      },
      now,
    );
    const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e';
    // As the previous version wrote them: the scope in the subscription or inside the period key.
    const keys = {
      scheduled: '2026-11-02T08:00@Europe/Berlin',
      full: `now:${uuid}:STD:U0SAM01:America/Argentina/Buenos_Aires`,
      everything: `now:${uuid}:::UTC`,
      noZone: `now:${uuid}:STD::`,
      unreadable: 'now:written-by-hand',
      orphan: '2026-11-01T08:00@Europe/Berlin', // a scheduled run whose subscription is gone
    };
    const ids: Record<string, number> = {};
    for (const [name, periodKey] of Object.entries(keys)) {
      const run = await db.prisma.digestRun.create({
        data: {
          workspaceId: ws,
          channelId: 'C0SUB',
          subscriptionId: name === 'scheduled' ? subscription.id : null,
          periodKey,
          scheduledFor: now,
          nextAttemptAt: now,
        },
      });
      ids[name] = run.id;
    }
    const recorded = await db.prisma.digestRun.create({
      data: {
        workspaceId: ws,
        channelId: 'C0SUB',
        periodKey: `now:${uuid}`,
        salesCycleCode: null,
        salespersonSlackUserId: 'U0ANA01',
        timeZone: 'Asia/Tokyo',
        scheduledFor: now,
        nextAttemptAt: now,
      },
    });
    await rerunDataMigration(db, BACKFILL_DIGEST_SCOPE_ORDER_SOURCE);
    const scopeOf = async (id: number | undefined) => {
      const run = await db.prisma.digestRun.findUniqueOrThrow({ where: { id: id ?? -1 } });
      return [run.salesCycleCode, run.salespersonSlackUserId, run.timeZone];
    };
    expect(await scopeOf(ids.scheduled)).toEqual(['STD', null, 'Europe/Berlin']);
    expect(await scopeOf(ids.full)).toEqual(['STD', 'U0SAM01', 'America/Argentina/Buenos_Aires']);
    expect(await scopeOf(ids.everything)).toEqual([null, null, 'UTC']);
    expect(await scopeOf(ids.noZone)).toEqual([null, null, null]);
    expect(await scopeOf(ids.unreadable)).toEqual([null, null, null]);
    expect(await scopeOf(ids.orphan)).toEqual([null, null, null]);
    expect(await scopeOf(recorded.id)).toEqual([null, 'U0ANA01', 'Asia/Tokyo']);
  });
});
