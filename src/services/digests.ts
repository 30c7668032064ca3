// The pipeline digest (src/services/digest-types.ts): every figure is an SQL aggregate over the
// opportunity entries, never a loop over loaded opportunities, so its cost grows with the number of
// rows PostgreSQL scans, not with what JavaScript holds. After one small query that resolves the
// workspace settings and the filters, the sections' statements run together (Promise.all: in
// parallel over the pool on PostgreSQL, queued on PGlite's single connection).
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
//   in UTC, as Prisma stores its timestamps.
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
// counts are in the sections' `totals`, computed by the same statement.
//
// Indexes: everything but "changes" reads the active entries through the schema's indexes or one
// scan of the workspace's entries. "changes" compares created_at, which no index covers yet, so it
// scans the workspace's entries and opportunities; (workspace_id, created_at) indexes on both tables
// would make it proportional to what changed.
import { Decimal, HUNDRED, ZERO } from '../domain/decimal.ts';
import { addDays, isoWeekday, localDate, type LocalDate, toEpochDay } from '../domain/local-date.ts';
import { DomainError } from '../domain/problems.ts';
import { Prisma } from '../generated/prisma/client.ts';
import type { PrismaClient } from './db.ts';
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

type Count = number | bigint;

interface Scope {
  workspaceId: string;
  /** null: all cycles. */
  cycleId: number | null;
  /** undefined: everyone; null: a salesperson was asked for but does not exist (nothing matches). */
  salespersonId: number | null | undefined;
}

interface ContextRow {
  currency: string | null;
  stale_days: number | null;
  cycle_id: number | null;
  salesperson_id: number | null;
}

interface CycleRow {
  cycle_id: number;
  code: string;
  description: string;
  blocked: boolean;
  stage: number | null;
  stage_description: string | null;
  open_count: Count;
  estimated: string | null;
  calcd: string | null;
  not_started: Count;
}

interface ReasonRow {
  outcome: 'WON' | 'LOST';
  code: string | null;
  description: string | null;
  n: Count;
  amount: string | null;
}

interface NewRow {
  no: string;
  description: string;
  estimated: string;
  total: Count;
}

interface MoveRow {
  direction: 'forward' | 'back';
  no: string;
  description: string;
  from_stage: number | null;
  to_stage: number;
  total: Count;
}

interface ClosedRow {
  no: string;
  description: string;
  outcome: 'WON' | 'LOST';
  amount: string;
  total: Count;
}

interface ValueChangeRow {
  no: string;
  description: string;
  from_value: string;
  to_value: string;
  total: Count;
}

interface AttentionRow {
  kind: 'overdue' | 'soon' | 'stale';
  no: string;
  description: string;
  slack_user_id: string | null;
  salesperson_name: string;
  estimated_close_date: string;
  last_change: string;
  estimated: string;
  total: Count;
}

interface SalespersonRow {
  slack_user_id: string | null;
  name: string;
  open_count: Count;
  weighted: string | null;
  won: string | null;
}

interface WeekRow {
  week_start: string;
  won: string | null;
  lost: string | null;
}

const dec = (value: string | null): Decimal => (value === null ? ZERO : new Decimal(value));
const num = (value: Count | null | undefined): number => Number(value ?? 0);
const outcomeOf = (value: 'WON' | 'LOST'): 'won' | 'lost' => (value === 'WON' ? 'won' : 'lost');
const totalOf = (rows: readonly { total: Count }[]): number => num(rows[0]?.total);
const noFigures = (): Figures => ({ count: 0, estimatedValue: ZERO, weightedValue: ZERO });
const addFigures = (a: Figures, b: Figures): Figures => ({
  count: a.count + b.count,
  estimatedValue: a.estimatedValue.plus(b.estimatedValue),
  weightedValue: a.weightedValue.plus(b.weightedValue),
});

/** Dates leave SQL as text, independent of the session's DateStyle and time zone. */
const ymd = (column: Prisma.Sql): Prisma.Sql => Prisma.sql`to_char(${column}, 'YYYY-MM-DD')`;
const dateParam = (date: LocalDate): Prisma.Sql => Prisma.sql`${date}::date`;

/** The conditions that restrict opportunity entries (alias `e`) to the scope. */
function entryScope(scope: Scope): Prisma.Sql {
  const parts = [Prisma.sql`e.workspace_id = ${scope.workspaceId}`];
  if (scope.cycleId !== null) parts.push(Prisma.sql`e.sales_cycle_id = ${scope.cycleId}::int`);
  if (scope.salespersonId !== undefined) parts.push(Prisma.sql`e.salesperson_id = ${scope.salespersonId}::int`);
  return Prisma.join(parts, ' AND ');
}

/** The conditions that restrict opportunities (alias `o`) to the scope. */
function opportunityScope(scope: Scope): Prisma.Sql {
  const parts = [Prisma.sql`o.workspace_id = ${scope.workspaceId}`];
  if (scope.cycleId !== null) parts.push(Prisma.sql`o.sales_cycle_id = ${scope.cycleId}::int`);
  if (scope.salespersonId !== undefined) parts.push(Prisma.sql`o.salesperson_id = ${scope.salespersonId}::int`);
  return Prisma.join(parts, ' AND ');
}

/**
 * A timestamp column (alias.created_at, `timestamp without time zone` holding UTC as Prisma writes
 * it) after an instant.
 */
function createdAfter(column: Prisma.Sql, since: Date): Prisma.Sql {
  return Prisma.sql`${column} > (${since.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

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
  constructor(private readonly prisma: PrismaClient) {}

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

    const [cycles, closed, changes, attention, salespeople, weeks] = await Promise.all([
      this.cycles(scope, cycleCode !== null),
      this.closed(scope, period),
      since === null ? Promise.resolve(noChanges()) : this.changes(scope, since),
      this.attention(scope, today, staleDays),
      this.salespeople(scope, period),
      this.weeks(scope, today, chartWeeks),
    ]);
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
  private async context(
    workspaceId: string,
    cycleCode: string | null,
    slackUserId: string | null,
  ): Promise<ContextRow> {
    const rows = await this.prisma.$queryRaw<ContextRow[]>`
      SELECT (SELECT w.currency FROM workspace w WHERE w.id = ${workspaceId}) AS currency,
             (SELECT w.stale_days FROM workspace w WHERE w.id = ${workspaceId}) AS stale_days,
             (SELECT sc.id FROM sales_cycle sc WHERE sc.workspace_id = ${workspaceId} AND sc.code = ${cycleCode}::text) AS cycle_id,
             (SELECT sp.id FROM salesperson sp
               WHERE sp.workspace_id = ${workspaceId} AND sp.slack_user_id = ${slackUserId}::text) AS salesperson_id`;
    return rows[0] ?? { currency: null, stale_days: null, cycle_id: null, salesperson_id: null };
  }

  /**
   * Open pipeline per cycle and stage, in one statement: the stages left-joined to the active-entry
   * aggregate. The aggregates are MATERIALIZED CTEs so that each runs exactly once: with the small
   * setup tables under-estimated, PostgreSQL otherwise re-runs the aggregate for every stage (nested loop).
   */
  private async cycles(scope: Scope, asked: boolean): Promise<CyclePipeline[]> {
    const cycleCondition = scope.cycleId === null ? Prisma.empty : Prisma.sql`AND sc.id = ${scope.cycleId}::int`;
    const rows = await this.prisma.$queryRaw<CycleRow[]>`
      WITH open_started AS MATERIALIZED (
        SELECT e.sales_cycle_id, e.stage, count(*) AS open_count,
               sum(e.estimated_value)::text AS estimated, sum(e.calcd_current_value)::text AS calcd
        FROM opportunity_entry e
        WHERE ${entryScope(scope)} AND e.active AND e.stage IS NOT NULL
        GROUP BY e.sales_cycle_id, e.stage
      ), not_started AS MATERIALIZED (
        SELECT o.sales_cycle_id, count(*) AS not_started
        FROM opportunity o
        WHERE ${opportunityScope(scope)} AND o.status = 'NOT_STARTED'
        GROUP BY o.sales_cycle_id
      )
      SELECT sc.id AS cycle_id, sc.code, sc.description, sc.blocked, s.stage, s.description AS stage_description,
             coalesce(a.open_count, 0)::int AS open_count, a.estimated, a.calcd,
             coalesce(ns.not_started, 0)::int AS not_started
      FROM sales_cycle sc
      LEFT JOIN sales_cycle_stage s ON s.sales_cycle_id = sc.id
      LEFT JOIN open_started a ON a.sales_cycle_id = sc.id AND a.stage = s.stage
      LEFT JOIN not_started ns ON ns.sales_cycle_id = sc.id
      WHERE sc.workspace_id = ${scope.workspaceId} ${cycleCondition}
      ORDER BY sc.code, s.stage`;
    const cycles: (CyclePipeline & { blocked: boolean })[] = [];
    let current: (CyclePipeline & { blocked: boolean; id: number }) | undefined;
    for (const row of rows) {
      if (current?.id !== row.cycle_id) {
        current = {
          id: row.cycle_id,
          code: row.code,
          description: row.description,
          blocked: row.blocked,
          stages: [],
          notStarted: num(row.not_started),
          totals: noFigures(),
        };
        cycles.push(current);
      }
      if (row.stage === null) continue; // a cycle without stages
      const line: StageLine = {
        stage: row.stage,
        description: row.stage_description ?? '',
        count: num(row.open_count),
        estimatedValue: dec(row.estimated),
        weightedValue: dec(row.calcd),
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
  private async closed(scope: Scope, period: { from: LocalDate; to: LocalDate }): Promise<ClosedInPeriod> {
    const rows = await this.prisma.$queryRaw<ReasonRow[]>`
      WITH reasons AS MATERIALIZED (
        SELECT e.action_taken, e.close_code_id, count(*) AS n,
               sum(CASE WHEN e.action_taken = 'WON' THEN e.calcd_current_value ELSE e.estimated_value END) AS amount
        FROM opportunity_entry e
        WHERE ${entryScope(scope)} AND e.active AND e.stage IS NULL AND e.action_taken IN ('WON', 'LOST')
          AND e.date_of_change BETWEEN ${dateParam(period.from)} AND ${dateParam(period.to)}
        GROUP BY e.action_taken, e.close_code_id
      )
      SELECT r.action_taken::text AS outcome, cc.code, cc.description, r.n::int AS n, r.amount::text AS amount
      FROM reasons r
      LEFT JOIN close_opportunity_code cc ON cc.id = r.close_code_id`;
    const byReason: CloseReasonLine[] = rows
      .map((r) => ({
        outcome: outcomeOf(r.outcome),
        code: r.code,
        description: r.description ?? '',
        count: num(r.n),
        amount: dec(r.amount),
      }))
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

  private async changes(scope: Scope, since: Date): Promise<ChangesSince> {
    const [created, moves, closes, values] = await Promise.all([
      this.prisma.$queryRaw<NewRow[]>`
        SELECT o.no, o.description, coalesce(e.estimated_value, 0)::text AS estimated, count(*) OVER ()::int AS total
        FROM opportunity o
        LEFT JOIN opportunity_entry e ON e.opportunity_id = o.id AND e.active
        WHERE ${opportunityScope(scope)} AND ${createdAfter(Prisma.sql`o.created_at`, since)}
        ORDER BY coalesce(e.estimated_value, 0) DESC, o.no
        LIMIT ${LIST_LIMIT}::int`,
      // Forward and back moves in one statement: one scan, each list a top-N of its own, the counts
      // by FILTER (a row_number() ranking would sort every move).
      this.prisma.$queryRaw<MoveRow[]>`
        WITH moves AS MATERIALIZED (
          SELECT e.id, e.opportunity_id, e.stage, e.previous_stage
          FROM opportunity_entry e
          WHERE ${entryScope(scope)} AND ${createdAfter(Prisma.sql`e.created_at`, since)}
            AND e.stage IS NOT NULL AND e.previous_stage IS NOT NULL AND e.stage <> e.previous_stage
        ), counts AS (
          SELECT count(*) FILTER (WHERE m.stage > m.previous_stage)::int AS forward,
                 count(*) FILTER (WHERE m.stage < m.previous_stage)::int AS back
          FROM moves m
        ), picked AS (
          (SELECT 'forward' AS direction, m.* FROM moves m WHERE m.stage > m.previous_stage
           ORDER BY m.id LIMIT ${LIST_LIMIT}::int)
          UNION ALL
          (SELECT 'back', m.* FROM moves m WHERE m.stage < m.previous_stage ORDER BY m.id LIMIT ${LIST_LIMIT}::int)
        )
        SELECT p.direction, o.no, o.description, p.previous_stage AS from_stage, p.stage AS to_stage,
               CASE p.direction WHEN 'forward' THEN c.forward ELSE c.back END AS total
        FROM picked p
        CROSS JOIN counts c
        JOIN opportunity o ON o.id = p.opportunity_id
        ORDER BY p.direction, p.id`,
      this.prisma.$queryRaw<ClosedRow[]>`
        SELECT o.no, o.description, c.action_taken::text AS outcome, c.amount::text AS amount, c.total
        FROM (
          SELECT e.id, e.opportunity_id, e.action_taken,
                 CASE WHEN e.action_taken = 'WON' THEN e.calcd_current_value ELSE e.estimated_value END AS amount,
                 count(*) OVER ()::int AS total
          FROM opportunity_entry e
          WHERE ${entryScope(scope)} AND ${createdAfter(Prisma.sql`e.created_at`, since)}
            AND e.action_taken IN ('WON', 'LOST')
          ORDER BY amount DESC, e.id
          LIMIT ${LIST_LIMIT}::int
        ) c
        JOIN opportunity o ON o.id = c.opportunity_id
        ORDER BY c.amount DESC, c.id`,
      // LAG needs the entry before the first recent one, so the whole history of the opportunities
      // touched since then is read (through the opportunity_id index), not the whole table.
      this.prisma.$queryRaw<ValueChangeRow[]>`
        WITH touched AS (
          SELECT DISTINCT e.opportunity_id
          FROM opportunity_entry e
          WHERE ${entryScope(scope)} AND ${createdAfter(Prisma.sql`e.created_at`, since)}
        ), history AS (
          SELECT h.opportunity_id, h.id, h.created_at, h.estimated_value,
                 lag(h.estimated_value) OVER (PARTITION BY h.opportunity_id ORDER BY h.id) AS previous_value
          FROM opportunity_entry h
          WHERE h.opportunity_id IN (SELECT opportunity_id FROM touched)
        ), per_opportunity AS (
          SELECT c.opportunity_id,
                 (array_agg(c.previous_value ORDER BY c.id))[1] AS from_value,
                 (array_agg(c.estimated_value ORDER BY c.id DESC))[1] AS to_value
          FROM history c
          WHERE ${createdAfter(Prisma.sql`c.created_at`, since)}
            AND c.previous_value IS NOT NULL AND c.estimated_value <> c.previous_value
          GROUP BY c.opportunity_id
        )
        SELECT o.no, o.description, p.from_value::text AS from_value, p.to_value::text AS to_value,
               count(*) OVER ()::int AS total
        FROM per_opportunity p
        JOIN opportunity o ON o.id = p.opportunity_id
        WHERE p.from_value <> p.to_value
        ORDER BY abs(p.to_value - p.from_value) DESC, o.no
        LIMIT ${LIST_LIMIT}::int`,
    ]);
    const forward = moves.filter((m) => m.direction === 'forward');
    const back = moves.filter((m) => m.direction === 'back');
    const move = (m: MoveRow) => ({
      no: m.no,
      description: m.description,
      fromStage: m.from_stage,
      toStage: m.to_stage,
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
   * Overdue, closing soon and stale in one statement: one pass over the open started active entries
   * keeps the candidates, the three counts come from one aggregate over them, each list is a top-N
   * (ORDER BY … LIMIT: a bounded heap, not a sort of every candidate), and only the kept lines are
   * joined to their opportunity and salesperson.
   */
  private async attention(scope: Scope, today: LocalDate, staleDays: number): Promise<Attention> {
    const soon = addDays(today, CLOSING_SOON_DAYS);
    const staleOnOrBefore = addDays(today, -staleDays);
    const rows = await this.prisma.$queryRaw<AttentionRow[]>`
      WITH candidates AS MATERIALIZED (
        SELECT e.opportunity_id, e.salesperson_id, e.estimated_close_date, e.date_of_change, e.estimated_value
        FROM opportunity_entry e
        WHERE ${entryScope(scope)} AND e.active AND e.stage IS NOT NULL
          AND (e.estimated_close_date <= ${dateParam(soon)} OR e.date_of_change <= ${dateParam(staleOnOrBefore)})
      ), counts AS (
        SELECT count(*) FILTER (WHERE c.estimated_close_date < ${dateParam(today)})::int AS overdue,
               count(*) FILTER (
                 WHERE c.estimated_close_date >= ${dateParam(today)} AND c.estimated_close_date <= ${dateParam(soon)}
               )::int AS soon,
               count(*) FILTER (WHERE c.date_of_change <= ${dateParam(staleOnOrBefore)})::int AS stale
        FROM candidates c
      ), picked AS (
        (SELECT 'overdue' AS kind, 1 AS kind_order, c.*,
                row_number() OVER (ORDER BY c.estimated_close_date, c.opportunity_id) AS rn
         FROM (SELECT * FROM candidates c WHERE c.estimated_close_date < ${dateParam(today)}
               ORDER BY c.estimated_close_date, c.opportunity_id LIMIT ${LIST_LIMIT}::int) c)
        UNION ALL
        (SELECT 'soon', 2, c.*, row_number() OVER (ORDER BY c.estimated_close_date, c.opportunity_id)
         FROM (SELECT * FROM candidates c
               WHERE c.estimated_close_date >= ${dateParam(today)} AND c.estimated_close_date <= ${dateParam(soon)}
               ORDER BY c.estimated_close_date, c.opportunity_id LIMIT ${LIST_LIMIT}::int) c)
        UNION ALL
        (SELECT 'stale', 3, c.*, row_number() OVER (ORDER BY c.date_of_change, c.opportunity_id)
         FROM (SELECT * FROM candidates c WHERE c.date_of_change <= ${dateParam(staleOnOrBefore)}
               ORDER BY c.date_of_change, c.opportunity_id LIMIT ${LIST_LIMIT}::int) c)
      )
      SELECT p.kind, o.no, o.description, sp.slack_user_id, sp.name AS salesperson_name,
             ${ymd(Prisma.sql`p.estimated_close_date`)} AS estimated_close_date,
             ${ymd(Prisma.sql`p.date_of_change`)} AS last_change,
             p.estimated_value::text AS estimated,
             CASE p.kind WHEN 'overdue' THEN n.overdue WHEN 'soon' THEN n.soon ELSE n.stale END AS total
      FROM picked p
      CROSS JOIN counts n
      JOIN opportunity o ON o.id = p.opportunity_id
      JOIN salesperson sp ON sp.id = p.salesperson_id
      ORDER BY p.kind_order, p.rn`;
    const list = (kind: AttentionRow['kind']) => rows.filter((r) => r.kind === kind);
    const item = (r: AttentionRow): AttentionItem => ({
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
      totals: { overdue: totalOf(overdue), closingSoon: totalOf(closingSoon), stale: totalOf(stale) },
    };
  }

  private async salespeople(scope: Scope, period: { from: LocalDate; to: LocalDate }): Promise<SalespersonLine[]> {
    const only = scope.salespersonId === undefined ? Prisma.empty : Prisma.sql`AND sp.id = ${scope.salespersonId}::int`;
    // MATERIALIZED: each aggregate runs once (see cycles()).
    const rows = await this.prisma.$queryRaw<SalespersonRow[]>`
      WITH open_counts AS MATERIALIZED (
        SELECT o.salesperson_id, count(*) AS open_count
        FROM opportunity o
        WHERE ${opportunityScope(scope)} AND o.status IN ('NOT_STARTED', 'IN_PROGRESS')
        GROUP BY o.salesperson_id
      ), entry_values AS MATERIALIZED (
        SELECT e.salesperson_id,
               sum(e.calcd_current_value) FILTER (WHERE e.stage IS NOT NULL) AS weighted,
               sum(e.calcd_current_value) FILTER (WHERE e.stage IS NULL) AS won
        FROM opportunity_entry e
        WHERE ${entryScope(scope)} AND e.active
          AND (e.stage IS NOT NULL OR (e.action_taken = 'WON'
               AND e.date_of_change BETWEEN ${dateParam(period.from)} AND ${dateParam(period.to)}))
        GROUP BY e.salesperson_id
      )
      SELECT sp.slack_user_id, sp.name, coalesce(oc.open_count, 0)::int AS open_count,
             v.weighted::text AS weighted, v.won::text AS won
      FROM salesperson sp
      LEFT JOIN open_counts oc ON oc.salesperson_id = sp.id
      LEFT JOIN entry_values v ON v.salesperson_id = sp.id
      WHERE sp.workspace_id = ${scope.workspaceId} ${only} AND (oc.open_count > 0 OR v.won IS NOT NULL)
      ORDER BY coalesce(v.weighted, 0) DESC, coalesce(v.won, 0) DESC, sp.name, sp.id`;
    return rows.map((r) => ({
      slackUserId: r.slack_user_id,
      name: r.name,
      openCount: num(r.open_count),
      weightedValue: dec(r.weighted),
      wonValue: dec(r.won),
    }));
  }

  /** Won/lost per ISO week: buckets by date_trunc in SQL, the empty weeks filled in here. */
  private async weeks(scope: Scope, today: LocalDate, chartWeeks: number): Promise<WeekLine[]> {
    const lastMonday = mondayOf(today);
    const firstMonday = addDays(lastMonday, -7 * (chartWeeks - 1));
    const rows = await this.prisma.$queryRaw<WeekRow[]>`
      SELECT ${ymd(Prisma.sql`date_trunc('week', e.date_of_change::timestamp)`)} AS week_start,
             sum(e.calcd_current_value) FILTER (WHERE e.action_taken = 'WON')::text AS won,
             sum(e.estimated_value) FILTER (WHERE e.action_taken = 'LOST')::text AS lost
      FROM opportunity_entry e
      WHERE ${entryScope(scope)} AND e.active AND e.stage IS NULL AND e.action_taken IN ('WON', 'LOST')
        AND e.date_of_change BETWEEN ${dateParam(firstMonday)} AND ${dateParam(today)}
      GROUP BY 1`;
    const byWeek = new Map(rows.map((r) => [r.week_start, r]));
    return Array.from({ length: chartWeeks }, (_, i) => {
      const weekStart = addDays(firstMonday, 7 * i);
      const row = byWeek.get(weekStart);
      return {
        weekStart,
        label: `W${isoWeekNumber(weekStart)}`,
        won: dec(row?.won ?? null),
        lost: dec(row?.lost ?? null),
      };
    });
  }
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
