// The message catalogue a person or a channel is answered from: one per language (English, French,
// Italian, Norwegian Bokmål, Simplified Chinese), each held to English's shape (./shape.ts).
import { type InputLanguage, inputLanguageOf } from '../domain/typed-input/language.ts';
import { english } from './en/index.ts';
import { french } from './fr/index.ts';
import { italian } from './it/index.ts';
import { norwegian } from './nb/index.ts';
import { chinese } from './zh/index.ts';
import type { Catalogue } from './shape.ts';

export type { Catalogue } from './shape.ts';

/** A language the bot speaks (and reads typed values in): the same set as typed input's. */
export type Language = InputLanguage;
export { INPUT_LANGUAGES as LANGUAGES } from '../domain/typed-input/language.ts';
/** The language of a locale: fr-* French, it-* Italian, nb/nn/no Norwegian, zh-* Chinese, else English. */
export const languageOf: (locale: string) => Language = inputLanguageOf;

const CATALOGUES: Readonly<Record<Language, Catalogue>> = {
  en: english,
  fr: french,
  it: italian,
  nb: norwegian,
  zh: chinese,
};

/** The catalogue for a locale (BCP 47); English for any language the bot does not speak. */
export function catalogueFor(locale: string): Catalogue {
  return CATALOGUES[languageOf(locale)];
}

/** The locale a chosen language is formatted in when the person's own locale is of another language. */
export const LANGUAGE_LOCALES: Readonly<Record<Language, string>> = {
  en: 'en-US',
  fr: 'fr-CA',
  it: 'it-IT',
  nb: 'nb-NO',
  zh: 'zh-CN',
};

/**
 * The locale a person is answered in: their Slack locale, unless they chose a language (`/opp language`)
 * that it is not written in; then the chosen language's usual locale (someone on en-US who chose nb is
 * answered in nb-NO; someone on fr-FR who chose fr keeps fr-FR).
 */
export function personLocale(slackLocale: string, chosen: Language | null): string {
  if (chosen === null || languageOf(slackLocale) === chosen) return slackLocale;
  return LANGUAGE_LOCALES[chosen];
}
