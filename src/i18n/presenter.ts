// What a message builder writes with: the catalogue of the reader's language and a formatter for their
// locale. A person's surfaces (replies, modals, App Home, DMs) use theirs, from the request context
// (`presenterFor(ctx.locale)`); channel posts use the channel's (`channelPresenter`).
import { LRUCache } from 'lru-cache';
import { type Catalogue, catalogueFor, type Language, LANGUAGE_LOCALES } from './catalogue.ts';
import { Formatter } from './format.ts';
import { canonicalLocale } from './locale.ts';

export interface Presenter {
  /** The canonical locale tag the values are formatted for. */
  readonly locale: string;
  /** The catalogue: every word the builders write. */
  readonly t: Catalogue;
  /** Money, numbers, percentages and dates as the locale writes them. */
  readonly format: Formatter;
}

// A presenter holds Intl formatters, which are slow to build: one per locale, kept.
const presenters = new LRUCache<string, Presenter>({ max: 200 });

/** The presenter for a locale (an unreadable one gets the default locale's). */
export function presenterFor(locale: string): Presenter {
  let presenter = presenters.get(locale);
  if (!presenter) {
    const canonical = canonicalLocale(locale);
    const t = catalogueFor(canonical);
    presenter = presenters.get(canonical) ?? {
      locale: canonical,
      t,
      format: new Formatter(canonical, t.ui.common.unknownCurrency),
    };
    presenters.set(locale, presenter);
    presenters.set(canonical, presenter);
  }
  return presenter;
}

/**
 * The presenter of posts many people read in a channel (digests, announcements): the channel's language
 * (its own choice, else the workspace's, else English; see services/languages.ts), in that language's
 * usual locale.
 */
export function channelPresenter(language: Language): Presenter {
  let presenter = channelPresenters.get(language);
  if (!presenter) {
    const person = presenterFor(LANGUAGE_LOCALES[language]);
    presenter = { ...person, format: new Formatter(person.locale, person.t.ui.common.unknownCurrency, true) };
    channelPresenters.set(language, presenter);
  }
  return presenter;
}

const channelPresenters = new Map<Language, Presenter>();
