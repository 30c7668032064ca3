// Which locale a person's text is written for. Slack gives each user a BCP 47 tag (`en-US`, `fr-CA`);
// anything Intl cannot read falls back to the default.

/** The locale of everyone whose own is unknown or unreadable, and of channels (until issue 12). */
export const DEFAULT_LOCALE = 'en-US';

/** The canonical form of a locale tag (`en_us` → `en-US`), or the default when it is not one. */
export function canonicalLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale.trim().replace(/_/g, '-'))[0] ?? DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}
