// How dates are read in each language: a chrono-node reader (chrono's own locale, cloned, with our
// parsers first so that they win a tie), the bare weekday names, the words that may surround a date
// without changing it, and the words that say a phrase looks back or ahead. English words work in every
// language: the English table is tried after the person's own.
import * as chrono from 'chrono-node';
import { FR_PARSERS } from './dates-fr.ts';
import { IT_PARSERS } from './dates-it.ts';
import { NB_PARSERS } from './dates-nb.ts';
import { simplifiedDateText, ZH_PARSERS } from './dates-zh.ts';
import type { InputLanguage } from './language.ts';

export interface DateLanguage {
  readonly reader: chrono.Chrono;
  /** A weekday typed alone → ISO weekday (1 = Monday … 7 = Sunday). */
  readonly weekdays: Readonly<Record<string, number>>;
  /** Words that may come before or around a date without changing it ("by", "d'ici", "entro", "på"). */
  readonly fillers: ReadonlySet<string>;
  /** The phrase looks back: chrono must not move it forward ("last friday", "vendredi dernier", "上周五"). */
  readonly backward: RegExp;
  /** The phrase looks ahead: a date without a year is not moved back a year for past dates. */
  readonly forward: RegExp;
  /** Text as the reader expects it (lower-cased already). */
  readonly normalize: (text: string) => string;
}

function withParsers(base: chrono.Chrono, parsers: readonly chrono.Parser[]): chrono.Chrono {
  const reader = base.clone();
  reader.parsers.unshift(...parsers);
  return reader;
}

/** Whole words of an alternation, for languages written with spaces (`\b` knows no accented letters). */
function anyWord(source: string): RegExp {
  return new RegExp(`(?<![\\p{L}])(?:${source})(?![\\p{L}])`, 'u');
}

const same = (text: string): string => text;

const ENGLISH_WEEKDAYS: Readonly<Record<string, number>> = {
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

export const DATE_LANGUAGES: Readonly<Record<InputLanguage, DateLanguage>> = {
  en: {
    reader: chrono.en.casual,
    weekdays: ENGLISH_WEEKDAYS,
    fillers: new Set(['on', 'by', 'due']),
    backward: /\b(last|past|ago|previous|yesterday|before)\b/,
    forward: /\b(next|in|from|after|later|tomorrow|coming)\b/,
    normalize: same,
  },
  fr: {
    reader: withParsers(chrono.fr.casual, FR_PARSERS),
    weekdays: { lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6, dimanche: 7 },
    fillers: new Set(['le', 'pour', "d'ici", 'avant', 'vers']),
    backward: anyWord('derni[eè]re?|pass[ée]e?|pr[ée]c[ée]dente?|hier|avant-hier|il y a'),
    forward: anyWord("prochaine?|suivante?|dans|demain|apr[eè]s-demain|d'ici"),
    normalize: same,
  },
  it: {
    reader: withParsers(chrono.it.casual, IT_PARSERS),
    weekdays: {
      lunedì: 1,
      lunedi: 1,
      martedì: 2,
      martedi: 2,
      mercoledì: 3,
      mercoledi: 3,
      giovedì: 4,
      giovedi: 4,
      venerdì: 5,
      venerdi: 5,
      sabato: 6,
      domenica: 7,
    },
    fillers: new Set(['il', 'per', 'entro']),
    backward: anyWord('scors[oa]|passat[oa]|precedente|fa|ieri|altroieri'),
    forward: anyWord('prossim[oa]|successiv[oa]|fra|tra|domani|dopodomani|entro'),
    normalize: same,
  },
  nb: {
    // No Norwegian in chrono: an English reader with Norwegian parsers, so English works as well.
    reader: withParsers(chrono.en.casual, NB_PARSERS),
    weekdays: { mandag: 1, tirsdag: 2, onsdag: 3, torsdag: 4, fredag: 5, lørdag: 6, søndag: 7 },
    fillers: new Set(['på', 'innen', 'til', 'den', 'før']),
    backward: anyWord('forrige|sist|siste|siden|går|forgårs'),
    forward: anyWord('neste|om|morgen|overmorgen|kommende|innen'),
    normalize: same,
  },
  zh: {
    reader: withParsers(chrono.zh.hans.casual, ZH_PARSERS),
    weekdays: {
      周一: 1,
      周二: 2,
      周三: 3,
      周四: 4,
      周五: 5,
      周六: 6,
      周日: 7,
      周天: 7,
      星期一: 1,
      星期二: 2,
      星期三: 3,
      星期四: 4,
      星期五: 5,
      星期六: 6,
      星期日: 7,
      星期天: 7,
      礼拜一: 1,
      礼拜二: 2,
      礼拜三: 3,
      礼拜四: 4,
      礼拜五: 5,
      礼拜六: 6,
      礼拜日: 7,
      礼拜天: 7,
    },
    fillers: new Set(),
    backward: /上|昨|去年|前/u,
    forward: /下|明|后|内/u,
    normalize: simplifiedDateText,
  },
};
