// The pipeline digest (src/services/digest-types.ts): every figure is an SQL aggregate over the
// opportunity entries, never a loop over loaded opportunities, so its cost grows with the number of
// rows PostgreSQL scans, not with what JavaScript holds. Its statements, the one that reads the
// workspace settings and the names among them, run together (Promise.all: in parallel on the reports
// pool on PostgreSQL, queued on PGlite's single connection), so they are not one snapshot: a setting or
// a change landing meanwhile may show in one section and not in another. Every statement is written
// with kysely against the generated schema types (src/store/kysely.ts).
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
// Lists hold at most the lines a digest shows (DIGEST_CHANGE_LINES, DIGEST_ATTENTION_LINES: top-N by
// ORDER BY … LIMIT); their full counts are in the sections' `totals` (counted apart from the top-N, or
// in entryFigures' pass for the attention lists). The LIMITs are written into the statements' text
// (sql.lit), not sent as parameters: with `LIMIT $n` PostgreSQL's generic plan cannot know how few rows
// are asked, so it found the custom plan cheaper and planned the statement again at every run, although
// PGlite's worker prepares each text once (the recent lines at 1,000 opportunities: 2.35 ms a run, 1.13
// ms with the limit in the text).
//
// Reads (seven statements, all sent at once, each built once per shape: src/store/statement-shapes.ts):
// CONTEXT (settings, the asked cycle's id, and the names of cycles, stages, salespeople and close
// codes); ENTRY_FIGURES (the open started active entries by cycle, stage and salesperson, the active
// closes of the period and chart window by outcome, code, salesperson and day, and the not started
// opportunities by cycle and salesperson: stage lines, closes by reason, per-salesperson values and
// open counts, weeks and attention counts); ATTENTION (top-N through the partial indexes of migration
// 20261203200000); and for "what changed" RECENT_COUNTS (moves, closes and new opportunities),
// RECENT_LINES and CREATED (top-N through the partial indexes of migration 20261204060100) and
// VALUE_CHANGES (only the entries that changed the value, through the previous value each entry
// carries, written by a trigger on insert). No statement waits for another's answer: each reads the
// filters' ids and the stale days itself (at 1,000 opportunities on PGlite, CONTEXT first and the rest
// after it took 0.5 ms longer a digest).
import { Decimal, HUNDRED, ZERO } from '../domain/decimal.ts';
import { addDays, isoWeekday, localDate, type LocalDate, toEpochDay } from '../domain/local-date.ts';
import { DomainError } from '../domain/problems.ts';
import { type Compilable, type Expression, type ExpressionBuilder, expressionBuilder, type SqlBool, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DB, SqlDatabase } from '../store/kysely.ts';
import { inlined, statementShapes } from '../store/statement-shapes.ts';
import { enumLiteral } from './opportunity-queries.ts';
import {
  type Attention,
  type AttentionItem,
  type ChangesSince,
  type CloseReasonLine,
  type ClosedInPeriod,
  type CyclePipeline,
  type Digest,
  type DigestRequest,
  type Figures,
  type SalespersonLine,
  type StageLine,
  type WeekLine,
  DIGEST_ATTENTION_LINES,
  DIGEST_CHANGE_LINES,
} from './digest-types.ts';

export const DEFAULT_PERIOD_DAYS = 7;
export const DEFAULT_STALE_DAYS = 14;
export const DEFAULT_CHART_WEEKS = 8;
const DEFAULT_CURRENCY = 'USD';
/** Closing soon = estimated close date within this many days from today (inclusive). */
const CLOSING_SOON_DAYS = 7;

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

/**
 * What the scope's statements are given: the workspace, and the key of each filter that applies, the
 * cycle's code or the salesperson's Slack user (a filter applies when its key is there, so which keys
 * are there is part of a statement's shape). Each statement finds the filter's id itself, so that none
 * waits for another: an unknown cycle matches nothing (CONTEXT tells, and the digest is refused), nor
 * does an unknown salesperson (the digest is empty).
 */
interface ScopeValues {
  ws: string;
  cycleCode?: string;
  slackUserId?: string;
}

/**
 * A statement over the scope, built once per shape (src/store/statement-shapes.ts): its text depends on
 * which filters apply, and on nothing else besides its values.
 */
function scoped<V extends ScopeValues, R>(name: string, build: (db: SqlDatabase, v: V) => Compilable<R>) {
  return async (db: SqlDatabase, values: V): Promise<R[]> => {
    const cycle = values.cycleCode === undefined ? '' : ' cycle';
    const salesperson = values.slackUserId === undefined ? '' : ' salesperson';
    return (await statementShapes.execute(db, `digest ${name}${cycle}${salesperson}`, values, (v) => build(db, v)))
      .rows;
  };
}

/** Builds the filters' subqueries, which stand on their own (no outer table). */
const standalone = expressionBuilder<DB>();

/**
 * The ids the scope's filters ask for, each read by a subquery of its own (no row when its key is
 * unknown, and then nothing matches); undefined for a filter that does not apply.
 */
function filterIds(v: ScopeValues) {
  return {
    cycle:
      v.cycleCode === undefined
        ? undefined
        : standalone
            .selectFrom('sales_cycle as sc')
            .select('sc.id')
            .where('sc.workspace_id', '=', v.ws)
            .where('sc.code', '=', v.cycleCode),
    salesperson:
      v.slackUserId === undefined
        ? undefined
        : standalone
            .selectFrom('salesperson as sp')
            .select('sp.id')
            .where('sp.workspace_id', '=', v.ws)
            .where('sp.slack_user_id', '=', v.slackUserId),
  };
}

/** The conditions that restrict opportunity entries (alias `e`) to the scope. */
function entryScope(eb: WithEntries, v: ScopeValues): Expression<SqlBool> {
  const ids = filterIds(v);
  const parts: Expression<SqlBool>[] = [eb('e.workspace_id', '=', v.ws)];
  if (ids.cycle) parts.push(eb('e.sales_cycle_id', '=', ids.cycle));
  if (ids.salesperson) parts.push(eb('e.salesperson_id', '=', ids.salesperson));
  return eb.and(parts);
}

/** The conditions that restrict opportunities (alias `o`) to the scope. */
function opportunityScope(eb: WithOpportunities, v: ScopeValues): Expression<SqlBool> {
  const ids = filterIds(v);
  const parts: Expression<SqlBool>[] = [eb('o.workspace_id', '=', v.ws)];
  if (ids.cycle) parts.push(eb('o.sales_cycle_id', '=', ids.cycle));
  if (ids.salesperson) parts.push(eb('o.salesperson_id', '=', ids.salesperson));
  return eb.and(parts);
}

/** What the attention figures are given: today, and the stale days the request asks for (or null). */
interface AttentionValues {
  today: LocalDate;
  soon: LocalDate;
  staleDays: number | null;
}

/**
 * The last day of change that leaves an opportunity stale: today − the stale days, the request's, else
 * the workspace's setting, else DEFAULT_STALE_DAYS (as staleOnOrBefore in src/domain/notifications.ts).
 * Read in each statement that needs it, so that none waits for CONTEXT.
 */
const staleOnOrBefore = (eb: WithEntries, v: ScopeValues & AttentionValues) =>
  sql<LocalDate>`(${v.today}::date - coalesce(${v.staleDays}::integer, (${eb
    .selectFrom('workspace as w')
    .select('w.stale_days')
    .where('w.id', '=', v.ws)}), ${sql.lit(DEFAULT_STALE_DAYS)}))`;

/** Won and Lost, as the entries' action (written into the statement, not a parameter). */
const CLOSED_ACTIONS = () => [enumLiteral('WON'), enumLiteral('LOST')];

// The statements, each built once per shape (src/store/statement-shapes.ts).

/**
 * Workspace settings and the asked cycle's id (to tell an unknown code), with the names the digest
 * shows: the cycles in scope with their stages (in code and stage order; a cycle without stages: one
 * row, stage null), the salespeople in scope (in name order: the database's collation decides ties of
 * figures), the close codes. One statement: the names were three reads of their own.
 */
const CONTEXT = scoped('context', (db, v: ScopeValues) =>
  db.selectNoFrom((eb) => [
    eb.selectFrom('workspace as w').select('w.currency').where('w.id', '=', v.ws).as('currency'),
    eb.selectFrom('workspace as w').select('w.stale_days').where('w.id', '=', v.ws).as('stale_days'),
    v.cycleCode === undefined
      ? sql<number | null>`null::integer`.as('cycle_id')
      : eb
          .selectFrom('sales_cycle as sc')
          .select('sc.id')
          .where('sc.workspace_id', '=', v.ws)
          .where('sc.code', '=', v.cycleCode)
          .as('cycle_id'),
    jsonArrayFrom(
      eb
        .selectFrom('sales_cycle as sc')
        .leftJoin('sales_cycle_stage as s', 's.sales_cycle_id', 'sc.id')
        .select(['sc.id', 'sc.code', 'sc.description', 'sc.blocked', 's.stage', 's.description as stage_description'])
        .where('sc.workspace_id', '=', v.ws)
        .$call((qb) => (v.cycleCode === undefined ? qb : qb.where('sc.code', '=', v.cycleCode)))
        .orderBy('sc.code')
        .orderBy('s.stage'),
    ).as('cycles'),
    jsonArrayFrom(
      eb
        .selectFrom('salesperson as sp')
        .select(['sp.id', 'sp.slack_user_id', 'sp.name'])
        .where('sp.workspace_id', '=', v.ws)
        .$call((qb) => (v.slackUserId === undefined ? qb : qb.where('sp.slack_user_id', '=', v.slackUserId)))
        .orderBy('sp.name')
        .orderBy('sp.id'),
    ).as('people'),
    jsonArrayFrom(
      eb
        .selectFrom('close_opportunity_code as cc')
        .select(['cc.id', 'cc.code', 'cc.description'])
        .where('cc.workspace_id', '=', v.ws),
    ).as('codes'),
  ]),
);

/** Which set an ENTRY_FIGURES row belongs to. */
type EntryFigureKind = 'open' | 'closed' | 'not started';

/**
 * The figures of the active entries, in two sets: the open started ones grouped by cycle, stage and
 * salesperson (stage lines, weighted values, attention counts), and the ones closed (Won or Lost)
 * from the period's or the chart's first day to today, grouped by outcome, close code, salesperson
 * and day (closes by reason, won per salesperson, the weeks: added up here). Each set's keys are
 * plain columns, so PostgreSQL estimates its groups well enough to hash them (grouped by the period
 * and week cases, its estimate was 200,000 groups and it sorted a million entries on disk); the
 * closed set reads only that window's entries (a partial index).
 *
 * A third set counts the not started opportunities by cycle and salesperson (through the status
 * index): with the open started ones, the open count of each salesperson. An opportunity is in progress
 * exactly when its active entry has a stage, so no pass over every opportunity is needed (it was one
 * statement of its own, 0.3 ms of a digest of 1,000 on PGlite).
 */
const ENTRY_FIGURES = scoped('entry figures', (db, v: ScopeValues & AttentionValues & { closedFrom: LocalDate }) =>
  db
    .selectFrom('opportunity_entry as e')
    .select((eb) => [
      sql.lit('open').$castTo<EntryFigureKind>().as('kind'),
      'e.sales_cycle_id',
      eb.ref('e.stage').$castTo<number | null>().as('stage'),
      'e.salesperson_id',
      sql<'WON' | 'LOST' | null>`null::"ActionTaken"`.as('outcome'),
      sql<number | null>`null::integer`.as('close_code_id'),
      sql<string | null>`null::date`.as('day'),
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<string>('e.estimated_value').as('estimated'),
      eb.fn.sum<string>('e.calcd_current_value').as('calcd'),
      eb.fn.countAll<number>().filterWhere('e.estimated_close_date', '<', v.today).as('overdue'),
      eb.fn
        .countAll<number>()
        .filterWhere(eb.between('e.estimated_close_date', v.today, v.soon))
        .as('soon'),
      eb.fn.countAll<number>().filterWhere('e.date_of_change', '<=', staleOnOrBefore(eb, v)).as('stale'),
    ])
    .where((eb) => eb.and([entryScope(eb, v), eb.ref('e.active'), eb('e.stage', 'is not', null)]))
    .groupBy(['e.sales_cycle_id', 'e.stage', 'e.salesperson_id'])
    .unionAll(
      db
        .selectFrom('opportunity_entry as e')
        .select((eb) => [
          sql.lit('closed').$castTo<EntryFigureKind>().as('kind'),
          sql<number>`null::integer`.as('sales_cycle_id'),
          sql<number | null>`null::integer`.as('stage'),
          'e.salesperson_id',
          eb.ref('e.action_taken').$castTo<'WON' | 'LOST' | null>().as('outcome'),
          'e.close_code_id',
          eb.ref('e.date_of_change').$castTo<string | null>().as('day'),
          eb.fn.countAll<number>().as('n'),
          eb.fn.sum<string>('e.estimated_value').as('estimated'),
          eb.fn.sum<string>('e.calcd_current_value').as('calcd'),
          sql.lit(0).$castTo<number>().as('overdue'),
          sql.lit(0).$castTo<number>().as('soon'),
          sql.lit(0).$castTo<number>().as('stale'),
        ])
        .where((eb) =>
          eb.and([
            entryScope(eb, v),
            eb.ref('e.active'),
            eb('e.stage', 'is', null),
            eb('e.action_taken', 'in', CLOSED_ACTIONS()),
            eb.between('e.date_of_change', v.closedFrom, v.today),
          ]),
        )
        .groupBy(['e.action_taken', 'e.close_code_id', 'e.salesperson_id', 'e.date_of_change']),
    )
    .unionAll(
      db
        .selectFrom('opportunity as o')
        .select((eb) => [
          sql.lit('not started').$castTo<EntryFigureKind>().as('kind'),
          'o.sales_cycle_id',
          sql<number | null>`null::integer`.as('stage'),
          'o.salesperson_id',
          sql<'WON' | 'LOST' | null>`null::"ActionTaken"`.as('outcome'),
          sql<number | null>`null::integer`.as('close_code_id'),
          sql<string | null>`null::date`.as('day'),
          eb.fn.countAll<number>().as('n'),
          sql<string>`0::numeric`.as('estimated'),
          sql<string>`0::numeric`.as('calcd'),
          sql.lit(0).$castTo<number>().as('overdue'),
          sql.lit(0).$castTo<number>().as('soon'),
          sql.lit(0).$castTo<number>().as('stale'),
        ])
        .where((eb) => eb.and([opportunityScope(eb, v), eb('o.status', '=', enumLiteral('NOT_STARTED'))]))
        .groupBy(['o.sales_cycle_id', 'o.salesperson_id']),
    ),
);

/**
 * How many entries created since `since` moved an opportunity forward, back, or closed it, in one pass
 * over those entries only, and how many opportunities were created since. The condition that they moved
 * or closed is what the partial indexes of RECENT_LINES hold, so PostgreSQL may read just them (when
 * every entry is recent, PGlite at 1,000 opportunities read half the rows a pass over every recent entry
 * read). Counted one by one through those indexes, the three took 1.4 s at 1,000,000 on PostgreSQL,
 * against 0.47 s for this pass. `since` is written into the text (inlined): a week ago, PostgreSQL reads
 * the few recent rows through their created_at indexes.
 */
const RECENT_COUNTS = scoped('recent counts', (db, v: ScopeValues & { since: Date }) =>
  db
    .selectFrom('opportunity_entry as e')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('e.stage', '>', eb.ref('e.previous_stage')).as('forward'),
      eb.fn.countAll<number>().filterWhere('e.stage', '<', eb.ref('e.previous_stage')).as('back'),
      eb.fn.countAll<number>().filterWhere('e.action_taken', 'in', CLOSED_ACTIONS()).as('closed'),
      eb
        .selectFrom('opportunity as o')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .where((inner) => inner.and([opportunityScope(inner, v), inner('o.created_at', '>', inlined(v.since))]))
        .as('created'),
    ])
    .where((eb) =>
      eb.and([
        entryScope(eb, v),
        eb('e.created_at', '>', inlined(v.since)),
        eb.or([
          eb('e.stage', '>', eb.ref('e.previous_stage')),
          eb('e.stage', '<', eb.ref('e.previous_stage')),
          eb('e.action_taken', 'in', CLOSED_ACTIONS()),
        ]),
      ]),
    ),
);

type RecentKind = 'forward' | 'back' | 'closed';

/** A close's amount: the sales amount when won, the estimated value when lost. */
const closeAmount = (eb: WithEntries) =>
  eb
    .case()
    .when('e.action_taken', '=', enumLiteral('WON'))
    .then(eb.ref('e.calcd_current_value'))
    .else(eb.ref('e.estimated_value'))
    .end();

/**
 * The lines of the recent moves (forward and back, one line per entry, in entry order) and closes
 * (largest first), each list a top-N of its own, in one statement. Each reads a partial index in its
 * own order (moves forward, moves back, closes by amount; migration 20261204060100), so when most
 * entries are recent it stops after a page; `since` is inlined, so that when few are it reads them
 * through the created_at index instead.
 *
 * The lists are read from the entries alone, and each listed line then looks up its opportunity by
 * primary key, in one lateral subquery after the union. Its OFFSET 0 keeps PostgreSQL from merging it
 * into a join, which it may plan as a hash over the whole opportunity table for thirty lines. One
 * lookup instead of one join per list makes the statement quicker to plan, as it is at each of its
 * first five runs on a connection (0.6 to 0.8 ms, now 0.3, at 1,000 opportunities on PostgreSQL 15),
 * and to run (0.75 ms, now 0.50, on PGlite). ATTENTION keeps its joins inside its lists: written so,
 * PostgreSQL costed its generic plan above its custom ones and planned it again at every run (on PGlite
 * 1.9 ms a run instead of 0.75).
 */
const RECENT_LINES = scoped('recent lines', (db, v: ScopeValues & { since: Date }) => {
  const top = (kind: RecentKind) =>
    db
      .selectFrom('opportunity_entry as e')
      .select((eb) => [
        sql.lit(kind).$castTo<RecentKind>().as('kind'),
        'e.id',
        'e.opportunity_id',
        'e.previous_stage',
        'e.stage',
        'e.action_taken',
        kind === 'closed' ? closeAmount(eb).as('amount') : sql<string>`null::numeric`.as('amount'),
      ])
      .where((eb) =>
        eb.and([
          entryScope(eb, v),
          eb('e.created_at', '>', inlined(v.since)),
          kind === 'closed'
            ? eb('e.action_taken', 'in', CLOSED_ACTIONS())
            : eb('e.stage', kind === 'forward' ? '>' : '<', eb.ref('e.previous_stage')),
        ]),
      )
      .$if(kind === 'closed', (qb) => qb.orderBy((eb) => closeAmount(eb), 'desc'))
      .orderBy('e.id')
      .limit(sql.lit(DIGEST_CHANGE_LINES));
  // Each top-N in a subquery of its own, so that its ORDER BY … LIMIT applies to it alone.
  const part = (kind: RecentKind) => db.selectFrom(top(kind).as('t')).selectAll('t');
  return db
    .selectFrom(part('forward').unionAll(part('back')).unionAll(part('closed')).as('p'))
    .crossJoinLateral((eb) =>
      eb
        .selectFrom('opportunity as o')
        .select(['o.no', 'o.description'])
        .whereRef('o.id', '=', 'p.opportunity_id')
        .offset(sql.lit(0))
        .as('x'),
    )
    .select([
      'p.kind',
      'x.no',
      'x.description',
      'p.previous_stage as from_stage',
      'p.stage as to_stage',
      'p.action_taken as outcome',
      'p.amount',
    ])
    .orderBy('p.kind')
    .orderBy((eb) => eb.case().when('p.kind', '=', sql.lit('closed')).then(eb.ref('p.amount')).end(), 'desc')
    .orderBy('p.id');
});

/**
 * The new opportunities' top-N: the larger of two, the started ones by their active entry's value (a
 * partial index of the active entries in value order lets it stop early when most are new) and the not
 * started ones (value 0) by number. `since` is inlined (see RECENT_COUNTS): a week ago, the new ones
 * are found through the opportunities' created_at index; the epoch, down the value index.
 */
const CREATED = scoped('created', (db, v: ScopeValues & { since: Date }) => {
  const newer = (eb: WithOpportunities) => eb.and([opportunityScope(eb, v), eb('o.created_at', '>', inlined(v.since))]);
  return db
    .selectFrom((db) =>
      db
        .selectFrom((inner) =>
          inner
            .selectFrom('opportunity_entry as e')
            .innerJoin('opportunity as o', 'o.id', 'e.opportunity_id')
            .select(['o.no', 'o.description', 'e.estimated_value as estimated'])
            .where((eb) => eb.and([eb('e.workspace_id', '=', v.ws), eb.ref('e.active')]))
            .where(newer)
            .orderBy('e.estimated_value', 'desc')
            .orderBy('o.no')
            .limit(sql.lit(DIGEST_CHANGE_LINES))
            .as('started'),
        )
        .selectAll('started')
        .unionAll((db) =>
          db
            .selectFrom((inner) =>
              inner
                .selectFrom('opportunity as o')
                .select(['o.no', 'o.description', sql<string>`0::numeric`.as('estimated')])
                .where('o.status', '=', enumLiteral('NOT_STARTED'))
                .where(newer)
                .orderBy('o.no')
                .limit(sql.lit(DIGEST_CHANGE_LINES))
                .as('not_started'),
            )
            .selectAll('not_started'),
        )
        .as('n'),
    )
    .selectAll('n')
    .orderBy('n.estimated', 'desc')
    .orderBy('n.no')
    .limit(sql.lit(DIGEST_CHANGE_LINES));
});

/**
 * The value changes. Each entry carries the estimated value of the entry before it
 * (previous_estimated_value, the LAG over the opportunity's entries, written on insert), so only the
 * recent entries that changed the value are read (a partial index holds just those). As for LAG over
 * the history, an opportunity counts when one of its entries in scope is recent, and then all its
 * recent changes count (an older entry may carry another salesperson or cycle); without a filter every
 * such entry is in scope itself.
 */
const VALUE_CHANGES = scoped('value changes', (db, v: ScopeValues & { since: Date }) =>
  db
    .with('per_opportunity', (db) =>
      db
        .selectFrom('opportunity_entry as c')
        .select((eb) => [
          'c.opportunity_id',
          sql<string>`(${eb.fn.agg('array_agg', ['c.previous_estimated_value']).orderBy('c.id')})[1]`.as('from_value'),
          sql<string>`(${eb.fn.agg('array_agg', ['c.estimated_value']).orderBy('c.id', 'desc')})[1]`.as('to_value'),
        ])
        .where((eb) =>
          eb.and([
            eb('c.workspace_id', '=', v.ws),
            eb('c.created_at', '>', v.since),
            eb('c.previous_estimated_value', 'is not', null),
            eb('c.estimated_value', '<>', eb.ref('c.previous_estimated_value')),
            ...(v.cycleCode === undefined && v.slackUserId === undefined
              ? []
              : [
                  eb.exists(
                    eb
                      .selectFrom('opportunity_entry as e')
                      .select('e.id')
                      .where((inner) =>
                        inner.and([
                          inner('e.opportunity_id', '=', inner.ref('c.opportunity_id')),
                          entryScope(inner, v),
                          inner('e.created_at', '>', v.since),
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
    .limit(sql.lit(DIGEST_CHANGE_LINES)),
);

type AttentionKind = 'overdue' | 'soon' | 'stale';

/**
 * Overdue, closing soon and stale lists in one statement, each a top-N read in the order of a partial
 * index over the open started active entries (migration 20261203200000), so a list reads its own
 * lines, not every candidate; their counts come from ENTRY_FIGURES.
 */
const ATTENTION = scoped('attention', (db, v: ScopeValues & AttentionValues) => {
  // Each top-N joins its own opportunities and salespeople inside its LIMIT, where PostgreSQL plans
  // one index lookup per listed row (a plan, not a guarantee; the rows are the same either way, as
  // the keys are non-null foreign keys). Joined outside the union, it hashed the whole opportunity
  // table for the 50 rows (EXPLAIN ANALYZE at 1,000 opportunities on PGlite: 2.0 ms, then 0.6 ms).
  const top = (value: AttentionKind, order: number) =>
    db
      .selectFrom('opportunity_entry as e')
      .innerJoin('opportunity as o', 'o.id', 'e.opportunity_id')
      .innerJoin('salesperson as sp', 'sp.id', 'e.salesperson_id')
      .select([
        sql.lit(value).$castTo<AttentionKind>().as('kind'),
        sql.lit(order).$castTo<number>().as('kind_order'),
        'e.opportunity_id',
        'o.no',
        'o.description',
        'sp.slack_user_id',
        'sp.name as salesperson_name',
        'e.estimated_close_date',
        'e.date_of_change',
        'e.estimated_value',
      ])
      .where((eb) =>
        eb.and([
          entryScope(eb, v),
          eb.ref('e.active'),
          eb('e.stage', 'is not', null),
          value === 'overdue'
            ? eb('e.estimated_close_date', '<', v.today)
            : value === 'soon'
              ? eb.between('e.estimated_close_date', v.today, v.soon)
              : eb('e.date_of_change', '<=', staleOnOrBefore(eb, v)),
        ]),
      )
      .orderBy(value === 'stale' ? 'e.date_of_change' : 'e.estimated_close_date')
      .orderBy('e.opportunity_id')
      .limit(sql.lit(DIGEST_ATTENTION_LINES));
  // Each top-N in a subquery of its own, so that its ORDER BY … LIMIT applies to it alone.
  const part = (value: AttentionKind, order: number) => db.selectFrom(top(value, order).as('t')).selectAll('t');
  return db
    .selectFrom(part('overdue', 1).unionAll(part('soon', 2)).unionAll(part('stale', 3)).as('p'))
    .select([
      'p.kind',
      'p.no',
      'p.description',
      'p.slack_user_id',
      'p.salesperson_name',
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
    .orderBy('p.opportunity_id');
});

export class DigestService {
  constructor(private readonly db: SqlDatabase) {}

  async build(request: DigestRequest): Promise<Digest> {
    const { workspaceId, today } = request;
    const periodDays = positiveInteger('periodDays', request.periodDays ?? DEFAULT_PERIOD_DAYS);
    const chartWeeks = positiveInteger('chartWeeks', request.chartWeeks ?? DEFAULT_CHART_WEEKS);
    const cycleCode = request.salesCycleCode?.trim().toUpperCase() || null;
    const slackUserId = request.salespersonSlackUserId?.trim() || null;

    const values: ScopeValues = {
      ws: workspaceId,
      ...(cycleCode === null ? {} : { cycleCode }),
      ...(slackUserId === null ? {} : { slackUserId }),
    };
    const requestedStaleDays = request.staleDays === undefined ? null : positiveInteger('staleDays', request.staleDays);
    const period = { from: addDays(today, 1 - periodDays), to: today };
    const since = request.changesSince ?? null;
    const lastMonday = mondayOf(today);
    const chart = { from: addDays(lastMonday, -7 * (chartWeeks - 1)), to: today };
    const dates: AttentionValues = { today, soon: addDays(today, CLOSING_SOON_DAYS), staleDays: requestedStaleDays };

    // Every statement at once: each finds the filters' ids and the stale days itself.
    const [contextRows, figureRows, changes, attentionRows] = await Promise.all([
      CONTEXT(this.db, values),
      ENTRY_FIGURES(this.db, {
        ...values,
        ...dates,
        closedFrom: period.from < chart.from ? period.from : chart.from,
      }),
      since === null ? Promise.resolve(undefined) : this.changes(values, since),
      ATTENTION(this.db, { ...values, ...dates }),
    ]);
    const [context] = contextRows;
    if (!context) throw new Error('the digest context read no row');
    if (cycleCode !== null && context.cycle_id === null) {
      throw new DomainError({ kind: 'sales-cycle-not-found', code: cycleCode });
    }
    const staleDays = requestedStaleDays ?? context.stale_days ?? DEFAULT_STALE_DAYS;
    const figures = entryFiguresOf(figureRows, period, chart);
    const attention = { ...attentionOf(attentionRows, staleDays), totals: figures.attention };
    const cycles = pipelineOf(context.cycles, figures, cycleCode !== null);
    const closed = closedOf(figures, context.codes, period);
    const salespeople = salespeopleOf(context.people, figures);
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
      changes: changes ?? noChanges(),
      attention,
      salespeople,
      weeks,
    };
  }

  /** What changed since `since`. */
  private async changes(values: ScopeValues, since: Date): Promise<ChangesSince> {
    const [created, counts, recent, valueChanges] = await Promise.all([
      CREATED(this.db, { ...values, since }),
      RECENT_COUNTS(this.db, { ...values, since }),
      RECENT_LINES(this.db, { ...values, since }),
      VALUE_CHANGES(this.db, { ...values, since }),
    ]);
    const move = (m: (typeof recent)[number]) => ({
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
      movedForward: recent.filter((r) => r.kind === 'forward').map(move),
      movedBack: recent.filter((r) => r.kind === 'back').map(move),
      closed: recent
        .filter((r) => r.kind === 'closed')
        .map((r) => ({ no: r.no, description: r.description, outcome: outcomeOf(r.outcome), amount: dec(r.amount) })),
      valueChanges: valueChanges.map((r) => ({
        no: r.no,
        description: r.description,
        from: dec(r.from_value),
        to: dec(r.to_value),
      })),
      totals: {
        newOpportunities: counts[0]?.created ?? 0,
        movedForward: counts[0]?.forward ?? 0,
        movedBack: counts[0]?.back ?? 0,
        closed: counts[0]?.closed ?? 0,
        valueChanges: totalOf(valueChanges),
      },
    };
  }
}

/** The attention lists from ATTENTION's lines. */
function attentionOf(
  rows: readonly {
    kind: AttentionKind;
    no: string;
    description: string;
    slack_user_id: string | null;
    salesperson_name: string;
    estimated_close_date: string;
    last_change: string;
    estimated: string;
  }[],
  staleDays: number,
): Omit<Attention, 'totals'> {
  const item = (r: (typeof rows)[number]): AttentionItem => ({
    no: r.no,
    description: r.description,
    salespersonSlackUserId: r.slack_user_id,
    salespersonName: r.salesperson_name,
    estimatedCloseDate: localDate(r.estimated_close_date),
    lastChange: localDate(r.last_change),
    estimatedValue: dec(r.estimated),
  });
  const list = (kind: AttentionKind) => rows.filter((r) => r.kind === kind).map(item);
  return { overdue: list('overdue'), closingSoon: list('soon'), stale: list('stale'), staleDays };
}

/** The figures from ENTRY_FIGURES' groups: open ones by cycle and stage, closed ones by day. */
function entryFiguresOf(
  rows: readonly {
    kind: EntryFigureKind;
    sales_cycle_id: number | null;
    stage: number | null;
    salesperson_id: number;
    outcome: 'WON' | 'LOST' | null;
    close_code_id: number | null;
    day: string | null;
    n: number;
    estimated: string;
    calcd: string;
    overdue: number;
    soon: number;
    stale: number;
  }[],
  period: Period,
  chart: Period,
): EntryFigures {
  const figures: EntryFigures = {
    stages: new Map(),
    reasons: [],
    salespeople: new Map(),
    weeks: new Map(),
    attention: { overdue: 0, closingSoon: 0, stale: 0 },
    notStarted: new Map(),
    open: new Map(),
  };
  const countOpen = (salespersonId: number, n: number) =>
    figures.open.set(salespersonId, (figures.open.get(salespersonId) ?? 0) + n);
  const reasons = new Map<string, EntryFigures['reasons'][number]>();
  const salesperson = (id: number) => {
    const values = figures.salespeople.get(id) ?? { weighted: null, won: null };
    figures.salespeople.set(id, values);
    return values;
  };
  for (const r of rows) {
    if (r.kind === 'not started') {
      if (r.sales_cycle_id !== null) {
        figures.notStarted.set(r.sales_cycle_id, (figures.notStarted.get(r.sales_cycle_id) ?? 0) + r.n);
      }
      countOpen(r.salesperson_id, r.n);
      continue;
    }
    if (r.kind === 'open') {
      countOpen(r.salesperson_id, r.n);
      const key = `${r.sales_cycle_id}:${r.stage}`;
      figures.stages.set(
        key,
        addFigures(figures.stages.get(key) ?? noFigures(), {
          count: r.n,
          estimatedValue: dec(r.estimated),
          weightedValue: dec(r.calcd),
        }),
      );
      const values = salesperson(r.salesperson_id);
      values.weighted = (values.weighted ?? ZERO).plus(dec(r.calcd));
      const { attention: seen } = figures;
      figures.attention = {
        overdue: seen.overdue + r.overdue,
        closingSoon: seen.closingSoon + r.soon,
        stale: seen.stale + r.stale,
      };
      continue;
    }
    if (r.day === null || r.outcome === null) continue;
    const won = r.outcome === 'WON';
    if (r.day >= period.from && r.day <= period.to) {
      const key = `${r.outcome}:${r.close_code_id ?? ''}`;
      const line = reasons.get(key) ?? {
        outcome: outcomeOf(r.outcome),
        codeId: r.close_code_id,
        count: 0,
        amount: ZERO,
      };
      // Won amount = the sales amount (calcd current value); lost amount = the estimated value.
      reasons.set(key, {
        ...line,
        count: line.count + r.n,
        amount: line.amount.plus(dec(won ? r.calcd : r.estimated)),
      });
      if (won) {
        const values = salesperson(r.salesperson_id);
        values.won = (values.won ?? ZERO).plus(dec(r.calcd));
      }
    }
    if (r.day >= chart.from && r.day <= chart.to) {
      const monday = mondayOf(localDate(r.day));
      const week = figures.weeks.get(monday) ?? { won: ZERO, lost: ZERO };
      figures.weeks.set(monday, {
        won: won ? week.won.plus(dec(r.calcd)) : week.won,
        lost: won ? week.lost : week.lost.plus(dec(r.estimated)),
      });
    }
  }
  figures.reasons = [...reasons.values()];
  return figures;
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
  /** Not started opportunities, by cycle id. */
  notStarted: Map<number, number>;
  /**
   * Open opportunities (not started, or in progress: their active entry has a stage), by salesperson
   * id (the active entry's copy, kept in step with the opportunity's, §7).
   */
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
        notStarted: figures.notStarted.get(row.id) ?? 0,
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
): SalespersonLine[] {
  return people
    .map((p, order) => {
      const values = figures.salespeople.get(p.id);
      return {
        order,
        open: figures.open.get(p.id) ?? 0,
        wonInPeriod: values?.won ?? null,
        line: {
          slackUserId: p.slack_user_id,
          name: p.name,
          openCount: figures.open.get(p.id) ?? 0,
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
