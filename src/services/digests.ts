// The pipeline digest (src/services/digest-types.ts): every figure is an SQL aggregate over the
// opportunity entries, never a loop over loaded opportunities, so its cost grows with the number of
// rows PostgreSQL scans, not with what JavaScript holds. After one small query that resolves the
// workspace settings and the filters, the sections' statements run together (Promise.all: in
// parallel over the pool on PostgreSQL, queued on PGlite's single connection). Every statement is
// written with kysely against the generated schema types (src/store/kysely.ts).
//
// Semantics (spec §1, §2.1, §7, §12: an opportunity's figures live on its single ACTIVE entry):
//
// - Filters. `salesCycleCode` and `salespersonSlackUserId` restrict every section to the
//   opportunities of that cycle / that salesperson. Entries carry copies of both (the active entry's
//   are kept in sync with the opportunity, §7), so entry aggregates filter on the copies and need no
//   join. An unknown cycle code is refused (sales-cycle-not-found); an unknown salesperson simply
//   has no opportunities, so the digest is empty.
// - Open started = the active entry has a stage (stage IS NOT NULL); closing entries have none.
//   Not started = status NOT_STARTED (no entry yet, so no figures).
// - cycles: each sales cycle (or the requested one) in code order; its stages in stage order with
//   count / Σ estimated_value / Σ calcd_current_value of the active entries at that stage; stages
//   without opportunities appear with zeros; `notStarted` counts NOT_STARTED opportunities; the
//   cycle's totals sum its stage lines and `Digest.totals` sums the cycles shown. A blocked cycle is
//   left out when it has neither open started nor not-started opportunities in scope (unless it is
//   the cycle asked for).
// - closed: the period is [today − periodDays + 1, today], both inclusive. Counted are ACTIVE entries
//   with action WON or LOST dated (date_of_change) in the period, so an opportunity whose won order
//   was later deleted (a newer Lost entry, §10.3) counts once, as lost. Won amount = Σ calcd current
//   value (the sales amount, §2.1); lost amount = Σ estimated value (what was lost). byReason groups
//   by outcome and close code (null code = a close without code, description ''), won lines first,
//   then by amount descending, then by code. Win rate by count = won / (won + lost) × 100; by value
//   = won amount / (won amount + lost amount) × 100; each null when its denominator is 0 (nothing
//   closed, or only zero-valued losses for the value rate). Not rounded: the renderer rounds.
// - changes since `changesSince` (null: `since` null and every list empty). Instants are compared
//   in UTC, as every timestamp is stored.
//     new: opportunities created after it (opportunity.created_at), with the estimated value of
//       their active entry (0 when not started), largest first;
//     moved forward / back: entries created after it with a stage and a previous stage, stage
//       greater / smaller than the previous one; one line per entry, in entry order;
//     closed: Won/Lost entries created after it (active or not), won = sales amount, lost =
//       estimated value, largest first;
//     value changes: entries created after it whose estimated value differs from the entry before
//       them of the same opportunity (LAG over the opportunity's entries by entry no.); one line per
//       opportunity, from = the value before its first such change, to = after its last one. An
//       opportunity whose changes cancel out (from = to) is not listed. Largest |to − from| first.
// - attention, over open started opportunities only: overdue = estimated close date < today
//   (oldest first); closing soon = today ≤ estimated close date ≤ today + 7 (soonest first); stale
//   = last change (the active entry's date_of_change) ≤ today − staleDays (oldest first). An
//   opportunity can be both overdue and stale.
// - salespeople: one line per salesperson with an open (not started or in progress) opportunity or
//   a won one in the period, in scope: openCount = NOT_STARTED + IN_PROGRESS opportunities,
//   weightedValue = Σ calcd current value of the open started ones' active entries, wonValue = Σ
//   calcd current value of their active WON entries in the period; by weighted value descending,
//   then won value descending, then name.
// - weeks: the last `chartWeeks` ISO weeks (Monday first) ending with the week containing today,
//   each present even when zero; won = Σ calcd current value of active WON entries dated that week,
//   lost = Σ estimated value of active LOST entries; dated after today does not count (as for the
//   period). Label "W" + ISO week number.
//
// Lists (changes, attention) hold at most LIST_LIMIT lines (top-N by ORDER BY … LIMIT); their full
// counts are in the sections' `totals` (counted apart from the top-N, or in entryFigures' pass for
// the attention lists).
//
// Reads: the stage lines, closes by reason, per-salesperson values, weeks and attention counts are one
// aggregate over the active entries (entryFigures); not started and open counts one over the
// opportunities; the attention lists read the partial indexes on the open started active entries
// (migration 20261203200000); "changes" reads the entries and opportunities created since then
// through their (workspace_id, created_at) indexes (or a scan when most are recent), and the value
// changes only the recent entries that changed the value, through the previous value each entry
// carries (previous_estimated_value, written by a trigger when the entry is inserted).
import { Decimal, HUNDRED, ZERO } from '../domain/decimal.ts';
import { addDays, isoWeekday, localDate, type LocalDate, toEpochDay } from '../domain/local-date.ts';
import { DomainError } from '../domain/problems.ts';
import { staleOnOrBefore as staleCutoff } from '../domain/notifications.ts';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { DB, SqlDatabase } from '../store/kysely.ts';
import { enumLiteral } from './opportunity-queries.ts';
import type {
  Attention,
  AttentionItem,
  ChangesSince,
  CloseReasonLine,
  ClosedInPeriod,
  CyclePipeline,
  Digest,
  DigestRequest,
  Figures,
  SalespersonLine,
  StageLine,
  WeekLine,
} from './digest-types.ts';

/** The most lines a change or attention list holds; its total count is reported beside it. */
export const LIST_LIMIT = 25;
export const DEFAULT_PERIOD_DAYS = 7;
export const DEFAULT_STALE_DAYS = 14;
export const DEFAULT_CHART_WEEKS = 8;
const DEFAULT_CURRENCY = 'USD';
/** Closing soon = estimated close date within this many days from today (inclusive). */
const CLOSING_SOON_DAYS = 7;

interface Scope {
  workspaceId: string;
  /** null: all cycles. */
  cycleId: number | null;
  /** undefined: everyone; null: a salesperson was asked for but does not exist (nothing matches). */
  salespersonId: number | null | undefined;
}

const dec = (value: string | null | undefined): Decimal => (value == null ? ZERO : new Decimal(value));
const outcomeOf = (value: 'WON' | 'LOST' | string): 'won' | 'lost' => (value === 'WON' ? 'won' : 'lost');
const totalOf = (rows: readonly { total: number | null }[]): number => rows[0]?.total ?? 0;
const noFigures = (): Figures => ({ count: 0, estimatedValue: ZERO, weightedValue: ZERO });
const addFigures = (a: Figures, b: Figures): Figures => ({
  count: a.count + b.count,
  estimatedValue: a.estimatedValue.plus(b.estimatedValue),
  weightedValue: a.weightedValue.plus(b.weightedValue),
});

type WithEntries = ExpressionBuilder<DB & { e: DB['opportunity_entry'] }, 'e'>;
type WithOpportunities = ExpressionBuilder<DB & { o: DB['opportunity'] }, 'o'>;

/** No row has this id: a salesperson asked for but unknown (null) matches nothing. */
const NO_ID = -1;

/** The conditions that restrict opportunity entries (alias `e`) to the scope. */
function entryScope(eb: WithEntries, scope: Scope): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [eb('e.workspace_id', '=', scope.workspaceId)];
  if (scope.cycleId !== null) parts.push(eb('e.sales_cycle_id', '=', scope.cycleId));
  if (scope.salespersonId !== undefined) parts.push(eb('e.salesperson_id', '=', scope.salespersonId ?? NO_ID));
  return eb.and(parts);
}

/** The conditions that restrict opportunities (alias `o`) to the scope. */
function opportunityScope(eb: WithOpportunities, scope: Scope): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [eb('o.workspace_id', '=', scope.workspaceId)];
  if (scope.cycleId !== null) parts.push(eb('o.sales_cycle_id', '=', scope.cycleId));
  if (scope.salespersonId !== undefined) parts.push(eb('o.salesperson_id', '=', scope.salespersonId ?? NO_ID));
  return eb.and(parts);
}

/** The opportunities of the scope created since `since` (a list and its count, read apart). */
function createdSince(eb: WithOpportunities, scope: Scope, since: Date): Expression<SqlBool> {
  return eb.and([opportunityScope(eb, scope), eb('o.created_at', '>', since)]);
}

/** The entries of the scope that closed an opportunity since `since` (a list and its count, read apart). */
function closedSince(eb: WithEntries, scope: Scope, since: Date): Expression<SqlBool> {
  return eb.and([entryScope(eb, scope), eb('e.created_at', '>', since), eb('e.action_taken', 'in', CLOSED_ACTIONS())]);
}

/** Won and Lost, as the entries' action (written into the statement, not a parameter). */
const CLOSED_ACTIONS = () => [enumLiteral('WON'), enumLiteral('LOST')];

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive whole number: ${value}`);
  return value;
}

/** Monday of the ISO week containing `date`. */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** ISO 8601 week number: the week belongs to the year of its Thursday. */
export function isoWeekNumber(date: LocalDate): number {
  const thursday = addDays(mondayOf(date), 3);
  const januaryFirst = localDate(`${thursday.slice(0, 4)}-01-01`);
  return Math.floor((toEpochDay(thursday) - toEpochDay(januaryFirst)) / 7) + 1;
}

/** Percentage part / whole × 100, or null when the whole is zero. */
function percent(part: Decimal, whole: Decimal): Decimal | null {
  return whole.isZero() ? null : part.div(whole).times(HUNDRED);
}

export class DigestService {
  constructor(private readonly db: SqlDatabase) {}

  async build(request: DigestRequest): Promise<Digest> {
    const { workspaceId, today } = request;
    const periodDays = positiveInteger('periodDays', request.periodDays ?? DEFAULT_PERIOD_DAYS);
    const chartWeeks = positiveInteger('chartWeeks', request.chartWeeks ?? DEFAULT_CHART_WEEKS);
    const cycleCode = request.salesCycleCode?.trim().toUpperCase() || null;
    const slackUserId = request.salespersonSlackUserId?.trim() || null;

    const context = await this.context(workspaceId, cycleCode, slackUserId);
    if (cycleCode !== null && context.cycle_id === null) {
      throw new DomainError({ kind: 'sales-cycle-not-found', code: cycleCode });
    }
    const staleDays =
      request.staleDays === undefined
        ? (context.stale_days ?? DEFAULT_STALE_DAYS)
        : positiveInteger('staleDays', request.staleDays);
    const scope: Scope = {
      workspaceId,
      cycleId: context.cycle_id,
      salespersonId: slackUserId === null ? undefined : context.salesperson_id,
    };
    const period = { from: addDays(today, 1 - periodDays), to: today };
    const since = request.changesSince ?? null;

    const lastMonday = mondayOf(today);
    const chart = { from: addDays(lastMonday, -7 * (chartWeeks - 1)), to: today };

    const [figures, counts, cycleStages, people, codes, changes, lists] = await Promise.all([
      this.entryFigures(scope, period, chart, { today, staleOnOrBefore: staleCutoff(today, staleDays) }),
      this.opportunityCounts(scope),
      this.cycleStages(scope),
      this.people(scope),
      this.closeCodes(scope),
      since === null ? Promise.resolve(noChanges()) : this.changes(scope, since),
      this.attention(scope, today, staleDays),
    ]);
    const attention = { ...lists, totals: figures.attention };
    const cycles = pipelineOf(cycleStages, figures, counts, cycleCode !== null);
    const closed = closedOf(figures, codes, period);
    const salespeople = salespeopleOf(people, figures, counts);
    const weeks = weeksOf(figures, chart.from, chartWeeks);
    return {
      request: {
        workspaceId,
        today,
        periodDays,
        staleDays,
        salesCycleCode: cycleCode,
        salespersonSlackUserId: slackUserId,
      },
      currency: context.currency ?? DEFAULT_CURRENCY,
      cycles,
      totals: cycles.reduce((sum, cycle) => addFigures(sum, cycle.totals), noFigures()),
      closed,
      changes,
      attention,
      salespeople,
      weeks,
    };
  }

  /** Workspace settings (defaults when the workspace has no row yet) and the filters' ids. */
  private async context(workspaceId: string, cycleCode: string | null, slackUserId: string | null) {
    const row = await this.db
      .selectNoFrom((eb) => [
        eb.selectFrom('workspace as w').select('w.currency').where('w.id', '=', workspaceId).as('currency'),
        eb.selectFrom('workspace as w').select('w.stale_days').where('w.id', '=', workspaceId).as('stale_days'),
        eb
          .selectFrom('sales_cycle as sc')
          .select('sc.id')
          .where('sc.workspace_id', '=', workspaceId)
          .where('sc.code', '=', cycleCode ?? '')
          .where(eb.val(cycleCode !== null))
          .as('cycle_id'),
        eb
          .selectFrom('salesperson as sp')
          .select('sp.id')
          .where('sp.workspace_id', '=', workspaceId)
          .where('sp.slack_user_id', '=', slackUserId ?? '')
          .where(eb.val(slackUserId !== null))
          .as('salesperson_id'),
      ])
      .executeTakeFirst();
    return row ?? { currency: null, stale_days: null, cycle_id: null, salesperson_id: null };
  }

  /**
   * Every figure read from the active entries (open pipeline per cycle and stage, closes in the period
   * by outcome and code, per salesperson, won and lost per week, the attention counts) in one pass over
   * them, grouped by every key at once (cycle, stage, outcome in the period, close code, salesperson,
   * chart week; a key is null where the entry does not count for it). That makes at most a few
   * thousand groups, which are added up here into each figure: one hash aggregate (parallel on
   * PostgreSQL) where there were four scans. (GROUPING SETS would do the adding in SQL, but PostgreSQL
   * sorts the entries for some of the sets.)
   */
  private async entryFigures(
    scope: Scope,
    period: Period,
    chart: Period,
    attention: { today: LocalDate; staleOnOrBefore: LocalDate },
  ): Promise<EntryFigures> {
    const { today, staleOnOrBefore } = attention;
    const soon = addDays(today, CLOSING_SOON_DAYS);
    const rows = await this.db
      .selectFrom('opportunity_entry as e')
      .select((eb) => {
        const started = eb('e.stage', 'is not', null);
        const closedBetween = (from: LocalDate, to: LocalDate) =>
          eb.and([
            eb('e.stage', 'is', null),
            eb('e.action_taken', 'in', CLOSED_ACTIONS()),
            eb.between('e.date_of_change', from, to),
          ]);
        const won = eb('e.action_taken', '=', enumLiteral('WON'));
        const lost = eb('e.action_taken', '=', enumLiteral('LOST'));
        // The Monday of the entry's ISO week, as a date (so it reads as YYYY-MM-DD).
        const weekStart = eb.cast<string>(
          eb.fn('date_trunc', [sql.lit('week'), eb.cast('e.date_of_change', 'timestamp')]),
          'date',
        );
        return [
          'e.sales_cycle_id',
          'e.stage',
          eb.case().when(closedBetween(period.from, period.to)).then(eb.ref('e.action_taken')).end().as('k_outcome'),
          'e.close_code_id',
          'e.salesperson_id',
          eb.case().when(closedBetween(chart.from, chart.to)).then(weekStart).end().as('k_week'),
          eb.fn.countAll<number>().as('n'),
          eb.fn.sum<string | null>('e.estimated_value').as('estimated'),
          eb.fn.sum<string | null>('e.calcd_current_value').as('calcd'),
          eb.fn
            .sum<string | null>('e.calcd_current_value')
            .filterWhere(eb.and([won, closedBetween(period.from, period.to)]))
            .as('won_in_period'),
          eb.fn
            .sum<string | null>(
              eb.case().when(won).then(eb.ref('e.calcd_current_value')).else(eb.ref('e.estimated_value')).end(),
            )
            .as('closed_amount'),
          eb.fn.sum<string | null>('e.calcd_current_value').filterWhere(won).as('won'),
          eb.fn.sum<string | null>('e.estimated_value').filterWhere(lost).as('lost'),
          eb.fn
            .countAll<number>()
            .filterWhere(eb.and([started, eb('e.estimated_close_date', '<', today)]))
            .as('overdue'),
          eb.fn
            .countAll<number>()
            .filterWhere(eb.and([started, eb.between('e.estimated_close_date', today, soon)]))
            .as('soon'),
          eb.fn
            .countAll<number>()
            .filterWhere(eb.and([started, eb('e.date_of_change', '<=', staleOnOrBefore)]))
            .as('stale'),
        ];
      })
      .where((eb) => eb.and([entryScope(eb, scope), eb.ref('e.active')]))
      // k_outcome and k_week by their output names (each is written once, above).
      .groupBy(['e.sales_cycle_id', 'e.stage', sql`k_outcome`, 'e.close_code_id', 'e.salesperson_id', sql`k_week`])
      .execute();
    const figures: EntryFigures = {
      stages: new Map(),
      reasons: [],
      salespeople: new Map(),
      weeks: new Map(),
      attention: { overdue: 0, closingSoon: 0, stale: 0 },
    };
    const reasons = new Map<string, EntryFigures['reasons'][number]>();
    for (const r of rows) {
      if (r.stage !== null) {
        const key = `${r.sales_cycle_id}:${r.stage}`;
        figures.stages.set(
          key,
          addFigures(figures.stages.get(key) ?? noFigures(), {
            count: r.n,
            estimatedValue: dec(r.estimated),
            weightedValue: dec(r.calcd),
          }),
        );
      }
      if (r.k_outcome !== null) {
        const key = `${r.k_outcome}:${r.close_code_id ?? ''}`;
        const line = reasons.get(key) ?? {
          outcome: outcomeOf(r.k_outcome),
          codeId: r.close_code_id,
          count: 0,
          amount: ZERO,
        };
        reasons.set(key, { ...line, count: line.count + r.n, amount: line.amount.plus(dec(r.closed_amount)) });
      }
      if (r.stage !== null || r.won_in_period !== null) {
        const values = figures.salespeople.get(r.salesperson_id) ?? { weighted: null, won: null };
        figures.salespeople.set(r.salesperson_id, {
          weighted: r.stage === null ? values.weighted : (values.weighted ?? ZERO).plus(dec(r.calcd)),
          won: r.won_in_period === null ? values.won : (values.won ?? ZERO).plus(dec(r.won_in_period)),
        });
      }
      if (r.k_week !== null) {
        const week = figures.weeks.get(r.k_week) ?? { won: ZERO, lost: ZERO };
        figures.weeks.set(r.k_week, { won: week.won.plus(dec(r.won)), lost: week.lost.plus(dec(r.lost)) });
      }
      const { attention: seen } = figures;
      figures.attention = {
        overdue: seen.overdue + r.overdue,
        closingSoon: seen.closingSoon + r.soon,
        stale: seen.stale + r.stale,
      };
    }
    figures.reasons = [...reasons.values()];
    return figures;
  }

  /** Not started per cycle and open (not started or in progress) per salesperson, in one pass. */
  private async opportunityCounts(scope: Scope): Promise<OpportunityCounts> {
    const rows = await this.db
      .selectFrom('opportunity as o')
      .select((eb) => [
        'o.sales_cycle_id',
        'o.salesperson_id',
        eb.fn.countAll<number>().filterWhere('o.status', '=', enumLiteral('NOT_STARTED')).as('not_started'),
        eb.fn.countAll<number>().as('open_count'),
      ])
      .where((eb) =>
        eb.and([
          opportunityScope(eb, scope),
          eb('o.status', 'in', [enumLiteral('NOT_STARTED'), enumLiteral('IN_PROGRESS')]),
        ]),
      )
      .groupBy(['o.sales_cycle_id', 'o.salesperson_id'])
      .execute();
    const counts: OpportunityCounts = { notStarted: new Map(), open: new Map() };
    for (const r of rows) {
      counts.notStarted.set(r.sales_cycle_id, (counts.notStarted.get(r.sales_cycle_id) ?? 0) + r.not_started);
      counts.open.set(r.salesperson_id, (counts.open.get(r.salesperson_id) ?? 0) + r.open_count);
    }
    return counts;
  }

  /** The cycles in scope with their stages, in code and stage order (a cycle without stages: one row, stage null). */
  private async cycleStages(scope: Scope) {
    return this.db
      .selectFrom('sales_cycle as sc')
      .leftJoin('sales_cycle_stage as s', 's.sales_cycle_id', 'sc.id')
      .select(['sc.id', 'sc.code', 'sc.description', 'sc.blocked', 's.stage', 's.description as stage_description'])
      .where('sc.workspace_id', '=', scope.workspaceId)
      .$if(scope.cycleId !== null, (qb) => qb.where('sc.id', '=', scope.cycleId ?? NO_ID))
      .orderBy('sc.code')
      .orderBy('s.stage')
      .execute();
  }

  /** The salespeople in scope, in name order (the database's collation decides ties of figures). */
  private async people(scope: Scope) {
    return this.db
      .selectFrom('salesperson as sp')
      .select(['sp.id', 'sp.slack_user_id', 'sp.name'])
      .where('sp.workspace_id', '=', scope.workspaceId)
      .$if(scope.salespersonId !== undefined, (qb) => qb.where('sp.id', '=', scope.salespersonId ?? NO_ID))
      .orderBy('sp.name')
      .orderBy('sp.id')
      .execute();
  }

  private async closeCodes(scope: Scope) {
    return this.db
      .selectFrom('close_opportunity_code as cc')
      .select(['cc.id', 'cc.code', 'cc.description'])
      .where('cc.workspace_id', '=', scope.workspaceId)
      .execute();
  }

  private async changes(scope: Scope, since: Date): Promise<ChangesSince> {
    const [created, moves, closes, values] = await Promise.all([
      this.db
        .selectFrom('opportunity as o')
        .leftJoin('opportunity_entry as e', (join) =>
          join.onRef('e.opportunity_id', '=', 'o.id').on((eb) => eb.ref('e.active')),
        )
        .select((eb) => [
          'o.no',
          'o.description',
          eb.fn.coalesce('e.estimated_value', sql.lit('0')).as('estimated'),
          // Counted apart: count(*) OVER () would make the top-N a sort of every new opportunity.
          eb
            .selectFrom('opportunity as o')
            .select((inner) => inner.fn.countAll<number>().as('n'))
            .where((inner) => createdSince(inner, scope, since))
            .as('total'),
        ])
        .where((eb) => createdSince(eb, scope, since))
        .orderBy((eb) => eb.fn.coalesce('e.estimated_value', sql.lit('0')), 'desc')
        .orderBy('o.no')
        .limit(LIST_LIMIT)
        .execute(),
      // Forward and back moves in one statement: one scan, each list a top-N of its own, the counts
      // by FILTER (a row_number() ranking would sort every move).
      this.db
        .with(
          (cte) => cte('moves').materialized(),
          (db) =>
            db
              .selectFrom('opportunity_entry as e')
              .select(['e.id', 'e.opportunity_id', 'e.stage', 'e.previous_stage'])
              .where((eb) =>
                eb.and([
                  entryScope(eb, scope),
                  eb('e.created_at', '>', since),
                  eb('e.stage', 'is not', null),
                  eb('e.previous_stage', 'is not', null),
                  eb('e.stage', '<>', eb.ref('e.previous_stage')),
                ]),
              ),
        )
        .with('counts', (db) =>
          db
            .selectFrom('moves as m')
            .select((eb) => [
              eb.fn.countAll<number>().filterWhere('m.stage', '>', eb.ref('m.previous_stage')).as('forward'),
              eb.fn.countAll<number>().filterWhere('m.stage', '<', eb.ref('m.previous_stage')).as('back'),
            ]),
        )
        .with('picked', (db) =>
          db
            .selectFrom((inner) =>
              inner
                .selectFrom('moves as m')
                .selectAll('m')
                .where('m.stage', '>', (eb) => eb.ref('m.previous_stage'))
                .orderBy('m.id')
                .limit(LIST_LIMIT)
                .as('f'),
            )
            .select([
              sql.lit('forward').$castTo<'forward' | 'back'>().as('direction'),
              'f.id',
              'f.opportunity_id',
              'f.stage',
              'f.previous_stage',
            ])
            .unionAll((inner) =>
              inner
                .selectFrom((deeper) =>
                  deeper
                    .selectFrom('moves as m')
                    .selectAll('m')
                    .where('m.stage', '<', (eb) => eb.ref('m.previous_stage'))
                    .orderBy('m.id')
                    .limit(LIST_LIMIT)
                    .as('b'),
                )
                .select([
                  sql.lit('back').$castTo<'forward' | 'back'>().as('direction'),
                  'b.id',
                  'b.opportunity_id',
                  'b.stage',
                  'b.previous_stage',
                ]),
            ),
        )
        .selectFrom('picked as p')
        .crossJoin('counts as c')
        .innerJoin('opportunity as o', 'o.id', 'p.opportunity_id')
        .select((eb) => [
          'p.direction',
          'o.no',
          'o.description',
          'p.previous_stage as from_stage',
          'p.stage as to_stage',
          eb
            .case()
            .when('p.direction', '=', sql.lit('forward'))
            .then(eb.ref('c.forward'))
            .else(eb.ref('c.back'))
            .end()
            .as('total'),
        ])
        .orderBy('p.direction')
        .orderBy('p.id')
        .execute(),
      this.db
        .selectFrom((db) =>
          db
            .selectFrom('opportunity_entry as e')
            .select((eb) => {
              const amount = eb
                .case()
                .when('e.action_taken', '=', enumLiteral('WON'))
                .then(eb.ref('e.calcd_current_value'))
                .else(eb.ref('e.estimated_value'))
                .end();
              return [
                'e.id',
                'e.opportunity_id',
                'e.action_taken',
                amount.as('amount'),
                // Counted apart, as for new opportunities.
                eb
                  .selectFrom('opportunity_entry as e')
                  .select((inner) => inner.fn.countAll<number>().as('n'))
                  .where((inner) => closedSince(inner, scope, since))
                  .as('total'),
              ];
            })
            .where((eb) => closedSince(eb, scope, since))
            .orderBy('amount', 'desc')
            .orderBy('e.id')
            .limit(LIST_LIMIT)
            .as('c'),
        )
        .innerJoin('opportunity as o', 'o.id', 'c.opportunity_id')
        .select(['o.no', 'o.description', 'c.action_taken as outcome', 'c.amount', 'c.total'])
        .orderBy('c.amount', 'desc')
        .orderBy('c.id')
        .execute(),
      // Each entry carries the estimated value of the entry before it (previous_estimated_value, the
      // LAG over the opportunity's entries, written on insert), so only the recent entries that changed
      // the value are read. As for LAG over the history, an opportunity counts when one of its entries
      // in scope is recent, and then all its recent changes count (an older entry may carry another
      // salesperson or cycle); without a filter every such entry is in scope itself.
      this.db
        .with('per_opportunity', (db) =>
          db
            .selectFrom('opportunity_entry as c')
            .select((eb) => [
              'c.opportunity_id',
              sql<string>`(${eb.fn.agg('array_agg', ['c.previous_estimated_value']).orderBy('c.id')})[1]`.as(
                'from_value',
              ),
              sql<string>`(${eb.fn.agg('array_agg', ['c.estimated_value']).orderBy('c.id', 'desc')})[1]`.as('to_value'),
            ])
            .where((eb) =>
              eb.and([
                eb('c.workspace_id', '=', scope.workspaceId),
                eb('c.created_at', '>', since),
                eb('c.previous_estimated_value', 'is not', null),
                eb('c.estimated_value', '<>', eb.ref('c.previous_estimated_value')),
                ...(scope.cycleId === null && scope.salespersonId === undefined
                  ? []
                  : [
                      eb.exists(
                        eb
                          .selectFrom('opportunity_entry as e')
                          .select('e.id')
                          .where((inner) =>
                            inner.and([
                              inner('e.opportunity_id', '=', inner.ref('c.opportunity_id')),
                              entryScope(inner, scope),
                              inner('e.created_at', '>', since),
                            ]),
                          ),
                      ),
                    ]),
              ]),
            )
            .groupBy('c.opportunity_id'),
        )
        .selectFrom('per_opportunity as p')
        .innerJoin('opportunity as o', 'o.id', 'p.opportunity_id')
        .select((eb) => [
          'o.no',
          'o.description',
          'p.from_value',
          'p.to_value',
          eb.fn.countAll<number>().over().as('total'),
        ])
        .where('p.from_value', '<>', (eb) => eb.ref('p.to_value'))
        .orderBy((eb) => eb.fn('abs', [eb('p.to_value', '-', eb.ref('p.from_value'))]), 'desc')
        .orderBy('o.no')
        .limit(LIST_LIMIT)
        .execute(),
    ]);
    const forward = moves.filter((m) => m.direction === 'forward');
    const back = moves.filter((m) => m.direction === 'back');
    const move = (m: (typeof moves)[number]) => ({
      no: m.no,
      description: m.description,
      fromStage: m.from_stage,
      toStage: m.to_stage ?? 0,
    });
    return {
      since,
      newOpportunities: created.map((r) => ({
        no: r.no,
        description: r.description,
        estimatedValue: dec(r.estimated),
      })),
      movedForward: forward.map(move),
      movedBack: back.map(move),
      closed: closes.map((r) => ({
        no: r.no,
        description: r.description,
        outcome: outcomeOf(r.outcome),
        amount: dec(r.amount),
      })),
      valueChanges: values.map((r) => ({
        no: r.no,
        description: r.description,
        from: dec(r.from_value),
        to: dec(r.to_value),
      })),
      totals: {
        newOpportunities: totalOf(created),
        movedForward: totalOf(forward),
        movedBack: totalOf(back),
        closed: totalOf(closes),
        valueChanges: totalOf(values),
      },
    };
  }

  /**
   * Overdue, closing soon and stale lists in one statement, each a top-N read in the order of a partial
   * index over the open started active entries (migration 20261203200000), so a list reads its own
   * lines, not every candidate; their counts come from entryFigures' pass. Only the kept lines are
   * joined to their opportunity and salesperson.
   */
  private async attention(scope: Scope, today: LocalDate, staleDays: number): Promise<Omit<Attention, 'totals'>> {
    const soon = addDays(today, CLOSING_SOON_DAYS);
    const staleOnOrBefore = staleCutoff(today, staleDays);
    type Kind = 'overdue' | 'soon' | 'stale';
    const top = (db: SqlDatabase, value: Kind, order: number) =>
      db
        .selectFrom('opportunity_entry as e')
        .select([
          sql.lit(value).$castTo<Kind>().as('kind'),
          sql.lit(order).$castTo<number>().as('kind_order'),
          'e.opportunity_id',
          'e.salesperson_id',
          'e.estimated_close_date',
          'e.date_of_change',
          'e.estimated_value',
        ])
        .where((eb) =>
          eb.and([
            entryScope(eb, scope),
            eb.ref('e.active'),
            eb('e.stage', 'is not', null),
            value === 'overdue'
              ? eb('e.estimated_close_date', '<', today)
              : value === 'soon'
                ? eb.between('e.estimated_close_date', today, soon)
                : eb('e.date_of_change', '<=', staleOnOrBefore),
          ]),
        )
        .orderBy(value === 'stale' ? 'e.date_of_change' : 'e.estimated_close_date')
        .orderBy('e.opportunity_id')
        .limit(LIST_LIMIT);
    // Each top-N in a subquery of its own, so that its ORDER BY … LIMIT applies to it alone.
    const part = (value: Kind, order: number) => this.db.selectFrom(top(this.db, value, order).as('t')).selectAll('t');
    const rows = await this.db
      .selectFrom(part('overdue', 1).unionAll(part('soon', 2)).unionAll(part('stale', 3)).as('p'))
      .innerJoin('opportunity as o', 'o.id', 'p.opportunity_id')
      .innerJoin('salesperson as sp', 'sp.id', 'p.salesperson_id')
      .select([
        'p.kind',
        'o.no',
        'o.description',
        'sp.slack_user_id',
        'sp.name as salesperson_name',
        'p.estimated_close_date',
        'p.date_of_change as last_change',
        'p.estimated_value as estimated',
      ])
      .orderBy('p.kind_order')
      .orderBy((eb) =>
        eb
          .case()
          .when('p.kind', '=', sql.lit('stale'))
          .then(eb.ref('p.date_of_change'))
          .else(eb.ref('p.estimated_close_date'))
          .end(),
      )
      .orderBy('p.opportunity_id')
      .execute();
    const list = (value: Kind) => rows.filter((r) => r.kind === value);
    const item = (r: (typeof rows)[number]): AttentionItem => ({
      no: r.no,
      description: r.description,
      salespersonSlackUserId: r.slack_user_id,
      salespersonName: r.salesperson_name,
      estimatedCloseDate: localDate(r.estimated_close_date),
      lastChange: localDate(r.last_change),
      estimatedValue: dec(r.estimated),
    });
    const overdue = list('overdue');
    const closingSoon = list('soon');
    const stale = list('stale');
    return {
      overdue: overdue.map(item),
      closingSoon: closingSoon.map(item),
      stale: stale.map(item),
      staleDays,
    };
  }
}

interface Period {
  from: LocalDate;
  to: LocalDate;
}

/** What entryFigures() reads from the active entries, by set. */
interface EntryFigures {
  /** By `${cycle id}:${stage}`. */
  stages: Map<string, Figures>;
  reasons: { outcome: 'won' | 'lost'; codeId: number | null; count: number; amount: Decimal }[];
  /** By salesperson id: Σ calcd current value of the open started entries, and of the won in the period. */
  salespeople: Map<number, { weighted: Decimal | null; won: Decimal | null }>;
  /** By the week's Monday. */
  weeks: Map<string, { won: Decimal; lost: Decimal }>;
  /** How many open started entries are overdue, closing soon, stale. */
  attention: NonNullable<Attention['totals']>;
}

interface OpportunityCounts {
  /** By cycle id. */
  notStarted: Map<number, number>;
  /** Not started or in progress, by salesperson id. */
  open: Map<number, number>;
}

/** Open pipeline per cycle and stage: every stage of the cycles in scope, zeros where nothing is open. */
function pipelineOf(
  rows: readonly {
    id: number;
    code: string;
    description: string;
    blocked: boolean;
    stage: number | null;
    stage_description: string | null;
  }[],
  figures: EntryFigures,
  counts: OpportunityCounts,
  asked: boolean,
): CyclePipeline[] {
  const cycles: (CyclePipeline & { blocked: boolean; id: number })[] = [];
  let current: (CyclePipeline & { blocked: boolean; id: number }) | undefined;
  for (const row of rows) {
    if (current?.id !== row.id) {
      current = {
        id: row.id,
        code: row.code,
        description: row.description,
        blocked: row.blocked,
        stages: [],
        notStarted: counts.notStarted.get(row.id) ?? 0,
        totals: noFigures(),
      };
      cycles.push(current);
    }
    if (row.stage === null) continue; // a cycle without stages
    const line: StageLine = {
      stage: row.stage,
      description: row.stage_description ?? '',
      ...(figures.stages.get(`${row.id}:${row.stage}`) ?? noFigures()),
    };
    current.stages.push(line);
    current.totals = addFigures(current.totals, line);
  }
  return cycles
    .filter((c) => asked || !c.blocked || c.totals.count > 0 || c.notStarted > 0)
    .map((c) => ({
      code: c.code,
      description: c.description,
      stages: c.stages,
      notStarted: c.notStarted,
      totals: c.totals,
    }));
}

/** Won and lost in the period, by outcome and close code (the totals add up the few groups). */
function closedOf(
  figures: EntryFigures,
  codes: readonly { id: number; code: string; description: string }[],
  period: Period,
): ClosedInPeriod {
  const codeById = new Map(codes.map((c) => [c.id, c]));
  const byReason: CloseReasonLine[] = figures.reasons
    .map((r) => {
      const code = r.codeId === null ? undefined : codeById.get(r.codeId);
      return {
        outcome: r.outcome,
        code: code?.code ?? null,
        description: code?.description ?? '',
        count: r.count,
        amount: r.amount,
      };
    })
    .sort(
      (a, b) =>
        (a.outcome === b.outcome ? 0 : a.outcome === 'won' ? -1 : 1) ||
        b.amount.comparedTo(a.amount) ||
        (a.code ?? '').localeCompare(b.code ?? ''),
    );
  const sum = (outcome: 'won' | 'lost') =>
    byReason
      .filter((r) => r.outcome === outcome)
      .reduce((s, r) => ({ count: s.count + r.count, amount: s.amount.plus(r.amount) }), { count: 0, amount: ZERO });
  const won = sum('won');
  const lost = sum('lost');
  return {
    from: period.from,
    to: period.to,
    won,
    lost,
    byReason,
    winRateByCount: percent(new Decimal(won.count), new Decimal(won.count + lost.count)),
    winRateByValue: percent(won.amount, won.amount.plus(lost.amount)),
  };
}

/**
 * One line per salesperson in scope with an open opportunity or a won one in the period: by weighted
 * value, then won value (both descending), then in the order `people` come in (name, then id).
 */
function salespeopleOf(
  people: readonly { id: number; slack_user_id: string | null; name: string }[],
  figures: EntryFigures,
  counts: OpportunityCounts,
): SalespersonLine[] {
  return people
    .map((p, order) => {
      const values = figures.salespeople.get(p.id);
      return {
        order,
        open: counts.open.get(p.id) ?? 0,
        wonInPeriod: values?.won ?? null,
        line: {
          slackUserId: p.slack_user_id,
          name: p.name,
          openCount: counts.open.get(p.id) ?? 0,
          weightedValue: values?.weighted ?? ZERO,
          wonValue: values?.won ?? ZERO,
        },
      };
    })
    .filter((p) => p.open > 0 || p.wonInPeriod !== null)
    .sort(
      (a, b) =>
        b.line.weightedValue.comparedTo(a.line.weightedValue) ||
        b.line.wonValue.comparedTo(a.line.wonValue) ||
        a.order - b.order,
    )
    .map((p) => p.line);
}

/** Won/lost per ISO week, every week of the chart present. */
function weeksOf(figures: EntryFigures, firstMonday: LocalDate, chartWeeks: number): WeekLine[] {
  return Array.from({ length: chartWeeks }, (_, i) => {
    const weekStart = addDays(firstMonday, 7 * i);
    const week = figures.weeks.get(weekStart);
    return {
      weekStart,
      label: `W${isoWeekNumber(weekStart)}`,
      won: week?.won ?? ZERO,
      lost: week?.lost ?? ZERO,
    };
  });
}

function noChanges(): ChangesSince {
  return {
    since: null,
    newOpportunities: [],
    movedForward: [],
    movedBack: [],
    closed: [],
    valueChanges: [],
    totals: { newOpportunities: 0, movedForward: 0, movedBack: 0, closed: 0, valueChanges: 0 },
  };
}
