// The digest's "value changes" read the estimated value each entry carries of the entry before it
// (previous_estimated_value, written by a trigger when the entry is inserted) instead of a LAG window
// over the history. Random pipelines with random histories (new, moves with new values, closes,
// reassignments, edits, deletes, purges), interleaved and each at its own instant, are built through
// the services; then every stored previous value must be the LAG over the history, and the digest's
// value changes, for a random "since" and each filter, must equal their definition worked out here
// from the full history.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Decimal, dec } from '../../src/domain/decimal.ts';
import { addDays, localDate } from '../../src/domain/local-date.ts';
import { DomainError } from '../../src/domain/problems.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { DIGEST_CHANGE_LINES } from '../../src/services/digest-types.ts';
import { BACKENDS } from '../support/databases.ts';
import { useServices } from '../support/fixtures.ts';

const START = localDate('2026-09-01');
const REPS = ['UREP1', 'UREP2'] as const;
// Few values, so that changes often cancel out (from = to) or repeat.
const VALUES = [1_000, 2_000, 3_000, 5_000] as const;

type Op =
  | { kind: 'new'; start: boolean; value: number; rep: number }
  | { kind: 'move'; opp: number; action: 'next' | 'previous' | 'update'; value: number }
  | { kind: 'close'; opp: number; outcome: 'won' | 'lost' }
  | { kind: 'reassign'; opp: number; rep: number }
  | { kind: 'edit'; opp: number }
  | { kind: 'delete'; opp: number }
  | { kind: 'purge' };

const opp = fc.nat({ max: 5 });
const value = fc.constantFrom(...VALUES);
const rep = fc.nat({ max: REPS.length - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('new' as const), start: fc.boolean(), value, rep }) },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      opp,
      action: fc.constantFrom('next' as const, 'previous' as const, 'update' as const),
      value,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('close' as const), opp, outcome: fc.constantFrom('won', 'lost') }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reassign' as const), opp, rep }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('edit' as const), opp }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), opp }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('purge' as const) }) },
);

interface StoredEntry {
  id: number;
  opportunity_id: number;
  no: string;
  sales_cycle_id: number;
  salesperson_id: number;
  estimated_value: string;
  previous_estimated_value: string | null;
  lag: string | null;
  created_at: Date;
}

describe.each(BACKENDS)('digest value changes from the stored previous values, on %s', (backend) => {
  const clock = fixedClock('2026-09-01T08:00:00Z');
  const ctx = useServices(backend, { clock });

  /** Runs the operations through the services, one minute apart; refusals are part of the game. */
  async function build(ws: string, ops: readonly Op[]): Promise<Date[]> {
    const { opportunities } = ctx.services;
    const nos: string[] = [];
    const instants: Date[] = [];
    let today = START;
    for (const op of ops) {
      clock.advance(60_000);
      instants.push(clock.now());
      today = addDays(today, 1);
      const no = op.kind === 'new' || op.kind === 'purge' ? '' : (nos[op.opp % Math.max(1, nos.length)] ?? '');
      try {
        switch (op.kind) {
          case 'new': {
            const created = await opportunities.create(ws, {
              description: 'Random deal',
              contact: 'Acme Corp',
              salesperson: { slackUserId: REPS[op.rep] ?? 'UREP1' },
              salesCycleCode: 'STD',
              ...(op.start
                ? {
                    activate: {
                      estimatedValue: dec(op.value),
                      chancesPct: dec(50),
                      estimatedCloseDate: addDays(today, 30),
                    },
                  }
                : {}),
              today,
            });
            nos.push(created.no);
            break;
          }
          case 'move':
            await opportunities.move(ws, no, { action: op.action, estimatedValue: dec(op.value), today });
            break;
          case 'close':
            await opportunities.close(ws, no, {
              outcome: op.outcome,
              closeCode: op.outcome === 'won' ? 'WIN' : 'PRICE',
              ...(op.outcome === 'won' ? { salesAmount: dec(4_000) } : {}),
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
        }
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
    }
    return instants;
  }

  /** Every entry of the workspace with the LAG over its opportunity's entries, computed in full. */
  async function entries(ws: string): Promise<StoredEntry[]> {
    return ctx.db.prisma.$queryRaw<StoredEntry[]>`
      SELECT e.id, e.opportunity_id, o.no, e.sales_cycle_id, e.salesperson_id,
             e.estimated_value::text AS estimated_value, e.previous_estimated_value::text AS previous_estimated_value,
             (lag(e.estimated_value) OVER (PARTITION BY e.opportunity_id ORDER BY e.id))::text AS lag, e.created_at
      FROM opportunity_entry e JOIN opportunity o ON o.id = e.opportunity_id
      WHERE e.workspace_id = ${ws}
      ORDER BY e.id`;
  }

  /** The value changes by their definition (src/services/digests.ts) over the full history. */
  function expectedValueChanges(all: StoredEntry[], since: Date, inScope: (e: StoredEntry) => boolean) {
    const byOpportunity = new Map<number, StoredEntry[]>();
    for (const e of all) byOpportunity.set(e.opportunity_id, [...(byOpportunity.get(e.opportunity_id) ?? []), e]);
    const lines: { no: string; from: Decimal; to: Decimal }[] = [];
    for (const history of byOpportunity.values()) {
      if (!history.some((e) => inScope(e) && e.created_at > since)) continue;
      const changed = history
        .map((e, i) => ({ e, before: history[i - 1] }))
        .filter(
          ({ e, before }) => before && e.created_at > since && !dec(e.estimated_value).eq(before.estimated_value),
        );
      const first = changed[0];
      const last = changed[changed.length - 1];
      if (!first?.before || !last) continue;
      const from = dec(first.before.estimated_value);
      const to = dec(last.e.estimated_value);
      if (!from.eq(to)) lines.push({ no: last.e.no, from, to });
    }
    lines.sort((a, b) => b.to.minus(b.from).abs().comparedTo(a.to.minus(a.from).abs()) || (a.no < b.no ? -1 : 1));
    return {
      total: lines.length,
      lines: lines
        .slice(0, DIGEST_CHANGE_LINES)
        .map((l) => ({ no: l.no, from: l.from.toString(), to: l.to.toString() })),
    };
  }

  it('the stored previous value is the LAG over the history, and the value changes equal their definition', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 1, maxLength: 30 }),
        fc.nat({ max: 30 }),
        fc.constantFrom('none' as const, 'salesperson' as const, 'cycle' as const),
        async (ops, sinceIndex, filter) => {
          const ws = await ctx.seededWorkspace();
          const instants = await build(ws, [{ kind: 'new', start: true, value: 1_000, rep: 0 }, ...ops]);
          const all = await entries(ws);
          for (const e of all) expect(e.previous_estimated_value, `entry ${e.id}`).toBe(e.lag);

          // Since a random instant of the history (before the first: everything is recent).
          const since = sinceIndex >= instants.length ? new Date(0) : (instants[sinceIndex] ?? new Date(0));
          const rita = await ctx.db.prisma.salesperson.findFirst({ where: { workspaceId: ws, slackUserId: 'UREP1' } });
          const std = await ctx.db.prisma.salesCycle.findFirst({ where: { workspaceId: ws, code: 'STD' } });
          const inScope = (e: StoredEntry) =>
            filter === 'salesperson'
              ? e.salesperson_id === rita?.id
              : filter === 'cycle'
                ? e.sales_cycle_id === std?.id
                : true;
          const digest = await ctx.services.digests.build({
            workspaceId: ws,
            today: START,
            changesSince: since,
            ...(filter === 'salesperson' ? { salespersonSlackUserId: 'UREP1' } : {}),
            ...(filter === 'cycle' ? { salesCycleCode: 'STD' } : {}),
          });
          const expected = expectedValueChanges(all, since, inScope);
          expect(
            digest.changes.valueChanges.map((l) => ({ no: l.no, from: l.from.toString(), to: l.to.toString() })),
          ).toEqual(expected.lines);
          expect(digest.changes.totals?.valueChanges).toBe(expected.total);
        },
      ),
      { numRuns: 15, seed: 20261203 },
    );
  }, 120_000);
});
