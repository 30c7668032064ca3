// What a pipeline digest contains: computed by SQL aggregates (src/services/digests.ts), rendered by
// pure builders (src/slack/blocks/digest.ts). Money and percentages are exact decimals.
import type { Decimal } from '../domain/decimal.ts';
import type { LocalDate } from '../domain/local-date.ts';

/**
 * The lines a digest shows of each kind of change (new, moved forward, moved back, closed, value
 * changed) and of each attention list (overdue, closing soon, stale): the digest reads no more than
 * these (the rest is counted in its totals, and said as "…and N more").
 */
export const DIGEST_CHANGE_LINES = 10;
export const DIGEST_ATTENTION_LINES = 20;

export interface DigestRequest {
  workspaceId: string;
  /** Only this sales cycle; all cycles when absent. */
  salesCycleCode?: string | undefined;
  /** Only this salesperson's opportunities (Slack user id); everyone's when absent. */
  salespersonSlackUserId?: string | undefined;
  /** The digest's "today" (in the channel's or subscription's time zone). */
  today: LocalDate;
  /** Won/lost period: the last `periodDays` days up to and including today (default 7). */
  periodDays?: number | undefined;
  /** "What changed" covers entries and opportunities created after this instant (the previous digest). */
  changesSince?: Date | null | undefined;
  /** Stale = open, started, and no entry for this many days (the workspace setting, default 14). */
  staleDays?: number | undefined;
  /** Weeks of won/lost history for the chart (default 8). */
  chartWeeks?: number | undefined;
}

export interface Figures {
  count: number;
  estimatedValue: Decimal;
  /** Calculated current (weighted) value. */
  weightedValue: Decimal;
}

export interface StageLine extends Figures {
  stage: number;
  description: string;
}

/** Open opportunities of one sales cycle, by stage in stage order, with the cycle's totals. */
export interface CyclePipeline {
  code: string;
  description: string;
  stages: StageLine[];
  /** Not yet started (no stage): counted apart, with their estimated value 0 by definition. */
  notStarted: number;
  totals: Figures;
}

export interface CloseReasonLine {
  outcome: 'won' | 'lost';
  /** null for a close without code (a Lost forced by deleting a won order). */
  code: string | null;
  description: string;
  count: number;
  /** Won: the sales amount (calculated current value of the Won entry). Lost: the estimated value lost. */
  amount: Decimal;
}

export interface ClosedInPeriod {
  from: LocalDate;
  to: LocalDate;
  won: { count: number; amount: Decimal };
  lost: { count: number; amount: Decimal };
  byReason: CloseReasonLine[];
  /** won / (won + lost), by count and by value; null when nothing closed. */
  winRateByCount: Decimal | null;
  winRateByValue: Decimal | null;
}

export interface ChangesSince {
  /** null when this channel never had a digest: everything is new, so no change list is shown. */
  since: Date | null;
  newOpportunities: { no: string; description: string; estimatedValue: Decimal }[];
  movedForward: { no: string; description: string; fromStage: number | null; toStage: number }[];
  movedBack: { no: string; description: string; fromStage: number | null; toStage: number }[];
  closed: { no: string; description: string; outcome: 'won' | 'lost'; amount: Decimal }[];
  valueChanges: { no: string; description: string; from: Decimal; to: Decimal }[];
  /** Full counts of the lists above, which hold at most a page of lines each. */
  totals?: { newOpportunities: number; movedForward: number; movedBack: number; closed: number; valueChanges: number };
}

export interface AttentionItem {
  no: string;
  description: string;
  salespersonSlackUserId: string | null;
  salespersonName: string;
  estimatedCloseDate: LocalDate;
  lastChange: LocalDate;
  estimatedValue: Decimal;
}

export interface Attention {
  overdue: AttentionItem[];
  closingSoon: AttentionItem[];
  stale: AttentionItem[];
  staleDays: number;
  /** Full counts of the lists above, which hold at most a page of lines each. */
  totals?: { overdue: number; closingSoon: number; stale: number };
}

export interface SalespersonLine {
  slackUserId: string | null;
  name: string;
  openCount: number;
  weightedValue: Decimal;
  wonValue: Decimal;
}

export interface WeekLine {
  /** Monday of the ISO week. */
  weekStart: LocalDate;
  /** e.g. "W47". */
  label: string;
  won: Decimal;
  lost: Decimal;
}

export interface Digest {
  request: Required<Pick<DigestRequest, 'workspaceId' | 'today' | 'periodDays' | 'staleDays'>> & {
    salesCycleCode: string | null;
    salespersonSlackUserId: string | null;
  };
  currency: string;
  cycles: CyclePipeline[];
  /** Sum over the cycles shown. */
  totals: Figures;
  closed: ClosedInPeriod;
  changes: ChangesSince;
  attention: Attention;
  salespeople: SalespersonLine[];
  weeks: WeekLine[];
}
