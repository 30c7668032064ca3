// Reading amounts, quantities and percentages that people type ("12,000", "12 000", "12.5%").
// Results are exact Decimals, never binary floats.
//
// Accepted shapes (after an optional sign):
//   12000   12000.50   .5                       plain, dot as decimal separator
//   12,000   1,234,567.89                       comma thousands, dot decimals
//   12 000   12 000,50   1'000.50               space (also no-break/thin space) or apostrophe thousands,
//                                              either dot or comma decimals
//   1.234.567   12.000,50                      dot thousands (at least two groups, or with comma decimals)
//   12,5   12,50                                comma decimals (one or two digits: cannot be thousands)
// Rejected as ambiguous: a single dot followed by exactly three digits ("12.000", "1.500"), which reads as
// twelve in English and twelve thousand in most of Europe.
// Amounts may also carry a currency symbol ($ € £ ¥ kr 元) and a k/m suffix ("12k", "1.5m"); Norwegian
// whole amounts may end in ",-" ("12 000,-").
//
// The reader's language settles what the separators cannot (see readNumber's `language`):
//   "12,500"  one comma and three digits: 12500 in en and zh, 12.5 in fr, it and nb, where the comma is
//             the decimal separator (any number of decimals after a single comma: "0,125" is 0.125);
//   "12.500"  one dot and three digits: 12500 in it, where the dot groups thousands; ambiguous in the others
//             (French and Norwegian group with spaces, and an English speaker means 12.5);
//   "12万"    ten thousands (万) and hundred millions (亿) in zh.
// Full-width digits and signs ("１２％") read as ASCII ones.
import { Decimal } from './decimal.ts';
import type { InputLanguage } from './typed-input/language.ts';

export type NumberIssue = 'not-a-number' | 'ambiguous' | 'too-many-decimals' | 'out-of-range';

export type NumberReading = { ok: true; value: Decimal } | { ok: false; issue: NumberIssue };

export interface NumberRules {
  readonly min: Decimal;
  readonly max: Decimal;
  readonly maxDecimals: number;
}

export const AMOUNT_RULES: NumberRules = { min: new Decimal(0), max: new Decimal('999999999999.99'), maxDecimals: 2 };
export const PERCENT_RULES: NumberRules = { min: new Decimal(0), max: new Decimal(100), maxDecimals: 2 };
export const QUANTITY_RULES: NumberRules = { min: new Decimal(0), max: new Decimal('999999999'), maxDecimals: 5 };

const MAX_NUMBER_TEXT = 40;

const PLAIN = /^(\d*)(?:\.(\d+))?$/;
const COMMA_DECIMAL = /^(\d+),(\d{1,2})$/;
const COMMA_GROUPS = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;
const DOT_GROUPS = /^(\d{1,3}(?:\.\d{3}){2,})(?:,(\d+))?$/;
const DOT_GROUP_COMMA_DECIMAL = /^(\d{1,3}(?:\.\d{3})+),(\d+)$/;
const SPACE_GROUPS = /^(\d{1,3}(?:[ '’]\d{3})+)(?:[.,](\d+))?$/;
const ONE_DOT_GROUP = /^([1-9]\d{0,2})\.(\d{3})$/;
const ONE_COMMA = /^(\d+),(\d+)$/;
const DECIMAL_COMMA_LANGUAGES: ReadonlySet<InputLanguage> = new Set(['fr', 'it', 'nb']);

/** Turns the unsigned number text into "int.frac" form, or says why it cannot. */
function canonical(text: string, language: InputLanguage): string | 'ambiguous' | undefined {
  const oneDotGroup = ONE_DOT_GROUP.exec(text);
  if (oneDotGroup) return language === 'it' ? `${oneDotGroup[1]}${oneDotGroup[2]}` : 'ambiguous';
  const oneComma = DECIMAL_COMMA_LANGUAGES.has(language) ? ONE_COMMA.exec(text) : null;
  if (oneComma) return `${oneComma[1]}.${oneComma[2]}`;
  const shapes: RegExp[] = [PLAIN, COMMA_DECIMAL, COMMA_GROUPS, DOT_GROUPS, DOT_GROUP_COMMA_DECIMAL, SPACE_GROUPS];
  for (const shape of shapes) {
    const match = shape.exec(text);
    if (!match) continue;
    const whole = (match[1] ?? '').replace(/[^\d]/g, '');
    const fraction = match[2] ?? '';
    if (whole === '' && fraction === '') return undefined;
    return `${whole === '' ? '0' : whole}${fraction === '' ? '' : `.${fraction}`}`;
  }
  return undefined;
}

interface ReadOptions {
  readonly currency?: boolean;
  readonly suffix?: boolean;
  readonly percentSign?: boolean;
  /** The language the number is typed in (English when not given): see the rules at the top. */
  readonly language?: InputLanguage;
}

const CURRENCY_BEFORE = /^(?:[$€£¥]|kr\.?)\s*/i;
const CURRENCY_AFTER = /\s*(?:[$€£¥元]|kr\.?)$/i;
/** An ISO 4217 code before or after the digits ("USD 20000", "20000 EUR"): only real codes, in capitals. */
const CODE_BEFORE = /^([A-Z]{3})\s*(?=\d)/;
const CODE_AFTER = /(?<=\d)\s*([A-Z]{3})$/;
const CURRENCY_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** The text with a currency code before or after it taken off, and the code (null: none). */
function withoutCode(text: string): { text: string; code: string | null } {
  const before = CODE_BEFORE.exec(text);
  if (before?.[1] && CURRENCY_CODES.has(before[1])) return { text: text.slice(before[0].length), code: before[1] };
  const after = CODE_AFTER.exec(text);
  if (after?.[1] && CURRENCY_CODES.has(after[1])) return { text: text.slice(0, after.index), code: after[1] };
  return { text, code: null };
}
const MULTIPLIERS: Readonly<Record<string, number>> = { k: 1_000, m: 1_000_000 };
const CHINESE_MULTIPLIERS: Readonly<Record<string, number>> = { ...MULTIPLIERS, 万: 10_000, 亿: 100_000_000 };

/** Reads a number typed by a person and checks it against `rules`. Never throws. */
export function readNumber(input: string, rules: NumberRules, options: ReadOptions = {}): NumberReading {
  const language = options.language ?? 'en';
  let text = input
    .normalize('NFKC')
    .replace(/[\u00a0\u2009\u202f]/g, ' ')
    .trim();
  if (text === '' || text.length > MAX_NUMBER_TEXT) return { ok: false, issue: 'not-a-number' };
  if (options.percentSign) text = text.replace(/\s*%$/, '');
  let negative = false;
  const sign = /^([-+−])\s*/.exec(text);
  if (sign) {
    negative = sign[1] !== '+';
    text = text.slice(sign[0].length);
  }
  if (options.currency) {
    text = withoutCode(text)
      .text.replace(CURRENCY_BEFORE, '')
      .replace(CURRENCY_AFTER, '')
      .replace(/(\d),-$/, '$1');
    if (!negative && /^-\s*/.test(text)) {
      negative = true;
      text = text.replace(/^-\s*/, '');
    }
  }
  let multiplier = 1;
  if (options.suffix) {
    const multipliers = language === 'zh' ? CHINESE_MULTIPLIERS : MULTIPLIERS;
    const suffix = /\s*([kKmM万亿])$/.exec(text);
    const factor = suffix?.[1] === undefined ? undefined : multipliers[suffix[1].toLowerCase()];
    if (suffix && factor !== undefined) {
      multiplier = factor;
      text = text.slice(0, suffix.index);
    }
  }
  const canon = canonical(text, language);
  if (canon === undefined) return { ok: false, issue: 'not-a-number' };
  if (canon === 'ambiguous') return { ok: false, issue: 'ambiguous' };
  let value = new Decimal(canon).times(multiplier);
  if (negative) value = value.negated();
  if (value.decimalPlaces() > rules.maxDecimals) return { ok: false, issue: 'too-many-decimals' };
  if (value.lessThan(rules.min) || value.greaterThan(rules.max)) return { ok: false, issue: 'out-of-range' };
  // Normalise -0 to 0.
  if (value.isZero()) value = new Decimal(0);
  return { ok: true, value };
}

/** The currency mark an amount is written with (`$`, `€`, `kr`, `USD`…), or null when it has none. */
export function currencyWritten(input: string): string | null {
  const text = input
    .normalize('NFKC')
    .trim()
    .replace(/^[-+−]\s*/, '');
  const code = withoutCode(text).code;
  if (code !== null) return code;
  const mark = CURRENCY_BEFORE.exec(text)?.[0] ?? CURRENCY_AFTER.exec(text)?.[0];
  const written = mark?.trim().replace(/\.$/, '');
  return written ? written : null;
}

/** Whether a currency mark names `currency` (ISO 4217): its code, or a symbol Intl writes for it. */
export function namesCurrency(written: string, currency: string): boolean {
  const code = currency.toUpperCase();
  if (written.toUpperCase() === code) return true;
  const symbols = new Set<string>();
  for (const display of ['narrowSymbol', 'symbol'] as const) {
    try {
      const parts = new Intl.NumberFormat('en', { style: 'currency', currency: code, currencyDisplay: display });
      for (const part of parts.formatToParts(1)) if (part.type === 'currency') symbols.add(part.value.toLowerCase());
    } catch {
      return false;
    }
  }
  // Yuan amounts are also written with 元, Nordic crowns with kr.
  if (code === 'CNY') symbols.add('元');
  return symbols.has(written.toLowerCase());
}

export function readAmount(text: string, language: InputLanguage = 'en'): NumberReading {
  return readNumber(text, AMOUNT_RULES, { currency: true, suffix: true, language });
}

export function readPercent(text: string, language: InputLanguage = 'en'): NumberReading {
  return readNumber(text, PERCENT_RULES, { percentSign: true, language });
}

export function readQuantity(text: string, language: InputLanguage = 'en'): NumberReading {
  return readNumber(text, QUANTITY_RULES, { language });
}

/** A money amount, 0 to 999,999,999,999.99 with at most 2 decimals; undefined when not one. */
export function parseAmount(text: string): Decimal | undefined {
  const reading = readAmount(text);
  return reading.ok ? reading.value : undefined;
}

/** A percentage, 0 to 100 with at most 2 decimals ("40", "40%", "12.5%"); undefined when not one. */
export function parsePercent(text: string): Decimal | undefined {
  const reading = readPercent(text);
  return reading.ok ? reading.value : undefined;
}
