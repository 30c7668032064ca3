// The digest, read through its aggregates, partial indexes and top-N statements, must equal the digest
// worked out here in full from every row of the workspace: random pipelines (two cycles, two reps) with
// random histories (new, started or not, moves with new values and close dates, closes, reassignments,
// edits, deletes, purges), interleaved and one day apart, are built through the services; then for a
// random "since", period, stale days and filter, every section of the digest (cycles and totals, closes
// by reason and win rates, what changed with its counts, attention lists and counts, salespeople, weeks)
// must equal its definition (src/services/digests.ts) computed from the full tables.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, dec, HUNDRED, ZERO } from '../../src/domain/decimal.ts';
import { addDays, type LocalDate, localDate } from '../../src/domain/local-date.ts';
import { DomainError } from '../../src/domain/problems.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { DIGEST_ATTENTION_LINES, DIGEST_CHANGE_LINES } from '../../src/services/digest-types.ts';
import { isoWeekNumber, mondayOf } from '../../src/services/digests.ts';
import { BACKENDS } from '../support/databases.ts';
import { useServices } from '../support/fixtures.ts';

const START = localDate('2026-09-01');
const REPS = ['UREP1', 'UREP2'] as const;
const CYCLES = ['STD', 'ALT'] as const;
const VALUES = [0, 1_000, 2_000, 3_000, 5_000] as const;

type Op =
  | { kind: 'new'; start: boolean; value: number; rep: number; cycle: number; closeIn: number }
  | { kind: 'move'; opp: number; action: 'next' | 'previous' | 'update'; value: number; closeIn: number }
  | { kind: 'close'; opp: number; outcome: 'won' | 'lost'; code: number; amount: number }
  | { kind: 'reassign'; opp: number; rep: number }
  | { kind: 'edit'; opp: number }
  | { kind: 'delete'; opp: number }
  | { kind: 'purge' }
  // Many at once, so that the lists pass their page (DIGEST_CHANGE_LINES, DIGEST_ATTENTION_LINES) and must pick their top-N.
  | { kind: 'batch'; count: number; start: boolean; value: number; rep: number; cycle: number }
  | { kind: 'churn'; times: number; value: number; rep: number };

const opp = fc.nat({ max: 7 });
const value = fc.constantFrom(...VALUES);
const rep = fc.nat({ max: REPS.length - 1 });
// Close dates from well before "today" (overdue) to well after (neither soon nor overdue).
const closeIn = fc.integer({ min: -40, max: 30 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('new' as const),
      start: fc.boolean(),
      value,
      rep,
      cycle: fc.nat({ max: CYCLES.length - 1 }),
      closeIn,
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      opp,
      action: fc.constantFrom('next' as const, 'previous' as const, 'update' as const),
      value,
      closeIn,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('close' as const),
      opp,
      outcome: fc.constantFrom('won' as const, 'lost' as const),
      code: fc.nat({ max: 1 }),
      amount: fc.constantFrom(500, 4_000),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reassign' as const), opp, rep }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('edit' as const), opp }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), opp }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('purge' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('batch' as const),
      count: fc.integer({ min: 2, max: 30 }),
      start: fc.boolean(),
      value,
      rep,
      cycle: fc.nat({ max: CYCLES.length - 1 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('churn' as const), times: fc.integer({ min: 2, max: 30 }), value, rep }),
  },
);

interface Row {
  id: number;
  opportunity_id: number;
  no: string;
  description: string;
  sales_cycle_id: number;
  salesperson_id: number;
  stage: number | null;
  previous_stage: number | null;
  active: boolean;
  action_taken: string;
  close_code_id: number | null;
  estimated_value: string;
  calcd_current_value: string;
  estimated_close_date: string;
  date_of_change: string;
  created_at: Date;
}

interface Opp {
  id: number;
  no: string;
  description: string;
  status: string;
  sales_cycle_id: number;
  salesperson_id: number;
  created_at: Date;
}

/** Decimals as their shortest exact text, so whole sections compare with toEqual. */
function plain(value: unknown): unknown {
  if (value instanceof Decimal) return value.toString();
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(plain);
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
}

const sum = (values: readonly Decimal[]) => values.reduce((s, v) => s.plus(v), ZERO);
const percent = (part: Decimal, whole: Decimal) => (whole.isZero() ? null : part.div(whole).times(HUNDRED));
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe.each(BACKENDS)('the digest equals its full computation, on %s', (backend) => {
  const clock = fixedClock('2026-09-01T08:00:00Z');
  const ctx = useServices(backend, { clock });

  /** Runs the operations through the services, a minute and a day apart; refusals are part of the game. */
  async function build(ws: string, ops: readonly Op[]): Promise<{ instants: Date[]; today: LocalDate }> {
    const { opportunities } = ctx.services;
    const nos: string[] = [];
    const instants: Date[] = [];
    let today = START;
    for (const op of ops) {
      clock.advance(60_000);
      instants.push(clock.now());
      today = addDays(today, 1);
      const no =
        op.kind === 'new' || op.kind === 'purge' || op.kind === 'batch' || op.kind === 'churn'
          ? ''
          : (nos[op.opp % Math.max(1, nos.length)] ?? '');
      try {
        switch (op.kind) {
          case 'new': {
            const created = await opportunities.create(ws, {
              description: `Deal ${nos.length + 1}`,
              contact: 'Acme Corp',
              salesperson: { slackUserId: REPS[op.rep] ?? 'UREP1' },
              salesCycleCode: CYCLES[op.cycle] ?? 'STD',
              ...(op.start
                ? {
                    activate: {
                      estimatedValue: dec(op.value),
                      chancesPct: dec(50),
                      estimatedCloseDate: addDays(today, op.closeIn),
                    },
                  }
                : {}),
              today,
            });
            nos.push(created.no);
            break;
          }
          case 'move':
            await opportunities.move(ws, no, {
              action: op.action,
              estimatedValue: dec(op.value),
              estimatedCloseDate: addDays(today, op.closeIn),
              today,
            });
            break;
          case 'close':
            await opportunities.close(ws, no, {
              outcome: op.outcome,
              closeCode: op.outcome === 'won' ? 'WIN' : op.code === 0 ? 'PRICE' : 'NOBUDGET',
              ...(op.outcome === 'won' ? { salesAmount: dec(op.amount) } : {}),
              today,
            });
            break;
          case 'reassign':
            await opportunities.edit(ws, no, { salesperson: { slackUserId: REPS[op.rep] ?? 'UREP1' }, today });
            break;
          case 'edit':
            await opportunities.edit(ws, no, { description: `Renamed on ${today}`, today });
            break;
          case 'delete':
            await opportunities.delete(ws, no);
            break;
          case 'purge':
            await opportunities.purge(ws, { status: 'won' });
            break;
          case 'batch':
            for (let i = 0; i < op.count; i++) {
              const created = await opportunities.create(ws, {
                description: `Deal ${nos.length + 1}`,
                contact: 'Acme Corp',
                salesperson: { slackUserId: REPS[op.rep] ?? 'UREP1' },
                salesCycleCode: CYCLES[op.cycle] ?? 'STD',
                ...(op.start
                  ? {
                      activate: {
                        estimatedValue: dec(op.value + i * 100),
                        chancesPct: dec(50),
                        estimatedCloseDate: addDays(today, i - 5),
                      },
                    }
                  : {}),
                today,
              });
              nos.push(created.no);
            }
            break;
          case 'churn': {
            // A new started deal moved forward and back in turn.
            const churned = await opportunities.create(ws, {
              description: `Deal ${nos.length + 1}`,
              contact: 'Acme Corp',
              salesperson: { slackUserId: REPS[op.rep] ?? 'UREP1' },
              salesCycleCode: 'STD',
              activate: { estimatedValue: dec(op.value), chancesPct: dec(50), estimatedCloseDate: addDays(today, 3) },
              today,
            });
            nos.push(churned.no);
            for (let i = 0; i < op.times; i++) {
              await opportunities.move(ws, churned.no, {
                action: i % 2 === 0 ? 'next' : 'previous',
                estimatedValue: dec(op.value + (i % 3) * 1_000),
                today,
              });
            }
            break;
          }
        }
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
    }
    return { instants, today };
  }

  it('every section equals its definition over the full tables, for random histories, periods and filters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 10, maxLength: 50, size: 'max' }),
        fc.nat({ max: 80 }),
        fc.constantFrom('none' as const, 'salesperson' as const, 'cycle' as const),
        fc.integer({ min: 1, max: 10 }),
        // The stale days: named in the request, or else the workspace's (set, or its default of 14).
        fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
        fc.integer({ min: -3, max: 10 }),
        async (ops, sinceIndex, filter, periodDays, askedStaleDays, workspaceStaleDays, todayShift) => {
          const ws = await ctx.seededWorkspace();
          if (workspaceStaleDays !== undefined)
            await ctx.services.setup.changeSettings(ws, { staleDays: workspaceStaleDays });
          const staleDays = askedStaleDays ?? workspaceStaleDays ?? 14;
          await ctx.services.setup.addSalesCycle(ws, { code: 'ALT', description: 'Alternative sale' });
          await ctx.services.setup.addStage(ws, 'ALT', {
            stage: 10,
            description: 'Talk',
            completedPct: dec(20),
            chancesPct: dec(30),
            dateFormula: '1W',
          });
          await ctx.services.setup.addStage(ws, 'ALT', {
            stage: 30,
            description: 'Offer',
            completedPct: dec(60),
            chancesPct: dec(70),
            dateFormula: '1W',
          });
          const history = await build(ws, [
            { kind: 'new', start: true, value: 1_000, rep: 0, cycle: 0, closeIn: 10 },
            ...ops,
          ]);
          const today = addDays(history.today, todayShift);
          const since =
            sinceIndex >= history.instants.length ? new Date(0) : (history.instants[sinceIndex] ?? new Date(0));

          const digest = await ctx.services.digests.build({
            workspaceId: ws,
            today,
            periodDays,
            ...(askedStaleDays === undefined ? {} : { staleDays: askedStaleDays }),
            changesSince: since,
            ...(filter === 'salesperson' ? { salespersonSlackUserId: 'UREP1' } : {}),
            ...(filter === 'cycle' ? { salesCycleCode: 'ALT' } : {}),
          });
          const expected = await fullDigest(ws, { today, periodDays, staleDays, since, filter });
          expect(plain(digest.cycles)).toEqual(plain(expected.cycles));
          expect(plain(digest.totals)).toEqual(plain(expected.totals));
          expect(plain(digest.closed)).toEqual(plain(expected.closed));
          expect(plain(digest.changes)).toEqual(plain(expected.changes));
          expect(plain(digest.attention)).toEqual(plain(expected.attention));
          expect(plain(digest.salespeople)).toEqual(plain(expected.salespeople));
          expect(plain(digest.weeks)).toEqual(plain(expected.weeks));
        },
      ),
      { numRuns: 20, seed: 20261204 },
    );
  }, 300_000);

  /** The digest by its definitions, over every row of the workspace read in full. */
  async function fullDigest(
    ws: string,
    request: {
      today: LocalDate;
      periodDays: number;
      staleDays: number;
      since: Date;
      filter: 'none' | 'salesperson' | 'cycle';
    },
  ) {
    const { today, periodDays, staleDays, since, filter } = request;
    const prisma = ctx.db.prisma;
    const entries = await prisma.$queryRaw<Row[]>`
      SELECT e.id, e.opportunity_id, o.no, o.description, e.sales_cycle_id, e.salesperson_id, e.stage,
             e.previous_stage, e.active, e.action_taken::text AS action_taken, e.close_code_id,
             e.estimated_value::text AS estimated_value, e.calcd_current_value::text AS calcd_current_value,
             e.estimated_close_date::text AS estimated_close_date, e.date_of_change::text AS date_of_change,
             e.created_at
      FROM opportunity_entry e JOIN opportunity o ON o.id = e.opportunity_id
      WHERE e.workspace_id = ${ws} ORDER BY e.id`;
    const opps = await prisma.$queryRaw<Opp[]>`
      SELECT id, no, description, status::text AS status, sales_cycle_id, salesperson_id, created_at
      FROM opportunity WHERE workspace_id = ${ws} ORDER BY no`;
    const cycles = await prisma.salesCycle.findMany({
      where: { workspaceId: ws },
      include: { stages: { orderBy: { stage: 'asc' } } },
      orderBy: { code: 'asc' },
    });
    const people = await prisma.salesperson.findMany({ where: { workspaceId: ws }, orderBy: [{ id: 'asc' }] });
    const codes = await prisma.closeOpportunityCode.findMany({ where: { workspaceId: ws } });
    const rita = people.find((p) => p.slackUserId === 'UREP1');
    const alt = cycles.find((c) => c.code === 'ALT');
    const inScope = (x: { sales_cycle_id: number; salesperson_id: number }) =>
      filter === 'salesperson'
        ? x.salesperson_id === rita?.id
        : filter === 'cycle'
          ? x.sales_cycle_id === alt?.id
          : true;
    const scoped = entries.filter(inScope);
    const active = scoped.filter((e) => e.active);
    const open = active.filter((e) => e.stage !== null);
    const figures = (rows: Row[]) => ({
      count: rows.length,
      estimatedValue: sum(rows.map((e) => dec(e.estimated_value))),
      weightedValue: sum(rows.map((e) => dec(e.calcd_current_value))),
    });

    const shownCycles = cycles
      .filter((c) => filter !== 'cycle' || c.code === 'ALT')
      .map((c) => {
        const stages = c.stages.map((s) => ({
          stage: s.stage,
          description: s.description,
          ...figures(open.filter((e) => e.sales_cycle_id === c.id && e.stage === s.stage)),
        }));
        return {
          code: c.code,
          description: c.description,
          stages,
          notStarted: opps.filter((o) => inScope(o) && o.sales_cycle_id === c.id && o.status === 'NOT_STARTED').length,
          totals: figures(open.filter((e) => e.sales_cycle_id === c.id && stages.some((s) => s.stage === e.stage))),
        };
      });

    const periodFrom = addDays(today, 1 - periodDays);
    const closedIn = (from: LocalDate) =>
      active.filter(
        (e) =>
          e.stage === null &&
          (e.action_taken === 'WON' || e.action_taken === 'LOST') &&
          e.date_of_change >= from &&
          e.date_of_change <= today,
      );
    const inPeriod = closedIn(periodFrom);
    const amountOf = (e: Row) => dec(e.action_taken === 'WON' ? e.calcd_current_value : e.estimated_value);
    const reasonKeys = [...new Set(inPeriod.map((e) => `${e.action_taken}:${e.close_code_id ?? ''}`))];
    const byReason = reasonKeys
      .map((key) => {
        const rows = inPeriod.filter((e) => `${e.action_taken}:${e.close_code_id ?? ''}` === key);
        const code = codes.find((c) => c.id === rows[0]?.close_code_id);
        return {
          outcome: rows[0]?.action_taken === 'WON' ? ('won' as const) : ('lost' as const),
          code: code?.code ?? null,
          description: code?.description ?? '',
          count: rows.length,
          amount: sum(rows.map(amountOf)),
        };
      })
      .sort(
        (a, b) =>
          (a.outcome === b.outcome ? 0 : a.outcome === 'won' ? -1 : 1) ||
          b.amount.comparedTo(a.amount) ||
          byText(a.code ?? '', b.code ?? ''),
      );
    const outcome = (o: 'won' | 'lost') => {
      const rows = inPeriod.filter((e) => e.action_taken === (o === 'won' ? 'WON' : 'LOST'));
      return { count: rows.length, amount: sum(rows.map(amountOf)) };
    };
    const won = outcome('won');
    const lost = outcome('lost');

    const recent = scoped.filter((e) => e.created_at > since);
    const activeOf = new Map(entries.filter((e) => e.active).map((e) => [e.opportunity_id, e]));
    const created = opps
      .filter((o) => inScope(o) && o.created_at > since)
      .map((o) => ({
        no: o.no,
        description: o.description,
        estimatedValue: dec(activeOf.get(o.id)?.estimated_value ?? 0),
      }))
      .sort((a, b) => b.estimatedValue.comparedTo(a.estimatedValue) || byText(a.no, b.no));
    const moves = (forward: boolean) =>
      recent.filter(
        (e) =>
          e.stage !== null &&
          e.previous_stage !== null &&
          (forward ? e.stage > e.previous_stage : e.stage < e.previous_stage),
      );
    const move = (e: Row) => ({ no: e.no, description: e.description, fromStage: e.previous_stage, toStage: e.stage });
    const closes = recent
      .filter((e) => e.action_taken === 'WON' || e.action_taken === 'LOST')
      .sort((a, b) => amountOf(b).comparedTo(amountOf(a)) || a.id - b.id);
    const valueChanges = expectedValueChanges(entries, since, inScope);

    const attentionRows = (keep: (e: Row) => boolean, key: (e: Row) => string) =>
      open.filter(keep).sort((a, b) => byText(key(a), key(b)) || a.opportunity_id - b.opportunity_id);
    const soon = addDays(today, 7);
    const staleOnOrBefore = addDays(today, -staleDays);
    const overdue = attentionRows(
      (e) => e.estimated_close_date < today,
      (e) => e.estimated_close_date,
    );
    const closingSoon = attentionRows(
      (e) => e.estimated_close_date >= today && e.estimated_close_date <= soon,
      (e) => e.estimated_close_date,
    );
    const stale = attentionRows(
      (e) => e.date_of_change <= staleOnOrBefore,
      (e) => e.date_of_change,
    );
    const item = (e: Row) => {
      const person = people.find((p) => p.id === e.salesperson_id);
      return {
        no: e.no,
        description: e.description,
        salespersonSlackUserId: person?.slackUserId ?? null,
        salespersonName: person?.name ?? '',
        estimatedCloseDate: e.estimated_close_date,
        lastChange: e.date_of_change,
        estimatedValue: dec(e.estimated_value),
      };
    };

    const salespeople = people
      .filter((p) => filter !== 'salesperson' || p.slackUserId === 'UREP1')
      .map((p) => {
        const openCount = opps.filter(
          (o) => inScope(o) && o.salesperson_id === p.id && (o.status === 'NOT_STARTED' || o.status === 'IN_PROGRESS'),
        ).length;
        const wonRows = inPeriod.filter((e) => e.salesperson_id === p.id && e.action_taken === 'WON');
        return {
          name: p.name,
          id: p.id,
          wonAny: wonRows.length > 0,
          line: {
            slackUserId: p.slackUserId,
            name: p.name,
            openCount,
            weightedValue: sum(open.filter((e) => e.salesperson_id === p.id).map((e) => dec(e.calcd_current_value))),
            wonValue: sum(wonRows.map((e) => dec(e.calcd_current_value))),
          },
        };
      })
      .filter((p) => p.line.openCount > 0 || p.wonAny)
      .sort(
        (a, b) =>
          b.line.weightedValue.comparedTo(a.line.weightedValue) ||
          b.line.wonValue.comparedTo(a.line.wonValue) ||
          byText(a.name, b.name) ||
          a.id - b.id,
      )
      .map((p) => p.line);

    const firstMonday = addDays(mondayOf(today), -7 * 7);
    const chartClosed = closedIn(firstMonday);
    const weeks = Array.from({ length: 8 }, (_, i) => {
      const weekStart = addDays(firstMonday, 7 * i);
      const rows = chartClosed.filter((e) => mondayOf(localDate(e.date_of_change)) === weekStart);
      return {
        weekStart,
        label: `W${isoWeekNumber(weekStart)}`,
        won: sum(rows.filter((e) => e.action_taken === 'WON').map((e) => dec(e.calcd_current_value))),
        lost: sum(rows.filter((e) => e.action_taken === 'LOST').map((e) => dec(e.estimated_value))),
      };
    });

    const top = <T>(rows: T[]) => rows.slice(0, DIGEST_CHANGE_LINES);
    const topAttention = <T>(rows: T[]) => rows.slice(0, DIGEST_ATTENTION_LINES);
    return {
      cycles: shownCycles,
      totals: {
        count: sum(shownCycles.map((c) => dec(c.totals.count))).toNumber(),
        estimatedValue: sum(shownCycles.map((c) => c.totals.estimatedValue)),
        weightedValue: sum(shownCycles.map((c) => c.totals.weightedValue)),
      },
      closed: {
        from: periodFrom,
        to: today,
        won,
        lost,
        byReason,
        winRateByCount: percent(dec(won.count), dec(won.count + lost.count)),
        winRateByValue: percent(won.amount, won.amount.plus(lost.amount)),
      },
      changes: {
        since,
        newOpportunities: top(created),
        movedForward: top(moves(true)).map(move),
        movedBack: top(moves(false)).map(move),
        closed: top(closes).map((e) => ({
          no: e.no,
          description: e.description,
          outcome: e.action_taken === 'WON' ? 'won' : 'lost',
          amount: amountOf(e),
        })),
        valueChanges: valueChanges.lines,
        totals: {
          newOpportunities: created.length,
          movedForward: moves(true).length,
          movedBack: moves(false).length,
          closed: closes.length,
          valueChanges: valueChanges.total,
        },
      },
      attention: {
        overdue: topAttention(overdue).map(item),
        closingSoon: topAttention(closingSoon).map(item),
        stale: topAttention(stale).map(item),
        staleDays,
        totals: { overdue: overdue.length, closingSoon: closingSoon.length, stale: stale.length },
      },
      salespeople,
      weeks,
    };
  }
});

/** The value changes by their definition over the full history (as in digest-value-changes.test.ts). */
function expectedValueChanges(all: Row[], since: Date, inScope: (e: Row) => boolean) {
  const byOpportunity = new Map<number, Row[]>();
  for (const e of all) byOpportunity.set(e.opportunity_id, [...(byOpportunity.get(e.opportunity_id) ?? []), e]);
  const lines: { no: string; description: string; from: Decimal; to: Decimal }[] = [];
  for (const history of byOpportunity.values()) {
    if (!history.some((e) => inScope(e) && e.created_at > since)) continue;
    const changed = history
      .map((e, i) => ({ e, before: history[i - 1] }))
      .filter(({ e, before }) => before && e.created_at > since && !dec(e.estimated_value).eq(before.estimated_value));
    const first = changed[0];
    const last = changed[changed.length - 1];
    if (!first?.before || !last) continue;
    const from = dec(first.before.estimated_value);
    const to = dec(last.e.estimated_value);
    if (!from.eq(to)) lines.push({ no: last.e.no, description: last.e.description, from, to });
  }
  lines.sort((a, b) => b.to.minus(b.from).abs().comparedTo(a.to.minus(a.from).abs()) || byText(a.no, b.no));
  return { total: lines.length, lines: lines.slice(0, DIGEST_CHANGE_LINES) };
}
