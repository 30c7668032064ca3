// Digest schedules: next runs across zones and DST changes, catch-up after downtime, a year of
// 5-minute scheduler ticks, validation, and properties checked against an independent offset source
// (Intl's 'longOffset' names). Expected instants in the tables were cross-checked with Python's
// zoneinfo (fold=0, the same conventions as here).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, isoWeekday, localDate, type LocalDate } from '../../../src/domain/local-date.ts';
import {
  dueRun,
  nextRunAfter,
  periodKey,
  ScheduleError,
  validateSchedule,
  zonedTimeToInstant,
  type Schedule,
  type ScheduleInput,
  type ScheduleProblem,
} from '../../../src/domain/schedule.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const at = (iso: string): Date => new Date(iso);
const iso = (instant: Date | null): string | null => instant?.toISOString() ?? null;

// ---- an independent view of the wall clock: the zone's offset from Intl's longOffset name ----

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset at the instant, in ms, parsed from e.g. "GMT+05:30" / "GMT-04:00" / "GMT". */
function zoneOffset(epochMs: number, timeZone: string): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, formatter);
  }
  const name = formatter.formatToParts(epochMs).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
  if (!match) throw new Error(`unexpected offset name ${name}`);
  if (match[1] === undefined) return 0;
  const sign = match[1] === '-' ? -1 : 1;
  return sign * (Number(match[2]) * HOUR + Number(match[3]) * MINUTE);
}

/** Local timeline ms (wall clock as if it were UTC). */
const localMs = (epochMs: number, timeZone: string): number => epochMs + zoneOffset(epochMs, timeZone);

function wallClock(instant: Date | number, timeZone: string): { date: LocalDate; time: string } {
  const text = new Date(localMs(typeof instant === 'number' ? instant : instant.getTime(), timeZone)).toISOString();
  return { date: localDate(text.slice(0, 10)), time: text.slice(11, 16) };
}

function schedule(input: ScheduleInput): Schedule {
  return validateSchedule(input);
}

// ---- validation ----

describe('validateSchedule', () => {
  it('fills in the defaults', () => {
    expect(validateSchedule({ frequency: 'daily', timeZone: 'UTC' })).toEqual({
      frequency: 'daily',
      at: '08:00',
      timeZone: 'UTC',
    });
    expect(validateSchedule({ frequency: 'weekly', timeZone: 'Europe/Berlin' })).toEqual({
      frequency: 'weekly',
      at: '08:00',
      weekday: 1,
      timeZone: 'Europe/Berlin',
    });
    expect(validateSchedule({ frequency: 'monthly', at: '23:59', timeZone: 'Asia/Kolkata' })).toEqual({
      frequency: 'monthly',
      at: '23:59',
      dayOfMonth: 1,
      timeZone: 'Asia/Kolkata',
    });
    expect(validateSchedule({ frequency: 'weekly', at: '00:00', weekday: 7, timeZone: 'UTC' })).toMatchObject({
      weekday: 7,
      at: '00:00',
    });
    expect(validateSchedule({ frequency: 'monthly', dayOfMonth: 31, timeZone: 'UTC' })).toMatchObject({
      dayOfMonth: 31,
    });
  });

  it("normalises the zone's case but keeps aliases as given", () => {
    expect(validateSchedule({ frequency: 'daily', timeZone: 'europe/berlin' }).timeZone).toBe('Europe/Berlin');
    expect(validateSchedule({ frequency: 'daily', timeZone: 'Asia/Kolkata' }).timeZone).toBe('Asia/Kolkata');
  });

  const bad: [string, ScheduleInput, ScheduleProblem][] = [
    ['unknown frequency', { frequency: 'hourly', timeZone: 'UTC' }, { kind: 'unknown-frequency', frequency: 'hourly' }],
    ['frequency case', { frequency: 'Daily', timeZone: 'UTC' }, { kind: 'unknown-frequency', frequency: 'Daily' }],
    ['one-digit hour', { frequency: 'daily', at: '8:00', timeZone: 'UTC' }, { kind: 'bad-time', at: '8:00' }],
    ['hour 24', { frequency: 'daily', at: '24:00', timeZone: 'UTC' }, { kind: 'bad-time', at: '24:00' }],
    ['minute 60', { frequency: 'daily', at: '12:60', timeZone: 'UTC' }, { kind: 'bad-time', at: '12:60' }],
    ['seconds', { frequency: 'daily', at: '08:00:00', timeZone: 'UTC' }, { kind: 'bad-time', at: '08:00:00' }],
    ['12-hour clock', { frequency: 'daily', at: '8am', timeZone: 'UTC' }, { kind: 'bad-time', at: '8am' }],
    ['empty time', { frequency: 'daily', at: '', timeZone: 'UTC' }, { kind: 'bad-time', at: '' }],
    ['weekday 0', { frequency: 'weekly', weekday: 0, timeZone: 'UTC' }, { kind: 'bad-weekday', weekday: 0 }],
    ['weekday 8', { frequency: 'weekly', weekday: 8, timeZone: 'UTC' }, { kind: 'bad-weekday', weekday: 8 }],
    ['weekday 1.5', { frequency: 'weekly', weekday: 1.5, timeZone: 'UTC' }, { kind: 'bad-weekday', weekday: 1.5 }],
    ['weekday NaN', { frequency: 'weekly', weekday: NaN, timeZone: 'UTC' }, { kind: 'bad-weekday', weekday: NaN }],
    ['day 0', { frequency: 'monthly', dayOfMonth: 0, timeZone: 'UTC' }, { kind: 'bad-day-of-month', dayOfMonth: 0 }],
    ['day 32', { frequency: 'monthly', dayOfMonth: 32, timeZone: 'UTC' }, { kind: 'bad-day-of-month', dayOfMonth: 32 }],
    [
      'day 2.5',
      { frequency: 'monthly', dayOfMonth: 2.5, timeZone: 'UTC' },
      { kind: 'bad-day-of-month', dayOfMonth: 2.5 },
    ],
    [
      'unknown zone',
      { frequency: 'daily', timeZone: 'Mars/Olympus_Mons' },
      { kind: 'unknown-time-zone', timeZone: 'Mars/Olympus_Mons' },
    ],
    [
      'misspelt zone',
      { frequency: 'daily', timeZone: 'Europe/Berln' },
      { kind: 'unknown-time-zone', timeZone: 'Europe/Berln' },
    ],
    ['empty zone', { frequency: 'daily', timeZone: '' }, { kind: 'unknown-time-zone', timeZone: '' }],
    [
      'weekday on daily',
      { frequency: 'daily', weekday: 3, timeZone: 'UTC' },
      { kind: 'weekday-not-weekly', frequency: 'daily' },
    ],
    [
      'weekday on monthly',
      { frequency: 'monthly', weekday: 3, timeZone: 'UTC' },
      { kind: 'weekday-not-weekly', frequency: 'monthly' },
    ],
    [
      'day of month on daily',
      { frequency: 'daily', dayOfMonth: 3, timeZone: 'UTC' },
      { kind: 'day-of-month-not-monthly', frequency: 'daily' },
    ],
    [
      'day of month on weekly',
      { frequency: 'weekly', dayOfMonth: 3, timeZone: 'UTC' },
      { kind: 'day-of-month-not-monthly', frequency: 'weekly' },
    ],
  ];

  it.each(bad)('rejects %s', (_name, input, problem) => {
    let caught: unknown;
    try {
      validateSchedule(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScheduleError);
    expect((caught as ScheduleError).problem).toEqual(problem);
  });
});

// ---- wall time → instant ----

describe('zonedTimeToInstant', () => {
  const cases: [string, string, string, string][] = [
    ['2026-01-15', '08:00', 'UTC', '2026-01-15T08:00:00.000Z'],
    ['2026-01-15', '08:00', 'Europe/Berlin', '2026-01-15T07:00:00.000Z'],
    ['2026-07-15', '08:00', 'Europe/Berlin', '2026-07-15T06:00:00.000Z'],
    ['2026-01-15', '00:00', 'America/New_York', '2026-01-15T05:00:00.000Z'],
    ['2026-01-15', '08:00', 'Australia/Sydney', '2026-01-14T21:00:00.000Z'],
    ['2026-07-15', '08:00', 'Australia/Sydney', '2026-07-14T22:00:00.000Z'],
    ['2026-01-15', '08:00', 'Asia/Kolkata', '2026-01-15T02:30:00.000Z'],
    ['2026-01-15', '08:00', 'Australia/Lord_Howe', '2026-01-14T21:00:00.000Z'],
    ['2026-07-15', '08:00', 'Australia/Lord_Howe', '2026-07-14T21:30:00.000Z'],
    // gaps: moved forward by the gap
    ['2026-03-29', '02:30', 'Europe/Berlin', '2026-03-29T01:30:00.000Z'], // 03:30 CEST
    ['2026-03-29', '02:00', 'Europe/Berlin', '2026-03-29T01:00:00.000Z'], // 03:00 CEST, the gap's start
    ['2026-03-29', '03:00', 'Europe/Berlin', '2026-03-29T01:00:00.000Z'],
    ['2026-03-08', '02:30', 'America/New_York', '2026-03-08T07:30:00.000Z'], // 03:30 EDT
    ['2026-10-04', '02:30', 'Australia/Sydney', '2026-10-03T16:30:00.000Z'], // 03:30 AEDT
    ['2026-10-04', '02:15', 'Australia/Lord_Howe', '2026-10-03T15:45:00.000Z'], // 02:45 +11
    ['2026-09-06', '00:30', 'America/Santiago', '2026-09-06T04:30:00.000Z'], // midnight gap: 01:30 -03
    // overlaps: the earlier instant
    ['2026-10-25', '02:30', 'Europe/Berlin', '2026-10-25T00:30:00.000Z'], // CEST, not 01:30Z CET
    ['2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'], // EDT, not 06:30Z EST
    ['2026-04-05', '02:30', 'Australia/Sydney', '2026-04-04T15:30:00.000Z'], // AEDT, not 16:30Z AEST
    ['2026-04-05', '01:45', 'Australia/Lord_Howe', '2026-04-04T14:45:00.000Z'], // +11, not 15:15Z +10:30
  ];
  it.each(cases)('%s %s in %s is %s', (date, time, timeZone, expected) => {
    expect(zonedTimeToInstant(localDate(date), time, timeZone).toISOString()).toBe(expected);
  });

  it('rejects a malformed time and an unknown zone as programming errors', () => {
    expect(() => zonedTimeToInstant(localDate('2026-01-01'), '25:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedTimeToInstant(localDate('2026-01-01'), '08:00', 'Nowhere/Else')).toThrow(RangeError);
  });
});

// ---- next runs ----

describe('nextRunAfter', () => {
  const cases: [string, ScheduleInput, string, string][] = [
    [
      'UTC daily, exactly at a run',
      { frequency: 'daily', timeZone: 'UTC' },
      '2026-01-15T08:00:00Z',
      '2026-01-16T08:00:00Z',
    ],
    [
      'UTC daily, just before',
      { frequency: 'daily', timeZone: 'UTC' },
      '2026-01-15T07:59:59.999Z',
      '2026-01-15T08:00:00Z',
    ],
    [
      'UTC weekly Wednesday',
      { frequency: 'weekly', weekday: 3, at: '17:45', timeZone: 'UTC' },
      '2026-01-15T00:00:00Z',
      '2026-01-21T17:45:00Z',
    ],
    [
      'UTC monthly 31st in April',
      { frequency: 'monthly', dayOfMonth: 31, timeZone: 'UTC' },
      '2026-04-01T00:00:00Z',
      '2026-04-30T08:00:00Z',
    ],
    [
      'UTC monthly into next year',
      { frequency: 'monthly', timeZone: 'UTC' },
      '2026-12-01T08:00:00Z',
      '2027-01-01T08:00:00Z',
    ],
    [
      'New York daily in winter',
      { frequency: 'daily', timeZone: 'America/New_York' },
      '2026-01-15T12:00:00Z',
      '2026-01-15T13:00:00Z',
    ],
    [
      'New York daily in summer, exactly at a run',
      { frequency: 'daily', timeZone: 'America/New_York' },
      '2026-07-01T12:00:00Z',
      '2026-07-02T12:00:00Z',
    ],
    [
      'New York weekly Monday across spring forward',
      { frequency: 'weekly', at: '09:00', timeZone: 'America/New_York' },
      '2026-03-04T00:00:00Z',
      '2026-03-09T13:00:00Z',
    ],
    [
      'New York monthly late evening (next UTC day)',
      { frequency: 'monthly', dayOfMonth: 15, at: '23:30', timeZone: 'America/New_York' },
      '2026-11-15T12:00:00Z',
      '2026-11-16T04:30:00Z',
    ],
    [
      'Berlin weekly Friday',
      { frequency: 'weekly', weekday: 5, at: '09:30', timeZone: 'Europe/Berlin' },
      '2026-01-15T00:00:00Z',
      '2026-01-16T08:30:00Z',
    ],
    [
      'Berlin daily midnight, exactly at a run',
      { frequency: 'daily', at: '00:00', timeZone: 'Europe/Berlin' },
      '2026-06-30T22:00:00Z',
      '2026-07-01T22:00:00Z',
    ],
    [
      'Berlin monthly 31st in February',
      { frequency: 'monthly', dayOfMonth: 31, timeZone: 'Europe/Berlin' },
      '2026-02-01T00:00:00Z',
      '2026-02-28T07:00:00Z',
    ],
    [
      'Sydney monthly 15th in summer',
      { frequency: 'monthly', dayOfMonth: 15, at: '07:00', timeZone: 'Australia/Sydney' },
      '2026-01-20T00:00:00Z',
      '2026-02-14T20:00:00Z',
    ],
    [
      'Sydney daily on the fall-back day',
      { frequency: 'daily', timeZone: 'Australia/Sydney' },
      '2026-04-04T00:00:00Z',
      '2026-04-04T22:00:00Z',
    ],
    [
      'Sydney weekly Sunday 02:30 in the gap',
      { frequency: 'weekly', weekday: 7, at: '02:30', timeZone: 'Australia/Sydney' },
      '2026-09-30T00:00:00Z',
      '2026-10-03T16:30:00Z',
    ],
    [
      'Sydney weekly Sunday 02:30 in the overlap',
      { frequency: 'weekly', weekday: 7, at: '02:30', timeZone: 'Australia/Sydney' },
      '2026-04-01T00:00:00Z',
      '2026-04-04T15:30:00Z',
    ],
    [
      'Sydney monthly 30th in winter',
      { frequency: 'monthly', dayOfMonth: 30, timeZone: 'Australia/Sydney' },
      '2026-06-30T22:00:00Z',
      '2026-07-29T22:00:00Z',
    ],
    [
      'Kolkata daily',
      { frequency: 'daily', at: '09:00', timeZone: 'Asia/Kolkata' },
      '2026-05-01T04:00:00Z',
      '2026-05-02T03:30:00Z',
    ],
    [
      'Kolkata weekly Sunday',
      { frequency: 'weekly', weekday: 7, at: '18:00', timeZone: 'Asia/Kolkata' },
      '2026-05-01T04:00:00Z',
      '2026-05-03T12:30:00Z',
    ],
    [
      'Kolkata monthly just after midnight, exactly at a run',
      { frequency: 'monthly', at: '00:15', timeZone: 'Asia/Kolkata' },
      '2026-05-31T18:45:00Z',
      '2026-06-30T18:45:00Z',
    ],
    [
      'Lord Howe daily in summer (+11)',
      { frequency: 'daily', timeZone: 'Australia/Lord_Howe' },
      '2026-01-10T00:00:00Z',
      '2026-01-10T21:00:00Z',
    ],
    [
      'Lord Howe daily in winter (+10:30)',
      { frequency: 'daily', timeZone: 'Australia/Lord_Howe' },
      '2026-07-10T00:00:00Z',
      '2026-07-10T21:30:00Z',
    ],
    [
      'Lord Howe 02:15 in the 30-minute gap',
      { frequency: 'daily', at: '02:15', timeZone: 'Australia/Lord_Howe' },
      '2026-10-03T00:00:00Z',
      '2026-10-03T15:45:00Z',
    ],
    [
      'Lord Howe 01:45 in the 30-minute overlap',
      { frequency: 'daily', at: '01:45', timeZone: 'Australia/Lord_Howe' },
      '2026-04-04T00:00:00Z',
      '2026-04-04T14:45:00Z',
    ],
    [
      'Lord Howe: the repeated 01:45 is not a second run',
      { frequency: 'daily', at: '01:45', timeZone: 'Australia/Lord_Howe' },
      '2026-04-04T14:45:00Z',
      '2026-04-05T15:15:00Z',
    ],
  ];

  it.each(cases)('%s', (_name, input, after, expected) => {
    expect(iso(nextRunAfter(schedule(input), at(after)))).toBe(at(expected).toISOString());
  });

  const lastDay: [number, string, string][] = [
    [31, '2026-02-01T00:00:00Z', '2026-02-28T08:00:00Z'],
    [31, '2028-02-01T00:00:00Z', '2028-02-29T08:00:00Z'],
    [31, '2028-02-29T08:00:00Z', '2028-03-31T08:00:00Z'],
    [29, '2026-02-01T00:00:00Z', '2026-02-28T08:00:00Z'],
    [30, '2028-02-01T00:00:00Z', '2028-02-29T08:00:00Z'],
    [31, '2026-06-01T00:00:00Z', '2026-06-30T08:00:00Z'],
  ];
  it.each(lastDay)('monthly on day %i after %s clamps to %s', (dayOfMonth, after, expected) => {
    const monthly = schedule({ frequency: 'monthly', dayOfMonth, timeZone: 'UTC' });
    expect(iso(nextRunAfter(monthly, at(after)))).toBe(at(expected).toISOString());
  });

  it('rejects an invalid Date', () => {
    expect(() => nextRunAfter(schedule({ frequency: 'daily', timeZone: 'UTC' }), new Date(NaN))).toThrow(RangeError);
  });
});

// ---- a scheduler ticking every few minutes ----

interface Post {
  scheduledFor: Date;
  postedAt: Date;
  key: string;
}

/** Ticks from `from` (= createdAt) up to `to`, posting whenever due and recording lastRunAt = now. */
function simulate(s: Schedule, from: string, to: string, stepMinutes = 5): Post[] {
  const createdAt = at(from);
  const end = at(to).getTime();
  const posts: Post[] = [];
  let lastRunAt: Date | null = null;
  for (let now = createdAt.getTime(); now <= end; now += stepMinutes * MINUTE) {
    const tick = new Date(now);
    const run = dueRun(s, { lastRunAt, createdAt, now: tick });
    if (run.due) {
      posts.push({ scheduledFor: run.scheduledFor, postedAt: tick, key: periodKey(s, run.scheduledFor) });
      lastRunAt = tick;
    }
  }
  return posts;
}

describe('DST changes', () => {
  const gaps: [string, string, string, string[]][] = [
    [
      'Berlin spring forward, 08:00',
      'Europe/Berlin',
      '08:00',
      ['2026-03-28T07:00:00.000Z', '2026-03-29T06:00:00.000Z', '2026-03-30T06:00:00.000Z'],
    ],
    [
      'Berlin spring forward, 02:30 (in the gap)',
      'Europe/Berlin',
      '02:30',
      ['2026-03-28T01:30:00.000Z', '2026-03-29T01:30:00.000Z', '2026-03-30T00:30:00.000Z'],
    ],
    [
      'New York spring forward, 08:00',
      'America/New_York',
      '08:00',
      ['2026-03-07T13:00:00.000Z', '2026-03-08T12:00:00.000Z', '2026-03-09T12:00:00.000Z'],
    ],
    [
      'New York spring forward, 02:30 (in the gap)',
      'America/New_York',
      '02:30',
      ['2026-03-07T07:30:00.000Z', '2026-03-08T07:30:00.000Z', '2026-03-09T06:30:00.000Z'],
    ],
    [
      'Berlin fall back, 08:00',
      'Europe/Berlin',
      '08:00',
      ['2026-10-24T06:00:00.000Z', '2026-10-25T07:00:00.000Z', '2026-10-26T07:00:00.000Z'],
    ],
    [
      'Berlin fall back, 02:30 (in the overlap)',
      'Europe/Berlin',
      '02:30',
      ['2026-10-24T00:30:00.000Z', '2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z'],
    ],
    [
      'New York fall back, 08:00',
      'America/New_York',
      '08:00',
      ['2026-10-31T12:00:00.000Z', '2026-11-01T13:00:00.000Z', '2026-11-02T13:00:00.000Z'],
    ],
    [
      'New York fall back, 01:30 (in the overlap)',
      'America/New_York',
      '01:30',
      ['2026-10-31T05:30:00.000Z', '2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z'],
    ],
  ];

  it.each(gaps)('%s: one run per local day', (_name, timeZone, time, expected) => {
    const s = schedule({ frequency: 'daily', at: time, timeZone });
    // From two days before the change to one day after, ticking every minute.
    const first = at(expected[0] ?? '').getTime();
    const posts = simulate(
      s,
      new Date(first - 12 * HOUR).toISOString(),
      new Date(first + 2 * DAY + 12 * HOUR).toISOString(),
      1,
    );
    expect(posts.map((post) => post.scheduledFor.toISOString())).toEqual(expected);
    expect(posts.every((post) => post.postedAt.getTime() === post.scheduledFor.getTime())).toBe(true);
    const dates = posts.map((post) => post.key.slice(0, 10));
    expect(new Set(dates).size).toBe(3);
  });

  it('08:00 runs 23 hours apart across spring forward and 25 hours apart across fall back', () => {
    // `from`: an instant before the 08:00 run of the day before the change.
    const gapHours = (timeZone: string, from: string): number[] => {
      const s = schedule({ frequency: 'daily', timeZone });
      const before = nextRunAfter(s, at(from));
      const after = nextRunAfter(s, before);
      const third = nextRunAfter(s, after);
      return [(after.getTime() - before.getTime()) / HOUR, (third.getTime() - after.getTime()) / HOUR];
    };
    expect(gapHours('Europe/Berlin', '2026-03-28T00:00:00Z')).toEqual([23, 24]);
    expect(gapHours('America/New_York', '2026-03-07T00:00:00Z')).toEqual([23, 24]);
    expect(gapHours('Europe/Berlin', '2026-10-24T00:00:00Z')).toEqual([25, 24]);
    expect(gapHours('America/New_York', '2026-10-31T00:00:00Z')).toEqual([25, 24]);
    expect(gapHours('Australia/Sydney', '2026-10-02T12:00:00Z')).toEqual([23, 24]);
    expect(gapHours('Australia/Sydney', '2026-04-03T12:00:00Z')).toEqual([25, 24]);
    expect(gapHours('Australia/Lord_Howe', '2026-10-02T12:00:00Z')).toEqual([23.5, 24]);
    expect(gapHours('Australia/Lord_Howe', '2026-04-03T12:00:00Z')).toEqual([24.5, 24]);
  });

  it('keys name the nominal occurrence, also when DST moved it', () => {
    const gap = schedule({ frequency: 'daily', at: '02:30', timeZone: 'Europe/Berlin' });
    expect(periodKey(gap, at('2026-03-29T01:30:00Z'))).toBe('2026-03-29T02:30@Europe/Berlin');
    expect(periodKey(gap, at('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30@Europe/Berlin');
    // The repeated 02:30 (CET) of the overlap day is not an occurrence.
    expect(() => periodKey(gap, at('2026-10-25T01:30:00Z'))).toThrow(RangeError);
    const daily = schedule({ frequency: 'daily', timeZone: 'europe/berlin' });
    expect(periodKey(daily, at('2026-03-29T06:00:00Z'))).toBe('2026-03-29T08:00@Europe/Berlin');
    expect(() => periodKey(daily, at('2026-03-29T06:00:00.001Z'))).toThrow(RangeError);
  });
});

describe('a year of 5-minute ticks', () => {
  const years: [string, string, string][] = [
    ['Europe/Berlin', '2025-12-31T23:00:00Z', '2026-12-31T22:59:59Z'],
    ['America/New_York', '2026-01-01T05:00:00Z', '2027-01-01T04:59:59Z'],
  ];
  // 2026-01-01 is a Thursday and 2026 has 365 days: 53 Thursdays, 52 of every other weekday.
  const cases: [string, ScheduleInput['frequency'], Partial<ScheduleInput>, number][] = [
    ['daily 08:00', 'daily', {}, 365],
    ['daily 02:30 (hits both DST changes)', 'daily', { at: '02:30' }, 365],
    ['weekly Monday', 'weekly', {}, 52],
    ['weekly Thursday', 'weekly', { weekday: 4 }, 53],
    ['weekly Sunday 02:30', 'weekly', { weekday: 7, at: '02:30' }, 52],
    ['monthly on the 31st', 'monthly', { dayOfMonth: 31 }, 12],
  ];
  const table = years.flatMap(([timeZone, from, to]) =>
    cases.map(([name, frequency, extra, count]) => [timeZone, name, frequency, extra, count, from, to] as const),
  );

  it.each(table)('%s %s', (timeZone, _name, frequency, extra, count, from, to) => {
    const s = schedule({ frequency, timeZone, ...extra });
    const posts = simulate(s, from, to);
    expect(posts).toHaveLength(count);
    const nominal = posts.map((post) => localDate(post.key.slice(0, 10)));
    expect(new Set(nominal).size).toBe(count);
    expect(nominal.every((date) => date.startsWith('2026-'))).toBe(true);
    expect(new Set(posts.map((post) => post.key)).size).toBe(count);
    for (const post of posts) {
      // Posted on the first tick at or after the scheduled instant.
      const lag = post.postedAt.getTime() - post.scheduledFor.getTime();
      expect(lag).toBeGreaterThanOrEqual(0);
      expect(lag).toBeLessThan(5 * MINUTE);
      const wall = wallClock(post.scheduledFor, timeZone);
      expect(post.key).toBe(`${wall.date}T${s.at}@${timeZone}`);
      if (s.at === '08:00') expect(wall.time).toBe('08:00');
    }
    if (s.frequency === 'weekly') expect(nominal.every((date) => isoWeekday(date) === s.weekday)).toBe(true);
    if (s.frequency === 'monthly') {
      expect(nominal).toEqual(
        Array.from({ length: 12 }, (_, index) =>
          localDate(`2026-${String(index + 1).padStart(2, '0')}-${String(daysInMonth(2026, index + 1))}`),
        ),
      );
    }
  });
});

// ---- catch-up after downtime ----

describe('dueRun', () => {
  const daily = schedule({ frequency: 'daily', timeZone: 'Europe/Berlin' }); // 08:00 = 06:00Z in June

  it('posts a long downtime once, for the most recent occurrence', () => {
    const createdAt = at('2026-05-01T00:00:00Z');
    const lastRunAt = at('2026-06-01T06:00:00Z');
    const now = at('2026-06-11T09:00:00Z');
    const run = dueRun(daily, { lastRunAt, createdAt, now });
    expect(run.due).toBe(true);
    expect(iso(run.scheduledFor)).toBe('2026-06-11T06:00:00.000Z');
    expect(iso(run.next)).toBe('2026-06-12T06:00:00.000Z');

    // Recorded (as the posting time, or as the occurrence): not due again until the next occurrence.
    for (const recorded of [now, run.scheduledFor ?? now]) {
      const later = (when: string) => dueRun(daily, { lastRunAt: recorded, createdAt, now: at(when) });
      expect(later('2026-06-11T09:05:00Z')).toEqual({
        due: false,
        scheduledFor: null,
        next: at('2026-06-12T06:00:00Z'),
      });
      expect(later('2026-06-12T05:59:59.999Z').due).toBe(false);
      const next = later('2026-06-12T06:00:00Z');
      expect(next.due).toBe(true);
      expect(iso(next.scheduledFor)).toBe('2026-06-12T06:00:00.000Z');
      expect(iso(next.next)).toBe('2026-06-13T06:00:00.000Z');
    }
  });

  it("catches up on yesterday's occurrence when today's is still ahead", () => {
    const run = dueRun(daily, {
      lastRunAt: at('2026-06-01T06:00:00Z'),
      createdAt: at('2026-05-01T00:00:00Z'),
      now: at('2026-06-11T05:00:00Z'),
    });
    expect(iso(run.scheduledFor)).toBe('2026-06-10T06:00:00.000Z');
    expect(iso(run.next)).toBe('2026-06-11T06:00:00.000Z');
  });

  it('counts from createdAt when it never ran', () => {
    const createdAt = at('2026-06-11T06:30:00Z'); // after today's 08:00
    expect(dueRun(daily, { lastRunAt: null, createdAt, now: at('2026-06-11T12:00:00Z') }).due).toBe(false);
    const tomorrow = dueRun(daily, { lastRunAt: null, createdAt, now: at('2026-06-12T06:00:00Z') });
    expect(iso(tomorrow.scheduledFor)).toBe('2026-06-12T06:00:00.000Z');
    const early = at('2026-06-11T05:59:00Z'); // before today's 08:00
    expect(
      iso(dueRun(daily, { lastRunAt: null, createdAt: early, now: at('2026-06-11T06:00:00Z') }).scheduledFor),
    ).toBe('2026-06-11T06:00:00.000Z');
    // An occurrence exactly at createdAt belongs to the past.
    const exact = at('2026-06-11T06:00:00Z');
    expect(dueRun(daily, { lastRunAt: null, createdAt: exact, now: at('2026-06-11T07:00:00Z') }).due).toBe(false);
  });

  it('weekly and monthly catch up once as well', () => {
    const weekly = schedule({ frequency: 'weekly', weekday: 3, timeZone: 'America/New_York' });
    const run = dueRun(weekly, {
      lastRunAt: at('2026-01-07T13:00:00Z'),
      createdAt: at('2026-01-01T00:00:00Z'),
      now: at('2026-03-20T00:00:00Z'),
    });
    expect(iso(run.scheduledFor)).toBe('2026-03-18T12:00:00.000Z'); // Wed 18 March, 08:00 EDT
    expect(iso(run.next)).toBe('2026-03-25T12:00:00.000Z');
    const monthly = schedule({ frequency: 'monthly', dayOfMonth: 31, timeZone: 'UTC' });
    const month = dueRun(monthly, {
      lastRunAt: null,
      createdAt: at('2025-12-01T00:00:00Z'),
      now: at('2026-03-15T00:00:00Z'),
    });
    expect(iso(month.scheduledFor)).toBe('2026-02-28T08:00:00.000Z');
    expect(iso(month.next)).toBe('2026-03-31T08:00:00.000Z');
  });

  it('is not due when the clock is behind the last run', () => {
    const run = dueRun(daily, {
      lastRunAt: at('2026-06-11T06:00:00Z'),
      createdAt: at('2026-05-01T00:00:00Z'),
      now: at('2026-06-10T12:00:00Z'),
    });
    expect(run).toEqual({ due: false, scheduledFor: null, next: at('2026-06-11T06:00:00Z') });
  });
});

// ---- properties ----

describe('properties', () => {
  const ZONES = [
    'UTC',
    'America/New_York',
    'Europe/Berlin',
    'Australia/Sydney',
    'Asia/Kolkata',
    'Australia/Lord_Howe',
    'America/Santiago', // DST changes at midnight
    'America/Havana', // ditto
    'Asia/Kathmandu', // +05:45
    'Pacific/Chatham', // +12:45 / +13:45
    'America/St_Johns', // -03:30 with DST
    'Europe/London',
  ];
  const START = Date.parse('2025-01-01T00:00:00Z');
  const END = Date.parse('2028-12-31T00:00:00Z');

  const minuteArb = fc.oneof(fc.constantFrom(0, 15, 30, 45), fc.integer({ min: 0, max: 59 }));
  // Bias towards the small hours, where the DST changes happen.
  const hourArb = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 23 }));
  const timeArb = fc
    .tuple(hourArb, minuteArb)
    .map(([hour, minute]) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
  const scheduleArb: fc.Arbitrary<Schedule> = fc
    .record({
      timeZone: fc.constantFrom(...ZONES),
      at: timeArb,
      shape: fc.oneof(
        fc.constant({ frequency: 'daily' as const }),
        fc.integer({ min: 1, max: 7 }).map((weekday) => ({ frequency: 'weekly' as const, weekday })),
        fc.integer({ min: 1, max: 31 }).map((dayOfMonth) => ({ frequency: 'monthly' as const, dayOfMonth })),
      ),
    })
    .map(({ timeZone, at: time, shape }) => validateSchedule({ ...shape, at: time, timeZone }));
  const instantArb = fc.integer({ min: START, max: END });
  const RUNS = { numRuns: 400 };

  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const MAX_WAIT = { daily: DAY + 2 * HOUR, weekly: 7 * DAY + 2 * HOUR, monthly: 31 * DAY + 2 * HOUR };

  /** The nominal date of the run `run` and whether it sits on a gap day, checked with longOffset only. */
  function nominal(s: Schedule, run: number): LocalDate {
    const wall = wallClock(run, s.timeZone);
    if (wall.time === s.at) {
      // Not a gap: and of two instants showing this wall time (an overlap), it is the earlier one.
      const local = localMs(run, s.timeZone);
      for (const offset of [zoneOffset(run - DAY, s.timeZone), zoneOffset(run + DAY, s.timeZone)]) {
        const other = local - offset;
        if (zoneOffset(other, s.timeZone) === offset) expect(other).toBeGreaterThanOrEqual(run);
      }
      return wall.date;
    }
    // A gap day: the wall clock shows `at` + gap, and `at` itself does not exist that day.
    const after = zoneOffset(run, s.timeZone);
    const before = zoneOffset(run - DAY, s.timeZone);
    const gap = after - before;
    expect(gap).toBeGreaterThan(0);
    const intended = localMs(run, s.timeZone) - gap;
    const intendedText = new Date(intended).toISOString();
    expect(intendedText.slice(11, 16)).toBe(s.at);
    for (const offset of [before, after]) expect(zoneOffset(intended - offset, s.timeZone)).not.toBe(offset);
    expect((minutes(wall.time) - minutes(s.at) + 1440) % 1440).toBe(gap / MINUTE);
    return localDate(intendedText.slice(0, 10));
  }

  it('the next run is after t, soon enough, at `at` (or `at` + gap on gap days), on a scheduled day', () => {
    fc.assert(
      fc.property(scheduleArb, instantArb, (s, t) => {
        const run = nextRunAfter(s, new Date(t)).getTime();
        expect(run).toBeGreaterThan(t);
        expect(run - t).toBeLessThanOrEqual(MAX_WAIT[s.frequency]);
        const date = nominal(s, run);
        if (s.frequency === 'weekly') expect(isoWeekday(date)).toBe(s.weekday);
        if (s.frequency === 'monthly') {
          const [year, month, day] = date.split('-').map(Number) as [number, number, number];
          expect(day).toBe(Math.min(s.dayOfMonth, daysInMonth(year, month)));
        }
        expect(periodKey(s, new Date(run))).toBe(`${date}T${s.at}@${s.timeZone}`);
        expect(zonedTimeToInstant(date, s.at, s.timeZone).getTime()).toBe(run);
      }),
      RUNS,
    );
  });

  it('is monotonic and skips nothing: every instant in [t, next) has the same next run', () => {
    fc.assert(
      fc.property(
        scheduleArb,
        instantArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(40 * DAY),
        (s, t, f, d) => {
          const run = nextRunAfter(s, new Date(t)).getTime();
          const inside = t + Math.floor((run - 1 - t) * f);
          expect(nextRunAfter(s, new Date(inside)).getTime()).toBe(run);
          expect(nextRunAfter(s, new Date(t + d)).getTime()).toBeGreaterThanOrEqual(run);
        },
      ),
      RUNS,
    );
  });

  it('dueRun agrees with nextRunAfter', () => {
    fc.assert(
      fc.property(scheduleArb, instantArb, (s, t) => {
        const run = nextRunAfter(s, new Date(t));
        const createdAt = new Date(t);
        const before = dueRun(s, { lastRunAt: null, createdAt, now: new Date(run.getTime() - 1) });
        expect(before).toEqual({ due: false, scheduledFor: null, next: run });
        const onTime = dueRun(s, { lastRunAt: null, createdAt, now: run });
        expect(onTime.due).toBe(true);
        expect(onTime.scheduledFor?.getTime()).toBe(run.getTime());
        expect(onTime.next).toEqual(nextRunAfter(s, run));
        const again = dueRun(s, { lastRunAt: run, createdAt, now: new Date(onTime.next.getTime() - 1) });
        expect(again.due).toBe(false);
      }),
      RUNS,
    );
  });
});
