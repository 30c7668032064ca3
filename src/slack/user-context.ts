// Who is asking, and what "today" means for them: Slack's users.info gives the user's time zone and
// locale, cached for a while so a command costs no extra Web API call most of the time.
import type { webApi } from '@slack/bolt';
import { dateInZone, type LocalDate } from '../domain/local-date.ts';
import type { Clock } from '../services/clock.ts';

export type DateOrder = 'DMY' | 'MDY' | 'YMD';

export interface UserContext {
  teamId: string;
  userId: string;
  displayName: string;
  timeZone: string;
  locale: string;
  dateOrder: DateOrder;
  now: Date;
  today: LocalDate;
}

interface CachedUser {
  displayName: string;
  timeZone: string;
  locale: string;
  fetchedAt: number;
}

const MONTH_FIRST_REGIONS = new Set(['US', 'PH', 'FM', 'MH', 'PW']);
const YEAR_FIRST_LANGUAGES = new Set(['ja', 'zh', 'ko', 'hu', 'lt', 'mn']);

/** How people in this locale write 03/04/2026. */
export function dateOrderOf(locale: string): DateOrder {
  const [language = 'en', region = ''] = locale.replace('_', '-').split('-');
  if (YEAR_FIRST_LANGUAGES.has(language.toLowerCase())) return 'YMD';
  if (MONTH_FIRST_REGIONS.has(region.toUpperCase())) return 'MDY';
  if (language.toLowerCase() === 'en' && region === '') return 'MDY';
  return 'DMY';
}

function validZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

export class UserDirectory {
  private readonly cache = new Map<string, CachedUser>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = 10 * 60_000,
    private readonly maxEntries = 5_000,
  ) {}

  /** Never fails: without an answer from Slack the user is treated as being on UTC, en-US. */
  async resolve(client: webApi.WebClient, teamId: string, userId: string): Promise<UserContext> {
    const key = `${teamId}:${userId}`;
    const nowMs = this.clock.now().getTime();
    let cached = this.cache.get(key);
    if (!cached || nowMs - cached.fetchedAt > this.ttlMs) {
      cached = await this.fetch(client, userId, nowMs, cached);
      if (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value ?? key);
      this.cache.set(key, cached);
    }
    const now = this.clock.now();
    return {
      teamId,
      userId,
      displayName: cached.displayName,
      timeZone: cached.timeZone,
      locale: cached.locale,
      dateOrder: dateOrderOf(cached.locale),
      now,
      today: dateInZone(now, cached.timeZone),
    };
  }

  private async fetch(
    client: webApi.WebClient,
    userId: string,
    nowMs: number,
    previous: CachedUser | undefined,
  ): Promise<CachedUser> {
    try {
      const answer = await client.users.info({ user: userId, include_locale: true });
      const user = answer.user;
      return {
        displayName: user?.real_name || user?.profile?.real_name || user?.name || userId,
        timeZone: validZone(user?.tz) ?? 'UTC',
        locale: user?.locale ?? 'en-US',
        fetchedAt: nowMs,
      };
    } catch {
      // Keep what we knew; retry sooner next time.
      return previous
        ? { ...previous, fetchedAt: nowMs - this.ttlMs / 2 }
        : { displayName: userId, timeZone: 'UTC', locale: 'en-US', fetchedAt: nowMs - this.ttlMs / 2 };
    }
  }
}
