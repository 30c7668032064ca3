// Dates as people type them ("next friday", "end of quarter", "15/12/2026", "fin du mois", "下周五"), read
// relative to the user's today in the user's time zone, in the user's language (English words work in every
// language). Pure: the instant `now` is passed in, the clock is never read.
//
// Order of attempts:
//   1. numeric dates (2026-12-15, 15/12/2026, 12/15, 15.12.26) read by us, in the user's date order;
//   2. English period boundaries chrono does not know: "end of quarter", "start of next month", "eom", …;
//   3. a bare weekday ("friday", "vendredi", "fredag", "周五"): the next one (or today) for future dates, the
//      last one for past dates;
//   4. anything else through chrono-node in the user's language (chrono's locale with our parsers for what it
//      misses: see ./typed-input/), then in English; accepted only when chrono's single match covers the
//      whole text (apart from filler words such as "on", "by", "d'ici", "entro", "på").
import type * as chrono from 'chrono-node';
import type { LocalDate } from './local-date.ts';
import { dateInZone, daysInMonth, toEpochDay } from './local-date.ts';
import type { Prefer } from './typed-input/calendar.ts';
import { nearestWeekday, periodEdge, validDate, yearless } from './typed-input/calendar.ts';
import type { DateLanguage } from './typed-input/date-languages.ts';
import { DATE_LANGUAGES } from './typed-input/date-languages.ts';
import type { InputLanguage } from './typed-input/language.ts';
import { localNoonEpochMs } from './typed-input/zone-offset.ts';

export type DateOrder = 'DMY' | 'MDY' | 'YMD';

/** What the caller knows about the user: the current instant, their IANA time zone, date order and language. */
export interface DateContext {
  readonly now: Date;
  readonly timeZone: string;
  readonly dateOrder: DateOrder;
  /** The language dates are typed in; English when not given. */
  readonly language?: InputLanguage;
}

export interface HumanDateOptions extends DateContext {
  /**
   * Which way to resolve a date that does not say (a bare weekday, "Dec 15", "15/12"): `future` (default)
   * for due dates such as a close date, `past` for dates of change and closing dates.
   */
  readonly prefer?: Prefer;
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
const ENGLISH = DATE_LANGUAGES.en;

/** Parses a date the user typed; undefined when it is not (entirely) a date. Never throws for any text. */
export function parseHumanDate(text: string, options: HumanDateOptions): LocalDate | undefined {
  const today = dateInZone(options.now, options.timeZone);
  const prefer = options.prefer ?? 'future';
  const language = DATE_LANGUAGES[options.language ?? 'en'];
  let t = language.normalize(
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[.!,;\u3002\uff01\uff0c\uff1b]+$/, '')
      .trim(),
  );
  if (t === '' || t.length > MAX_DATE_TEXT) return undefined;
  t = withoutLeadingFillers(t, language);
  t = (Object.hasOwn(ABBREVIATIONS, t) ? ABBREVIATIONS[t] : undefined) ?? t;

  if (NUMERIC.test(t)) return numericDate(t, today, options.dateOrder, prefer);
  const period = PERIOD.exec(t);
  if (period) return periodBoundary(period[1] ?? '', period[2], period[3] ?? '', today);
  const weekday = weekdayNamed(t, language);
  if (weekday !== undefined) return nearestWeekday(weekday, today, prefer);
  const reference = noonReference(today, options.timeZone);
  const date = chronoDate(t, today, prefer, reference, language);
  if (date !== undefined || language === ENGLISH) return date;
  return chronoDate(t, today, prefer, reference, ENGLISH);
}

/** "by friday" → "friday", "d'ici vendredi" → "vendredi", "entro il 15 gennaio" → "15 gennaio". */
function withoutLeadingFillers(text: string, language: DateLanguage): string {
  let t = text;
  for (;;) {
    const space = t.indexOf(' ');
    const first = space < 0 ? '' : t.slice(0, space);
    if (!ENGLISH.fillers.has(first) && !language.fillers.has(first)) return t;
    t = t.slice(space + 1);
  }
}

function weekdayNamed(text: string, language: DateLanguage): number | undefined {
  for (const table of [language.weekdays, ENGLISH.weekdays]) {
    if (Object.hasOwn(table, text)) return table[text];
  }
  return undefined;
}

/**
 * Noon of the user's today, with their zone's offset (chrono ignores an IANA zone name given as the
 * reference's zone, and takes an offset in minutes). Noon, not the present moment: chrono moves a date it
 * finds earlier than the reference (a weekday, "15 January") a week or a year ahead, and a date typed in
 * the afternoon must still mean today.
 */
function noonReference(today: LocalDate, timeZone: string): chrono.ParsingReference {
  const noon = localNoonEpochMs(toEpochDay(today), timeZone);
  // eslint-disable-next-line no-restricted-globals -- an instant computed from the injected `now`; no clock read
  return { instant: new Date(noon.epochMs), timezone: noon.offsetMinutes };
}

function numericDate(t: string, today: LocalDate, order: DateOrder, prefer: Prefer): LocalDate | undefined {
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
  return year === undefined ? undefined : validDate(year, month, day);
}

function toYear(text: string): number | undefined {
  if (text.length === 4) return Number(text);
  if (text.length === 2) return 2000 + Number(text);
  return undefined;
}

function periodBoundary(edge: string, modifier: string | undefined, unit: string, today: LocalDate): LocalDate {
  const offset = modifier === 'next' ? 1 : modifier === 'last' || modifier === 'previous' ? -1 : 0;
  const end = edge === 'end' || edge.startsWith('last');
  const periodUnit = unit === 'week' || unit === 'month' || unit === 'quarter' ? unit : 'year';
  return periodEdge(end ? 'end' : 'start', periodUnit, offset, today);
}

function chronoDate(
  t: string,
  today: LocalDate,
  prefer: Prefer,
  reference: chrono.ParsingReference,
  language: DateLanguage,
): LocalDate | undefined {
  const looksBack = language.backward.test(t) || ENGLISH.backward.test(t);
  let results: chrono.ParsedResult[];
  try {
    results = language.reader.parse(t, reference, { forwardDate: prefer === 'future' && !looksBack });
  } catch {
    return undefined;
  }
  const [result] = results;
  if (!result || results.length !== 1 || result.end) return undefined;
  const leftover = `${t.slice(0, result.index)} ${t.slice(result.index + result.text.length)}`
    .split(/[\s,]+/)
    .filter((word) => word !== '');
  if (!leftover.every((word) => language.fillers.has(word) || ENGLISH.fillers.has(word))) return undefined;
  const start = result.start;
  const y = start.get('year');
  const m = start.get('month');
  const d = start.get('day');
  if (y === null || m === null || d === null) return undefined;
  const date = validDate(y, m, d);
  if (!date) return undefined;
  const looksAhead = language.forward.test(t) || ENGLISH.forward.test(t);
  if (prefer === 'past' && date > today && !start.isCertain('year') && start.isCertain('month') && !looksAhead) {
    return validDate(y - 1, m, Math.min(d, daysInMonth(y - 1, m)));
  }
  return date;
}
