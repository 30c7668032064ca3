// Opportunities as a CSV file (RFC 4180) for `/opp export`: CRLF line ends, fields with a comma, quote
// or line break quoted, quotes doubled. Numbers are plain decimals with a dot and dates are ISO, so
// spreadsheets read them as numbers and dates. Text cells that a spreadsheet would take for a formula
// get a leading apostrophe (CSV injection).
import type { Decimal } from '../domain/decimal.ts';
import { roundTo } from '../domain/decimal.ts';
import type { LocalDate } from '../domain/local-date.ts';
import type { OpportunitySummary } from '../services/opportunity-queries.ts';
import type { Presenter } from '../i18n/presenter.ts';

/** A cell: text (guarded against formulas) or a number/date written as is. */
type Cell = { text: string } | { value: string };

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Text as a spreadsheet will show it, never as a formula. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field of a CSV line, quoted when it holds a comma, a quote or a line break. */
export function csvField(raw: string): string {
  return NEEDS_QUOTES.test(raw) ? `"${raw.replace(/"/g, '""')}"` : raw;
}

function csvLine(cells: readonly Cell[]): string {
  return cells.map((c) => csvField('text' in c ? guardFormula(c.text) : c.value)).join(',');
}

const text = (value: string | null | undefined): Cell => ({ text: value ?? '' });
const money = (value: Decimal | undefined): Cell => ({
  value: value === undefined ? '' : roundTo(value, 2).toFixed(2),
});
/** Percentages keep their exact digits (toFixed never uses exponent notation). */
const percent = (value: Decimal | undefined): Cell => ({ value: value === undefined ? '' : value.toFixed() });
const date = (value: LocalDate | null | undefined): Cell => ({ value: value ?? '' });
const integer = (value: number | null | undefined): Cell => ({
  value: value === null || value === undefined ? '' : String(value),
});

/**
 * The header row and one line per opportunity, every line ending in CRLF. The headers and statuses are
 * in the reader's words; the values stay in the machine-readable form above whatever their locale.
 */
export function opportunitiesCsv(p: Presenter, items: readonly OpportunitySummary[], currency: string): string {
  return csvHeader(p, currency) + csvRows(p, items);
}

/** The header row (CRLF-ended): the first part of an export written a page at a time. */
export function csvHeader(p: Presenter, currency: string): string {
  return `${csvLine(p.t.digestPlain.csv.columns(currency).map((c) => text(c)))}\r\n`;
}

/** One CRLF-ended line per opportunity, as in opportunitiesCsv. */
export function csvRows(p: Presenter, items: readonly OpportunitySummary[]): string {
  const lines: string[] = [];
  for (const o of items) {
    const e = o.current;
    const company = o.contact.companyName ?? (o.contact.type === 'company' ? o.contact.name : '');
    lines.push(
      csvLine([
        text(o.no),
        text(o.description),
        text(p.t.ui.status[o.status]),
        integer(e?.stage),
        text(e !== null && e.stage !== null ? e.stageDescription : ''),
        text(o.contact.name),
        text(company),
        text(o.salesperson.name),
        text(o.salesCycle.code),
        money(e?.estimatedValue),
        percent(e?.chancesPct),
        percent(e?.completedPct),
        percent(e?.probabilityPct),
        money(e?.calcdCurrentValue),
        date(e?.estimatedCloseDate),
        date(o.creationDate),
        date(o.dateClosed),
        text(o.quote?.no),
        text(o.order?.no),
        text(e?.closeCode),
        text(e?.closeCodeDescription),
        text(p.t.ui.priority[o.priority]),
        date(e?.dateOfChange),
        // Estimate × probability while open; a closed one weighs nothing more (its sales are above).
        money(o.status === 'in_progress' ? e?.calcdCurrentValue : undefined),
      ]),
    );
  }
  return lines.map((line) => `${line}\r\n`).join('');
}

/**
 * "opportunities-2026-12-15.csv": the prefix reduced to lowercase letters, digits and dashes (the
 * catalogue's default name when nothing is left).
 */
export function csvFilename(p: Presenter, prefix: string, today: LocalDate): string {
  const slug = prefix
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || p.t.digestPlain.csv.defaultFilename}-${today}.csv`;
}
