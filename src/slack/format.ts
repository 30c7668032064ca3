// Formatting values for Slack: money, percentages, dates, enum labels and people, as Markup (see
// src/i18n/markup.ts). Pure; every word comes from the UI catalogue.
import { roundTo, type Decimal } from '../domain/decimal.ts';
import { dateParts, type LocalDate } from '../domain/local-date.ts';
import type { ActionTaken, MoveAction, OpportunityStatus, Priority } from '../domain/opportunity.ts';
import type { ProbabilityCalculation } from '../domain/probability.ts';
import { ui } from '../i18n/en/ui.ts';
import { escapeText, type Markup, md, mentionUser, ours, type RawText } from '../i18n/markup.ts';
import { boundedCache } from '../services/cache.ts';

// Building an Intl formatter is far slower than using one; `false`: not a currency Intl knows.
const moneyFormats = boundedCache<string, Intl.NumberFormat | false>(200);

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
      format = false; // not an ISO 4217 code: fall back to "XYZ 1,234.00"
    }
    moneyFormats.set(currency, format);
  }
  return format || null;
}

const grouped = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "$12,000.50" (rounded half up to cents; exact, never through a binary float). */
export function formatMoney(value: Decimal, currency = 'USD'): Markup {
  const text = roundTo(value, 2).toFixed(2) as `${number}`;
  const format = moneyFormat(currency);
  return format
    ? escapeText(format.format(text))
    : ui.common.unknownCurrency(escapeText(currency), escapeText(grouped.format(text)));
}

/** An amount as the initial value of a text input: "12,000.50" (no symbol; the readers accept it back). */
export function formatAmountInput(value: Decimal): string {
  return grouped.format(roundTo(value, 2).toFixed(2) as `${number}`);
}

/** "12.5" / "40": at most 2 decimals, trailing zeros trimmed. */
export function formatNumber(value: Decimal): Markup {
  const fixed = roundTo(value, 2).toFixed(2);
  return escapeText(fixed.replace(/\.?0+$/, '') || '0');
}

/** "12.5%", "40%". */
export function formatPercent(value: Decimal): Markup {
  return ui.common.percent(formatNumber(value));
}

/** "Dec 15, 2026". */
export function formatDate(date: LocalDate): Markup {
  const { year, month, day } = dateParts(date);
  return md`${ui.months[month - 1] ?? ours('')} ${day}, ${year}`;
}

export function formatActionTaken(action: ActionTaken): Markup {
  return ui.actionTaken[action];
}

export function formatStatus(status: OpportunityStatus): Markup {
  return ui.status[status];
}

export function formatMoveAction(action: MoveAction): Markup {
  return ui.moveAction[action];
}

export function formatPriority(priority: Priority): Markup {
  return ui.priority[priority];
}

export function formatProbabilityCalculation(method: ProbabilityCalculation): Markup {
  return ui.probabilityCalculation[method];
}

/** "2 · Qualification", or "Stage 2" without a description (which a person typed). */
export function formatStage(stage: number, description: RawText): Markup {
  return ui.common.stage(stage, escapeText(description));
}

/**
 * At most `max` characters (code points), with an ellipsis when cut. Cutting markup leaves markup: an
 * entity cut short is dropped whole, and a sequence of our own cut short is shown as text.
 */
export function truncate<T extends string>(text: T, max: number): T {
  const chars = [...text];
  if (chars.length <= max) return text;
  const kept = chars
    .slice(0, Math.max(0, max - 1))
    .join('')
    .replace(/&[a-z]{0,3}$/, '');
  return (kept + ui.common.ellipsis) as T;
}

/** A Slack user mention, or the escaped name when the person has no Slack account linked. */
export function formatPerson(person: { name: string; slackUserId: string | null }): Markup {
  if (person.slackUserId) return mentionUser(person.slackUserId);
  return person.name.trim() === '' ? ui.common.none : escapeText(person.name);
}

/**
 * A cell of a monospace table (inside a code block): shown literally, so the value is escaped whatever
 * it holds; backticks (which would end the block) become quotes; padded to `width` characters.
 */
export function tableCell(value: string, width: number, align: 'left' | 'right' = 'left'): Markup {
  const normalised = truncate(value.replace(/`/g, "'").replace(/\s+/g, ' ').trim(), width);
  const padding = ' '.repeat(Math.max(0, width - [...normalised].length));
  const shown = escapeText(normalised);
  return align === 'left' ? md`${shown}${escapeText(padding)}` : md`${escapeText(padding)}${shown}`;
}
