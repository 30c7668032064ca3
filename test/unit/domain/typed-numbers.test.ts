// Amounts and percentages typed in each language's notation, and the rules that settle what the separators
// alone cannot: "12,500" is 12.5 where the comma is the decimal separator (fr, it, nb) and 12500 in English
// and Chinese; "12.500" is 12500 in Italian and ambiguous elsewhere.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NumberReading } from '../../../src/domain/amounts.ts';
import { AMOUNT_RULES, readAmount, readPercent, readQuantity } from '../../../src/domain/amounts.ts';
import type { InputLanguage } from '../../../src/domain/typed-input/language.ts';
import { INPUT_LANGUAGES, inputLanguageOf } from '../../../src/domain/typed-input/language.ts';

const shown = (reading: NumberReading): string => (reading.ok ? reading.value.toFixed() : reading.issue);

describe('amounts in local notation', () => {
  // [text, en, fr, it, nb, zh]
  const table: [string, string, string, string, string, string][] = [
    // Forms every language reads alike.
    ['12000', '12000', '12000', '12000', '12000', '12000'],
    ['12 000', '12000', '12000', '12000', '12000', '12000'],
    ['12 000,50', '12000.5', '12000.5', '12000.5', '12000.5', '12000.5'],
    ['12\u00a0000,50', '12000.5', '12000.5', '12000.5', '12000.5', '12000.5'],
    ['12\u202f000,50', '12000.5', '12000.5', '12000.5', '12000.5', '12000.5'],
    ['1 234 567,89', '1234567.89', '1234567.89', '1234567.89', '1234567.89', '1234567.89'],
    ['12.000,50', '12000.5', '12000.5', '12000.5', '12000.5', '12000.5'],
    ['1.234.567', '1234567', '1234567', '1234567', '1234567', '1234567'],
    ['12,000.50', '12000.5', '12000.5', '12000.5', '12000.5', '12000.5'],
    ['1,234,567', '1234567', '1234567', '1234567', '1234567', '1234567'],
    ['12,5', '12.5', '12.5', '12.5', '12.5', '12.5'],
    ['12.5', '12.5', '12.5', '12.5', '12.5', '12.5'],
    ['12 000 €', '12000', '12000', '12000', '12000', '12000'],
    ['12k', '12000', '12000', '12000', '12000', '12000'],
    // One comma and three digits: thousands in English and Chinese, decimals where the comma is decimal.
    ['12,500', '12500', '12.5', '12.5', '12.5', '12500'],
    ['1,234', '1234', 'too-many-decimals', 'too-many-decimals', 'too-many-decimals', '1234'],
    // One dot and three digits: thousands in Italian, ambiguous elsewhere.
    ['12.500', 'ambiguous', 'ambiguous', '12500', 'ambiguous', 'ambiguous'],
    ['1.500', 'ambiguous', 'ambiguous', '1500', 'ambiguous', 'ambiguous'],
    // Local currency marks.
    ['kr 12 000,-', '12000', '12000', '12000', '12000', '12000'],
    ['12 000 kr', '12000', '12000', '12000', '12000', '12000'],
    ['12000元', '12000', '12000', '12000', '12000', '12000'],
    ['¥12,000', '12000', '12', '12', '12', '12000'],
    // Chinese counts in ten thousands (万) and hundred millions (亿); other languages do not.
    ['12万', 'not-a-number', 'not-a-number', 'not-a-number', 'not-a-number', '120000'],
    ['1.5万元', 'not-a-number', 'not-a-number', 'not-a-number', 'not-a-number', '15000'],
    ['１２０００', '12000', '12000', '12000', '12000', '12000'],
    ['abc', 'not-a-number', 'not-a-number', 'not-a-number', 'not-a-number', 'not-a-number'],
  ];
  it.each(table)('%s → en %s, fr %s, it %s, nb %s, zh %s', (text, ...expected) => {
    expect(INPUT_LANGUAGES.map((language) => shown(readAmount(text, language)))).toEqual(expected);
  });

  it('reads English by default, as before', () => {
    expect(shown(readAmount('12,500'))).toBe('12500');
    expect(shown(readAmount('12.500'))).toBe('ambiguous');
  });
});

describe('percentages and quantities in local notation', () => {
  it.each<[string, InputLanguage, string]>([
    ['40 %', 'fr', '40'],
    ['40\u00a0%', 'fr', '40'],
    ['12,5 %', 'fr', '12.5'],
    ['12,5%', 'it', '12.5'],
    ['40 %', 'nb', '40'],
    ['４０％', 'zh', '40'],
    ['40 %', 'en', '40'],
    ['100,5 %', 'fr', 'out-of-range'],
  ])('%s in %s → %s', (text, language, expected) => {
    expect(shown(readPercent(text, language))).toBe(expected);
  });

  it.each<[string, InputLanguage, string]>([
    ['2,5', 'fr', '2.5'],
    ['1,250', 'nb', '1.25'],
    ['1,250', 'en', '1250'],
    ['1.250', 'it', '1250'],
  ])('quantity %s in %s → %s', (text, language, expected) => {
    expect(shown(readQuantity(text, language))).toBe(expected);
  });
});

describe('readers in every language never throw and stay inside the rules', () => {
  it('on arbitrary text and number-like text', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 40, unit: 'grapheme' }),
      fc
        .tuple(
          fc.constantFrom('', '-', '€', 'kr ', '¥'),
          fc.integer({ min: 0, max: 10 ** 13 }),
          fc.constantFrom('', ',5', ',500', '.500', '\u202f000', ',-'),
          fc.constantFrom('', '%', ' %', 'k', '万', '元'),
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, fc.constantFrom(...INPUT_LANGUAGES), (typed, language) => {
        const reading = readAmount(typed, language);
        if (reading.ok) {
          expect(reading.value.greaterThanOrEqualTo(AMOUNT_RULES.min)).toBe(true);
          expect(reading.value.lessThanOrEqualTo(AMOUNT_RULES.max)).toBe(true);
          expect(reading.value.decimalPlaces()).toBeLessThanOrEqual(AMOUNT_RULES.maxDecimals);
        }
        readPercent(typed, language);
        readQuantity(typed, language);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the language of a locale', () => {
  it.each([
    ['fr-CA', 'fr'],
    ['fr-FR', 'fr'],
    ['fr_CA', 'fr'],
    ['it-IT', 'it'],
    ['nb-NO', 'nb'],
    ['nn-NO', 'nb'],
    ['no-NO', 'nb'],
    ['zh-CN', 'zh'],
    ['zh-Hans-CN', 'zh'],
    ['zh-TW', 'zh'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['de-DE', 'en'],
    ['ja-JP', 'en'],
    ['', 'en'],
    ['constructor', 'en'],
  ])('%s → %s', (locale, language) => {
    expect(inputLanguageOf(locale)).toBe(language);
  });
});
