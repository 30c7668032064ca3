// Reading opportunities: lists with filters and the full card with its history. Every figure shown
// comes from the active entry, as in Business Central (an opportunity stores no figures itself).
import type { Decimal } from '../domain/decimal.ts';
import { type LocalDate, localDate } from '../domain/local-date.ts';
import type { ActionTaken, ActiveEntry, OpportunityStatus } from '../domain/opportunity.ts';
import type { Stage } from '../domain/sales-cycle.ts';
import type { FieldEdit } from '../domain/opportunity-edit.ts';
import { DomainError } from '../domain/problems.ts';
import { foldForSearch } from '../domain/search.ts';
import { type Expression, type ExpressionBuilder, type InferResult, type SqlBool, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type {
  ActionTaken as DbActionTaken,
  OpportunityStatus as DbOpportunityStatus,
} from '../generated/kysely/types.ts';
import type { DB, SqlDatabase } from '../store/kysely.ts';
import { inlined, statementShapes } from '../store/statement-shapes.ts';
import { toDecimal } from './mappers.ts';
import { stagesFromRows, stagesOf } from './setup.ts';

export type Priority = 'low' | 'normal' | 'high';

export interface EntryView {
  entryNo: number;
  stage: number | null;
  stageDescription: string;
  previousStage: number | null;
  actionTaken: ActionTaken;
  dateOfChange: LocalDate;
  active: boolean;
  daysOpen: number;
  estimatedValue: Decimal;
  calcdCurrentValue: Decimal;
  chancesPct: Decimal;
  completedPct: Decimal;
  probabilityPct: Decimal;
  estimatedCloseDate: LocalDate;
  dateClosed: LocalDate | null;
  closeCode: string | null;
  closeCodeDescription: string | null;
  /** When the entry was written (database text, comparable with the other history items'); history only. */
  recordedAt?: string | undefined;
}

/** An edit of the opportunity's own fields, as the card's history shows it. */
export interface EditView {
  id: number;
  actorUserId: string;
  date: LocalDate;
  changes: FieldEdit[];
  recordedAt: string;
}

/** An interaction logged on the opportunity (a note). */
export interface NoteView {
  id: number;
  actorUserId: string;
  date: LocalDate;
  text: string;
  recordedAt: string;
}

export interface OpportunitySummary {
  id: number;
  no: string;
  description: string;
  status: OpportunityStatus;
  priority: Priority;
  version: number;
  contact: { no: string; name: string; type: 'company' | 'person'; companyName: string | null };
  salesperson: { code: string; name: string; slackUserId: string | null };
  salesCycle: { code: string; description: string };
  creationDate: LocalDate;
  dateClosed: LocalDate | null;
  /** The active entry; null until the first stage is activated. */
  current: EntryView | null;
  quote: { no: string; amount: Decimal } | null;
  order: { no: string; amount: Decimal } | null;
}

export interface OpportunityDetail extends OpportunitySummary {
  history: EntryView[];
  /** Edits of description, contact, salesperson and priority, oldest first. */
  edits: EditView[];
  /** The interaction log of the opportunity (canceled entries left out), oldest first. */
  notes: NoteView[];
  /** The stages of its sales cycle, in order (what the card's buttons are decided from). */
  cycleStages: readonly Stage[];
  /** Its open tasks, earliest due first (absent where a caller built the detail without them). */
  openTasks?: readonly OpenTask[];
}

/** An open task as the card lists it. */
export interface OpenTask {
  id: number;
  description: string;
  date: LocalDate;
  owner: { name: string; slackUserId: string | null };
}

export type StatusFilter = 'open' | 'won' | 'lost' | 'closed' | 'all';

export interface OpportunityFilter {
  status?: StatusFilter;
  salespersonSlackUserId?: string;
  /** A contact's opportunities; a company's include those of its persons. */
  contactNo?: string;
  salesCycleCode?: string;
  /**
   * A reader who may see only their own opportunities (a rep, when the workspace says so): only those
   * where this Slack user is the salesperson, whatever the other filters ask for.
   */
  readableBySalesperson?: string;
}

/** Whose open pipeline: one salesperson's (App Home of a rep), or the whole team's. */
export type OpenPipelineFilter = Pick<OpportunityFilter, 'salespersonSlackUserId' | 'readableBySalesperson'>;

/** Count, estimated and weighted (calculated current) value of a set of open opportunities. */
export interface PipelineFigures {
  count: number;
  estimated: Decimal;
  weighted: Decimal;
}

/** One stage's open opportunities (stage null: not started yet, whatever their cycle). */
export interface StageTotals extends PipelineFigures {
  /** `CYCLE:stage`, or `not_started`. */
  key: string;
  cycleCode: string | null;
  stage: number | null;
  stageDescription: string;
}

export interface SalespersonTotals extends PipelineFigures {
  salesperson: { code: string; name: string; slackUserId: string | null };
}

export interface OpenPipelineTotals {
  total: PipelineFigures;
  /** Not started first, then by cycle code and stage. */
  byStage: StageTotals[];
  /** The largest weighted value first. */
  bySalesperson: SalespersonTotals[];
}

function openPipelineConditions(eb: Projection, workspaceId: string, filter: OpenPipelineFilter) {
  const conditions = [eb('o.workspace_id', '=', workspaceId), statusCondition(eb, 'open')];
  if (filter.salespersonSlackUserId) conditions.push(eb('sp.slack_user_id', '=', filter.salespersonSlackUserId));
  if (filter.readableBySalesperson !== undefined)
    conditions.push(eb('sp.slack_user_id', '=', filter.readableBySalesperson));
  return conditions;
}

const STATUS_FROM_DB: Record<DbOpportunityStatus, OpportunityStatus> = {
  NOT_STARTED: 'not_started',
  IN_PROGRESS: 'in_progress',
  WON: 'won',
  LOST: 'lost',
};

export function statusFromDb(value: DbOpportunityStatus): OpportunityStatus {
  return STATUS_FROM_DB[value];
}

export function actionTakenFromDb(value: DbActionTaken): ActionTaken {
  return value.toLowerCase() as ActionTaken;
}

/** An enum value written into the statement (as the partial indexes' predicates are), not a parameter. */
export function enumLiteral<T extends string>(value: T) {
  return sql.lit(value);
}

/** The tables of the opportunity projection, by their aliases. */
type Projection = ExpressionBuilder<
  DB & {
    o: DB['opportunity'];
    c: DB['contact'];
    co: DB['contact'];
    sp: DB['salesperson'];
    sc: DB['sales_cycle'];
    e: DB['opportunity_entry'];
    cc: DB['close_opportunity_code'];
  },
  'o' | 'c' | 'co' | 'sp' | 'sc' | 'e' | 'cc'
>;

function statusCondition(eb: Projection, status: StatusFilter | undefined) {
  switch (status ?? 'open') {
    case 'open':
      return eb('o.status', 'in', [enumLiteral('NOT_STARTED'), enumLiteral('IN_PROGRESS')]);
    case 'won':
      return eb('o.status', '=', enumLiteral('WON'));
    case 'lost':
      return eb('o.status', '=', enumLiteral('LOST'));
    case 'closed':
      return eb('o.status', 'in', [enumLiteral('WON'), enumLiteral('LOST')]);
    case 'all':
      return eb.lit(true);
  }
}

/** The conditions of a filter on the opportunity projection's aliases. */
function filterCondition(eb: Projection, workspaceId: string, filter: OpportunityFilter) {
  const conditions = [eb('o.workspace_id', '=', workspaceId), statusCondition(eb, filter.status)];
  if (filter.salespersonSlackUserId) conditions.push(eb('sp.slack_user_id', '=', filter.salespersonSlackUserId));
  if (filter.readableBySalesperson !== undefined)
    conditions.push(eb('sp.slack_user_id', '=', filter.readableBySalesperson));
  // A company stands for its persons too: their opportunities are the company's business.
  if (filter.contactNo) conditions.push(eb.or([eb('c.no', '=', filter.contactNo), eb('co.no', '=', filter.contactNo)]));
  if (filter.salesCycleCode) conditions.push(eb('sc.code', '=', filter.salesCycleCode));
  return eb.and(conditions);
}

/**
 * A filter as a statement built once per shape (src/store/statement-shapes.ts): which conditions it has
 * (the key: filterCondition and openPipelineConditions branch on them) and the values they compare with
 * (the parameters).
 */
function filterShape(workspaceId: string, filter: OpportunityFilter) {
  const values: OpportunityFilter & { workspaceId: string } = { workspaceId };
  if (filter.salespersonSlackUserId) values.salespersonSlackUserId = filter.salespersonSlackUserId;
  if (filter.readableBySalesperson !== undefined) values.readableBySalesperson = filter.readableBySalesperson;
  if (filter.contactNo) values.contactNo = filter.contactNo;
  if (filter.salesCycleCode) values.salesCycleCode = filter.salesCycleCode;
  const status: StatusFilter = filter.status ?? 'open';
  // The status decides the text (statusCondition writes its enum values into it): the key, not a value.
  return { key: `${status} ${Object.keys(values).join(',')}`, values, status };
}

/** How many opportunities of one status a filter matches, and their values (Won: sales in calcd). */
export interface StatusTotals {
  status: 'open' | 'won' | 'lost';
  count: number;
  estimatedValue: Decimal;
  calcdCurrentValue: Decimal;
}

/** The active entry's columns as the projections read them (LEFT JOINed: null when there is none). */
export interface ActiveEntryColumns {
  entry_id: number | null;
  stage: number | null;
  stage_description: string | null;
  action_taken: DbActionTaken | null;
  date_of_change: string | null;
  estimated_value: string | null;
  calcd_current_value: string | null;
  chances_pct: string | null;
  completed_pct: string | null;
  probability_pct: string | null;
  estimated_close_date: string | null;
}

/** The active entry's figures, or null before the first stage is activated. */
export function activeEntryFromColumns(row: ActiveEntryColumns): (ActiveEntry & { id: number }) | null {
  if (row.entry_id === null || row.date_of_change === null || row.estimated_close_date === null) return null;
  return {
    id: row.entry_id,
    stage: row.stage,
    stageDescription: row.stage_description ?? '',
    actionTaken: actionTakenFromDb(row.action_taken ?? 'NONE'),
    dateOfChange: localDate(row.date_of_change),
    estimatedValue: toDecimal(row.estimated_value ?? '0'),
    calcdCurrentValue: toDecimal(row.calcd_current_value ?? '0'),
    chancesPct: toDecimal(row.chances_pct ?? '0'),
    completedPct: toDecimal(row.completed_pct ?? '0'),
    probabilityPct: toDecimal(row.probability_pct ?? '0'),
    estimatedCloseDate: localDate(row.estimated_close_date),
  };
}

/**
 * A page's size or start (lists, App Home, search), written into the statement's text rather than
 * sent as a parameter: a prepared statement whose LIMIT is a parameter is planned as if it read a tenth
 * of the rows, so PostgreSQL kept planning the list anew on each call (5.6 ms of planning for 3.5 ms of
 * running, at 1,300 open opportunities on PGlite). Only a whole number gets here.
 */
function pageBound(n: number) {
  return sql.lit(pageNumber(n));
}

/** A page's size or start, checked: a statement built once per shape writes it with inlined(). */
function pageNumber(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`a list page's size and start are whole numbers, not ${n}`);
  return n;
}

/**
 * Opportunities with their current figures (from the active entry) and document totals, in one SQL
 * query: the projection every list, card and export uses. Quote and order are subqueries, not joins:
 * PostgreSQL planned the nine-table join in ~5 ms on every run (executing it took 0.3 ms); with seven
 * tables joined and the documents as subqueries, planning takes ~0.7 ms and the plans are the same.
 * Callers add their conditions, order and page (and the card its extra columns).
 */
function selectSummaryColumns(db: SqlDatabase) {
  return db
    .selectFrom('opportunity as o')
    .innerJoin('contact as c', 'c.id', 'o.contact_id')
    .leftJoin('contact as co', 'co.id', 'c.company_id')
    .innerJoin('salesperson as sp', 'sp.id', 'o.salesperson_id')
    .innerJoin('sales_cycle as sc', 'sc.id', 'o.sales_cycle_id')
    .leftJoin('opportunity_entry as e', (join) =>
      join.onRef('e.opportunity_id', '=', 'o.id').on((eb) => eb.ref('e.active')),
    )
    .leftJoin('close_opportunity_code as cc', 'cc.id', 'e.close_code_id')
    .select((eb) => [
      'o.id',
      'o.no',
      'o.description',
      'o.status',
      'o.priority',
      'o.version',
      'o.creation_date',
      'o.date_closed',
      'c.no as contact_no',
      'c.name as contact_name',
      'c.type as contact_type',
      'co.name as company_name',
      'sp.code as salesperson_code',
      'sp.name as salesperson_name',
      'sp.slack_user_id',
      'sc.code as cycle_code',
      'sc.description as cycle_description',
      'e.id as entry_id',
      'e.stage',
      'e.stage_description',
      'e.previous_stage',
      'e.action_taken',
      'e.date_of_change',
      'e.days_open',
      'e.estimated_value',
      'e.calcd_current_value',
      'e.chances_pct',
      'e.completed_pct',
      'e.probability_pct',
      'e.estimated_close_date',
      'e.date_closed as entry_date_closed',
      'cc.code as close_code',
      'cc.description as close_code_description',
      eb.selectFrom('sales_quote as q').select('q.no').whereRef('q.opportunity_id', '=', 'o.id').as('quote_no'),
      eb
        .selectFrom('sales_quote as q')
        .innerJoin('sales_quote_line as l', 'l.quote_id', 'q.id')
        .select((inner) => inner.fn.sum<string>('l.amount').as('amount'))
        .whereRef('q.opportunity_id', '=', 'o.id')
        .as('quote_amount'),
      eb.selectFrom('sales_order as so').select('so.no').whereRef('so.opportunity_id', '=', 'o.id').as('order_no'),
      eb
        .selectFrom('sales_order as so')
        .innerJoin('sales_order_line as l', 'l.order_id', 'so.id')
        .select((inner) => inner.fn.sum<string>('l.amount').as('amount'))
        .whereRef('so.opportunity_id', '=', 'o.id')
        .as('order_amount'),
    ]);
}

type SummaryRow = InferResult<ReturnType<typeof selectSummaryColumns>>[number];

/**
 * The opportunities with the tables a filter's conditions name (contact, company, salesperson, cycle),
 * LEFT JOINed: every opportunity has its contact, salesperson and cycle (non-null keys, deletion
 * restricted), so the rows are those of inner joins, and PostgreSQL drops each join the conditions
 * and the selection do not use. `where` gets the projection's builder: the columns are the same, here
 * only nullable.
 */
function filteredOpportunities(db: SqlDatabase, where: (eb: Projection) => Expression<SqlBool>) {
  return db
    .selectFrom('opportunity as o')
    .leftJoin('contact as c', 'c.id', 'o.contact_id')
    .leftJoin('contact as co', 'co.id', 'c.company_id')
    .leftJoin('salesperson as sp', 'sp.id', 'o.salesperson_id')
    .leftJoin('sales_cycle as sc', 'sc.id', 'o.sales_cycle_id')
    .where((eb) => where(eb as unknown as Projection));
}

/**
 * How many opportunities meet `where`, as a scalar subquery beside a page. Counting with the page's
 * projection (`count(*) over ()`) made PostgreSQL compute every matching row's projection, documents
 * included, before the LIMIT: 6 to 11 s for a list of 1,000,000 opportunities.
 */
function matchingCount(db: SqlDatabase, where: (eb: Projection) => Expression<SqlBool>) {
  return filteredOpportunities(db, where).select((eb) => eb.fn.countAll<number>().as('n'));
}

function summaryFromRow(row: SummaryRow): OpportunitySummary {
  const active = activeEntryFromColumns(row);
  let current: EntryView | null = null;
  if (active) {
    const { id, ...figures } = active;
    current = {
      ...figures,
      entryNo: id,
      previousStage: row.previous_stage,
      active: true,
      daysOpen: row.days_open ?? 0,
      dateClosed: row.entry_date_closed ? localDate(row.entry_date_closed) : null,
      closeCode: row.close_code,
      closeCodeDescription: row.close_code_description,
    };
  }
  return {
    id: row.id,
    no: row.no,
    description: row.description,
    status: statusFromDb(row.status),
    priority: row.priority.toLowerCase() as Priority,
    version: row.version,
    contact: {
      no: row.contact_no,
      name: row.contact_name,
      type: row.contact_type === 'COMPANY' ? 'company' : 'person',
      companyName: row.company_name,
    },
    salesperson: { code: row.salesperson_code, name: row.salesperson_name, slackUserId: row.slack_user_id },
    salesCycle: { code: row.cycle_code, description: row.cycle_description },
    creationDate: localDate(row.creation_date),
    dateClosed: row.date_closed ? localDate(row.date_closed) : null,
    current,
    quote: row.quote_no ? { no: row.quote_no, amount: toDecimal(row.quote_amount ?? '0') } : null,
    order: row.order_no ? { no: row.order_no, amount: toDecimal(row.order_amount ?? '0') } : null,
  };
}

export class OpportunityQueries {
  constructor(private readonly db: SqlDatabase) {}

  /**
   * One page of opportunities with their current figures, in one SQL query (lists are read far more
   * often than anything else, and the App Home and digests use the same projection). The page's size
   * and start are written into the text (pageBound).
   */
  async list(
    workspaceId: string,
    filter: OpportunityFilter = {},
    limit = 50,
    offset = 0,
  ): Promise<{ items: OpportunitySummary[]; total: number }> {
    const { key, values, status } = filterShape(workspaceId, filter);
    const page = { limit: pageNumber(limit), offset: pageNumber(offset) };
    const { rows } = await statementShapes.execute(this.db, `list ${key}`, { ...values, ...page }, (v) =>
      selectSummaryColumns(this.db)
        .select(() => matchingCount(this.db, (eb) => filterCondition(eb, v.workspaceId, { ...v, status })).as('total'))
        .where((eb) => filterCondition(eb, v.workspaceId, { ...v, status }))
        .orderBy('o.no')
        .limit(inlined(v.limit))
        .offset(inlined(v.offset)),
    );
    const total = rows[0] ? (rows[0].total ?? 0) : offset > 0 ? await this.count(workspaceId, filter) : 0;
    return { items: rows.map(summaryFromRow), total };
  }

  /**
   * The filtered opportunities in the list's order (by number), `pageSize` at a time, at most `max`:
   * each page is one query that starts after the last number of the one before (keyset, not OFFSET,
   * so no page rescans what came before), and only one page is held at a time.
   */
  async *pages(
    workspaceId: string,
    filter: OpportunityFilter,
    options: { pageSize: number; max: number },
  ): AsyncGenerator<OpportunitySummary[]> {
    let after: string | undefined;
    let left = options.max;
    while (left > 0) {
      const limit = Math.min(options.pageSize, left);
      const rows = await selectSummaryColumns(this.db)
        .where((eb) => filterCondition(eb, workspaceId, filter))
        .$if(after !== undefined, (qb) => qb.where('o.no', '>', after ?? ''))
        .orderBy('o.no')
        .limit(limit)
        .execute();
      if (rows.length === 0) return;
      yield rows.map(summaryFromRow);
      left -= rows.length;
      if (rows.length < limit) return;
      after = rows[rows.length - 1]?.no;
    }
  }

  /**
   * Several opportunities by number, in one read (those that exist), by number. The numbers go as one
   * array, so that the statement's text is the same however many there are: with `IN ($1, …, $n)` each
   * count was a statement of its own, planned anew (~4 ms) until it had run five times.
   */
  async summaries(workspaceId: string, nos: readonly string[]): Promise<Map<string, OpportunitySummary>> {
    if (nos.length === 0) return new Map();
    const rows = await selectSummaryColumns(this.db)
      .where('o.workspace_id', '=', workspaceId)
      .where((eb) => eb('o.no', '=', eb.fn.any(sql<string[]>`${[...new Set(nos)]}::text[]`)))
      .execute();
    return new Map(rows.map((row) => [row.no, summaryFromRow(row)]));
  }

  /** One opportunity with its current figures (the list's projection), or null when there is none. */
  async summary(workspaceId: string, no: string): Promise<OpportunitySummary | null> {
    const read = await statementShapes.execute(this.db, 'summary', { workspaceId, no }, (v) =>
      selectSummaryColumns(this.db).where('o.workspace_id', '=', v.workspaceId).where('o.no', '=', v.no),
    );
    const row = read.rows[0];
    return row ? summaryFromRow(row) : null;
  }

  /**
   * Opportunities whose description, contact's name or contact's company contain any of `words`
   * (already folded: src/domain/search.ts), best first: an exact match of the whole text, then more
   * words matched, then by number. `allWords` keeps only those that contain every word.
   */
  async search(
    workspaceId: string,
    query: { words: readonly string[]; text: string; allWords?: boolean },
    filter: Pick<OpportunityFilter, 'readableBySalesperson'> = {},
    limit = 10,
    offset = 0,
  ): Promise<{ items: (OpportunitySummary & { matched: number; exact: boolean })[]; total: number }> {
    if (query.words.length === 0) return { items: [], total: 0 };
    // The folded texts are columns PostgreSQL keeps (migration 20261204060500): folding them here cost
    // a translate() per row and per use, minutes for a search of 1,000,000 opportunities.
    const haystack = sql<string>`o.search_text || ' ' || c.search_name || ' ' || coalesce(co.search_name, '')`;
    const matched = sql<number>`(${sql.join(
      query.words.map((word) => sql`(case when strpos(${haystack}, ${word}) > 0 then 1 else 0 end)`),
      sql` + `,
    )})`;
    const whole = foldForSearch(query.text.trim());
    const exact = sql<number>`(case when o.search_text = ${whole} or c.search_name = ${whole} or coalesce(co.search_name, '') = ${whole} then 1 else 0 end)`;
    const searched = (eb: Projection) => {
      const conditions = [
        eb('o.workspace_id', '=', workspaceId),
        sql<SqlBool>`${matched} >= ${query.allWords ? query.words.length : 1}`,
      ];
      if (filter.readableBySalesperson !== undefined)
        conditions.push(eb('sp.slack_user_id', '=', filter.readableBySalesperson));
      return eb.and(conditions);
    };
    const rows = await selectSummaryColumns(this.db)
      .select([matched.as('matched'), exact.as('exact')])
      .select(() => matchingCount(this.db, searched).as('total'))
      .where(searched)
      .orderBy(sql`${exact} desc, ${matched} desc, o.no`)
      .limit(pageBound(limit))
      .offset(pageBound(offset))
      .execute();
    const total = rows[0]?.total ?? 0;
    return {
      items: rows.map((row) => ({
        ...summaryFromRow(row),
        matched: Number(row.matched),
        exact: Number(row.exact) === 1,
      })),
      total: rows.length === 0 && offset > 0 ? (await this.search(workspaceId, query, filter, 1, 0)).total : total,
    };
  }

  /**
   * The filtered opportunities counted and summed per status (not started and in progress are "open"):
   * a list's totals, which never add open estimates, won sales and lost values together.
   */
  async totalsByStatus(workspaceId: string, filter: OpportunityFilter = {}): Promise<StatusTotals[]> {
    const { key, values, status } = filterShape(workspaceId, filter);
    const { rows } = await statementShapes.execute(this.db, `totals by status ${key}`, values, (v) =>
      filteredOpportunities(this.db, (eb) => filterCondition(eb, v.workspaceId, { ...v, status }))
        .leftJoin('opportunity_entry as e', (join) =>
          join.onRef('e.opportunity_id', '=', 'o.id').on((eb) => eb.ref('e.active')),
        )
        .select((eb) => [
          'o.status',
          eb.fn.countAll<number>().as('count'),
          eb.fn.coalesce(eb.fn.sum<string>('e.estimated_value'), eb.val('0')).as('estimated'),
          eb.fn.coalesce(eb.fn.sum<string>('e.calcd_current_value'), eb.val('0')).as('calcd'),
        ])
        .groupBy('o.status'),
    );
    const totals = new Map<StatusTotals['status'], StatusTotals>();
    for (const row of rows) {
      const status = statusFromDb(row.status);
      const group = status === 'won' || status === 'lost' ? status : 'open';
      const before = totals.get(group);
      const estimated = toDecimal(String(row.estimated));
      const calcd = toDecimal(String(row.calcd));
      totals.set(group, {
        status: group,
        count: (before?.count ?? 0) + Number(row.count),
        estimatedValue: before ? before.estimatedValue.plus(estimated) : estimated,
        calcdCurrentValue: before ? before.calcdCurrentValue.plus(calcd) : calcd,
      });
    }
    return (['open', 'won', 'lost'] as const).flatMap((status) => totals.get(status) ?? []);
  }
  /**
   * One page of open opportunities in App Home's order: those not started first, then by sales cycle
   * and stage (as Home groups them), then by number.
   */
  async openByStage(
    workspaceId: string,
    filter: OpenPipelineFilter,
    limit: number,
    offset = 0,
  ): Promise<{ items: OpportunitySummary[]; total: number }> {
    const { key, values } = filterShape(workspaceId, filter);
    const page = { limit: pageNumber(limit), offset: pageNumber(offset) };
    const { rows } = await statementShapes.execute(this.db, `open by stage ${key}`, { ...values, ...page }, (v) =>
      selectSummaryColumns(this.db)
        .select(() => matchingCount(this.db, (eb) => eb.and(openPipelineConditions(eb, v.workspaceId, v))).as('total'))
        .where((eb) => eb.and(openPipelineConditions(eb, v.workspaceId, v)))
        .orderBy(sql`case when o.status = 'NOT_STARTED' then 0 else 1 end`)
        .orderBy(sql`case when o.status = 'NOT_STARTED' then '' else sc.code end`)
        .orderBy('e.stage')
        .orderBy('o.no')
        .limit(inlined(v.limit))
        .offset(inlined(v.offset)),
    );
    const total = rows[0]
      ? (rows[0].total ?? 0)
      : offset > 0
        ? (await this.openByStage(workspaceId, filter, 1, 0)).total
        : 0;
    return { items: rows.map(summaryFromRow), total };
  }

  /**
   * The open pipeline's totals (count, estimated and weighted value) by stage and by salesperson, as SQL
   * aggregates over the active entries: Home's overview holds however many opportunities there are.
   */
  async openTotals(workspaceId: string, filter: OpenPipelineFilter): Promise<OpenPipelineTotals> {
    const { key, values } = filterShape(workspaceId, filter);
    // Both statements read the same rows and the same three figures, grouped differently.
    const figuresOf = (v: typeof values) =>
      this.db
        .selectFrom('opportunity as o')
        .innerJoin('salesperson as sp', 'sp.id', 'o.salesperson_id')
        .innerJoin('sales_cycle as sc', 'sc.id', 'o.sales_cycle_id')
        .leftJoin('opportunity_entry as e', (join) =>
          join.onRef('e.opportunity_id', '=', 'o.id').on((eb) => eb.ref('e.active')),
        )
        .where((eb) => eb.and(openPipelineConditions(eb, v.workspaceId, v)))
        .select((eb) => [
          eb.fn.countAll<number>().as('count'),
          eb.cast<string | null>(eb.fn.sum('e.estimated_value'), 'text').as('estimated'),
          eb.cast<string | null>(eb.fn.sum('e.calcd_current_value'), 'text').as('weighted'),
        ]);
    const [{ rows: stageRows }, { rows: salespersonRows }] = await Promise.all([
      statementShapes.execute(this.db, `open totals by stage ${key}`, values, (v) =>
        figuresOf(v)
          .select((eb) => [
            'o.status',
            'sc.code as cycle_code',
            'e.stage',
            eb.fn.max('e.stage_description').as('stage_description'),
          ])
          .groupBy(['o.status', 'sc.code', 'e.stage']),
      ),
      statementShapes.execute(this.db, `open totals by salesperson ${key}`, values, (v) =>
        figuresOf(v)
          .select(['sp.code', 'sp.name', 'sp.slack_user_id'])
          .groupBy(['sp.id', 'sp.code', 'sp.name', 'sp.slack_user_id'])
          .orderBy(sql`sum(e.calcd_current_value) desc nulls last`)
          .orderBy('sp.name'),
      ),
    ]);
    const figures = (row: { count: number | string; estimated: string | null; weighted: string | null }) => ({
      count: Number(row.count),
      estimated: toDecimal(row.estimated ?? '0'),
      weighted: toDecimal(row.weighted ?? '0'),
    });
    // Not started opportunities are one group whatever their cycle (they have no stage yet).
    const byStage = new Map<string, StageTotals>();
    for (const row of stageRows) {
      const started = row.status !== 'NOT_STARTED' && row.stage !== null;
      const key = started ? `${row.cycle_code}:${row.stage}` : 'not_started';
      const add = figures(row);
      const known = byStage.get(key);
      byStage.set(
        key,
        known
          ? {
              ...known,
              count: known.count + add.count,
              estimated: known.estimated.plus(add.estimated),
              weighted: known.weighted.plus(add.weighted),
            }
          : {
              key,
              cycleCode: started ? row.cycle_code : null,
              stage: started ? row.stage : null,
              stageDescription: row.stage_description ?? '',
              ...add,
            },
      );
    }
    const stages = [...byStage.values()].sort(
      (a, b) =>
        (a.stage === null ? 0 : 1) - (b.stage === null ? 0 : 1) ||
        (a.cycleCode ?? '').localeCompare(b.cycleCode ?? '') ||
        (a.stage ?? 0) - (b.stage ?? 0),
    );
    const total = stages.reduce(
      (sum, s) => ({
        count: sum.count + s.count,
        estimated: sum.estimated.plus(s.estimated),
        weighted: sum.weighted.plus(s.weighted),
      }),
      { count: 0, estimated: toDecimal('0'), weighted: toDecimal('0') },
    );
    return {
      total,
      byStage: stages,
      bySalesperson: salespersonRows.map((row) => ({
        salesperson: { code: row.code, name: row.name, slackUserId: row.slack_user_id },
        ...figures(row),
      })),
    };
  }

  private async count(workspaceId: string, filter: OpportunityFilter): Promise<number> {
    return (await this.list(workspaceId, filter, 1, 0)).total;
  }

  async get(workspaceId: string, no: string): Promise<OpportunityDetail> {
    return loadOpportunityDetail(this.db, workspaceId, no);
  }
}

/**
 * One opportunity with its history (every entry, oldest first) and its cycle's stages, in one
 * statement; `db` may be the transaction that just changed it.
 */
export async function loadOpportunityDetail(
  db: SqlDatabase,
  workspaceId: string,
  no: string,
): Promise<OpportunityDetail> {
  const normalised = no.trim().toUpperCase();
  // Read after most changes, built once (src/store/statement-shapes.ts).
  const values = { workspaceId, normalised };
  const read = await statementShapes.execute(db, 'detail', values, (v) =>
    selectDetail(db, v.workspaceId, v.normalised),
  );
  const row = read.rows[0];
  if (!row) throw new DomainError({ kind: 'opportunity-not-found', no: normalised });
  return detailFromRow(row);
}

/**
 * The card's statement (loadOpportunityDetail), for an opportunity number already normalised: also a
 * subquery of a move's statement, which shows the card as the move left it (applyPlan).
 */
export function selectDetail(db: SqlDatabase, workspaceId: string, normalised: string) {
  return selectSummaryColumns(db)
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('opportunity_entry as h')
          .leftJoin('close_opportunity_code as hc', 'hc.id', 'h.close_code_id')
          .select((inner) => [
            'h.id',
            'h.stage',
            'h.stage_description',
            'h.previous_stage',
            'h.action_taken',
            'h.date_of_change',
            'h.active',
            'h.days_open',
            inner.cast<string>('h.estimated_value', 'text').as('estimated_value'),
            inner.cast<string>('h.calcd_current_value', 'text').as('calcd_current_value'),
            inner.cast<string>('h.chances_pct', 'text').as('chances_pct'),
            inner.cast<string>('h.completed_pct', 'text').as('completed_pct'),
            inner.cast<string>('h.probability_pct', 'text').as('probability_pct'),
            'h.estimated_close_date',
            'h.date_closed',
            'hc.code as close_code',
            'hc.description as close_code_description',
            inner.cast<string>('h.created_at', 'text').as('recorded_at'),
          ])
          .whereRef('h.opportunity_id', '=', 'o.id')
          .orderBy('h.id'),
      ).as('history'),
      jsonArrayFrom(
        eb
          .selectFrom('opportunity_edit as ed')
          .select((inner) => [
            'ed.id',
            'ed.actor_user_id',
            'ed.date',
            'ed.changes',
            inner.cast<string>('ed.created_at', 'text').as('recorded_at'),
          ])
          .whereRef('ed.opportunity_id', '=', 'o.id')
          .orderBy('ed.id'),
      ).as('edits'),
      jsonArrayFrom(
        eb
          .selectFrom('interaction_log_entry as il')
          .select((inner) => [
            'il.id',
            'il.actor_user_id',
            'il.date',
            'il.description',
            inner.cast<string>('il.created_at', 'text').as('recorded_at'),
          ])
          .whereRef('il.opportunity_id', '=', 'o.id')
          .where('il.canceled', '=', false)
          .orderBy('il.id'),
      ).as('notes'),
      stagesOf(eb.ref('o.sales_cycle_id')).as('cycle_stages'),
      jsonArrayFrom(
        eb
          .selectFrom('task as t')
          .innerJoin('salesperson as tsp', 'tsp.id', 't.salesperson_id')
          .select([
            't.id',
            't.description',
            't.date',
            'tsp.name as owner_name',
            'tsp.slack_user_id as owner_slack_user_id',
          ])
          .whereRef('t.opportunity_id', '=', 'o.id')
          .where('t.status', '=', enumLiteral('OPEN'))
          .orderBy('t.date')
          .orderBy('t.id'),
      ).as('open_tasks'),
    ])
    .where('o.workspace_id', '=', workspaceId)
    .where('o.no', '=', normalised);
}

export type DetailRow = InferResult<ReturnType<typeof selectDetail>>[number];
/** One item of the card's history as its statement returns it (JSON: numbers as exact text). */
export type HistoryRow = DetailRow['history'][number];

export function detailFromRow(row: DetailRow): OpportunityDetail {
  return {
    ...summaryFromRow(row),
    history: row.history.map(historyItemFromRow),
    edits: row.edits.map((e) => ({
      id: e.id,
      actorUserId: e.actor_user_id,
      date: localDate(e.date),
      changes: e.changes as unknown as FieldEdit[],
      recordedAt: e.recorded_at,
    })),
    notes: row.notes.map((n) => ({
      id: n.id,
      actorUserId: n.actor_user_id,
      date: localDate(n.date),
      text: n.description,
      recordedAt: n.recorded_at,
    })),
    cycleStages: stagesFromRows(row.cycle_stages),
    openTasks: row.open_tasks.map((t) => ({
      id: t.id,
      description: t.description,
      date: localDate(t.date),
      owner: { name: t.owner_name, slackUserId: t.owner_slack_user_id },
    })),
  };
}

/** An entry of the card's history. */
export function historyItemFromRow(h: HistoryRow): EntryView {
  return {
    entryNo: h.id,
    stage: h.stage,
    stageDescription: h.stage_description,
    previousStage: h.previous_stage,
    actionTaken: actionTakenFromDb(h.action_taken),
    dateOfChange: localDate(h.date_of_change),
    active: h.active,
    daysOpen: h.days_open,
    estimatedValue: toDecimal(h.estimated_value),
    calcdCurrentValue: toDecimal(h.calcd_current_value),
    chancesPct: toDecimal(h.chances_pct),
    completedPct: toDecimal(h.completed_pct),
    probabilityPct: toDecimal(h.probability_pct),
    estimatedCloseDate: localDate(h.estimated_close_date),
    dateClosed: h.date_closed ? localDate(h.date_closed) : null,
    closeCode: h.close_code,
    closeCodeDescription: h.close_code_description,
    recordedAt: h.recorded_at,
  };
}
