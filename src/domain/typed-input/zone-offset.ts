// A time zone's offset from UTC at an instant, in minutes east of UTC (Paris in winter: 60, Toronto: -300).
// chrono-node takes a reference time zone only as such an offset: an IANA name given to it is ignored.
// The wall-clock arithmetic is the scheduler's (src/domain/schedule.ts), with its formatter cache.
import { fromEpochDay } from '../local-date.ts';
import { offsetMs, zonedEpochMs } from '../schedule.ts';

const MINUTE_MS = 60_000;

/** Minutes east of UTC of `timeZone` at the instant `epochMs` (milliseconds since 1970 UTC). */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  return Math.round(offsetMs(epochMs, timeZone) / MINUTE_MS);
}

/** Milliseconds since 1970 UTC of noon on `date` in `timeZone` (the offset taken at that noon). */
export function localNoonEpochMs(epochDay: number, timeZone: string): { epochMs: number; offsetMinutes: number } {
  const epochMs = zonedEpochMs(fromEpochDay(epochDay), '12:00', timeZone);
  return { epochMs, offsetMinutes: zoneOffsetMinutes(epochMs, timeZone) };
}
