// Deleting opportunities (spec §11) and the in-use guards for setup data (§2, §3, §4).
import { daysBetween, type LocalDate } from './local-date.ts';
import type { OpportunityStatus } from './opportunity.ts';
import { DomainError } from './problems.ts';

/**
 * Single delete: refused only while In Progress – Not Started, Won and Lost can go (with their
 * entries; tasks stay, a quote's back-link is cleared by the caller).
 */
export function checkCanDelete(input: { opportunityNo: string; status: OpportunityStatus }): void {
  if (input.status === 'in_progress')
    throw new DomainError({ kind: 'delete-in-progress', opportunityNo: input.opportunityNo });
}

export type PurgeStatus = 'won' | 'lost' | 'both';

export interface PurgeFilterInput {
  status?: PurgeStatus | undefined;
  /** Only opportunities closed strictly before this date. */
  closedBefore?: LocalDate | null | undefined;
  /** Only opportunities closed strictly after this date. */
  closedAfter?: LocalDate | null | undefined;
  salespersonCode?: string | null | undefined;
  contactNo?: string | null | undefined;
  salesCycleCode?: string | null | undefined;
}

/** The batch purge only ever touches closed (Won/Lost) opportunities. */
export interface PurgeFilter {
  statuses: readonly ('won' | 'lost')[];
  closedBefore: LocalDate | null;
  closedAfter: LocalDate | null;
  salespersonCode: string | null;
  contactNo: string | null;
  salesCycleCode: string | null;
}

export function validatePurgeFilter(input: PurgeFilterInput): PurgeFilter {
  const closedBefore = input.closedBefore ?? null;
  const closedAfter = input.closedAfter ?? null;
  // Both bounds are exclusive, so they need at least one day between them.
  if (closedBefore !== null && closedAfter !== null && daysBetween(closedAfter, closedBefore) < 2) {
    throw new DomainError({ kind: 'purge-range-empty', closedAfter, closedBefore });
  }
  const status = input.status ?? 'both';
  return {
    statuses: status === 'both' ? ['won', 'lost'] : [status],
    closedBefore,
    closedAfter,
    salespersonCode: blankToNull(input.salespersonCode),
    contactNo: blankToNull(input.contactNo),
    salesCycleCode: blankToNull(input.salesCycleCode),
  };
}

export interface PurgeCandidate {
  status: OpportunityStatus;
  dateClosed: LocalDate | null;
  salespersonCode: string;
  contactNo: string;
  salesCycleCode: string;
}

/** Reference predicate for the purge query. Never true for Not Started or In Progress. */
export function matchesPurgeFilter(opportunity: PurgeCandidate, filter: PurgeFilter): boolean {
  const { status, dateClosed } = opportunity;
  if (status !== 'won' && status !== 'lost') return false;
  if (!filter.statuses.includes(status) || dateClosed === null) return false;
  if (filter.closedBefore !== null && !(dateClosed < filter.closedBefore)) return false;
  if (filter.closedAfter !== null && !(dateClosed > filter.closedAfter)) return false;
  if (filter.salespersonCode !== null && opportunity.salespersonCode !== filter.salespersonCode) return false;
  if (filter.contactNo !== null && opportunity.contactNo !== filter.contactNo) return false;
  if (filter.salesCycleCode !== null && opportunity.salesCycleCode !== filter.salesCycleCode) return false;
  return true;
}

/** A cycle with open, started opportunities cannot be deleted; closed and not-started ones don't count. */
export function checkCanDeleteSalesCycle(input: { code: string; openCount: number }): void {
  if (input.openCount > 0)
    throw new DomainError({ kind: 'sales-cycle-in-use', code: input.code, openCount: input.openCount });
}

/** A stage that active entries point at cannot be deleted. */
export function checkCanDeleteStage(input: { cycle: string; stage: number; activeCount: number }): void {
  if (input.activeCount > 0) throw new DomainError({ kind: 'stage-in-use', cycle: input.cycle, stage: input.stage });
}

/** Deliberate tightening (BC allows it): a close code used by entries cannot be deleted. */
export function checkCanDeleteCloseCode(input: { code: string; entryCount: number }): void {
  if (input.entryCount > 0)
    throw new DomainError({ kind: 'close-code-in-use', code: input.code, entryCount: input.entryCount });
}

function blankToNull(value: string | null | undefined): string | null {
  const text = (value ?? '').trim();
  return text === '' ? null : text;
}
