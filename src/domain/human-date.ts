// Dates as people type them ("next friday", "end of quarter", "15/12/2026"), read relative to the user's
// today in the user's time zone. Pure: the instant `now` is passed in, the clock is never read.
//
// Order of attempts:
//   1. numeric dates (2026-12-15, 15/12/2026, 12/15, 15.12.26) read by us, in the user's date order;
//   2. period boundaries chrono does not know: "end of quarter", "start of next month", "eom", …;
//   3. a bare weekday ("friday"): the next one (or today) for future dates, the last one for past dates;
//   4. anything else through chrono-node (English, casual), accepted only when chrono's single match covers
//      the whole text (apart from "on", "by", "due").
import * as chrono from 'chrono-node';
import type { LocalDate } from './local-date.ts';
import {
  addDays,
  addMonths,
  dateInZone,
  dateParts,
  daysInMonth,
  isoWeekday,
  makeDate,
  parseIsoDate,
} from './local-date.ts';

export type DateOrder = 'DMY' | 'MDY' | 'YMD';

/** What the caller knows about the user: the current instant, their IANA time zone and date order. */
export interface DateContext {
  readonly now: Date;
  readonly timeZone: string;
  readonly dateOrder: DateOrder;
}

export interface HumanDateOptions extends DateContext {
  /**
   * Which way to resolve a date that does not say (a bare weekday, "Dec 15", "15/12"): `future` (default)
   * for due dates such as a close date, `past` for dates of change and closing dates.
   */
  readonly prefer?: 'future' | 'past';
}

const MAX_DATE_TEXT = 64;
const NUMERIC = /^(\d{1,4})[/.-](\d{1,2})(?:[/.-](\d{1,4}))?$/;
const PERIOD =
  /^(?:the\s+)?(end|last\s+day|start|beginning|first\s+day)\s+of\s+(?:the\s+)?(?:(this|current|next|last|previous)\s+)?(week|month|quarter|year)$/;
const ABBREVIATIONS: Record<string, string> = {
  eod: 'today',
  eow: 'end of week',
  eom: 'end of month',
  eoq: 'end of quarter',
  eoy: 'end of year',
};
const WEEKDAYS: Record<string, number> = {
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  weds: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
  sun: 7,
  sunday: 7,
};
const FILLER = new Set(['on', 'by', 'due']);
const BACKWARD_WORDS = /\b(last|past|ago|previous|yesterday|before)\b/;
const FORWARD_WORDS = /\b(next|in|from|after|later|tomorrow|coming)\b/;

/** Parses a date the user typed; undefined when it is not (entirely) a date. Never throws for any text. */
export function parseHumanDate(text: string, options: HumanDateOptions): LocalDate | undefined {
  const today = dateInZone(options.now, options.timeZone);
  const prefer = options.prefer ?? 'future';
  let t = text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!,;]+$/, '')
    .trim();
  if (t === '' || t.length > MAX_DATE_TEXT) return undefined;
  t = t.replace(/^(?:on|by|due)\s+/, '');
  t = (Object.hasOwn(ABBREVIATIONS, t) ? ABBREVIATIONS[t] : undefined) ?? t;

  if (NUMERIC.test(t)) return numericDate(t, today, options.dateOrder, prefer);
  const period = PERIOD.exec(t);
  if (period) return periodBoundary(period[1] ?? '', period[2], period[3] ?? '', today);
  const weekday = Object.hasOwn(WEEKDAYS, t) ? WEEKDAYS[t] : undefined;
  if (weekday !== undefined) return nearestWeekday(weekday, today, prefer);
  return chronoDate(t, today, prefer);
}

function valid(year: number, month: number, day: number): LocalDate | undefined {
  if (![year, month, day].every(Number.isInteger)) return undefined;
  return parseIsoDate(makeDate(year, month, day));
}

function numericDate(t: string, today: LocalDate, order: DateOrder, prefer: 'future' | 'past'): LocalDate | undefined {
  const match = NUMERIC.exec(t);
  if (!match) return undefined;
  const a = match[1] ?? '';
  const b = match[2] ?? '';
  const c = match[3];
  let year: number | undefined;
  let month: number;
  let day: number;
  if (a.length === 4 || (order === 'YMD' && c !== undefined)) {
    if (c === undefined) return undefined;
    year = toYear(a);
    month = Number(b);
    day = Number(c);
  } else if (a.length > 2) {
    return undefined;
  } else if (order === 'DMY') {
    day = Number(a);
    month = Number(b);
    year = c === undefined ? undefined : toYear(c);
  } else {
    // MDY, and YMD without a year ("12/15"), which is month/day there too.
    month = Number(a);
    day = Number(b);
    year = c === undefined ? undefined : toYear(c);
  }
  if (c === undefined && a.length !== 4) return yearless(month, day, today, prefer);
  return year === undefined ? undefined : valid(year, month, day);
}

function toYear(text: string): number | undefined {
  if (text.length === 4) return Number(text);
  if (text.length === 2) return 2000 + Number(text);
  return undefined;
}

/** Month and day without a year: this year's, or the next (future) / previous (past) one. */
function yearless(month: number, day: number, today: LocalDate, prefer: 'future' | 'past'): LocalDate | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const { year } = dateParts(today);
  // Feb 29 resolves to the nearest leap year in the preferred direction.
  for (let i = 0; i <= 8; i++) {
    const candidateYear = prefer === 'future' ? year + i : year - i;
    const candidate = valid(candidateYear, month, day);
    if (!candidate) continue;
    if (prefer === 'future' ? candidate >= today : candidate <= today) return candidate;
  }
  return undefined;
}

function periodBoundary(
  edge: string,
  modifier: string | undefined,
  unit: string,
  today: LocalDate,
): LocalDate | undefined {
  const offset = modifier === 'next' ? 1 : modifier === 'last' || modifier === 'previous' ? -1 : 0;
  const end = edge === 'end' || edge.startsWith('last');
  const { year, month } = dateParts(today);
  switch (unit) {
    case 'week': {
      // ISO weeks: Monday to Sunday.
      const monday = addDays(today, 1 - isoWeekday(today) + offset * 7);
      return end ? addDays(monday, 6) : monday;
    }
    case 'month': {
      const first = addMonths(makeDate(year, month, 1), offset);
      return end ? lastOfMonth(first) : first;
    }
    case 'quarter': {
      const quarterStart = makeDate(year, Math.floor((month - 1) / 3) * 3 + 1, 1);
      const first = addMonths(quarterStart, offset * 3);
      return end ? lastOfMonth(addMonths(first, 2)) : first;
    }
    case 'year':
      return valid(year + offset, end ? 12 : 1, end ? 31 : 1);
    default:
      return undefined;
  }
}

function lastOfMonth(date: LocalDate): LocalDate {
  const { year, month } = dateParts(date);
  return makeDate(year, month, daysInMonth(year, month));
}

function nearestWeekday(weekday: number, today: LocalDate, prefer: 'future' | 'past'): LocalDate {
  const diff = weekday - isoWeekday(today);
  if (prefer === 'future') return addDays(today, (diff + 7) % 7);
  return addDays(today, -((-diff + 7) % 7));
}

function chronoDate(t: string, today: LocalDate, prefer: 'future' | 'past'): LocalDate | undefined {
  const { year, month, day } = dateParts(today);
  // Chrono works in the process's local time. A reference at local noon of the user's today keeps every
  // calculation on the user's calendar day, whatever the process's zone; only the date part is used.
  // eslint-disable-next-line no-restricted-globals -- builds a fixed reference from the injected `now`; no clock read
  const reference = new Date(year, month - 1, day, 12, 0, 0, 0);
  let results: chrono.ParsedResult[];
  try {
    results = chrono.casual.parse(t, reference, { forwardDate: prefer === 'future' && !BACKWARD_WORDS.test(t) });
  } catch {
    return undefined;
  }
  const [result] = results;
  if (!result || results.length !== 1 || result.end) return undefined;
  const leftover = `${t.slice(0, result.index)} ${t.slice(result.index + result.text.length)}`
    .split(/[\s,]+/)
    .filter((word) => word !== '');
  if (!leftover.every((word) => FILLER.has(word))) return undefined;
  const start = result.start;
  const y = start.get('year');
  const m = start.get('month');
  const d = start.get('day');
  if (y === null || m === null || d === null) return undefined;
  const date = valid(y, m, d);
  if (!date) return undefined;
  if (
    prefer === 'past' &&
    date > today &&
    !start.isCertain('year') &&
    start.isCertain('month') &&
    !FORWARD_WORDS.test(t)
  ) {
    return valid(y - 1, m, Math.min(d, daysInMonth(y - 1, m)));
  }
  return date;
}
