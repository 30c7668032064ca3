// The domain's statistics and history (src/domain/statistics.ts, history.ts) as the reference for what
// the SQL computes: random pipelines with random histories are built through the real services, then
// every figure the services aggregate in SQL (sales cycle and stage statistics, the analysis report,
// a digest's open pipeline, one opportunity's statistics) must equal the domain's computation over
// the stored entries, and the stored history must be what the domain's history model makes of it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, type Decimal, ZERO } from '../../src/domain/decimal.ts';
import { activeEntryOf, applyEntryPlan, type HistoryEntry } from '../../src/domain/history.ts';
import { addDays, daysBetween, type LocalDate, localDate } from '../../src/domain/local-date.ts';
import type { ActionTaken, MoveAction } from '../../src/domain/opportunity.ts';
import { DomainError } from '../../src/domain/problems.ts';
import type { SalesCycle, Stage } from '../../src/domain/sales-cycle.ts';
import {
  type CloseDateFilter,
  computeCycleAnalysis,
  computeSalesCycleStatistics,
  computeStageStatistics,
  opportunityStatistics,
  type StatsOpportunity,
} from '../../src/domain/statistics.ts';
import { BACKENDS } from '../support/databases.ts';
import { useServices } from '../support/fixtures.ts';

/** Prisma hands DATE columns back as midnight UTC. */
const prismaDate = (value: Date) => localDate(value.toISOString().slice(0, 10));

const START = localDate('2026-09-01');
const CYCLES = ['STD', 'ALT'] as const;
const STAGES = [10, 20, 30, 40, 50, 70] as const;

type Step =
  | {
      kind: 'move';
      action: Exclude<MoveAction, 'first'>;
      target: number;
      value: number;
      chances: number;
      closeInDays: number | null;
      afterDays: number;
    }
  | { kind: 'quote'; afterDays: number }
  | { kind: 'close'; outcome: 'won' | 'lost'; afterDays: number };

interface OpportunityPlan {
  cycle: (typeof CYCLES)[number];
  start: boolean;
  value: number;
  closeInDays: number;
  steps: Step[];
}

const afterDays = fc.integer({ min: 0, max: 40 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      action: fc.constantFrom('next', 'next', 'previous', 'skip', 'jump', 'update') as fc.Arbitrary<
        Exclude<MoveAction, 'first'>
      >,
      target: fc.constantFrom(...STAGES),
      value: fc.integer({ min: 0, max: 500_000 }),
      chances: fc.integer({ min: 0, max: 100 }),
      closeInDays: fc.option(fc.integer({ min: -30, max: 200 }), { nil: null }),
      afterDays,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('quote' as const), afterDays }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('close' as const), outcome: fc.constantFrom('won', 'lost'), afterDays }),
  },
);
const pipelineArb = fc.array(
  fc.record({
    cycle: fc.constantFrom(...CYCLES),
    start: fc.boolean(),
    // The Create wizard requires a value above 0 when it starts the opportunity.
    value: fc.integer({ min: 1, max: 500_000 }),
    closeInDays: fc.integer({ min: 0, max: 200 }),
    steps: fc.array(stepArb, { maxLength: 7 }),
  }),
  { minLength: 1, maxLength: 5 },
);
const dayArb = fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined });
const filterArb = fc.record({ from: dayArb, to: dayArb });

const ACTIONS: Record<string, ActionTaken> = {
  NONE: 'none',
  NEXT: 'next',
  PREVIOUS: 'previous',
  UPDATED: 'updated',
  JUMPED: 'jumped',
  WON: 'won',
  LOST: 'lost',
};

/** Decimals compared by value (the database keeps trailing zeros the domain does not). */
const same = (actual: Decimal | null, expected: Decimal) => (actual ?? ZERO).toString() === expected.toString();
/** Average days to 12 decimal places; none (null in SQL, 0 in the domain) is 0. */
const roundDays = (days: Decimal | null) => (days ?? ZERO).toDecimalPlaces(12).toString();

describe.each(BACKENDS)('statistics and history against the domain oracle on %s', (backend) => {
  const ctx = useServices(backend);

  /** A workspace with the shared setup plus ALT (stages 10 and 30), so statistics must keep cycles apart. */
  async function workspace(): Promise<string> {
    const ws = await ctx.seededWorkspace();
    const { setup } = ctx.services;
    await setup.addSalesCycle(ws, { code: 'ALT', description: 'Alternative sale', probabilityCalculation: 'add' });
    await setup.addStage(ws, 'ALT', { stage: 10, description: 'Talk', completedPct: dec(25), chancesPct: dec(30) });
    await setup.addStage(ws, 'ALT', { stage: 30, description: 'Sign', completedPct: dec(90), chancesPct: dec(80) });
    return ws;
  }

  /** Runs the plan through the services; refusals (a move the rules forbid) are part of the game. */
  async function build(ws: string, plans: readonly OpportunityPlan[]): Promise<number> {
    const { opportunities } = ctx.services;
    let applied = 0;
    for (const plan of plans) {
      let today = START;
      const created = await opportunities.create(ws, {
        description: 'Random deal',
        contact: 'Acme Corp',
        salesperson: { slackUserId: 'UREP1' },
        salesCycleCode: plan.cycle,
        ...(plan.start
          ? {
              activate: {
                estimatedValue: dec(plan.value),
                chancesPct: dec(50),
                estimatedCloseDate: addDays(START, plan.closeInDays),
              },
            }
          : {}),
        today,
      });
      for (const step of plan.steps) {
        today = addDays(today, step.afterDays);
        try {
          if (step.kind === 'move')
            await opportunities.move(ws, created.no, {
              action: step.action,
              targetStage: step.action === 'skip' || step.action === 'jump' ? step.target : undefined,
              estimatedValue: dec(step.value),
              chancesPct: dec(step.chances),
              estimatedCloseDate: step.closeInDays === null ? undefined : addDays(today, step.closeInDays),
              today,
            });
          else if (step.kind === 'quote')
            await opportunities.createQuote(
              ws,
              created.no,
              [{ description: 'Trucks', quantity: dec(2), unitPrice: dec(1_500) }],
              today,
            );
          else
            await opportunities.close(ws, created.no, {
              outcome: step.outcome,
              closeCode: step.outcome === 'won' ? 'WIN' : 'PRICE',
              ...(step.outcome === 'won' ? { salesAmount: dec(4_000) } : {}),
              today,
            });
          applied += 1;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
        }
      }
    }
    return applied;
  }

  /** The workspace's cycles, stages and stored histories in the domain's shapes. */
  async function stored(ws: string) {
    const prisma = ctx.db.prisma;
    const cycleRows = await prisma.salesCycle.findMany({ where: { workspaceId: ws }, include: { stages: true } });
    const cycles = cycleRows.map((c) => ({
      id: c.id,
      code: c.code,
      description: c.description,
      probabilityCalculation: 'multiply', // not read by the statistics
      blocked: c.blocked,
      stages: c.stages.map((s): Stage => ({
        stage: s.stage,
        description: s.description,
        completedPct: dec(s.completedPct.toString()),
        chancesPct: dec(s.chancesPct.toString()),
        quoteRequired: s.quoteRequired,
        allowSkip: s.allowSkip,
        dateFormula: s.dateFormula,
        activityCode: s.activityCode,
      })),
    })) satisfies (SalesCycle & { id: number; stages: Stage[] })[];
    const rows = await prisma.opportunity.findMany({
      where: { workspaceId: ws },
      include: { entries: { orderBy: { id: 'asc' } } },
      orderBy: { id: 'asc' },
    });
    const opportunities = rows.map((o) => ({
      no: o.no,
      entries: o.entries.map((e) => ({
        id: e.id,
        salesCycleCode: cycles.find((c) => c.id === e.salesCycleId)?.code ?? '?',
        stage: e.stage,
        stageDescription: e.stageDescription,
        previousStage: e.previousStage,
        active: e.active,
        daysOpen: e.daysOpen,
        actionTaken: ACTIONS[e.actionTaken] ?? 'none',
        dateOfChange: prismaDate(e.dateOfChange),
        estimatedValue: dec(e.estimatedValue.toString()),
        chancesPct: dec(e.chancesPct.toString()),
        completedPct: dec(e.completedPct.toString()),
        probabilityPct: dec(e.probabilityPct.toString()),
        calcdCurrentValue: dec(e.calcdCurrentValue.toString()),
        estimatedCloseDate: prismaDate(e.estimatedCloseDate),
        dateClosed: e.dateClosed ? prismaDate(e.dateClosed) : null,
      })),
    }));
    // The domain groups an opportunity's entries under one cycle; an entry carries its own, so group by it.
    const statsOpportunities: StatsOpportunity[] = opportunities.flatMap((o) =>
      CYCLES.map((code) => ({ salesCycleCode: code, entries: o.entries.filter((e) => e.salesCycleCode === code) })),
    );
    return { cycles, opportunities, statsOpportunities };
  }

  it('every SQL aggregate equals the domain computation, and the stored history is the domain history', async () => {
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(pipelineArb, filterArb, async (plans, filterDays) => {
        const ws = await workspace();
        applied += await build(ws, plans);
        const { cycles, opportunities, statsOpportunities } = await stored(ws);
        const { statistics, digests } = ctx.services;
        const filter: CloseDateFilter & { from?: LocalDate; to?: LocalDate } = {
          ...(filterDays.from === undefined ? {} : { from: addDays(START, filterDays.from) }),
          ...(filterDays.to === undefined ? {} : { to: addDays(START, filterDays.to) }),
        };
        const digest = await digests.build({ workspaceId: ws, today: START });

        for (const cycle of cycles) {
          for (const f of [{}, filter]) {
            // §12.2 Sales Cycle Statistics.
            const expected = computeSalesCycleStatistics(cycle.code, statsOpportunities, f);
            const actual = await statistics.salesCycle(ws, cycle.code, f);
            expect(actual.noOfOpportunities, `${cycle.code} open count`).toBe(expected.noOfOpportunities);
            expect(same(actual.estimatedValue, expected.estimatedValue), `${cycle.code} estimated value`).toBe(true);
            expect(same(actual.calcdCurrentValue, expected.calcdCurrentValue), `${cycle.code} calcd value`).toBe(true);

            // §12.3 / §12.4 the analysis report, line by line and its total line.
            const analysis = await statistics.cycleAnalysis(ws, cycle.code, f);
            const report = computeCycleAnalysis(cycle, statsOpportunities, f);
            expect(analysis.stages.map((l) => l.stage)).toEqual(report.lines.map((l) => l.stage));
            for (const [i, line] of analysis.stages.entries()) {
              const want = report.lines[i];
              if (!want) throw new Error('the report has fewer lines');
              const label = `${cycle.code} stage ${line.stage} with filter ${JSON.stringify(f)}`;
              expect(line.noOfOpportunities, label).toBe(want.noOfOpportunities);
              expect(same(line.estimatedValue, want.estimatedValue), `${label} estimated`).toBe(true);
              expect(same(line.calcdCurrentValue, want.calcdCurrentValue), `${label} calcd`).toBe(true);
              // An average of whole days is a rational that may not end: PostgreSQL's numeric division keeps
              // 16 significant digits, the domain's decimals 20, so both are compared to 12 decimal places.
              expect(roundDays(line.averageDays), `${label} average days`).toBe(roundDays(want.averageDays));
            }
            expect(analysis.total.noOfOpportunities).toBe(report.total.noOfOpportunities);
            expect(same(analysis.total.estimatedValue, report.total.estimatedValue), 'total estimated').toBe(true);
            expect(same(analysis.total.calcdCurrentValue, report.total.calcdCurrentValue), 'total calcd').toBe(true);
            expect(roundDays(analysis.total.averageDays), 'total average days').toBe(
              roundDays(report.total.averageDays),
            );
          }

          // The digest's open pipeline per stage (§12.3 "active" figures of started, open entries).
          const pipeline = digest.cycles.find((c) => c.code === cycle.code);
          const open = computeSalesCycleStatistics(cycle.code, statsOpportunities);
          if (!pipeline) {
            expect(open.noOfOpportunities, `the digest left out ${cycle.code}`).toBe(0);
            continue;
          }
          expect(pipeline.totals.count).toBe(open.noOfOpportunities);
          expect(same(pipeline.totals.estimatedValue, open.estimatedValue)).toBe(true);
          expect(same(pipeline.totals.weightedValue, open.calcdCurrentValue)).toBe(true);
          for (const line of pipeline.stages) {
            const stage = cycle.stages.find((s) => s.stage === line.stage);
            if (!stage) throw new Error(`the digest shows stage ${line.stage} that ${cycle.code} does not have`);
            const want = computeStageStatistics(cycle.code, stage, statsOpportunities);
            expect(line.count, `digest ${cycle.code} ${line.stage}`).toBe(want.noOfOpportunities);
            expect(same(line.estimatedValue, want.estimatedValue)).toBe(true);
            expect(same(line.weightedValue, want.calcdCurrentValue)).toBe(true);
          }
        }

        for (const opportunity of opportunities) {
          // The stored history is what the domain's history model makes of the same entries (§7):
          // each appended entry deactivates the previous one with Days Open = the days between them.
          let history: HistoryEntry[] = [];
          for (const [i, entry] of opportunity.entries.entries()) {
            const previous = opportunity.entries[i - 1];
            history = applyEntryPlan(history, {
              entry: { ...entry, closeCode: null, cancelOldTasks: false, createTasksForStage: false },
              daysOpenOfPrevious: previous ? daysBetween(previous.dateOfChange, entry.dateOfChange) : null,
            });
          }
          expect(
            opportunity.entries.map((e) => [e.active, e.daysOpen]),
            `${opportunity.no}: active flags and Days Open`,
          ).toEqual(history.map((e) => [e.active, e.daysOpen]));

          // §12.1 Opportunity Statistics read the active entry.
          const want = opportunityStatistics(activeEntryOf(history), 0);
          const actual = await statistics.opportunity(ws, opportunity.no);
          expect(actual.currentStage, opportunity.no).toBe(want.currentStage);
          for (const field of [
            'estimatedValue',
            'chancesPct',
            'completedPct',
            'probabilityPct',
            'calcdCurrentValue',
          ] as const)
            expect(same(actual[field], want[field]), `${opportunity.no} ${field}`).toBe(true);
        }
      }),
      { numRuns: 10, seed: 20261203 },
    );
    // Guard against a generator whose steps the rules always refuse.
    expect(applied).toBeGreaterThan(10);
  });
});
