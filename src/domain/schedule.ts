// When a channel's pipeline digest is due: daily, weekly or monthly at a wall-clock time in an IANA
// time zone. Pure: the clock is always passed in (`after`, `now`); Dates appear only as values (instants).
//
// DST conventions (the same as Temporal's `disambiguation: 'compatible'`, and as Python's fold=0):
//  - A wall time that does not exist (spring-forward gap, e.g. 02:30 in Europe/Berlin on 2026-03-29)
//    is moved forward by the length of the gap: the digest runs at 03:30 CEST, once, never skipped.
//  - A wall time that occurs twice (fall-back overlap, e.g. 02:30 in Europe/Berlin on 2026-10-25)
//    means the EARLIER of the two instants (02:30 CEST); the repeated 02:30 CET is not an occurrence.
//  - Every occurrence belongs to exactly one nominal local date, identified by `periodKey`.
//
// Offsets come from Intl.DateTimeFormat (the runtime's tz database); no date libraries.
import { LRUCache } from 'lru-cache';
import {
  addDays,
  addMonths,
  dateParts,
  daysInMonth,
  fromEpochDay,
  isoWeekday,
  makeDate,
  toEpochDay,
  type LocalDate,
} from './local-date.ts';

export type Frequency = 'daily' | 'weekly' | 'monthly';
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const DEFAULT_AT = '08:00';
export const DEFAULT_WEEKDAY: IsoWeekday = 1;
export const DEFAULT_DAY_OF_MONTH = 1;

/** What a form or the database hands over, before validation. */
export interface ScheduleInput {
  readonly frequency: string;
  /** 'HH:MM', 24-hour; defaults to 08:00. */
  readonly at?: string | undefined;
  /** ISO weekday 1 = Monday … 7 = Sunday; weekly only, defaults to Monday. */
  readonly weekday?: number | undefined;
  /** 1…31; monthly only, defaults to 1. Clamped to the month's length (31 = last day). */
  readonly dayOfMonth?: number | undefined;
  readonly timeZone: string;
}

interface ScheduleBase {
  /** 'HH:MM', 24-hour. */
  readonly at: string;
  /** IANA time zone, e.g. 'Europe/Berlin'. */
  readonly timeZone: string;
}

/** A validated schedule with every default filled in. */
export type Schedule =
  | (ScheduleBase & { readonly frequency: 'daily' })
  | (ScheduleBase & { readonly frequency: 'weekly'; readonly weekday: IsoWeekday })
  | (ScheduleBase & { readonly frequency: 'monthly'; readonly dayOfMonth: number });

/** Everything a schedule can get wrong, as data; the sentences live in the UI layer. */
export type ScheduleProblem =
  | { kind: 'unknown-frequency'; frequency: string }
  | { kind: 'bad-time'; at: string }
  | { kind: 'bad-weekday'; weekday: number }
  | { kind: 'bad-day-of-month'; dayOfMonth: number }
  | { kind: 'unknown-time-zone'; timeZone: string }
  | { kind: 'weekday-not-weekly'; frequency: 'daily' | 'monthly' }
  | { kind: 'day-of-month-not-monthly'; frequency: 'daily' | 'weekly' };

export type ScheduleProblemKind = ScheduleProblem['kind'];

export class ScheduleError extends Error {
  constructor(readonly problem: ScheduleProblem) {
    super(problem.kind);
    this.name = 'ScheduleError';
  }
}

export type DueRun =
  | { readonly due: true; readonly scheduledFor: Date; readonly next: Date }
  | { readonly due: false; readonly scheduledFor: null; readonly next: Date };

const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// ---- validation ----

export function validateSchedule(input: ScheduleInput): Schedule {
  const { frequency, weekday, dayOfMonth } = input;
  if (frequency !== 'daily' && frequency !== 'weekly' && frequency !== 'monthly') {
    throw new ScheduleError({ kind: 'unknown-frequency', frequency });
  }
  const timeZone = canonicalTimeZone(input.timeZone);
  if (timeZone === undefined) throw new ScheduleError({ kind: 'unknown-time-zone', timeZone: input.timeZone });
  const at = input.at ?? DEFAULT_AT;
  if (!WALL_TIME.test(at)) throw new ScheduleError({ kind: 'bad-time', at });

  if (weekday !== undefined) {
    if (frequency !== 'weekly') throw new ScheduleError({ kind: 'weekday-not-weekly', frequency });
    if (!isIsoWeekday(weekday)) throw new ScheduleError({ kind: 'bad-weekday', weekday });
  }
  if (dayOfMonth !== undefined) {
    if (frequency !== 'monthly') throw new ScheduleError({ kind: 'day-of-month-not-monthly', frequency });
    if (!Number.isInteger(dayOfMonth) || dayOfMonth < 1 || dayOfMonth > 31) {
      throw new ScheduleError({ kind: 'bad-day-of-month', dayOfMonth });
    }
  }

  switch (frequency) {
    case 'daily':
      return { frequency, at, timeZone };
    case 'weekly':
      return { frequency, at, timeZone, weekday: weekday ?? DEFAULT_WEEKDAY };
    case 'monthly':
      return { frequency, at, timeZone, dayOfMonth: dayOfMonth ?? DEFAULT_DAY_OF_MONTH };
  }
}

function isIsoWeekday(value: number): value is IsoWeekday {
  return Number.isInteger(value) && value >= 1 && value <= 7;
}

/**
 * The zone's name if the runtime knows it, otherwise undefined. Only the spelling's case is
 * normalised ('europe/berlin' → 'Europe/Berlin'); aliases are kept as given ('Asia/Kolkata' stays,
 * although ICU would report 'Asia/Calcutta').
 */
function canonicalTimeZone(timeZone: string): string | undefined {
  if (timeZone === '') return undefined;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat(undefined, { timeZone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  return resolved.toLowerCase() === timeZone.toLowerCase() ? resolved : timeZone;
}

// ---- wall clock ↔ instant ----

// One formatter per zone seen (Intl builds them slowly); bounded like every cache of the app.
const formatters = new LRUCache<string, Intl.DateTimeFormat>({ max: 500 });

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// en-US with numeric fields formats as "3/29/2026, 08:00:00"; format() + a regex is several
// times faster than formatToParts(), which stays as the fallback.
const US_DATE_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{1,6}),? (\d{1,2}):(\d{2}):(\d{2})$/;

/** The wall clock of `timeZone` at the instant `epochMs`, as milliseconds of a zone-less local timeline. */
function wallClockMs(epochMs: number, timeZone: string): number {
  const formatter = formatterFor(timeZone);
  const match = US_DATE_TIME.exec(formatter.format(epochMs));
  const fields = match
    ? {
        month: Number(match[1]),
        day: Number(match[2]),
        year: Number(match[3]),
        hour: Number(match[4]),
        minute: Number(match[5]),
        second: Number(match[6]),
      }
    : fieldsFromParts(formatter.formatToParts(epochMs));
  const { year, month, day, hour, minute, second } = fields;
  return toEpochDay(makeDate(year, month, day)) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
}

function fieldsFromParts(parts: readonly Intl.DateTimeFormatPart[]) {
  const fields = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const part of parts) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  return fields;
}

/** The zone's UTC offset (wall clock minus UTC) at the instant, in milliseconds. */
export function offsetMs(epochMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  return wallClockMs(wholeSecond, timeZone) - wholeSecond;
}

function wallDate(epochMs: number, timeZone: string): LocalDate {
  return fromEpochDay(Math.floor(wallClockMs(epochMs, timeZone) / DAY_MS));
}

function minutesOfDay(time: string): number {
  const match = WALL_TIME.exec(time);
  if (!match) throw new RangeError(`not a wall time (HH:MM): ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * The instant for a local timeline value. The candidate offsets are the zone's offsets a day before
 * and a day after (tz data has at most one transition in such a window); a candidate is real when
 * the offset at the instant it yields is the candidate itself. Two real candidates = overlap: the
 * earlier wins. None = gap: use the offset from before the transition, which lands `gap` later on
 * the wall clock (Temporal's 'compatible').
 */
function localToEpochMs(localMs: number, timeZone: string): number {
  const before = offsetMs(localMs - DAY_MS, timeZone);
  const after = offsetMs(localMs + DAY_MS, timeZone);
  let best: number | undefined;
  for (const offset of before === after ? [before] : [before, after]) {
    const candidate = localMs - offset;
    if (offsetMs(candidate, timeZone) === offset && (best === undefined || candidate < best)) best = candidate;
  }
  return best ?? localMs - before;
}

// Occurrence instants are asked for again and again by a ticking scheduler; the answer for a
// (zone, date, time) never changes within a process, so a small memo is safe.
const instantMemo = new LRUCache<string, number>({ max: 4096 });

/** Milliseconds since 1970 UTC at which the wall clock in `timeZone` shows `date` at `time` ('HH:MM'). */
export function zonedEpochMs(date: LocalDate, time: string, timeZone: string): number {
  const key = `${timeZone}\n${date}\n${time}`;
  const known = instantMemo.get(key);
  if (known !== undefined) return known;
  const epochMs = localToEpochMs(toEpochDay(date) * DAY_MS + minutesOfDay(time) * MINUTE_MS, timeZone);
  instantMemo.set(key, epochMs);
  return epochMs;
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` at `time` ('HH:MM'). A time in a
 * spring-forward gap is moved forward by the gap; a time that occurs twice gives the earlier instant.
 * Throws RangeError for a malformed time or an unknown zone (programming errors: validate first).
 */
export function zonedTimeToInstant(date: LocalDate, time: string, timeZone: string): Date {
  // eslint-disable-next-line no-restricted-globals -- an instant computed from numbers, not the clock
  return new Date(zonedEpochMs(date, time, timeZone));
}

// ---- occurrences ----

/** The month's occurrence date: dayOfMonth clamped to the month's length. */
function monthlyDate(year: number, month: number, dayOfMonth: number): LocalDate {
  return makeDate(year, month, Math.min(dayOfMonth, daysInMonth(year, month)));
}

/** The first occurrence date on or after `date`. */
function occurrenceOnOrAfter(schedule: Schedule, date: LocalDate): LocalDate {
  switch (schedule.frequency) {
    case 'daily':
      return date;
    case 'weekly':
      return addDays(date, (schedule.weekday - isoWeekday(date) + 7) % 7);
    case 'monthly': {
      const { year, month } = dateParts(date);
      const thisMonth = monthlyDate(year, month, schedule.dayOfMonth);
      if (thisMonth >= date) return thisMonth;
      const next = dateParts(addMonths(makeDate(year, month, 1), 1));
      return monthlyDate(next.year, next.month, schedule.dayOfMonth);
    }
  }
}

/** The last occurrence date on or before `date`. */
function occurrenceOnOrBefore(schedule: Schedule, date: LocalDate): LocalDate {
  switch (schedule.frequency) {
    case 'daily':
      return date;
    case 'weekly':
      return addDays(date, -((isoWeekday(date) - schedule.weekday + 7) % 7));
    case 'monthly': {
      const { year, month } = dateParts(date);
      const thisMonth = monthlyDate(year, month, schedule.dayOfMonth);
      if (thisMonth <= date) return thisMonth;
      const previous = dateParts(addMonths(makeDate(year, month, 1), -1));
      return monthlyDate(previous.year, previous.month, schedule.dayOfMonth);
    }
  }
}

function occurrenceMs(schedule: Schedule, date: LocalDate): number {
  return zonedEpochMs(date, schedule.at, schedule.timeZone);
}

function epochMsOf(instant: Date, name: string): number {
  const epochMs = instant.getTime();
  if (Number.isNaN(epochMs)) throw new RangeError(`${name} is an invalid Date`);
  return epochMs;
}

// An occurrence's instant never shows an earlier wall date than its nominal date, and at most one
// day later (a gap shift across midnight), so starting a day early / late and walking is enough.
// `today` is the zone's wall date at `epochMs`.
const MAX_STEPS = 64;

function firstOccurrenceAfter(schedule: Schedule, epochMs: number, today: LocalDate): number {
  let date = occurrenceOnOrAfter(schedule, addDays(today, -1));
  for (let step = 0; step < MAX_STEPS; step++) {
    const candidate = occurrenceMs(schedule, date);
    if (candidate > epochMs) return candidate;
    date = occurrenceOnOrAfter(schedule, addDays(date, 1));
  }
  throw new RangeError('no occurrence found after the instant');
}

/** The latest occurrence at or before the instant, with its nominal date. */
function lastOccurrenceAtOrBefore(
  schedule: Schedule,
  epochMs: number,
  today: LocalDate,
): { date: LocalDate; epochMs: number } {
  let date = occurrenceOnOrBefore(schedule, addDays(today, 1));
  for (let step = 0; step < MAX_STEPS; step++) {
    const candidate = occurrenceMs(schedule, date);
    if (candidate <= epochMs) return { date, epochMs: candidate };
    date = occurrenceOnOrBefore(schedule, addDays(date, -1));
  }
  throw new RangeError('no occurrence found before the instant');
}

/** The first scheduled instant strictly after `after`. */
export function nextRunAfter(schedule: Schedule, after: Date): Date {
  const epochMs = epochMsOf(after, 'after');
  // eslint-disable-next-line no-restricted-globals -- an instant computed from numbers, not the clock
  return new Date(firstOccurrenceAfter(schedule, epochMs, wallDate(epochMs, schedule.timeZone)));
}

/**
 * Catch-up semantics: due when at least one occurrence lies in (lastRunAt ?? createdAt, now]. Then
 * `scheduledFor` is the LATEST such occurrence, so a run of missed periods is posted once. Record
 * `scheduledFor` (or the time of posting) as the new lastRunAt. `next` is the first occurrence after now.
 */
export function dueRun(
  schedule: Schedule,
  clock: { readonly lastRunAt: Date | null; readonly createdAt: Date; readonly now: Date },
): DueRun {
  const since = epochMsOf(clock.lastRunAt ?? clock.createdAt, clock.lastRunAt ? 'lastRunAt' : 'createdAt');
  const now = epochMsOf(clock.now, 'now');
  const today = wallDate(now, schedule.timeZone);
  // eslint-disable-next-line no-restricted-globals -- an instant computed from numbers, not the clock
  const next = new Date(firstOccurrenceAfter(schedule, now, today));
  const latest = lastOccurrenceAtOrBefore(schedule, now, today).epochMs;
  // eslint-disable-next-line no-restricted-globals -- an instant computed from numbers, not the clock
  if (latest > since) return { due: true, scheduledFor: new Date(latest), next };
  return { due: false, scheduledFor: null, next };
}

/**
 * A stable name for one occurrence: its nominal local date and time plus the zone, e.g.
 * '2026-03-29T08:00@Europe/Berlin' (also when DST moved the instant). Used as a unique claim so two
 * app instances never post the same occurrence. Throws RangeError if `scheduledFor` is not an
 * occurrence of the schedule.
 */
export function periodKey(schedule: Schedule, scheduledFor: Date): string {
  const epochMs = epochMsOf(scheduledFor, 'scheduledFor');
  const occurrence = lastOccurrenceAtOrBefore(schedule, epochMs, wallDate(epochMs, schedule.timeZone));
  if (occurrence.epochMs !== epochMs) {
    throw new RangeError(`${scheduledFor.toISOString()} is not an occurrence of the schedule`);
  }
  return `${occurrence.date}T${schedule.at}@${schedule.timeZone}`;
}
