// The app's one cache utility (src/services/cache.ts): bounded, least recently used out first, and
// entries expire on the injected clock, not the machine's.
import { describe, expect, it } from 'vitest';
import { boundedCache, expiringCache } from '../../../src/services/cache.ts';
import { fixedClock } from '../../../src/services/clock.ts';

describe('expiringCache', () => {
  it('keeps an entry for its time to live on the injected clock, then drops it', () => {
    const clock = fixedClock('2026-12-03T09:00:00Z');
    const cache = expiringCache<string, string>({ max: 10, ttlMs: 5_000, clock });
    cache.set('T1', 'EUR');
    clock.advance(5_000);
    expect(cache.get('T1')).toBe('EUR');
    clock.advance(1);
    expect(cache.get('T1')).toBeUndefined();
  });

  it('a shorter time to live for one entry', () => {
    const clock = fixedClock('2026-12-03T09:00:00Z');
    const cache = expiringCache<string, string>({ max: 10, ttlMs: 10_000, clock });
    cache.set('short', 'a', { ttl: 2_000 });
    cache.set('long', 'b');
    clock.advance(2_001);
    expect([cache.get('short'), cache.get('long')]).toEqual([undefined, 'b']);
  });

  it('reading an entry does not make it live longer', () => {
    const clock = fixedClock('2026-12-03T09:00:00Z');
    const cache = expiringCache<string, string>({ max: 10, ttlMs: 1_000, clock });
    cache.set('k', 'v');
    clock.advance(900);
    expect(cache.get('k')).toBe('v');
    clock.advance(200);
    expect(cache.get('k')).toBeUndefined();
  });

  it('holds at most `max` entries, dropping the least recently used', () => {
    const cache = expiringCache<string, number>({ max: 2, ttlMs: 60_000, clock: fixedClock('2026-12-03T09:00:00Z') });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
  });
});

describe('boundedCache', () => {
  it('holds at most `max` entries, dropping the least recently used, and never expires', () => {
    const cache = boundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.size, cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([2, 1, undefined, 3]);
  });
});
