// The app's one kind of in-process cache: lru-cache, bounded by entry count and, where entries go out of
// date, by a time to live read from the injected clock (so tests move time instead of waiting). Such a
// cache only saves work: whatever another instance needs lives in the database, never here.
import { LRUCache } from 'lru-cache';
import type { Clock } from './clock.ts';

export type { LRUCache };

export interface CacheOptions {
  /** Most entries kept; the least recently used goes first. */
  max: number;
  /** How long an entry is used after it was stored (`set`'s `ttl` may shorten it for one entry). */
  ttlMs: number;
  clock: Clock;
}

/** A bounded cache whose entries expire `ttlMs` after they were stored, on `clock`'s time. */
export function expiringCache<K extends NonNullable<unknown>, V extends NonNullable<unknown>>({
  max,
  ttlMs,
  clock,
}: CacheOptions): LRUCache<K, V> {
  return new LRUCache<K, V>({
    max,
    ttl: ttlMs,
    // Every staleness check asks the clock (lru-cache would otherwise keep "now" for a millisecond
    // with a timer), and an entry read does not extend its life.
    ttlResolution: 0,
    perf: { now: () => clock.now().getTime() },
  });
}

/** A bounded cache of values that never go out of date (formatters, per-token clients). */
export function boundedCache<K extends NonNullable<unknown>, V extends NonNullable<unknown>>(
  max: number,
): LRUCache<K, V> {
  return new LRUCache<K, V>({ max });
}
