// Channel alerts, as rules: what an alert can be about, its filters, whether an event's opportunity
// passes them, and when a new event folds into the message an alert already posted. Pure: the outbox
// consumer (src/slack/alerts.ts) reads the alerts and the opportunity, and asks here.
import type { Decimal } from './decimal.ts';

/** What a channel can be alerted about, as `/opp alert` names it. */
export const ALERT_KINDS = ['created', 'stage', 'won', 'lost', 'reassigned'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Without kinds typed, an alert is about closed deals: what a deals channel usually wants to hear. */
export const DEFAULT_ALERT_KINDS: readonly AlertKind[] = ['won', 'lost'];

/** A comparison of the value filter: `>`, `>=`, `<`, `<=`. */
export type ValueOperator = 'gt' | 'ge' | 'lt' | 'le';

export interface ValueFilter {
  op: ValueOperator;
  amount: Decimal;
}

export interface AlertFilters {
  value: ValueFilter | null;
  /** A sales cycle code. */
  cycle: string | null;
  /** The salesperson's Slack user id. */
  owner: string | null;
}

/** What the filters are checked against: the opportunity as it is, and the event's own amount. */
export interface AlertedOpportunity {
  /** The won or lost amount for a closing, else the estimated value (null: not started, no value). */
  value: Decimal | null;
  cycle: string;
  owner: string | null;
}

/** Several events of one opportunity for one alert within this long of the first are one message. */
export const FOLD_WINDOW_MS = 60_000;

export function passesValue(filter: ValueFilter, value: Decimal | null): boolean {
  if (value === null) return false;
  switch (filter.op) {
    case 'gt':
      return value.greaterThan(filter.amount);
    case 'ge':
      return value.greaterThanOrEqualTo(filter.amount);
    case 'lt':
      return value.lessThan(filter.amount);
    case 'le':
      return value.lessThanOrEqualTo(filter.amount);
  }
}

/** True when the opportunity passes every filter of the alert. */
export function passesFilters(filters: AlertFilters, opportunity: AlertedOpportunity): boolean {
  if (filters.value !== null && !passesValue(filters.value, opportunity.value)) return false;
  if (filters.cycle !== null && filters.cycle !== opportunity.cycle) return false;
  if (filters.owner !== null && filters.owner !== opportunity.owner) return false;
  return true;
}

/**
 * True when an event that occurred at `eventAt` belongs in the message whose first event occurred at
 * `firstEventAt`. The window is counted from the events' own times, not from when they were delivered,
 * so events delivered late after an outage fold as they would have.
 */
export function foldsInto(firstEventAt: Date, eventAt: Date): boolean {
  const gap = eventAt.getTime() - firstEventAt.getTime();
  return gap >= 0 && gap < FOLD_WINDOW_MS;
}
