import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DateContext } from '../../../src/domain/human-date.ts';
import { parseHumanDate } from '../../../src/domain/human-date.ts';
import {
  AMOUNT_RULES,
  type NumberReading,
  type NumberRules,
  PERCENT_RULES,
  readAmount,
  readPercent,
} from '../../../src/domain/amounts.ts';
import { type LocalDate, parseIsoDate } from '../../../src/domain/local-date.ts';
import { describeInputProblem } from '../../../src/i18n/en/input.ts';
import { InputError } from '../../../src/slack/grammar/input-problems.ts';
import { parseOppCommand } from '../../../src/slack/grammar/parse-command.ts';
import { FIRST_WORDS, SUBCOMMANDS } from '../../../src/slack/grammar/usage.ts';
import { NOW } from './helpers.ts';
import { enUS } from '../../support/presenter.ts';

const CONTEXTS: DateContext[] = [
  { now: NOW, timeZone: 'UTC', dateOrder: 'DMY' },
  { now: NOW, timeZone: 'Pacific/Auckland', dateOrder: 'MDY' },
  { now: NOW, timeZone: 'America/Los_Angeles', dateOrder: 'YMD' },
];

/** Parses, and checks the only failure is an InputError with a real sentence. */
function check(text: string, ctx: DateContext): void {
  try {
    const command = parseOppCommand(text, ctx);
    expect(typeof command.name).toBe('string');
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const sentence = describeInputProblem(error.problem, enUS.format);
    expect(sentence.trim().length).toBeGreaterThan(10);
    expect(sentence).not.toMatch(/undefined|\[object Object\]|NaN/);
  }
}

const keys = [...new Set(Object.values(SUBCOMMANDS).flatMap((info) => [...info.keys]))];
const fragments = fc.oneof(
  fc.constantFrom(...FIRST_WORDS, 'setup', 'add', 'list', 'delete', 'won', 'lost', 'company', 'person', 'mine', 'all'),
  fc.constantFrom(...keys.map((k) => `${k}:`), ...keys.map((k) => `${k.toUpperCase()}:`), 'colour:', 'Q3:', ':', '::'),
  fc.constantFrom(
    'OP00001',
    'op12345',
    'OP1',
    'FIRM',
    'x'.repeat(120),
    '12,000',
    '12 000',
    '12.000',
    '40%',
    '-5',
    '1e9',
    '1k',
  ),
  fc.constantFrom(
    'today',
    'next friday',
    'end of month',
    '31/02/2026',
    '15/12/2026',
    'in 30 days',
    'blah',
    '2026-12-15',
  ),
  fc.constantFrom('"', "'", '“', '”', '‘', '’', '""', '"Acme Corp"', "'O'Brien'", ';', 'A;1;2', 'A;1;2;3', 'Call;1W'),
  fc.constantFrom(
    '<@U123>',
    '<@U123|Ann Lee>',
    '<#C123|sales>',
    '<#C1>',
    '@bob',
    '#sales',
    '<',
    '>',
    '<mailto:a@b.co|a@b.co>',
    '&amp;',
    '&lt;',
  ),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '__proto__:', 'constructor:', 'valueOf'),
  fc.constantFrom('daily', 'weekly', 'monthly', '9:30', '25:00', 'Europe/Berlin', 'Mars/Base', 'monday', 'yes', 'no'),
  fc.string({ maxLength: 8 }),
);
const separators = fc.constantFrom(' ', '', '  ', '\n', '\t', '\u00a0');

const commandLike = fc
  .array(fc.tuple(fragments, separators), { maxLength: 14 })
  .map((parts) => parts.map(([fragment, separator]) => fragment + separator).join(''));

describe('parseOppCommand never throws anything but InputError', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'binary' }), fc.constantFrom(...CONTEXTS), (text, ctx) =>
        check(text, ctx),
      ),
      { numRuns: 1500 },
    );
  });

  it('on arbitrary strings behind each first word', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FIRST_WORDS),
        fc.string({ maxLength: 80, unit: 'grapheme' }),
        fc.constantFrom(...CONTEXTS),
        (word, rest, ctx) => check(`${word} ${rest}`, ctx),
      ),
      { numRuns: 1500 },
    );
  });

  it('on strings built from fragments of real commands', () => {
    fc.assert(
      fc.property(commandLike, fc.constantFrom(...CONTEXTS), (text, ctx) => check(text, ctx)),
      { numRuns: 4000 },
    );
  });

  it.each([
    '__proto__',
    'constructor',
    'toString',
    'cycle __proto__',
    'setup constructor',
    'help constructor',
    'list status:constructor',
    'update OP00001 close:constructor',
    'subscribe <#C1> weekly day:__proto__',
  ])('on Object.prototype names: %s', (text) => {
    for (const ctx of CONTEXTS) check(text, ctx);
  });

  it('on over-long text', () => {
    check('new '.repeat(1001), CONTEXTS[0] ?? { now: NOW, timeZone: 'UTC', dateOrder: 'DMY' });
  });
});

/** A date reading is nothing or a real calendar date in ISO form. */
function expectDateOrNothing(date: LocalDate | undefined): void {
  if (date !== undefined) expect(parseIsoDate(date)).toBe(date);
}

/** A number reading is a value inside the rules, or one of the named issues. */
function expectReading(reading: NumberReading, rules: NumberRules): void {
  if (reading.ok) {
    expect(reading.value.isFinite()).toBe(true);
    expect(reading.value.greaterThanOrEqualTo(rules.min) && reading.value.lessThanOrEqualTo(rules.max)).toBe(true);
    expect(reading.value.decimalPlaces()).toBeLessThanOrEqual(rules.maxDecimals);
  } else {
    expect(['not-a-number', 'ambiguous', 'too-many-decimals', 'out-of-range']).toContain(reading.issue);
  }
}

/** Arbitrary text, and text that looks like a number or a date (so the readers also say yes). */
const valueText = fc.oneof(
  fc.string({ maxLength: 80, unit: 'grapheme' }),
  fc
    .tuple(
      fc.constantFrom('', '-', '$', '€'),
      fc.integer({ min: 0, max: 10 ** 13 }),
      fc.constantFrom('', '.5', '.25', '.125', ',5', ',000', '.000', ' 000'),
      fc.constantFrom('', '%', 'k', ' '),
    )
    .map((parts) => parts.join('')),
  fc
    .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1900, max: 2200 }))
    .map(([day, month, year]) => `${day}/${month}/${year}`),
);

describe('value readers never throw and answer only what they promise', () => {
  it('dates, amounts, percentages', () => {
    fc.assert(
      fc.property(valueText, fc.constantFrom(...CONTEXTS), (text, ctx) => {
        expectDateOrNothing(parseHumanDate(text, ctx));
        expectDateOrNothing(parseHumanDate(text, { ...ctx, prefer: 'past' }));
        expectReading(readAmount(text), AMOUNT_RULES);
        expectReading(readPercent(text), PERCENT_RULES);
      }),
      { numRuns: 1500 },
    );
  });
});
