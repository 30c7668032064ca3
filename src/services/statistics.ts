// Statistics of spec §12, computed by SQL aggregates over the entries (never by loading every
// opportunity): sales cycle totals over open started opportunities, stage totals over the active
// entries at each stage, and average days per stage over the historical (inactive) entries.
import { Decimal, ZERO } from '../domain/decimal.ts';
import type { LocalDate } from '../domain/local-date.ts';
import { DomainError } from '../domain/problems.ts';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { DB, SqlDatabase } from '../store/kysely.ts';
import { enumLiteral, loadOpportunityDetail } from './opportunity-queries.ts';

export interface Totals {
  noOfOpportunities: number;
  estimatedValue: Decimal;
  calcdCurrentValue: Decimal;
}

export interface StageAnalysisLine extends Totals {
  stage: number;
  description: string;
  activityCode: string | null;
  /** Average Days Open of the entries that have left this stage; null when none has. */
  averageDays: Decimal | null;
}

export interface CycleAnalysis {
  cycle: { code: string; description: string; blocked: boolean };
  stages: StageAnalysisLine[];
  /** The report's total line: sums of every column, including the averages (spec §12.4). */
  total: Totals & { averageDays: Decimal };
}

export interface OpportunityStatistics {
  no: string;
  /** Interactions logged on it (notes), canceled ones not counted. */
  noOfInteractions: number;
  currentStage: number | null;
  currentStageDescription: string;
  estimatedValue: Decimal;
  chancesPct: Decimal;
  completedPct: Decimal;
  probabilityPct: Decimal;
  calcdCurrentValue: Decimal;
}

/**
 * Optional filter on the entries' Estimated Close Date, as BC's Date Filter: on the active entries
 * counted and summed, and on the historical ones whose Days Open are averaged.
 */
export interface CloseDateFilter {
  from?: LocalDate | undefined;
  to?: LocalDate | undefined;
}

/** The entries' Estimated Close Date within the filter (alias `e`). */
function closeDateCondition(eb: ExpressionBuilder<DB & { e: DB['opportunity_entry'] }, 'e'>, filter: CloseDateFilter) {
  const parts: Expression<SqlBool>[] = [];
  if (filter.from) parts.push(eb('e.estimated_close_date', '>=', filter.from));
  if (filter.to) parts.push(eb('e.estimated_close_date', '<=', filter.to));
  return eb.and(parts);
}

const dec = (value: string | null): Decimal => (value === null ? ZERO : new Decimal(value));

export class StatisticsService {
  constructor(private readonly db: SqlDatabase) {}

  /** §12.1: the interactions counted from its interaction log, the rest from the active entry. */
  async opportunity(workspaceId: string, no: string): Promise<OpportunityStatistics> {
    const detail = await loadOpportunityDetail(this.db, workspaceId, no);
    const current = detail.current;
    return {
      no: detail.no,
      noOfInteractions: detail.notes.length,
      currentStage: current?.stage ?? null,
      currentStageDescription: current?.stageDescription ?? '',
      estimatedValue: current?.estimatedValue ?? ZERO,
      chancesPct: current?.chancesPct ?? ZERO,
      completedPct: current?.completedPct ?? ZERO,
      probabilityPct: current?.probabilityPct ?? ZERO,
      calcdCurrentValue: current?.calcdCurrentValue ?? ZERO,
    };
  }

  /** §12.2: open, started opportunities of the cycle (active entries that are not Won/Lost). */
  async salesCycle(workspaceId: string, code: string, filter: CloseDateFilter = {}): Promise<Totals> {
    const cycle = await this.findCycle(workspaceId, code);
    const row = await this.db
      .selectFrom('opportunity_entry as e')
      .select((eb) => [
        eb.fn.countAll<number>().as('open_count'),
        eb.fn.sum<string | null>('e.estimated_value').as('estimated'),
        eb.fn.sum<string | null>('e.calcd_current_value').as('calcd'),
      ])
      .where('e.workspace_id', '=', workspaceId)
      .where('e.sales_cycle_id', '=', cycle.id)
      .where((eb) => eb.ref('e.active'))
      .where('e.action_taken', 'not in', [enumLiteral('WON'), enumLiteral('LOST')])
      .where((eb) => closeDateCondition(eb, filter))
      .executeTakeFirst();
    return {
      noOfOpportunities: row?.open_count ?? 0,
      estimatedValue: dec(row?.estimated ?? null),
      calcdCurrentValue: dec(row?.calcd ?? null),
    };
  }

  /** §12.3 and §12.4: one line per stage in stage order, and the total line. */
  async cycleAnalysis(workspaceId: string, code: string, filter: CloseDateFilter = {}): Promise<CycleAnalysis> {
    const cycle = await this.findCycle(workspaceId, code);
    const rows = await this.db
      .selectFrom('sales_cycle_stage as s')
      .leftJoin(
        (eb) =>
          eb
            .selectFrom('opportunity_entry as e')
            .select((inner) => [
              'e.stage',
              inner.fn.countAll<number>().as('open_count'),
              inner.fn.sum<string>('e.estimated_value').as('estimated'),
              inner.fn.sum<string>('e.calcd_current_value').as('calcd'),
            ])
            .where('e.workspace_id', '=', workspaceId)
            .where('e.sales_cycle_id', '=', cycle.id)
            .where((inner) => inner.ref('e.active'))
            .where('e.stage', 'is not', null)
            .where((inner) => closeDateCondition(inner, filter))
            .groupBy('e.stage')
            .as('a'),
        (join) => join.onRef('a.stage', '=', 's.stage'),
      )
      .leftJoin(
        (eb) =>
          eb
            .selectFrom('opportunity_entry as e')
            .select((inner) => ['e.stage', inner.cast<string>(inner.fn.avg('e.days_open'), 'text').as('average_days')])
            .where('e.workspace_id', '=', workspaceId)
            .where('e.sales_cycle_id', '=', cycle.id)
            .where((inner) => inner.not(inner.ref('e.active')))
            .where('e.stage', 'is not', null)
            .where((inner) => closeDateCondition(inner, filter))
            .groupBy('e.stage')
            .as('h'),
        (join) => join.onRef('h.stage', '=', 's.stage'),
      )
      .select((eb) => [
        's.stage',
        's.description',
        's.activity_code',
        eb.fn.coalesce('a.open_count', eb.lit(0)).as('open_count'),
        'a.estimated',
        'a.calcd',
        'h.average_days',
      ])
      .where('s.sales_cycle_id', '=', cycle.id)
      .orderBy('s.stage')
      .execute();
    const stages: StageAnalysisLine[] = rows.map((r) => ({
      stage: r.stage,
      description: r.description,
      activityCode: r.activity_code,
      noOfOpportunities: Number(r.open_count),
      estimatedValue: dec(r.estimated),
      calcdCurrentValue: dec(r.calcd),
      averageDays: r.average_days === null ? null : new Decimal(r.average_days),
    }));
    const total = stages.reduce(
      (sum, line) => ({
        noOfOpportunities: sum.noOfOpportunities + line.noOfOpportunities,
        estimatedValue: sum.estimatedValue.plus(line.estimatedValue),
        calcdCurrentValue: sum.calcdCurrentValue.plus(line.calcdCurrentValue),
        averageDays: sum.averageDays.plus(line.averageDays ?? ZERO),
      }),
      { noOfOpportunities: 0, estimatedValue: ZERO, calcdCurrentValue: ZERO, averageDays: ZERO },
    );
    return { cycle: { code: cycle.code, description: cycle.description, blocked: cycle.blocked }, stages, total };
  }

  private async findCycle(workspaceId: string, code: string) {
    const normalised = code.trim().toUpperCase();
    const cycle = await this.db
      .selectFrom('sales_cycle')
      .select(['id', 'code', 'description', 'blocked'])
      .where('workspace_id', '=', workspaceId)
      .where('code', '=', normalised)
      .executeTakeFirst();
    if (!cycle) throw new DomainError({ kind: 'sales-cycle-not-found', code: normalised });
    return cycle;
  }
}
