// Business Central date formulas ("2W", "1M+CM", "CM+1D", "-1D", "-CM"), as used by stage
// Date Formulas and activity steps. Terms are applied left to right.
import { DomainError } from './problems.ts';
import { addDays, addMonths, dateParts, daysInMonth, isoWeekday, makeDate, type LocalDate } from './local-date.ts';

export type DateFormulaUnit = 'D' | 'W' | 'M' | 'Q' | 'Y';

export type DateFormulaTerm =
  /** n days/weeks/months/quarters/years forward (negative: back). */
  | { kind: 'offset'; amount: number; unit: DateFormulaUnit }
  /** "C" terms: end of the current period ("CM"), or its start when negated ("-CM"). */
  | { kind: 'current'; unit: DateFormulaUnit; edge: 'start' | 'end' };

export interface DateFormula {
  /** Normalised text: upper case, no blanks, e.g. "1M+CM". "" = no change. */
  readonly text: string;
  readonly terms: readonly DateFormulaTerm[];
}

export const DATE_FORMULA_MAX_LENGTH = 32;
const MAX_AMOUNT = 9999;
const TERM = /^([+-]?)(C?)(\d*)([DWMQY])/;

export const EMPTY_DATE_FORMULA: DateFormula = { text: '', terms: [] };

/** Parses a formula; throws DomainError `bad-date-formula` when it is not one. Case-insensitive. */
export function parseDateFormula(text: string): DateFormula {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  const bad = (): never => {
    throw new DomainError({ kind: 'bad-date-formula', text });
  };
  if (compact.length > DATE_FORMULA_MAX_LENGTH) bad();
  const terms: DateFormulaTerm[] = [];
  let rest = compact;
  while (rest.length > 0) {
    const match = TERM.exec(rest);
    if (!match) return bad();
    const [whole, sign = '', current = '', digits = '', unitText = ''] = match;
    const unit = unitText as DateFormulaUnit;
    // After the first term every term needs its own sign ("1M+CM", not "1MCM").
    if (terms.length > 0 && sign === '') bad();
    if (current === 'C') {
      if (digits !== '') bad();
      terms.push({ kind: 'current', unit, edge: sign === '-' ? 'start' : 'end' });
    } else {
      if (digits === '') bad();
      const amount = Number(digits);
      if (amount > MAX_AMOUNT) bad();
      terms.push({ kind: 'offset', amount: sign === '-' ? -amount : amount, unit });
    }
    rest = rest.slice(whole.length);
  }
  return { text: terms.map(formatTerm).join(''), terms };
}

export function isValidDateFormula(text: string): boolean {
  try {
    parseDateFormula(text);
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

/** The canonical spelling ("cm + 1d" → "CM+1D"); throws like parseDateFormula. */
export function normaliseDateFormula(text: string): string {
  return parseDateFormula(text).text;
}

export function applyDateFormula(date: LocalDate, formula: DateFormula): LocalDate {
  return formula.terms.reduce(applyTerm, date);
}

/** Convenience: parse and apply in one go (throws `bad-date-formula`). */
export function calcDate(formulaText: string, date: LocalDate): LocalDate {
  return applyDateFormula(date, parseDateFormula(formulaText));
}

function applyTerm(date: LocalDate, term: DateFormulaTerm): LocalDate {
  if (term.kind === 'offset') {
    switch (term.unit) {
      case 'D':
        return addDays(date, term.amount);
      case 'W':
        return addDays(date, term.amount * 7);
      case 'M':
        return addMonths(date, term.amount);
      case 'Q':
        return addMonths(date, term.amount * 3);
      case 'Y':
        return addMonths(date, term.amount * 12);
    }
  }
  const { year, month } = dateParts(date);
  const start = term.edge === 'start';
  switch (term.unit) {
    case 'D':
      return date;
    case 'W': // weeks run Monday–Sunday
      return start ? addDays(date, 1 - isoWeekday(date)) : addDays(date, 7 - isoWeekday(date));
    case 'M':
      return makeDate(year, month, start ? 1 : daysInMonth(year, month));
    case 'Q': {
      const firstMonth = Math.floor((month - 1) / 3) * 3 + 1;
      return start ? makeDate(year, firstMonth, 1) : makeDate(year, firstMonth + 2, daysInMonth(year, firstMonth + 2));
    }
    case 'Y':
      return start ? makeDate(year, 1, 1) : makeDate(year, 12, 31);
  }
}

function formatTerm(term: DateFormulaTerm, index: number): string {
  if (term.kind === 'current') return `${term.edge === 'start' ? '-' : index === 0 ? '' : '+'}C${term.unit}`;
  const sign = term.amount < 0 ? '-' : index === 0 ? '' : '+';
  return `${sign}${Math.abs(term.amount)}${term.unit}`;
}
