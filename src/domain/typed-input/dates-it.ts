// Italian phrases chrono-node's Italian locale does not read, or reads wrongly (checked with chrono-node
// 2.10.3): the ends and starts of periods ("fine del mese", "fine mese", "entro fine mese", "fine
// trimestre"), "settimana prossima" without its article, the ends of named months ("fine dicembre", which
// chrono reads as 1 December of next year) and the idioms "fra otto giorni" (a week) and "fra quindici
// giorni" (two weeks).
import type { Parser } from 'chrono-node';
import type { LocalDate } from '../local-date.ts';
import type { PeriodUnit } from './calendar.ts';
import { namedMonthEdge, periodEdge, shiftDate } from './calendar.ts';
import { alternation, lookup, phraseParser, words } from './chrono-support.ts';

export const IT_MONTHS: Readonly<Record<string, number>> = {
  gennaio: 1,
  gen: 1,
  febbraio: 2,
  feb: 2,
  marzo: 3,
  mar: 3,
  aprile: 4,
  apr: 4,
  maggio: 5,
  mag: 5,
  giugno: 6,
  giu: 6,
  luglio: 7,
  lug: 7,
  agosto: 8,
  ago: 8,
  settembre: 9,
  set: 9,
  ottobre: 10,
  ott: 10,
  novembre: 11,
  nov: 11,
  dicembre: 12,
  dic: 12,
};

const UNITS: Readonly<Record<string, PeriodUnit>> = {
  settimana: 'week',
  mese: 'month',
  trimestre: 'quarter',
  anno: 'year',
};

const MODIFIER = 'prossim[oa]|successiv[oa]|scors[oa]|passat[oa]|precedente|quest[oa]|corrente|in corso';

/** prossimo/a, successivo/a → +1; scorso/a, passato/a, precedente → −1; questo/a, corrente → 0. */
function offsetOf(word: string | undefined): number {
  if (word === undefined) return 0;
  if (/^(prossim[oa]|successiv[oa])$/.test(word)) return 1;
  if (/^(scors[oa]|passat[oa]|precedente)$/.test(word)) return -1;
  return 0;
}

// "entro", "per", "a" and "verso" add nothing to the date: the period's end is the due date.
const LEAD = "(?:(?:entro|per|a|verso)\\s+)?(?:la\\s+|il\\s+|l')?";

export const IT_PARSERS: readonly Parser[] = [
  // fine del mese, fine mese, entro fine mese, fine settimana, fine dell'anno, fine del mese prossimo
  phraseParser(
    words(
      `${LEAD}(fine|inizio)\\s+(?:(?:del|della|dello|dell'|di|d')\\s*)?(?:(${MODIFIER})\\s+)?(settimana|mese|trimestre|anno)(?:\\s+(${MODIFIER}))?`,
    ),
    (match, today) => {
      const unit = lookup(UNITS, match[3]);
      if (!unit) return undefined;
      return periodEdge(match[1] === 'fine' ? 'end' : 'start', unit, offsetOf(match[2]) + offsetOf(match[4]), today);
    },
  ),
  // fine dicembre, inizio gennaio, metà marzo, fine dicembre 2027
  phraseParser(
    words(`${LEAD}(fine|inizio|metà|meta)\\s+(?:(?:di|del|d')\\s*)?(${alternation(IT_MONTHS)})\\.?(?:\\s+(\\d{4}))?`),
    (match, today, prefer) => {
      const month = lookup(IT_MONTHS, match[2]);
      if (month === undefined) return undefined;
      const edge = match[1] === 'fine' ? 'end' : match[1] === 'inizio' ? 'start' : 'middle';
      return namedMonthEdge(edge, month, match[3] === undefined ? undefined : Number(match[3]), today, prefer);
    },
  ),
  // settimana prossima, mese prossimo, l'anno scorso, la prossima settimana
  phraseParser(words(`(?:la\\s+|il\\s+|l')?(settimana|mese|anno)\\s+(${MODIFIER})`), (match, today) =>
    shiftFor(match[1], offsetOf(match[2]), today),
  ),
  phraseParser(words(`(?:la\\s+|il\\s+|l')?(${MODIFIER})\\s+(settimana|mese|anno)`), (match, today) =>
    shiftFor(match[2], offsetOf(match[1]), today),
  ),
  // "fra otto giorni" is a week, "fra quindici giorni" two weeks (the figures "8 giorni" stay literal)
  phraseParser(words('(?:fra|tra)\\s+(otto|quindici)\\s+giorni'), (match, today) =>
    shiftDate(today, match[1] === 'otto' ? 1 : 2, 'week'),
  ),
];

function shiftFor(unitWord: string | undefined, offset: number, today: LocalDate): LocalDate | undefined {
  const unit = lookup(UNITS, unitWord);
  if (unit === undefined || unit === 'quarter' || offset === 0) return undefined;
  return shiftDate(today, offset, unit);
}
