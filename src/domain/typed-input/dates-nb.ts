// Norwegian Bokmål dates. chrono-node has no Norwegian at all (its issue has been open since 2023), so the
// reader is an English chrono with these parsers added: relative days ("i dag", "i morgen", "i
// overmorgen"), weekdays ("fredag", "på fredag", "neste fredag", "forrige mandag"), "om 3 dager/uker/
// måneder", "for 2 uker siden", period ends ("slutten av måneden", "innen utgangen av kvartalet"), "neste
// uke/måned", and dates with month names ("15. januar", "1. mars 2027", "slutten av desember").
//
// Readings chosen: "neste fredag" is the Friday of next week (Monday–Sunday), as chrono reads "next friday",
// "vendredi prochain" and "下周五"; "på fredag" and a bare "fredag" are the coming Friday (today on a Friday),
// or the last one when the reader wants a past date; "neste uke" is a week from today, as "next week".
import type { Parser } from 'chrono-node';
import type { PeriodUnit, ShiftUnit } from './calendar.ts';
import {
  namedMonthEdge,
  nearestWeekday,
  periodEdge,
  shiftDate,
  validDate,
  weekdayOfWeek,
  yearless,
} from './calendar.ts';
import { alternation, countOf, lookup, phraseParser, words } from './chrono-support.ts';

export const NB_WEEKDAYS: Readonly<Record<string, number>> = {
  mandag: 1,
  man: 1,
  tirsdag: 2,
  tir: 2,
  onsdag: 3,
  ons: 3,
  torsdag: 4,
  tor: 4,
  fredag: 5,
  fre: 5,
  lørdag: 6,
  lør: 6,
  søndag: 7,
  søn: 7,
};

export const NB_MONTHS: Readonly<Record<string, number>> = {
  januar: 1,
  jan: 1,
  februar: 2,
  feb: 2,
  mars: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mai: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  desember: 12,
  des: 12,
};

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  en: 1,
  ei: 1,
  ett: 1,
  to: 2,
  tre: 3,
  fire: 4,
  fem: 5,
  seks: 6,
  sju: 7,
  syv: 7,
  åtte: 8,
  ni: 9,
  ti: 10,
  elleve: 11,
  tolv: 12,
  femten: 15,
  tjue: 20,
  tretti: 30,
};

const SHIFT_UNITS: Readonly<Record<string, ShiftUnit>> = {
  dag: 'day',
  dager: 'day',
  døgn: 'day',
  uke: 'week',
  uker: 'week',
  uka: 'week',
  uken: 'week',
  måned: 'month',
  måneder: 'month',
  måneden: 'month',
  mnd: 'month',
  år: 'year',
  året: 'year',
};

const PERIOD_UNITS: Readonly<Record<string, PeriodUnit>> = {
  uke: 'week',
  uka: 'week',
  uken: 'week',
  måned: 'month',
  måneden: 'month',
  kvartal: 'quarter',
  kvartalet: 'quarter',
  år: 'year',
  året: 'year',
};

const RELATIVE_DAYS: Readonly<Record<string, number>> = {
  'i dag': 0,
  idag: 0,
  'i morgen': 1,
  imorgen: 1,
  'i overmorgen': 2,
  overmorgen: 2,
  'i går': -1,
  igår: -1,
  'i forgårs': -2,
  forgårs: -2,
};

/** neste, kommende → +1; forrige, sist, siste → −1; denne, dette, inneværende → 0. */
function offsetOf(word: string | undefined): number {
  if (word === undefined) return 0;
  if (/^(neste|kommende)$/.test(word)) return 1;
  if (/^(forrige|sist|siste)$/.test(word)) return -1;
  return 0;
}

const NUMBER = `\\d{1,4}|${alternation(NUMBER_WORDS)}`;
const WEEKDAY = alternation(NB_WEEKDAYS);
const MONTH = alternation(NB_MONTHS);

export const NB_PARSERS: readonly Parser[] = [
  // i dag, i morgen, i overmorgen, i går, i forgårs
  phraseParser(words(alternation(RELATIVE_DAYS).replace(/ /g, '\\s+')), (match, today) => {
    const days = lookup(RELATIVE_DAYS, match[0]?.replace(/\s+/g, ' '));
    return days === undefined ? undefined : shiftDate(today, days, 'day');
  }),
  // fredag, på fredag, neste fredag, forrige mandag, denne fredagen, fredag neste uke
  phraseParser(
    words(
      `(?:(neste|kommende|forrige|sist|siste|denne|på)\\s+)?(${WEEKDAY})(?:en)?\\.?(?:\\s+(neste|forrige|denne)\\s+(?:uke|uka))?`,
    ),
    (match, today, prefer) => {
      const weekday = lookup(NB_WEEKDAYS, match[2]);
      if (weekday === undefined) return undefined;
      if (match[3] !== undefined) return weekdayOfWeek(weekday, offsetOf(match[3]), today);
      if (match[1] === undefined || match[1] === 'på') return nearestWeekday(weekday, today, prefer);
      if (match[1] === 'denne') return weekdayOfWeek(weekday, 0, today);
      if (match[1] === 'kommende') return nearestWeekday(weekday, shiftDate(today, 1, 'day'), 'future');
      return weekdayOfWeek(weekday, offsetOf(match[1]), today);
    },
  ),
  // om 3 dager, om en uke, om to måneder; 3 dager siden, for 2 uker siden
  phraseParser(
    words(
      `(?:(om)\\s+(${NUMBER})\\s+(${alternation(SHIFT_UNITS)})|(?:for\\s+)?(${NUMBER})\\s+(${alternation(SHIFT_UNITS)})\\s+siden)`,
    ),
    (match, today) => {
      const ahead = match[1] === 'om';
      const count = countOf(ahead ? match[2] : match[4], NUMBER_WORDS);
      const unit = lookup(SHIFT_UNITS, ahead ? match[3] : match[5]);
      if (count === undefined || unit === undefined) return undefined;
      return shiftDate(today, ahead ? count : -count, unit);
    },
  ),
  // slutten av måneden, i slutten av uka, innen utgangen av kvartalet, starten av neste måned, slutten av året
  phraseParser(
    words(
      `(?:(?:innen|til|i|ved|mot)\\s+)?(slutten|utgangen|starten|begynnelsen)\\s+(?:av|på)\\s+(?:(neste|forrige|denne|dette)\\s+)?(${alternation(PERIOD_UNITS)})(?:\\s+(neste|forrige))?`,
    ),
    (match, today) => {
      const unit = lookup(PERIOD_UNITS, match[3]);
      if (unit === undefined) return undefined;
      const edge = match[1] === 'slutten' || match[1] === 'utgangen' ? 'end' : 'start';
      return periodEdge(edge, unit, offsetOf(match[2]) + offsetOf(match[4]), today);
    },
  ),
  // månedsslutt, årsslutt, kvartalsslutt
  phraseParser(words('(?:(?:innen|til|ved)\\s+)?(måneds|kvartals|års)slutt(?:et)?'), (match, today) => {
    const unit = match[1] === 'måneds' ? 'month' : match[1] === 'kvartals' ? 'quarter' : 'year';
    return periodEdge('end', unit, 0, today);
  }),
  // slutten av desember, i begynnelsen av mars, midten av april
  phraseParser(
    words(
      `(?:(?:innen|til|i|ved|mot)\\s+)?(slutten|utgangen|starten|begynnelsen|midten)\\s+(?:av|på)\\s+(${MONTH})\\.?(?:\\s+(\\d{4}))?`,
    ),
    (match, today, prefer) => {
      const month = lookup(NB_MONTHS, match[2]);
      if (month === undefined) return undefined;
      const edge =
        match[1] === 'slutten' || match[1] === 'utgangen' ? 'end' : match[1] === 'midten' ? 'middle' : 'start';
      return namedMonthEdge(edge, month, match[3] === undefined ? undefined : Number(match[3]), today, prefer);
    },
  ),
  // neste uke, neste måned, neste år, forrige uke, sist måned
  phraseParser(words(`(neste|forrige|sist)\\s+(uke|uka|måned|år)`), (match, today) => {
    const unit = lookup(SHIFT_UNITS, match[2]);
    return unit === undefined ? undefined : shiftDate(today, offsetOf(match[1]), unit);
  }),
  // 15. januar, 15 jan, den 1. mars 2027
  phraseParser(words(`(?:den\\s+)?(\\d{1,2})\\.?\\s*(${MONTH})\\.?(?:\\s+(\\d{4}))?`), (match, today, prefer) => {
    const day = Number(match[1]);
    const month = lookup(NB_MONTHS, match[2]);
    if (month === undefined) return undefined;
    if (match[3] !== undefined) return validDate(Number(match[3]), month, day);
    return yearless(month, day, today, prefer);
  }),
];
