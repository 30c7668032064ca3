// What a message builder writes with: the catalogue of the reader's language and a formatter for their
// locale. A person's surfaces (replies, modals, App Home, DMs) use theirs, from the request context
// (`presenterFor(ctx.locale)`); channel posts use the channel's (`channelPresenter`).
import { LRUCache } from 'lru-cache';
import { type Catalogue, catalogueFor } from './catalogue.ts';
import { Formatter } from './format.ts';
import { canonicalLocale, DEFAULT_LOCALE } from './locale.ts';

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
 * The presenter of posts many people read in a channel (digests, announcements). A channel's language
 * comes with issue 12 (the channel's own, else the workspace's); until then every channel reads the
 * default locale's English.
 */
export function channelPresenter(_channel: { workspaceId: string; channelId: string }): Presenter {
  return presenterFor(DEFAULT_LOCALE);
}
