// Formatting values for Slack: money, percentages, dates, enum labels, and mrkdwn-safe user text.
// Pure; every word comes from the UI catalogue.
import { roundTo, type Decimal } from '../domain/decimal.ts';
import { dateParts, type LocalDate } from '../domain/local-date.ts';
import type { ActionTaken, MoveAction, OpportunityStatus, Priority } from '../domain/opportunity.ts';
import type { ProbabilityCalculation } from '../domain/probability.ts';
import { ui } from '../i18n/en/ui.ts';

const moneyFormats = new Map<string, Intl.NumberFormat | null>();

function moneyFormat(currency: string): Intl.NumberFormat | null {
  let format = moneyFormats.get(currency);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency,
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      });
    } catch {
      format = null; // not an ISO 4217 code: fall back to "XYZ 1,234.00"
    }
    moneyFormats.set(currency, format);
  }
  return format;
}

const grouped = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "$12,000.50" (rounded half up to cents; exact, never through a binary float). */
export function formatMoney(value: Decimal, currency = 'USD'): string {
  const text = roundTo(value, 2).toFixed(2) as `${number}`;
  const format = moneyFormat(currency);
  return format ? format.format(text) : ui.common.unknownCurrency(currency, grouped.format(text));
}

/** An amount as the initial value of a text input: "12,000.50" (no symbol; the readers accept it back). */
export function formatAmountInput(value: Decimal): string {
  return grouped.format(roundTo(value, 2).toFixed(2) as `${number}`);
}

/** "12.5" / "40": at most 2 decimals, trailing zeros trimmed. */
export function formatNumber(value: Decimal): string {
  const fixed = roundTo(value, 2).toFixed(2);
  return fixed.replace(/\.?0+$/, '') || '0';
}

/** "12.5%", "40%". */
export function formatPercent(value: Decimal): string {
  return ui.common.percent(formatNumber(value));
}

/** "Dec 15, 2026". */
export function formatDate(date: LocalDate): string {
  const { year, month, day } = dateParts(date);
  return `${ui.months[month - 1] ?? ''} ${day}, ${year}`;
}

export function formatActionTaken(action: ActionTaken): string {
  return ui.actionTaken[action];
}

export function formatStatus(status: OpportunityStatus): string {
  return ui.status[status];
}

export function formatMoveAction(action: MoveAction): string {
  return ui.moveAction[action];
}

export function formatPriority(priority: Priority): string {
  return ui.priority[priority];
}

export function formatProbabilityCalculation(method: ProbabilityCalculation): string {
  return ui.probabilityCalculation[method];
}

/** "2 · Qualification", or "Stage 2" without a description. */
export function formatStage(stage: number, description: string): string {
  return ui.common.stage(stage, description);
}

/** User text placed inside mrkdwn: Slack's three control characters escaped. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** At most `max` characters (code points), with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return chars.slice(0, Math.max(0, max - 1)).join('') + ui.common.ellipsis;
}

/** A Slack user mention, or the escaped name when the person has no Slack account linked. */
export function formatPerson(person: { name: string; slackUserId: string | null }): string {
  if (person.slackUserId) return `<@${person.slackUserId}>`;
  return person.name.trim() === '' ? ui.common.none : escapeMrkdwn(person.name);
}
