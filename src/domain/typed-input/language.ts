// The language a person's typed values are read in (dates, amounts, yes/no words). Command keywords
// (`next`, `close:`, `value:`) stay English in every language; only the values change.

export const INPUT_LANGUAGES = ['en', 'fr', 'it', 'nb', 'zh'] as const;
export type InputLanguage = (typeof INPUT_LANGUAGES)[number];

/**
 * A BCP 47 locale ("fr-CA", "it_IT", "nb-NO", "zh-CN") → the language its values are read in. Norwegian
 * Nynorsk and the bare macrolanguage "no" read as Bokmål; every Chinese locale reads as Simplified Chinese
 * (the date words of Traditional script are mapped to Simplified when read). Anything else is English.
 */
export function inputLanguageOf(locale: string): InputLanguage {
  const [language = ''] = locale.trim().toLowerCase().replace(/_/g, '-').split('-');
  switch (language) {
    case 'fr':
      return 'fr';
    case 'it':
      return 'it';
    case 'nb':
    case 'nn':
    case 'no':
      return 'nb';
    case 'zh':
      return 'zh';
    default:
      return 'en';
  }
}
