// Statistics of spec §12, computed by SQL aggregates over the entries (never by loading every
// opportunity): sales cycle totals over open started opportunities, stage totals over the active
// entries at each stage, and average days per stage over the historical (inactive) entries.
import { Decimal, ZERO } from '../domain/decimal.ts';
import type { LocalDate } from '../domain/local-date.ts';
import { DomainError } from '../domain/problems.ts';
import { Prisma } from '../generated/prisma/client.ts';
import type { SqlExecutor } from '../store/sql.ts';
import type { PrismaClient } from './db.ts';
import { toDbDate } from './mappers.ts';
import { loadOpportunityDetail } from './opportunity-queries.ts';

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

interface StageRow {
  stage: number;
  description: string;
  activity_code: string | null;
  open_count: bigint | number;
  estimated: string | null;
  calcd: string | null;
  average_days: string | null;
}

interface TotalsRow {
  open_count: bigint | number;
  estimated: string | null;
  calcd: string | null;
}

function closeDateCondition(filter: CloseDateFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filter.from) parts.push(Prisma.sql`AND e.estimated_close_date >= ${toDbDate(filter.from)}::date`);
  if (filter.to) parts.push(Prisma.sql`AND e.estimated_close_date <= ${toDbDate(filter.to)}::date`);
  return parts.length ? Prisma.join(parts, ' ') : Prisma.empty;
}

const dec = (value: string | null): Decimal => (value === null ? ZERO : new Decimal(value));

export class StatisticsService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql: SqlExecutor,
  ) {}

  /** §12.1 (this app keeps no interaction log, so the interactions count is not shown). */
  async opportunity(workspaceId: string, no: string): Promise<OpportunityStatistics> {
    const detail = await loadOpportunityDetail(this.sql, workspaceId, no);
    const current = detail.current;
    return {
      no: detail.no,
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
    const rows = await this.prisma.$queryRaw<TotalsRow[]>`
      SELECT count(*) AS open_count, sum(e.estimated_value)::text AS estimated, sum(e.calcd_current_value)::text AS calcd
      FROM opportunity_entry e
      WHERE e.workspace_id = ${workspaceId} AND e.sales_cycle_id = ${cycle.id} AND e.active
        AND e.action_taken NOT IN ('WON', 'LOST') ${closeDateCondition(filter)}`;
    const row = rows[0];
    return {
      noOfOpportunities: Number(row?.open_count ?? 0),
      estimatedValue: dec(row?.estimated ?? null),
      calcdCurrentValue: dec(row?.calcd ?? null),
    };
  }

  /** §12.3 and §12.4: one line per stage in stage order, and the total line. */
  async cycleAnalysis(workspaceId: string, code: string, filter: CloseDateFilter = {}): Promise<CycleAnalysis> {
    const cycle = await this.findCycle(workspaceId, code);
    const rows = await this.prisma.$queryRaw<StageRow[]>`
      SELECT s.stage, s.description, s.activity_code,
             coalesce(a.open_count, 0) AS open_count, a.estimated, a.calcd, h.average_days
      FROM sales_cycle_stage s
      LEFT JOIN (
        SELECT e.stage, count(*) AS open_count,
               sum(e.estimated_value)::text AS estimated, sum(e.calcd_current_value)::text AS calcd
        FROM opportunity_entry e
        WHERE e.workspace_id = ${workspaceId} AND e.sales_cycle_id = ${cycle.id} AND e.active
          AND e.stage IS NOT NULL ${closeDateCondition(filter)}
        GROUP BY e.stage
      ) a ON a.stage = s.stage
      LEFT JOIN (
        SELECT e.stage, avg(e.days_open)::text AS average_days
        FROM opportunity_entry e
        WHERE e.workspace_id = ${workspaceId} AND e.sales_cycle_id = ${cycle.id} AND NOT e.active
          AND e.stage IS NOT NULL ${closeDateCondition(filter)}
        GROUP BY e.stage
      ) h ON h.stage = s.stage
      WHERE s.sales_cycle_id = ${cycle.id}
      ORDER BY s.stage`;
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
    const cycle = await this.prisma.salesCycle.findUnique({
      where: { workspaceId_code: { workspaceId, code: normalised } },
    });
    if (!cycle) throw new DomainError({ kind: 'sales-cycle-not-found', code: normalised });
    return cycle;
  }
}
