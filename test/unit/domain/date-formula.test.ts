import { describe, expect, it } from 'vitest';
import {
  applyDateFormula,
  calcDate,
  isValidDateFormula,
  normaliseDateFormula,
  parseDateFormula,
} from '../../../src/domain/date-formula.ts';
import { addDays, fromEpochDay, isoWeekday, toEpochDay } from '../../../src/domain/local-date.ts';
import { d, problemOf } from './fixtures.ts';

describe('date formulas', () => {
  // 2026-03-10 is a Tuesday.
  const cases: [string, string, string][] = [
    ['', '2026-03-10', '2026-03-10'],
    ['10D', '2026-03-10', '2026-03-20'],
    ['-1D', '2026-03-01', '2026-02-28'],
    ['2W', '2026-03-10', '2026-03-24'],
    ['+2W', '2026-03-10', '2026-03-24'],
    ['1M', '2026-01-31', '2026-02-28'],
    ['1M', '2028-01-31', '2028-02-29'],
    ['1Q', '2026-11-30', '2027-02-28'],
    ['1Y', '2028-02-29', '2029-02-28'],
    ['CD', '2026-03-10', '2026-03-10'],
    ['CW', '2026-03-10', '2026-03-15'],
    ['CW', '2026-03-15', '2026-03-15'],
    ['-CW', '2026-03-15', '2026-03-09'],
    ['CM', '2026-02-10', '2026-02-28'],
    ['-CM', '2026-02-10', '2026-02-01'],
    ['CQ', '2026-05-10', '2026-06-30'],
    ['-CQ', '2026-05-10', '2026-04-01'],
    ['CY', '2026-05-10', '2026-12-31'],
    ['-CY', '2026-05-10', '2026-01-01'],
    ['CM+1D', '2026-03-10', '2026-04-01'],
    ['1M+CM', '2026-01-31', '2026-02-28'],
    ['cm+1d', '2026-12-10', '2027-01-01'],
    [' 1m - 1d ', '2026-03-10', '2026-04-09'],
    ['-CM+1M-1D', '2026-03-10', '2026-03-31'],
  ];

  it.each(cases)('%s applied to %s gives %s', (formula, from, expected) => {
    expect(applyDateFormula(d(from), parseDateFormula(formula))).toBe(expected);
    expect(calcDate(formula, d(from))).toBe(expected);
  });

  it('normalises to upper case without blanks and a leading plus', () => {
    expect(normaliseDateFormula(' +2w ')).toBe('2W');
    expect(normaliseDateFormula('cm + 1d')).toBe('CM+1D');
    expect(normaliseDateFormula('-cm')).toBe('-CM');
    expect(normaliseDateFormula('')).toBe('');
  });

  it.each(['X', '1', 'D', '1M1D', 'C1M', '1C', '++1D', '1D+', '10000D', '1.5D', '1H'])('rejects %s', (text) => {
    expect(isValidDateFormula(text)).toBe(false);
    expect(problemOf(() => parseDateFormula(text))).toEqual({ kind: 'bad-date-formula', text });
  });
});

describe('local dates use pure day arithmetic that agrees with the calendar', () => {
  it('matches Date.UTC over a wide range and round-trips', () => {
    for (let day = -30_000; day <= 80_000; day += 37) {
      const date = fromEpochDay(day);
      const js = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(date).toBe(js);
      expect(toEpochDay(date)).toBe(day);
    }
  });

  it('knows weekdays and leap days', () => {
    expect(isoWeekday(d('2026-03-10'))).toBe(2);
    expect(addDays(d('2028-02-28'), 1)).toBe('2028-02-29');
    expect(addDays(d('2100-02-28'), 1)).toBe('2100-03-01');
  });
});
