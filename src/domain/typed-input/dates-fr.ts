// French phrases chrono-node's French locale does not read (checked with chrono-node 2.10.3): the ends and
// starts of periods ("fin du mois", "d'ici la fin du trimestre"), "semaine prochaine" without its article,
// "après-demain", the ends of named months ("fin janvier") and the idioms "dans huit jours" (a week) and
// "dans quinze jours" (two weeks).
import type { Parser } from 'chrono-node';
import type { LocalDate } from '../local-date.ts';
import type { PeriodUnit } from './calendar.ts';
import { namedMonthEdge, periodEdge, shiftDate } from './calendar.ts';
import { alternation, lookup, phraseParser, words } from './chrono-support.ts';

export const FR_MONTHS: Readonly<Record<string, number>> = {
  janvier: 1,
  janv: 1,
  février: 2,
  fevrier: 2,
  févr: 2,
  fevr: 2,
  mars: 3,
  avril: 4,
  avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  juil: 7,
  août: 8,
  aout: 8,
  septembre: 9,
  sept: 9,
  octobre: 10,
  oct: 10,
  novembre: 11,
  nov: 11,
  décembre: 12,
  decembre: 12,
  déc: 12,
  dec: 12,
};

const UNITS: Readonly<Record<string, PeriodUnit>> = {
  semaine: 'week',
  mois: 'month',
  trimestre: 'quarter',
  année: 'year',
  annee: 'year',
  an: 'year',
};

/** prochain(e), suivant(e) → +1; dernier/dernière, passé(e), précédent(e) → −1; ce, en cours → 0. */
function offsetOf(word: string | undefined): number {
  if (word === undefined) return 0;
  if (/^(prochaine?|suivante?)$/.test(word)) return 1;
  if (/^(derni[eè]re?|pass[ée]e?|pr[ée]c[ée]dente?)$/.test(word)) return -1;
  return 0;
}

const MODIFIER = 'prochaine?|suivante?|derni[eè]re?|pass[ée]e?|pr[ée]c[ée]dente?|en cours|courante?';
// "d'ici", "avant", "pour" and "vers" add nothing to the date: the period's end is the due date.
const LEAD = "(?:(?:d'ici|avant|pour|vers|à)\\s+)?(?:la\\s+|le\\s+|l')?";

export const FR_PARSERS: readonly Parser[] = [
  // fin du mois, fin de mois, d'ici la fin de la semaine, fin du trimestre prochain, début de l'année
  phraseParser(
    words(
      `${LEAD}(fin|début|debut)\\s+(?:du\\s+|de\\s+la\\s+|de\\s+l'|de\\s+|d')(?:(?:ce|cette)\\s+)?(?:(prochaine?)\\s+)?(semaine|mois|trimestre|année|annee|an)(?:\\s+(${MODIFIER}))?`,
    ),
    (match, today) => {
      const unit = lookup(UNITS, match[3]);
      if (!unit) return undefined;
      const edge = match[1] === 'fin' ? 'end' : 'start';
      return periodEdge(edge, unit, offsetOf(match[2]) + offsetOf(match[4]), today);
    },
  ),
  // fin janvier, début mars, mi-avril, fin décembre 2027
  phraseParser(
    words(`${LEAD}(fin|début|debut|mi)(?:\\s+|-)(?:de\\s+|d')?(${alternation(FR_MONTHS)})\\.?(?:\\s+(\\d{4}))?`),
    (match, today, prefer) => {
      const month = lookup(FR_MONTHS, match[2]);
      if (month === undefined) return undefined;
      const edge = match[1] === 'fin' ? 'end' : match[1] === 'mi' ? 'middle' : 'start';
      return namedMonthEdge(edge, month, match[3] === undefined ? undefined : Number(match[3]), today, prefer);
    },
  ),
  // semaine prochaine, mois prochain, l'année dernière, le mois prochain, la prochaine semaine
  phraseParser(words(`(?:la\\s+|le\\s+|l')?(semaine|mois|année|annee|an)\\s+(${MODIFIER})`), (match, today) =>
    shiftFor(match[1], offsetOf(match[2]), today),
  ),
  phraseParser(words(`(?:la\\s+|le\\s+|l')?(prochaine?)\\s+(semaine|mois|année|annee)`), (match, today) =>
    shiftFor(match[2], 1, today),
  ),
  // après-demain, avant-hier
  phraseParser(words('(après|apres|avant)[- ](demain|hier)'), (match, today) =>
    shiftDate(today, match[2] === 'demain' ? 2 : -2, 'day'),
  ),
  // "dans huit jours" is a week, "dans quinze jours" two weeks (the figures "8 jours" stay literal)
  phraseParser(words("(?:dans|d'ici)\\s+(huit|quinze)\\s+jours"), (match, today) =>
    shiftDate(today, match[1] === 'huit' ? 1 : 2, 'week'),
  ),
];

function shiftFor(unitWord: string | undefined, offset: number, today: LocalDate): LocalDate | undefined {
  const unit = lookup(UNITS, unitWord);
  if (unit === undefined || unit === 'quarter' || offset === 0) return undefined;
  return shiftDate(today, offset, unit);
}
