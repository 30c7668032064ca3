// Who is asking, and what "today" means for them: Slack's users.info gives the user's time zone and
// locale, cached for a while so a command costs no extra Web API call most of the time.
import type { webApi } from '@slack/bolt';
import { dateInZone, type LocalDate } from '../domain/local-date.ts';
import { inputLanguageOf, type InputLanguage } from '../domain/typed-input/language.ts';
import { personLocale } from '../i18n/catalogue.ts';
import { DEFAULT_LOCALE } from '../i18n/locale.ts';
import { expiringCache, type LRUCache } from '../services/cache.ts';
import type { Clock } from '../services/clock.ts';
import type { Requester } from '../services/members.ts';

export type DateOrder = 'DMY' | 'MDY' | 'YMD';

export interface UserContext {
  teamId: string;
  userId: string;
  displayName: string;
  timeZone: string;
  /** The locale the person is answered in: their Slack locale, or the language they chose. */
  locale: string;
  /** The locale Slack gives them (what `/opp language auto` goes back to). */
  slackLocale: string;
  /** The language they chose with `/opp language`; null: their Slack locale's. */
  chosenLanguage: InputLanguage | null;
  /**
   * Their role and the workspace's rules, read fresh with the chosen language (one statement): the
   * request's authorization starts from it. Null when there was no answer (the request reads it again).
   */
  access: Requester['access'] | null;
  dateOrder: DateOrder;
  /** The language the values this person types are read in (dates, amounts, yes/no), from the locale. */
  language: InputLanguage;
  now: Date;
  today: LocalDate;
}

interface CachedUser {
  displayName: string;
  timeZone: string;
  locale: string;
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

/**
 * What the database says about a member: the language they chose and their access (read fresh each time:
 * a choice made or a role given on another instance counts at once).
 */
export type StoredMember = (workspaceId: string, userId: string) => Promise<Requester>;

const NOTHING_STORED: Pick<UserContext, 'chosenLanguage' | 'access'> = { chosenLanguage: null, access: null };

export class UserDirectory {
  private readonly cache: LRUCache<string, CachedUser>;
  /** Only a hint for refusals' language: losing it (another instance, a restart) costs nothing but English. */
  private readonly lastLocales = new Map<string, string>();
  /** The users.info calls under way: requests for the same person at once share one. */
  private readonly fetching = new Map<string, Promise<CachedUser>>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = 10 * 60_000,
    maxEntries = 5_000,
    private readonly stored: StoredMember | undefined = undefined,
  ) {
    this.cache = expiringCache({ max: maxEntries, ttlMs, clock });
  }

  /**
   * The locale this instance last answered a person in, without asking anyone (a refusal that runs
   * before the user is looked up); undefined when this instance has not seen them lately.
   */
  knownLocale(teamId: string, userId: string): string | undefined {
    return this.lastLocales.get(`${teamId}:${userId}`);
  }

  /**
   * Never fails: without an answer from Slack the user is treated as being on UTC, in the default locale.
   * `staleAllowed`: an answer out of date is used at once and Slack is asked again in the background (a
   * form's submission: its ack must not wait for Slack, and the person was looked up when they opened it).
   */
  async resolve(
    client: webApi.WebClient,
    teamId: string,
    userId: string,
    options: { staleAllowed?: boolean; chosenLanguage?: InputLanguage | null } = {},
  ): Promise<UserContext> {
    const key = `${teamId}:${userId}`;
    const known = this.cache.peek(key, { allowStale: true }); // even out of date (get drops it then)
    const stored: Promise<Pick<UserContext, 'chosenLanguage' | 'access'>> =
      // The caller read the chosen language already (a notification's delivery): nothing to read here.
      options.chosenLanguage !== undefined
        ? Promise.resolve({ chosenLanguage: options.chosenLanguage, access: null })
        : this.stored
          ? this.stored(teamId, userId).catch(() => NOTHING_STORED) // never fails the request
          : Promise.resolve(NOTHING_STORED);
    let cached = this.cache.get(key);
    if (!cached) {
      const refreshed = this.refresh(client, key, userId, known);
      cached = known && options.staleAllowed ? known : await refreshed;
    }
    const { chosenLanguage, access } = await stored;
    const locale = personLocale(cached.locale, chosenLanguage);
    if (this.lastLocales.size >= 5_000 && !this.lastLocales.has(key)) this.lastLocales.clear();
    this.lastLocales.set(key, locale);
    const now = this.clock.now();
    return {
      teamId,
      userId,
      displayName: cached.displayName,
      timeZone: cached.timeZone,
      locale,
      slackLocale: cached.locale,
      chosenLanguage,
      access,
      dateOrder: dateOrderOf(locale),
      language: inputLanguageOf(locale),
      now,
      today: dateInZone(now, cached.timeZone),
    };
  }

  /** Asks Slack (once for all who ask at the same time) and keeps the answer; never rejects. */
  private refresh(
    client: webApi.WebClient,
    key: string,
    userId: string,
    previous: CachedUser | undefined,
  ): Promise<CachedUser> {
    const pending = this.fetching.get(key);
    if (pending) return pending;
    const fetched = this.fetch(client, userId, previous).then(({ user, answered }) => {
      // What Slack did not answer is asked again sooner.
      this.cache.set(key, user, answered ? {} : { ttl: this.ttlMs / 2 });
      return user;
    });
    this.fetching.set(key, fetched);
    void fetched.finally(() => this.fetching.delete(key));
    return fetched;
  }

  private async fetch(
    client: webApi.WebClient,
    userId: string,
    previous: CachedUser | undefined,
  ): Promise<{ user: CachedUser; answered: boolean }> {
    try {
      const answer = await client.users.info({ user: userId, include_locale: true });
      const user = answer.user;
      return {
        user: {
          displayName: user?.real_name || user?.profile?.real_name || user?.name || userId,
          timeZone: validZone(user?.tz) ?? 'UTC',
          locale: user?.locale ?? DEFAULT_LOCALE,
        },
        answered: true,
      };
    } catch {
      // Keep what we knew (even out of date); retry sooner next time.
      return { user: previous ?? { displayName: userId, timeZone: 'UTC', locale: DEFAULT_LOCALE }, answered: false };
    }
  }
}
