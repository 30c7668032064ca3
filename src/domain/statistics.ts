// Statistics (spec §12): result shapes plus an in-memory reference implementation that the
// storage tests use as an oracle for the SQL aggregates.
import { ZERO, type Decimal } from './decimal.ts';
import type { LocalDate } from './local-date.ts';
import type { ActionTaken, ActiveEntry } from './opportunity.ts';
import { sortStages, type SalesCycle, type Stage } from './sales-cycle.ts';

/** §12.1 – everything except interactions comes from the active entry. */
export interface OpportunityStatistics {
  noOfInteractions: number;
  /** null before the start and after closing. */
  currentStage: number | null;
  estimatedValue: Decimal;
  chancesPct: Decimal;
  completedPct: Decimal;
  probabilityPct: Decimal;
  calcdCurrentValue: Decimal;
}

export function opportunityStatistics(active: ActiveEntry | null, noOfInteractions: number): OpportunityStatistics {
  return {
    noOfInteractions,
    currentStage: active?.stage ?? null,
    estimatedValue: active?.estimatedValue ?? ZERO,
    chancesPct: active?.chancesPct ?? ZERO,
    completedPct: active?.completedPct ?? ZERO,
    probabilityPct: active?.probabilityPct ?? ZERO,
    calcdCurrentValue: active?.calcdCurrentValue ?? ZERO,
  };
}

/** The entry fields the statistics read. */
export interface StatsEntry {
  stage: number | null;
  active: boolean;
  actionTaken: ActionTaken;
  estimatedValue: Decimal;
  calcdCurrentValue: Decimal;
  /** 0 on the active entry. */
  daysOpen: number;
  estimatedCloseDate: LocalDate;
}

export interface StatsOpportunity {
  salesCycleCode: string;
  entries: readonly StatsEntry[];
}

/** Optional filter on the entries' Estimated Close Date, both ends inclusive (BC's Date Filter). */
export interface CloseDateFilter {
  from?: LocalDate | null | undefined;
  to?: LocalDate | null | undefined;
}

/** §12.2 – open, started opportunities only (active entries that are not Won/Lost). */
export interface SalesCycleStatistics {
  cycleCode: string;
  noOfOpportunities: number;
  estimatedValue: Decimal;
  calcdCurrentValue: Decimal;
}

/** §12.3 – "active" figures from active entries at the stage, "inactive" average from history. */
export interface StageStatistics {
  stage: number;
  description: string;
  activityCode: string | null;
  noOfOpportunities: number;
  estimatedValue: Decimal;
  calcdCurrentValue: Decimal;
  /** Average Days Open of INACTIVE entries at the stage; 0 when there are none. Full precision. */
  averageDays: Decimal;
}

/** §12.4 – one block per cycle; the total line SUMS every column, the average days included. */
export interface CycleAnalysis {
  cycleCode: string;
  description: string;
  lines: StageStatistics[];
  total: {
    noOfOpportunities: number;
    estimatedValue: Decimal;
    calcdCurrentValue: Decimal;
    /** Sum of the stage averages (≈ typical total cycle duration), not an average. */
    averageDays: Decimal;
  };
}

export function computeSalesCycleStatistics(
  cycleCode: string,
  opportunities: readonly StatsOpportunity[],
  filter: CloseDateFilter = {},
): SalesCycleStatistics {
  const open = entriesOf(cycleCode, opportunities, filter).filter(
    (e) => e.active && e.actionTaken !== 'won' && e.actionTaken !== 'lost',
  );
  return { cycleCode, noOfOpportunities: open.length, ...sums(open) };
}

export function computeStageStatistics(
  cycleCode: string,
  stage: Stage,
  opportunities: readonly StatsOpportunity[],
  filter: CloseDateFilter = {},
): StageStatistics {
  const atStage = entriesOf(cycleCode, opportunities, filter).filter((e) => e.stage === stage.stage);
  const current = atStage.filter((e) => e.active);
  const history = atStage.filter((e) => !e.active);
  const totalDays = history.reduce((sum, e) => sum.plus(e.daysOpen), ZERO);
  return {
    stage: stage.stage,
    description: stage.description,
    activityCode: stage.activityCode,
    noOfOpportunities: current.length,
    ...sums(current),
    averageDays: history.length === 0 ? ZERO : totalDays.dividedBy(history.length),
  };
}

export function computeCycleAnalysis(
  cycle: SalesCycle & { stages: readonly Stage[] },
  opportunities: readonly StatsOpportunity[],
  filter: CloseDateFilter = {},
): CycleAnalysis {
  const lines = sortStages(cycle.stages).map((stage) =>
    computeStageStatistics(cycle.code, stage, opportunities, filter),
  );
  return {
    cycleCode: cycle.code,
    description: cycle.description,
    lines,
    total: {
      noOfOpportunities: lines.reduce((n, line) => n + line.noOfOpportunities, 0),
      estimatedValue: lines.reduce((sum, line) => sum.plus(line.estimatedValue), ZERO),
      calcdCurrentValue: lines.reduce((sum, line) => sum.plus(line.calcdCurrentValue), ZERO),
      averageDays: lines.reduce((sum, line) => sum.plus(line.averageDays), ZERO),
    },
  };
}

function entriesOf(
  cycleCode: string,
  opportunities: readonly StatsOpportunity[],
  filter: CloseDateFilter,
): StatsEntry[] {
  return opportunities
    .filter((o) => o.salesCycleCode === cycleCode)
    .flatMap((o) => o.entries)
    .filter(
      (e) =>
        (filter.from == null || e.estimatedCloseDate >= filter.from) &&
        (filter.to == null || e.estimatedCloseDate <= filter.to),
    );
}

function sums(entries: readonly StatsEntry[]): { estimatedValue: Decimal; calcdCurrentValue: Decimal } {
  return {
    estimatedValue: entries.reduce((sum, e) => sum.plus(e.estimatedValue), ZERO),
    calcdCurrentValue: entries.reduce((sum, e) => sum.plus(e.calcdCurrentValue), ZERO),
  };
}
