// Calendar arithmetic the date readers share: period boundaries, weekdays of a given week, shifts by a
// number of days, weeks, months or years. Weeks are ISO weeks (Monday to Sunday) in every language.
import type { LocalDate } from '../local-date.ts';
import { addDays, addMonths, dateParts, daysInMonth, isoWeekday, makeDate, parseIsoDate } from '../local-date.ts';

export type PeriodUnit = 'week' | 'month' | 'quarter' | 'year';
export type ShiftUnit = 'day' | 'week' | 'month' | 'year';
export type Prefer = 'future' | 'past';

/** A real calendar date, or undefined (30 February, a year out of range). */
export function validDate(year: number, month: number, day: number): LocalDate | undefined {
  if (![year, month, day].every(Number.isInteger)) return undefined;
  return parseIsoDate(makeDate(year, month, day));
}

export function lastOfMonth(date: LocalDate): LocalDate {
  const { year, month } = dateParts(date);
  return makeDate(year, month, daysInMonth(year, month));
}

/** The first or last day of the week, month, quarter or year `offset` periods away from today's. */
export function periodEdge(edge: 'start' | 'end', unit: PeriodUnit, offset: number, today: LocalDate): LocalDate {
  const end = edge === 'end';
  const { year, month } = dateParts(today);
  switch (unit) {
    case 'week': {
      const monday = addDays(today, 1 - isoWeekday(today) + offset * 7);
      return end ? addDays(monday, 6) : monday;
    }
    case 'month': {
      const first = addMonths(makeDate(year, month, 1), offset);
      return end ? lastOfMonth(first) : first;
    }
    case 'quarter': {
      const first = addMonths(makeDate(year, Math.floor((month - 1) / 3) * 3 + 1, 1), offset * 3);
      return end ? lastOfMonth(addMonths(first, 2)) : first;
    }
    case 'year':
      return makeDate(year + offset, end ? 12 : 1, end ? 31 : 1);
  }
}

/** Today moved by `amount` days, weeks, months (day clamped: 31 Jan + 1 month = 28/29 Feb) or years. */
export function shiftDate(today: LocalDate, amount: number, unit: ShiftUnit): LocalDate {
  switch (unit) {
    case 'day':
      return addDays(today, amount);
    case 'week':
      return addDays(today, amount * 7);
    case 'month':
      return addMonths(today, amount);
    case 'year':
      return addMonths(today, amount * 12);
  }
}

/** A bare weekday: the next one (today included) for future dates, the last one (today included) for past. */
export function nearestWeekday(weekday: number, today: LocalDate, prefer: Prefer): LocalDate {
  const diff = weekday - isoWeekday(today);
  if (prefer === 'future') return addDays(today, (diff + 7) % 7);
  return addDays(today, -((-diff + 7) % 7));
}

/** The weekday (1 = Monday … 7 = Sunday) of the ISO week `weekOffset` weeks from today's (1 = next week). */
export function weekdayOfWeek(weekday: number, weekOffset: number, today: LocalDate): LocalDate {
  return addDays(today, weekday - isoWeekday(today) + weekOffset * 7);
}

/** Month and day without a year: this year's, or the next (future) / previous (past) one that exists. */
export function yearless(month: number, day: number, today: LocalDate, prefer: Prefer): LocalDate | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const { year } = dateParts(today);
  // 29 February resolves to the nearest leap year in the preferred direction.
  for (let i = 0; i <= 8; i++) {
    const candidate = validDate(prefer === 'future' ? year + i : year - i, month, day);
    if (!candidate) continue;
    if (prefer === 'future' ? candidate >= today : candidate <= today) return candidate;
  }
  return undefined;
}

/** A day of the month without month or year ("15号"): this month's, or the next (previous) month that has it. */
export function dayOfMonth(day: number, today: LocalDate, prefer: Prefer): LocalDate | undefined {
  if (!Number.isInteger(day) || day < 1 || day > 31) return undefined;
  const { year: thisYear, month: thisMonth } = dateParts(today);
  const firstOfThisMonth = makeDate(thisYear, thisMonth, 1);
  for (let i = 0; i <= 12; i++) {
    const { year, month } = dateParts(addMonths(firstOfThisMonth, prefer === 'future' ? i : -i));
    const candidate = validDate(year, month, day);
    if (!candidate) continue;
    if (prefer === 'future' ? candidate >= today : candidate <= today) return candidate;
  }
  return undefined;
}

/** The first or last day of a named month: this year's if still ahead (future) or already begun (past). */
export function namedMonthEdge(
  edge: 'start' | 'middle' | 'end',
  month: number,
  year: number | undefined,
  today: LocalDate,
  prefer: Prefer,
): LocalDate | undefined {
  if (month < 1 || month > 12) return undefined;
  const at = (y: number) => {
    const first = makeDate(y, month, 1);
    return edge === 'start' ? first : edge === 'middle' ? makeDate(y, month, 15) : lastOfMonth(first);
  };
  if (year !== undefined) return validDate(year, month, 1) && at(year);
  const thisYear = dateParts(today).year;
  const candidate = at(thisYear);
  if (prefer === 'future') return candidate >= today ? candidate : at(thisYear + 1);
  return candidate <= today ? candidate : at(thisYear - 1);
}
