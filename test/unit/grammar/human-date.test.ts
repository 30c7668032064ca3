import { afterEach, describe, expect, it } from 'vitest';
import type { DateOrder } from '../../../src/domain/human-date.ts';
import { parseHumanDate } from '../../../src/domain/human-date.ts';
import { addDays, localDate } from '../../../src/domain/local-date.ts';

// 2026-05-20T23:30Z is Wednesday 20 May in UTC and Los Angeles, but already Thursday 21 May in Auckland.
const LATE = new Date('2026-05-20T23:30:00Z');
// 2026-05-21T03:00Z is Thursday 21 May in UTC and Auckland, still Wednesday 20 May in Los Angeles.
const EARLY = new Date('2026-05-21T03:00:00Z');

const ZONES = ['UTC', 'America/Los_Angeles', 'Pacific/Auckland'] as const;
type Zone = (typeof ZONES)[number];

const TODAY: Record<'LATE' | 'EARLY', Record<Zone, string>> = {
  LATE: { UTC: '2026-05-20', 'America/Los_Angeles': '2026-05-20', 'Pacific/Auckland': '2026-05-21' },
  EARLY: { UTC: '2026-05-21', 'America/Los_Angeles': '2026-05-20', 'Pacific/Auckland': '2026-05-21' },
};

/** Expected date for a phrase, given the user's today (a Wednesday 20 May or a Thursday 21 May 2026). */
const RELATIVE: [string, (today: string) => string | undefined][] = [
  ['today', (t) => t],
  ['tomorrow', (t) => addDays(localDate(t), 1)],
  ['Today.', (t) => t],
  ['friday', () => '2026-05-22'],
  ['Friday', () => '2026-05-22'],
  ['by friday', () => '2026-05-22'],
  ['next friday', () => '2026-05-29'],
  ['thursday', () => '2026-05-21'],
  ['in 30 days', (t) => addDays(localDate(t), 30)],
  ['in 2 weeks', (t) => addDays(localDate(t), 14)],
  ['next month', (t) => `2026-06-${t.slice(8)}`],
  ['end of month', () => '2026-05-31'],
  ['end of the month', () => '2026-05-31'],
  ['end of next month', () => '2026-06-30'],
  ['end of quarter', () => '2026-06-30'],
  ['end of next quarter', () => '2026-09-30'],
  ['end of year', () => '2026-12-31'],
  ['end of last year', () => '2025-12-31'],
  ['end of week', () => '2026-05-24'],
  ['start of next quarter', () => '2026-07-01'],
  ['eom', () => '2026-05-31'],
  ['eoq', () => '2026-06-30'],
  ['2026-12-15', () => '2026-12-15'],
  ['Dec 15', () => '2026-12-15'],
  ['on Dec 15', () => '2026-12-15'],
  ['15 Dec 2026', () => '2026-12-15'],
  ['December 15, 2026', () => '2026-12-15'],
  ['last friday', () => '2026-05-15'],
  ['yesterday', (t) => addDays(localDate(t), -1)],
  ['tomorrow 5pm', (t) => addDays(localDate(t), 1)],
  ['blah', () => undefined],
  ['tomorrowish maybe', () => undefined],
  ['tomorrow maybe', () => undefined],
  ['friday to monday', () => undefined],
  ['', () => undefined],
  ['in 99999999 years', () => undefined],
];

describe('parseHumanDate relative to the user’s today', () => {
  for (const [label, now] of [
    ['LATE', LATE],
    ['EARLY', EARLY],
  ] as const) {
    for (const timeZone of ZONES) {
      const today = TODAY[label][timeZone];
      it.each(RELATIVE)(`${label} ${timeZone} (today ${today}): %s`, (text, expected) => {
        expect(parseHumanDate(text, { now, timeZone, dateOrder: 'DMY' })).toBe(expected(today));
      });
    }
  }

  it('uses the user’s date, not UTC’s: 23:30 UTC is already tomorrow in Auckland', () => {
    expect(parseHumanDate('today', { now: LATE, timeZone: 'Pacific/Auckland', dateOrder: 'DMY' })).toBe('2026-05-21');
    expect(parseHumanDate('today', { now: LATE, timeZone: 'UTC', dateOrder: 'DMY' })).toBe('2026-05-20');
    expect(parseHumanDate('today', { now: EARLY, timeZone: 'America/Los_Angeles', dateOrder: 'DMY' })).toBe(
      '2026-05-20',
    );
    expect(parseHumanDate('today', { now: EARLY, timeZone: 'UTC', dateOrder: 'DMY' })).toBe('2026-05-21');
  });
});

describe('numeric dates follow the user’s date order', () => {
  const cases: [string, DateOrder, string | undefined][] = [
    ['15/12/2026', 'DMY', '2026-12-15'],
    ['15/12/2026', 'MDY', undefined],
    ['12/15/2026', 'MDY', '2026-12-15'],
    ['12/15/2026', 'DMY', undefined],
    ['05/12/2026', 'DMY', '2026-12-05'],
    ['05/12/2026', 'MDY', '2026-05-12'],
    ['2026/12/15', 'DMY', '2026-12-15'],
    ['2026/12/15', 'YMD', '2026-12-15'],
    ['26/12/15', 'YMD', '2026-12-15'],
    ['15.12.2026', 'DMY', '2026-12-15'],
    ['15-12-26', 'DMY', '2026-12-15'],
    ['15/12', 'DMY', '2026-12-15'],
    ['12/15', 'MDY', '2026-12-15'],
    ['12/15', 'YMD', '2026-12-15'],
    ['1/5', 'DMY', '2027-05-01'],
    ['31/02/2026', 'DMY', undefined],
    ['29/02/2027', 'DMY', undefined],
    ['29/02/2028', 'DMY', '2028-02-29'],
    ['0/0/2026', 'DMY', undefined],
    ['15/12/202', 'DMY', undefined],
  ];
  it.each(cases)('%s (%s) → %s', (text, dateOrder, expected) => {
    expect(parseHumanDate(text, { now: LATE, timeZone: 'UTC', dateOrder })).toBe(expected);
  });
});

describe('prefer past (dates of change, purge bounds)', () => {
  const cases: [string, string | undefined][] = [
    ['friday', '2026-05-15'],
    ['wednesday', '2026-05-20'],
    ['Dec 15', '2025-12-15'],
    ['15/12', '2025-12-15'],
    ['jan 5', '2026-01-05'],
    ['yesterday', '2026-05-19'],
    ['last friday', '2026-05-15'],
    ['in 2 days', '2026-05-22'],
  ];
  it.each(cases)('%s → %s', (text, expected) => {
    expect(parseHumanDate(text, { now: LATE, timeZone: 'UTC', dateOrder: 'DMY', prefer: 'past' })).toBe(expected);
  });
});

describe('independent of the process time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });
  it.each(['Pacific/Kiritimati', 'America/Adak', 'Asia/Kolkata'])('TZ=%s', (tz) => {
    process.env.TZ = tz;
    expect(new Date(2026, 0, 1).getTimezoneOffset()).not.toBe(0); // the override took effect
    const ctx = { now: LATE, timeZone: 'Pacific/Auckland', dateOrder: 'DMY' } as const;
    expect(parseHumanDate('today', ctx)).toBe('2026-05-21');
    expect(parseHumanDate('tomorrow', ctx)).toBe('2026-05-22');
    expect(parseHumanDate('in 30 days', ctx)).toBe('2026-06-20');
    expect(parseHumanDate('next friday', ctx)).toBe('2026-05-29');
    expect(parseHumanDate('Dec 15', ctx)).toBe('2026-12-15');
  });
});
