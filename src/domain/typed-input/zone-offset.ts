// A time zone's offset from UTC at an instant, in minutes east of UTC (Paris in winter: 60, Toronto: -300).
// chrono-node takes a reference time zone only as such an offset: an IANA name given to it is ignored.
import { LRUCache } from 'lru-cache';
import { makeDate, toEpochDay } from '../local-date.ts';

const SECOND_MS = 1_000;
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Minutes east of UTC of `timeZone` at the instant `epochMs` (milliseconds since 1970 UTC). */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of wallClock(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  const wallMs =
    toEpochDay(makeDate(year, month, day)) * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS + second * SECOND_MS;
  return Math.round((wallMs - Math.floor(epochMs / SECOND_MS) * SECOND_MS) / MINUTE_MS);
}

const formatters = new LRUCache<string, Intl.DateTimeFormat>({ max: 500 });
function wallClock(timeZone: string): Intl.DateTimeFormat {
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

/** Milliseconds since 1970 UTC of noon on `date` in `timeZone` (the offset taken at that noon). */
export function localNoonEpochMs(epochDay: number, timeZone: string): { epochMs: number; offsetMinutes: number } {
  const noonAsUtc = epochDay * DAY_MS + 12 * HOUR_MS;
  // The offset at noon UTC is right unless the zone changes its clocks between the two noons: ask again there.
  const firstGuess = noonAsUtc - zoneOffsetMinutes(noonAsUtc, timeZone) * MINUTE_MS;
  const offsetMinutes = zoneOffsetMinutes(firstGuess, timeZone);
  return { epochMs: noonAsUtc - offsetMinutes * MINUTE_MS, offsetMinutes };
}
