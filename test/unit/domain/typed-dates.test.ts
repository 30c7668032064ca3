// Phrase tables: dates typed in French, Italian, Norwegian Bokmål and Simplified Chinese, each with the date
// it must give for a fixed moment: Wednesday 2 December 2026 in the person's time zone (ISO weeks: this
// week is Monday 30 November to Sunday 6 December). Every table is read at two instants of that local
// Wednesday, one of them on another UTC date, and with the process in other time zones: only the person's
// zone counts.
//
// Readings chosen deliberately, the same in every language:
// - "next <weekday>" ("vendredi prochain", "venerdì prossimo", "neste fredag", "下周五") is that weekday of
//   next week: on this Wednesday, Friday 11 December, not the Friday two days away (chrono's reading of
//   "next friday", "vendredi prochain" and "下周五"). A bare weekday ("vendredi", "på fredag", "周五") is the
//   coming one, today included; the last one when a past date is wanted.
// - "next week / month / year" ("semaine prochaine", "mese prossimo", "neste uke", "下周", "下个月") is a week,
//   a month or a year from today, as chrono reads "next week" and "la semaine prochaine".
// - "end of the week" ("fin de la semaine", "fine settimana", "slutten av uka", "周末") is the Sunday.
// - French "dans huit jours" is a week and "dans quinze jours" two weeks, as French speakers mean them
//   (Italian "fra otto/quindici giorni" too); written as figures ("dans 8 jours") they are literal.
// - A day and month without a year ("15/01", "15. januar", "1月15日") is the next one for due dates.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { DateOrder } from '../../../src/domain/human-date.ts';
import { parseHumanDate } from '../../../src/domain/human-date.ts';
import { parseIsoDate } from '../../../src/domain/local-date.ts';
import type { InputLanguage } from '../../../src/domain/typed-input/language.ts';
import { INPUT_LANGUAGES } from '../../../src/domain/typed-input/language.ts';

type Row = readonly [text: string, expected: string | undefined];

interface PhraseTable {
  readonly language: InputLanguage;
  readonly timeZone: string;
  readonly dateOrder: DateOrder;
  /** Two instants that are Wednesday 2 December 2026 in `timeZone`; the second is another day in UTC. */
  readonly instants: readonly [string, string];
  readonly rows: readonly Row[];
  /** Phrases read for a past date (a date of change, a closing date). */
  readonly past: readonly Row[];
}

const FRENCH: PhraseTable = {
  language: 'fr',
  timeZone: 'America/Toronto',
  dateOrder: 'DMY',
  // 10:00 in Toronto; 21:30 in Toronto is already 3 December in UTC.
  instants: ['2026-12-02T15:00:00Z', '2026-12-03T02:30:00Z'],
  rows: [
    ["aujourd'hui", '2026-12-02'],
    ['demain', '2026-12-03'],
    ['après-demain', '2026-12-04'],
    ['hier', '2026-12-01'],
    ['vendredi', '2026-12-04'],
    ['Vendredi', '2026-12-04'],
    ['mercredi', '2026-12-02'],
    ['lundi', '2026-12-07'],
    ["d'ici vendredi", '2026-12-04'],
    ['vendredi prochain', '2026-12-11'],
    ['jeudi prochain', '2026-12-10'],
    ['vendredi dernier', '2026-11-27'],
    ['dans 3 jours', '2026-12-05'],
    ['dans 3 semaines', '2026-12-23'],
    ['dans trois semaines', '2026-12-23'],
    ['dans 2 mois', '2027-02-02'],
    ['dans 8 jours', '2026-12-10'],
    ['dans huit jours', '2026-12-09'],
    ['dans quinze jours', '2026-12-16'],
    ['il y a 3 jours', '2026-11-29'],
    ['la semaine prochaine', '2026-12-09'],
    ['semaine prochaine', '2026-12-09'],
    ['le mois prochain', '2027-01-02'],
    ['mois prochain', '2027-01-02'],
    ["l'année prochaine", '2027-12-02'],
    ['fin du mois', '2026-12-31'],
    ['Fin du mois.', '2026-12-31'],
    ["d'ici la fin du mois", '2026-12-31'],
    ['d’ici la fin du mois', '2026-12-31'],
    ['fin de mois', '2026-12-31'],
    ['fin du mois prochain', '2027-01-31'],
    ['fin de la semaine', '2026-12-06'],
    ['fin de la semaine prochaine', '2026-12-13'],
    ['fin du trimestre', '2026-12-31'],
    ['fin du trimestre prochain', '2027-03-31'],
    ["fin de l'année", '2026-12-31'],
    ["fin d'année", '2026-12-31'],
    ["fin de l'année prochaine", '2027-12-31'],
    ['début du mois prochain', '2027-01-01'],
    ['fin janvier', '2027-01-31'],
    ['mi-janvier', '2027-01-15'],
    ['fin décembre', '2026-12-31'],
    ['15/01', '2027-01-15'],
    ['15/01/2027', '2027-01-15'],
    ['15 janvier', '2027-01-15'],
    ['le 15 janvier', '2027-01-15'],
    ['1er mars 2027', '2027-03-01'],
    ['2027-01-15', '2027-01-15'],
    // English works in every language.
    ['next friday', '2026-12-11'],
    ['end of month', '2026-12-31'],
    // Not a date, or not only one.
    ['fin du bazar', undefined],
    ['vendredi ou lundi', undefined],
    ['demain peut-être', undefined],
  ],
  past: [
    ['vendredi', '2026-11-27'],
    ['mercredi', '2026-12-02'],
    ['15 janvier', '2026-01-15'],
    ['15/01', '2026-01-15'],
    ['hier', '2026-12-01'],
    ['début du mois', '2026-12-01'],
  ],
};

const ITALIAN: PhraseTable = {
  language: 'it',
  timeZone: 'Europe/Rome',
  dateOrder: 'DMY',
  // 10:00 in Rome; 00:30 in Rome is still 1 December in UTC.
  instants: ['2026-12-02T09:00:00Z', '2026-12-01T23:30:00Z'],
  rows: [
    ['oggi', '2026-12-02'],
    ['domani', '2026-12-03'],
    ['dopodomani', '2026-12-04'],
    ['ieri', '2026-12-01'],
    ['venerdì', '2026-12-04'],
    ['venerdi', '2026-12-04'],
    ['lunedì', '2026-12-07'],
    ['entro venerdì', '2026-12-04'],
    ['venerdì prossimo', '2026-12-11'],
    ['prossimo venerdì', '2026-12-11'],
    ['venerdì scorso', '2026-11-27'],
    ['fra 3 giorni', '2026-12-05'],
    ['tra 3 settimane', '2026-12-23'],
    ['fra tre settimane', '2026-12-23'],
    ['fra 3 settimane', '2026-12-23'],
    ['fra 2 mesi', '2027-02-02'],
    ['fra otto giorni', '2026-12-09'],
    ['fra quindici giorni', '2026-12-16'],
    ['3 giorni fa', '2026-11-29'],
    ['la settimana prossima', '2026-12-09'],
    ['settimana prossima', '2026-12-09'],
    ['il mese prossimo', '2027-01-02'],
    ['mese prossimo', '2027-01-02'],
    ["l'anno prossimo", '2027-12-02'],
    ['fine del mese', '2026-12-31'],
    ['fine mese', '2026-12-31'],
    ['entro fine mese', '2026-12-31'],
    ['entro la fine del mese', '2026-12-31'],
    ['fine del mese prossimo', '2027-01-31'],
    ['fine settimana', '2026-12-06'],
    ['fine della settimana prossima', '2026-12-13'],
    ['fine trimestre', '2026-12-31'],
    ['fine del trimestre prossimo', '2027-03-31'],
    ['fine anno', '2026-12-31'],
    ["fine dell'anno", '2026-12-31'],
    ['inizio del mese prossimo', '2027-01-01'],
    ['fine dicembre', '2026-12-31'],
    ['fine gennaio', '2027-01-31'],
    ['15/01', '2027-01-15'],
    ['15/01/2027', '2027-01-15'],
    ['15 gennaio', '2027-01-15'],
    ['il 15 gennaio', '2027-01-15'],
    ['1 marzo 2027', '2027-03-01'],
    ['next friday', '2026-12-11'],
    ['fine del caffè', undefined],
    ['domani forse', undefined],
  ],
  past: [
    ['venerdì', '2026-11-27'],
    ['15 gennaio', '2026-01-15'],
    ['inizio mese', '2026-12-01'],
  ],
};

const NORWEGIAN: PhraseTable = {
  language: 'nb',
  timeZone: 'Europe/Oslo',
  dateOrder: 'DMY',
  instants: ['2026-12-02T09:00:00Z', '2026-12-01T23:30:00Z'],
  rows: [
    ['i dag', '2026-12-02'],
    ['i morgen', '2026-12-03'],
    ['imorgen', '2026-12-03'],
    ['i overmorgen', '2026-12-04'],
    ['i går', '2026-12-01'],
    ['fredag', '2026-12-04'],
    ['Fredag', '2026-12-04'],
    ['på fredag', '2026-12-04'],
    ['onsdag', '2026-12-02'],
    ['mandag', '2026-12-07'],
    ['innen fredag', '2026-12-04'],
    ['neste fredag', '2026-12-11'],
    ['neste torsdag', '2026-12-10'],
    ['fredag neste uke', '2026-12-11'],
    ['forrige fredag', '2026-11-27'],
    ['om 3 dager', '2026-12-05'],
    ['om 3 uker', '2026-12-23'],
    ['om tre uker', '2026-12-23'],
    ['om en uke', '2026-12-09'],
    ['om 2 måneder', '2027-02-02'],
    ['om ett år', '2027-12-02'],
    ['3 dager siden', '2026-11-29'],
    ['for 2 uker siden', '2026-11-18'],
    ['neste uke', '2026-12-09'],
    ['neste måned', '2027-01-02'],
    ['neste år', '2027-12-02'],
    ['slutten av måneden', '2026-12-31'],
    ['i slutten av måneden', '2026-12-31'],
    ['innen utgangen av måneden', '2026-12-31'],
    ['slutten av neste måned', '2027-01-31'],
    ['slutten av uka', '2026-12-06'],
    ['slutten av uken', '2026-12-06'],
    ['slutten av neste uke', '2026-12-13'],
    ['slutten av kvartalet', '2026-12-31'],
    ['slutten av neste kvartal', '2027-03-31'],
    ['slutten av året', '2026-12-31'],
    ['månedsslutt', '2026-12-31'],
    ['starten av neste måned', '2027-01-01'],
    ['slutten av januar', '2027-01-31'],
    ['15.01', '2027-01-15'],
    ['15.01.2027', '2027-01-15'],
    ['15. januar', '2027-01-15'],
    ['15 jan', '2027-01-15'],
    ['den 1. mars 2027', '2027-03-01'],
    ['next friday', '2026-12-11'],
    ['slutten av festen', undefined],
    ['i morgen kanskje', undefined],
  ],
  past: [
    ['fredag', '2026-11-27'],
    ['på fredag', '2026-11-27'],
    ['15. januar', '2026-01-15'],
    ['i går', '2026-12-01'],
    ['starten av måneden', '2026-12-01'],
  ],
};

const CHINESE: PhraseTable = {
  language: 'zh',
  timeZone: 'Asia/Shanghai',
  dateOrder: 'YMD',
  // 10:00 in Shanghai; 07:00 in Shanghai is still 1 December in UTC.
  instants: ['2026-12-02T02:00:00Z', '2026-12-01T23:00:00Z'],
  rows: [
    ['今天', '2026-12-02'],
    ['明天', '2026-12-03'],
    ['后天', '2026-12-04'],
    ['大后天', '2026-12-05'],
    ['昨天', '2026-12-01'],
    ['前天', '2026-11-30'],
    ['周五', '2026-12-04'],
    ['星期五', '2026-12-04'],
    ['礼拜五', '2026-12-04'],
    ['周三', '2026-12-02'],
    ['下周五', '2026-12-11'],
    ['下星期五', '2026-12-11'],
    ['下周一', '2026-12-07'],
    ['上周五', '2026-11-27'],
    ['本周五', '2026-12-04'],
    ['这周五', '2026-12-04'],
    ['3天后', '2026-12-05'],
    ['三天后', '2026-12-05'],
    ['3周后', '2026-12-23'],
    ['三周后', '2026-12-23'],
    ['两周后', '2026-12-16'],
    ['3个星期后', '2026-12-23'],
    ['2个月后', '2027-02-02'],
    ['一年后', '2027-12-02'],
    ['一周内', '2026-12-09'],
    ['3天前', '2026-11-29'],
    ['下周', '2026-12-09'],
    ['下个月', '2027-01-02'],
    ['明年', '2027-12-02'],
    ['月底', '2026-12-31'],
    ['本月底', '2026-12-31'],
    ['月底前', '2026-12-31'],
    ['下个月底', '2027-01-31'],
    ['下个月初', '2027-01-01'],
    ['周末', '2026-12-06'],
    ['下周末', '2026-12-13'],
    ['季度末', '2026-12-31'],
    ['下季度末', '2027-03-31'],
    ['年底', '2026-12-31'],
    ['明年年底', '2027-12-31'],
    ['1月15日', '2027-01-15'],
    ['2027年1月15日', '2027-01-15'],
    ['15号', '2026-12-15'],
    ['1/15', '2027-01-15'],
    ['2027-01-15', '2027-01-15'],
    ['2027/1/15', '2027-01-15'],
    // Traditional characters of the same words.
    ['下週五', '2026-12-11'],
    ['3週後', '2026-12-23'],
    ['next friday', '2026-12-11'],
    ['月亮', undefined],
    ['明天吧', undefined],
  ],
  past: [
    ['周五', '2026-11-27'],
    ['1月15日', '2026-01-15'],
    ['15号', '2026-11-15'],
    ['月初', '2026-12-01'],
  ],
};

// English stays as it was; here only to show that it too is read in the person's zone, whatever the process's.
const ENGLISH: PhraseTable = {
  language: 'en',
  timeZone: 'Pacific/Auckland',
  dateOrder: 'DMY',
  // 10:00 in Auckland is still 1 December in UTC; 23:00 is 2 December in UTC too.
  instants: ['2026-12-01T21:00:00Z', '2026-12-02T10:00:00Z'],
  rows: [
    ['today', '2026-12-02'],
    ['tomorrow', '2026-12-03'],
    ['yesterday', '2026-12-01'],
    ['friday', '2026-12-04'],
    ['next friday', '2026-12-11'],
    ['in 3 weeks', '2026-12-23'],
    ['next week', '2026-12-09'],
    ['next month', '2027-01-02'],
    ['end of month', '2026-12-31'],
    ['end of next quarter', '2027-03-31'],
    ['eoy', '2026-12-31'],
    ['Jan 15', '2027-01-15'],
    ['15/01', '2027-01-15'],
    ['vendredi', undefined],
  ],
  past: [
    ['friday', '2026-11-27'],
    ['Jan 15', '2026-01-15'],
  ],
};

const TABLES = [FRENCH, ITALIAN, NORWEGIAN, CHINESE];

function read(table: PhraseTable, instant: string, text: string, prefer: 'future' | 'past' = 'future') {
  return parseHumanDate(text, {
    now: new Date(instant),
    timeZone: table.timeZone,
    dateOrder: table.dateOrder,
    language: table.language,
    prefer,
  });
}

it.each(TABLES)('the $language table has at least 30 phrases', (table) => {
  expect(table.rows.filter(([, expected]) => expected !== undefined).length).toBeGreaterThanOrEqual(30);
});

describe.each([...TABLES, ENGLISH])('dates typed in $language ($timeZone), on Wednesday 2 December 2026', (table) => {
  for (const instant of table.instants) {
    it.each(table.rows)(`at ${instant}: %s → %s`, (text, expected) => {
      expect(read(table, instant, text)).toBe(expected);
    });
    it.each(table.past)(`at ${instant}, for a past date: %s → %s`, (text, expected) => {
      expect(read(table, instant, text, 'past')).toBe(expected);
    });
  }
});

describe('the process’s own time zone plays no part', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it.each(['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Kolkata'])('with the process in %s', (zone) => {
    process.env.TZ = zone;
    for (const table of [...TABLES, ENGLISH]) {
      for (const instant of table.instants) {
        expect(table.rows.map(([text]) => read(table, instant, text))).toEqual(table.rows.map(([, date]) => date));
        expect(table.past.map(([text]) => read(table, instant, text, 'past'))).toEqual(table.past.map(([, d]) => d));
      }
    }
  });
});

describe('the readers never throw and answer only real dates', () => {
  it('on arbitrary text and on fragments of every table, in every language', () => {
    const fragments = [...TABLES, ENGLISH].flatMap((table) => table.rows.map(([text]) => text));
    const text = fc.oneof(
      fc.string({ maxLength: 40, unit: 'grapheme' }),
      fc
        .array(fc.constantFrom(...fragments, '9999', '-3', '0', '31', 'om', 'dans', '后', '个'), { maxLength: 4 })
        .map((parts) => parts.join(' ')),
      fc
        .tuple(
          fc.constantFrom('om ', 'for ', 'dans ', 'fra ', ''),
          fc.integer({ min: 0, max: 99999 }),
          fc.constantFrom(' år', ' uker siden', ' ans', ' anni', '年后', '周前', '号'),
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(
        text,
        fc.constantFrom(...INPUT_LANGUAGES),
        fc.constantFrom('future', 'past'),
        (typed, language, prefer) => {
          const date = parseHumanDate(typed, {
            now: new Date('2026-12-02T09:00:00Z'),
            timeZone: 'Europe/Oslo',
            dateOrder: 'DMY',
            language,
            prefer,
          });
          if (date !== undefined) expect(parseIsoDate(date)).toBe(date);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
