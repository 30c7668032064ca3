// An opportunity's entry history in memory: how a planned entry is applied (spec §7 InsertEntry).
// The store does the same in SQL; tests and oracles use this.
import type { ActiveEntry, NewEntry } from './opportunity.ts';

export interface HistoryEntry extends NewEntry {
  entryNo: number;
  active: boolean;
  /** Set when the entry is deactivated: next date of change − this one. 0 while active. */
  daysOpen: number;
}

/** Deactivates the active entry (writing its Days Open) and appends the new one as active. */
export function applyEntryPlan(
  history: readonly HistoryEntry[],
  plan: { entry: NewEntry; daysOpenOfPrevious: number | null },
): HistoryEntry[] {
  const nextNo = history.reduce((max, e) => Math.max(max, e.entryNo), 0) + 1;
  const closedOff = history.map((e) =>
    e.active ? { ...e, active: false, daysOpen: plan.daysOpenOfPrevious ?? 0 } : e,
  );
  return [...closedOff, { ...plan.entry, entryNo: nextNo, active: true, daysOpen: 0 }];
}

export function activeEntryOf(history: readonly HistoryEntry[]): ActiveEntry | null {
  const active = history.find((e) => e.active);
  if (!active) return null;
  return {
    stage: active.stage,
    stageDescription: active.stageDescription,
    dateOfChange: active.dateOfChange,
    estimatedValue: active.estimatedValue,
    chancesPct: active.chancesPct,
    completedPct: active.completedPct,
    probabilityPct: active.probabilityPct,
    calcdCurrentValue: active.calcdCurrentValue,
    estimatedCloseDate: active.estimatedCloseDate,
    actionTaken: active.actionTaken,
  };
}
