// Converters from the raw text of one value to a typed, validated value. Each throws InputError naming the
// field and the text when the value is wrong.
import { z } from 'zod';
import type { NumberIssue, NumberReading, NumberRules } from '../../domain/amounts.ts';
import {
  AMOUNT_RULES,
  PERCENT_RULES,
  QUANTITY_RULES,
  readAmount,
  readPercent,
  readQuantity,
} from '../../domain/amounts.ts';
import type { Decimal } from '../../domain/decimal.ts';
import type { DateContext } from '../../domain/human-date.ts';
import { parseHumanDate } from '../../domain/human-date.ts';
import type { LocalDate } from '../../domain/local-date.ts';
import { wonLostWords, yesNoWords } from '../../domain/typed-input/answer-words.ts';
import type { InputLanguage } from '../../domain/typed-input/language.ts';
import type { Field, InputProblem } from './input-problems.ts';
import { fail } from './input-problems.ts';
import { snippet } from './tokenize.ts';
import type { LanguageChoice } from './opp-command.ts';

export const MAX_DESCRIPTION = 100;
export const MAX_CODE = 10;
export const MAX_EMAIL = 80;
export const MAX_DATE_FORMULA = 32;

/**
 * Slack-escaped text to what the user typed: links `<https://x|label>` become their label (or the URL),
 * `<mailto:a@b.c|a@b.c>` the address, and `&amp;` `&lt;` `&gt;` are decoded. User and channel mentions stay.
 */
export function plainText(raw: string): string {
  return raw
    .replace(/<(?![@#!])([^|>]*)\|([^>]*)>/g, (_all, _target: string, label: string) => label)
    .replace(/<(?![@#!])([^>]*)>/g, (_all, target: string) => target.replace(/^mailto:/i, ''))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

/** Free text (descriptions, names): decoded, non-empty, at most `max` characters. */
export function freeText(raw: string, field: Field, max = MAX_DESCRIPTION): string {
  const text = plainText(raw);
  if ([...text].length > max) fail({ kind: 'too-long', field, max, length: [...text].length });
  return text;
}

const OPPORTUNITY_NO = /^OP\d{5,10}$/;

/** `OP00001` in any case → `OP00001`. */
export function opportunityNo(raw: string): string {
  const text = plainText(raw).toUpperCase();
  if (!OPPORTUNITY_NO.test(text)) fail({ kind: 'bad-opportunity-no', text: snippet(plainText(raw)) });
  return text;
}

export function isOpportunityNo(raw: string): boolean {
  return OPPORTUNITY_NO.test(plainText(raw).toUpperCase());
}

const CODE = /^[A-Z0-9][A-Z0-9._/-]*$/;

/** A Business Central-style code: upper-cased, at most 10 characters of A–Z, 0–9, `.`, `_`, `/`, `-`. */
export function code(raw: string, field: Field): string {
  const text = plainText(raw).toUpperCase();
  if ([...text].length > MAX_CODE) fail({ kind: 'too-long', field, max: MAX_CODE, length: [...text].length });
  if (!CODE.test(text)) fail({ kind: 'bad-code', field, text: snippet(plainText(raw)) });
  return text;
}

function numberProblem(
  field: Field,
  text: string,
  issue: NumberIssue,
  rules: NumberRules,
  percent: boolean,
): InputProblem {
  switch (issue) {
    case 'not-a-number':
      return percent ? { kind: 'bad-percent', field, text } : { kind: 'bad-number', field, text };
    case 'ambiguous':
      return { kind: 'ambiguous-number', field, text };
    case 'too-many-decimals':
      return { kind: 'too-many-decimals', field, text, max: rules.maxDecimals };
    case 'out-of-range':
      return { kind: 'number-out-of-range', field, text, min: rules.min.toFixed(), max: rules.max.toFixed() };
  }
}

function checked(reading: NumberReading, raw: string, field: Field, rules: NumberRules, percent: boolean): Decimal {
  if (reading.ok) return reading.value;
  return fail(numberProblem(field, snippet(plainText(raw)), reading.issue, rules, percent));
}

/** An amount in the notation of `language` ("12 000,50" in French, "12.000,50" in Italian). */
export function amount(raw: string, field: Field, language: InputLanguage = 'en'): Decimal {
  return checked(readAmount(plainText(raw), language), raw, field, AMOUNT_RULES, false);
}

export function percent(raw: string, field: Field, language: InputLanguage = 'en'): Decimal {
  return checked(readPercent(plainText(raw), language), raw, field, PERCENT_RULES, true);
}

export function quantity(raw: string, field: Field, language: InputLanguage = 'en'): Decimal {
  return checked(readQuantity(plainText(raw), language), raw, field, QUANTITY_RULES, false);
}

export function integer(raw: string, field: Field, min: number, max: number): number {
  const text = plainText(raw);
  const value = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(value) || value < min || value > max)
    fail({ kind: 'bad-integer', field, text: snippet(text), min, max });
  return value;
}

export function date(raw: string, field: Field, ctx: DateContext, prefer: 'future' | 'past'): LocalDate {
  const text = plainText(raw);
  const parsed = parseHumanDate(text, { ...ctx, prefer });
  if (!parsed) fail({ kind: 'bad-date', field, text: snippet(text) });
  return parsed;
}

/** One of `allowed` (case-insensitive), or an alias of one. */
export function choice<T extends string>(
  raw: string,
  field: Field,
  allowed: readonly [T, ...T[]],
  aliases: Partial<Record<string, T>> = {},
): T {
  const text = plainText(raw).toLowerCase();
  const parsed = z.enum(allowed).safeParse((Object.hasOwn(aliases, text) ? aliases[text] : undefined) ?? text);
  if (!parsed.success) fail({ kind: 'bad-choice', field, text: snippet(plainText(raw)), allowed: [...allowed] });
  return parsed.data;
}

/** yes/no, y/n, true/false, on/off, and the words of `language` (oui/non, sì/no, ja/nei, 是/否). */
export function yesNo(raw: string, field: Field, language: InputLanguage = 'en'): boolean {
  return choice(raw, field, ['yes', 'no'], yesNoWords(language)) === 'yes';
}

/** won/lost, and the words of `language` (gagné/perdu, vinto/perso, vunnet/tapt, 赢单/输单). */
export function wonOrLost(raw: string, field: Field, language: InputLanguage = 'en'): 'won' | 'lost' {
  return choice(raw, field, ['won', 'lost'], wonLostWords(language));
}

const USER_MENTION = /^<@([UW][A-Z0-9]{1,20})(?:\|[^>]*)?>$/;
const CHANNEL_MENTION = /^<#([CG][A-Z0-9]{1,20})(?:\|[^>]*)?>$/;

export function isUserMention(raw: string): boolean {
  return USER_MENTION.test(raw.trim());
}

/** `<@U123>` or `<@U123|name>` → `U123`. */
export function userMention(raw: string, field: Field): string {
  const match = USER_MENTION.exec(raw.trim());
  if (!match?.[1]) fail({ kind: 'bad-mention', field, text: snippet(plainText(raw)) });
  return match[1];
}

/** `<#C123>` or `<#C123|name>` → `C123`. */
export function channelMention(raw: string, field: Field): string {
  const match = CHANNEL_MENTION.exec(raw.trim());
  if (!match?.[1]) fail({ kind: 'bad-channel', field, text: snippet(plainText(raw)) });
  return match[1];
}

const emailSchema = z.email().max(MAX_EMAIL);

export function email(raw: string, field: Field): string {
  const text = plainText(raw);
  const parsed = emailSchema.safeParse(text);
  if (!parsed.success) fail({ kind: 'bad-email', field, text: snippet(text) });
  return parsed.data;
}

const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** The names a language may be given by: its code, a locale of it, or its own name. */
const LANGUAGE_ALIASES: Partial<Record<string, LanguageChoice>> = {
  english: 'en',
  'en-us': 'en',
  'en-gb': 'en',
  français: 'fr',
  francais: 'fr',
  'fr-ca': 'fr',
  'fr-fr': 'fr',
  italiano: 'it',
  'it-it': 'it',
  norsk: 'nb',
  bokmål: 'nb',
  bokmal: 'nb',
  no: 'nb',
  nn: 'nb',
  'nb-no': 'nb',
  中文: 'zh',
  简体中文: 'zh',
  'zh-cn': 'zh',
  'zh-hans': 'zh',
};

/** `fr`, `fr-CA`, `français`, `auto`…: a language the bot speaks, or auto. */
export function languageChoice(raw: string, field: Field): LanguageChoice {
  return choice(raw, field, ['en', 'fr', 'it', 'nb', 'zh', 'auto'], LANGUAGE_ALIASES);
}

/** A currency code amounts can be shown in (ISO 4217, as Intl knows them): `eur` → `EUR`. */
export function currencyCode(raw: string, field: Field): string {
  const text = plainText(raw).trim().toUpperCase();
  if (!CURRENCIES.has(text)) fail({ kind: 'bad-currency', field, text: snippet(plainText(raw)) });
  return text;
}

/** `9:30`, `09:30`, `17:00`, `9`, `9am`, `5:30 pm` → `HH:MM` (24-hour). */
export function timeOfDay(raw: string, field: Field): string {
  const text = plainText(raw);
  const match = /^(\d{1,2})(?:[:.h](\d{2}))?\s*([ap]\.?m\.?)?$/i.exec(text);
  let hour = Number(match?.[1] ?? Number.NaN);
  const minute = Number(match?.[2] ?? '0');
  const meridiem = match?.[3]?.toLowerCase().replace(/\./g, '');
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) hour = Number.NaN;
    else hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (!match || !Number.isInteger(hour) || hour > 23 || minute > 59)
    fail({ kind: 'bad-time', field, text: snippet(text) });
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** An IANA zone name in any case (`europe/berlin` → `Europe/Berlin`), or `UTC`. */
export function timeZone(raw: string, field: Field): string {
  const text = plainText(raw);
  let resolved: string | undefined;
  if (text.length > 0 && text.length <= 64) {
    try {
      resolved = new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
    } catch {
      resolved = undefined;
    }
  }
  if (resolved === undefined || !(resolved.includes('/') || resolved === 'UTC'))
    fail({ kind: 'bad-time-zone', field, text: snippet(text) });
  return resolved;
}

const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];
const WEEKDAY_ALIASES: Partial<Record<string, WeekdayName>> = {
  mon: 'monday',
  tue: 'tuesday',
  tues: 'tuesday',
  wed: 'wednesday',
  weds: 'wednesday',
  thu: 'thursday',
  thur: 'thursday',
  thurs: 'thursday',
  fri: 'friday',
  sat: 'saturday',
  sun: 'sunday',
};

/** A weekday name → ISO weekday (1 = Monday … 7 = Sunday). */
export function weekday(raw: string, field: Field): number {
  return WEEKDAY_NAMES.indexOf(choice(raw, field, WEEKDAY_NAMES, WEEKDAY_ALIASES)) + 1;
}

const DATE_FORMULA = /^(?:[+-]?(?:\d{1,4}[DWMQY]|C[DWMQY]))+$/;

/** A Business Central date formula (`2W`, `10D`, `1M`, `CM`, `CM+1M`, `-1D`), upper-cased, spaces removed. */
export function dateFormula(raw: string, field: Field): string {
  const text = plainText(raw);
  const formula = text.replace(/\s+/g, '').toUpperCase();
  if (formula.length > MAX_DATE_FORMULA || !DATE_FORMULA.test(formula))
    fail({ kind: 'bad-date-formula', field, text: snippet(text) });
  return formula;
}
