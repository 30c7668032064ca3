// Abusive /opp texts thrown at the parser: arbitrary unicode, huge strings, walls of Slack escapes,
// nested and unbalanced quotes, one key repeated a thousand times, numbers such as 1e400, -0 and NaN.
// The parser either returns a command whose values are within bounds, or throws an InputError whose
// sentence reads cleanly; nothing else, and never slowly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/domain/decimal.ts';
import type { DateContext } from '../../../src/domain/human-date.ts';
import { describeInputProblem } from '../../../src/i18n/en/input.ts';
import { errorMessage } from '../../../src/slack/blocks/replies.ts';
import { InputError, MAX_TEXT } from '../../../src/slack/grammar/index.ts';
import { parseOppCommand } from '../../../src/slack/grammar/parse-command.ts';
import { FIRST_WORDS, SUBCOMMANDS } from '../../../src/slack/grammar/usage.ts';
import { NOW } from './helpers.ts';
import { enUS } from '../../support/presenter.ts';

const CTX: DateContext = { now: NOW, timeZone: 'UTC', dateOrder: 'DMY' };
/** Words that mean a value went missing, unless the person typed them. */
const BROKEN_WORDS = ['undefined', '[object Object]', 'NaN'];
/** The largest amount anyone may type (AMOUNT_RULES.max); nothing parsed may exceed it. */
const MAX_AMOUNT = new Decimal('999999999999.99');

/** Every value in a parsed command is bounded: finite numbers, short strings, short lists. */
function expectBounded(value: unknown, path = 'command'): void {
  if (value instanceof Decimal) {
    expect(value.isFinite(), `${path} is finite`).toBe(true);
    expect(value.abs().lessThanOrEqualTo(MAX_AMOUNT), `${path} = ${value.toString()} is within bounds`).toBe(true);
    return;
  }
  if (typeof value === 'number') {
    expect(Number.isFinite(value), `${path} is finite`).toBe(true);
    return;
  }
  if (typeof value === 'string') {
    expect(value.length, `${path} length`).toBeLessThanOrEqual(MAX_TEXT);
    expect(value, path).not.toMatch(/\[object Object\]/);
    return;
  }
  if (value instanceof Date) {
    expect(Number.isNaN(value.getTime()), `${path} is a real date`).toBe(false);
    return;
  }
  if (Array.isArray(value)) {
    expect(value.length, `${path} length`).toBeLessThanOrEqual(100);
    value.forEach((item, i) => expectBounded(item, `${path}[${i}]`));
    return;
  }
  if (value && typeof value === 'object') {
    expect(Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null, path).toBe(true);
    for (const [key, child] of Object.entries(value)) expectBounded(child, `${path}.${key}`);
  }
}

function check(text: string): void {
  try {
    const command = parseOppCommand(text, CTX);
    expect(typeof command.name).toBe('string');
    expectBounded(command);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const sentence = describeInputProblem(error.problem, enUS.format);
    expect(sentence.trim().length).toBeGreaterThan(10);
    for (const word of BROKEN_WORDS.filter((w) => !text.includes(w))) expect(sentence).not.toContain(word);
    // What reaches Slack stays within a section's 3,000 characters (the block builders cut longer text).
    for (const block of errorMessage(enUS, sentence).blocks) {
      const blockText = (block as { text?: { text?: string } }).text?.text ?? '';
      expect([...blockText].length).toBeLessThanOrEqual(3000);
    }
  }
}

const keys = [...new Set(Object.values(SUBCOMMANDS).flatMap((info) => [...info.keys]))];
const words = [...FIRST_WORDS, 'add', 'list', 'won', 'lost', 'all', 'mine', 'company', 'person', 'daily', 'weekly'];

const slackEscape = fc.oneof(
  fc.stringMatching(/^[A-Z0-9]{1,11}$/).map((id) => `<@U${id}>`),
  fc
    .tuple(fc.stringMatching(/^[A-Z0-9]{1,11}$/), fc.string({ maxLength: 30 }))
    .map(([id, name]) => `<@U${id}|${name}>`),
  fc
    .tuple(fc.stringMatching(/^[A-Z0-9]{1,11}$/), fc.string({ maxLength: 20 }))
    .map(([id, name]) => `<#C${id}|${name}>`),
  fc.constantFrom('<!here>', '<!channel>', '<!everyone>', '<!subteam^S123|@sales>', '<!date^1392734382^{date}|x>'),
  fc.constantFrom(
    '&lt;',
    '&gt;',
    '&amp;',
    '&lt;@U1&gt;',
    '<<>>',
    '<@>',
    '<#>',
    '<@U1|',
    '<http://x.y|link>',
    '<mailto:a@b.c>',
  ),
);
const numberish = fc.constantFrom(
  '1e400',
  '-1e400',
  '1e-400',
  '-0',
  '+0',
  '−0',
  'NaN',
  '-NaN',
  'Infinity',
  '-Infinity',
  '0x1F',
  '0b101',
  '1_000',
  '9'.repeat(400),
  `0.${'0'.repeat(300)}1`,
  '999999999999.995',
  '1,000,000,000,000',
  '12k',
  '1.5m',
  '99999999m',
  '$-5',
  '100%',
  '100.001%',
  '1e2',
  '.',
  ',',
  '١٢٣', // Arabic-Indic digits
  '１２３', // full-width digits
);
const quoted = fc.oneof(
  fc.string({ maxLength: 40 }).map((s) => `"${s}"`),
  fc.string({ maxLength: 40 }).map((s) => `“${s}”`),
  fc.string({ maxLength: 20 }).map((s) => `"'"${s}"'"`),
  fc.constantFrom(
    '"',
    '""',
    '"""',
    "'",
    '“',
    '”',
    '"a"b"c"',
    '"\\"',
    '"; DROP TABLE opportunity; --"',
    '"a;b;c;d;e;f"',
  ),
);
const keyed = fc
  .tuple(fc.constantFrom(...keys), fc.oneof(numberish, quoted, slackEscape, fc.string({ maxLength: 20 })))
  .map(([key, value]) => `${key}:${value}`);
const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...words) },
  { weight: 3, arbitrary: keyed },
  { weight: 2, arbitrary: slackEscape },
  { weight: 2, arbitrary: numberish },
  { weight: 2, arbitrary: quoted },
  {
    weight: 1,
    arbitrary: fc.constantFrom('OP00001', 'op1', 'OP' + '9'.repeat(30), 'STD', '__proto__', 'constructor:'),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'grapheme' }) },
);
const abusive = fc
  .tuple(fc.constantFrom(...words), fc.array(token, { maxLength: 30 }))
  .map(([first, rest]) => [first, ...rest].join(' '));

describe('parseOppCommand on abusive texts', () => {
  it('arbitrary unicode (full code points, graphemes, control characters)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300, unit: 'binary' }), check), { numRuns: 800 });
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.string({ maxLength: 200, unit: 'grapheme' }), (w, s) =>
        check(`${w} ${s}`),
      ),
      { numRuns: 800 },
    );
  });

  it('texts built from subcommands, keys, Slack escapes, odd numbers and quotes', () => {
    fc.assert(fc.property(abusive, check), { numRuns: 2500 });
  });

  it('huge texts: just under, at and over the 4,000-character limit, and far over', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...words),
        fc.constantFrom(MAX_TEXT - 10, MAX_TEXT, MAX_TEXT + 1, 100_000, 1_000_000),
        fc.constantFrom('a', ' ', '"', '<@U1>', 'value:', '€', '𝒜', '\u0000', 'line:"x;1;1" '),
        (word, length, unit) => check(`${word} ${unit.repeat(Math.ceil(length / unit.length))}`.slice(0, length)),
      ),
      { numRuns: 120 },
    );
  });

  it.each(keys)('the key %s repeated 1,000 times', (key) => {
    check(`new Deal ${`${key}:1 `.repeat(1000)}`.slice(0, MAX_TEXT));
    check(`update OP00001 ${`${key}:"x" `.repeat(1000)}`);
  });

  it.each([
    ['quote lines beyond the limit', `quote OP00001 ${'line:"A;1;1" '.repeat(101)}`],
    ['activity steps beyond the limit', `activity add CALL Calls ${'step:"Call;1W" '.repeat(51)}`],
    ['a wall of mentions', `list ${'<@U0123456789|someone> '.repeat(150)}`],
    ['a wall of channel escapes', `subscribe ${'<#C0123456789|sales> '.repeat(150)} weekly`],
    ['nested quotes', `new "a "b "c "d" c" b" a" contact:"x"`],
    ['unbalanced quotes', 'new "Deal contact:"Acme value:1'],
    ['an escape inside a quote', 'new "<@U1|"x"> <!here>" contact:"<#C1>"'],
    ['HTML entities everywhere', 'new &lt;script&gt;alert(1)&lt;/script&gt; contact:&amp;&amp;'],
    ['every number oddity as a value', 'new X contact:A value:1e400 chance:NaN close:-0'],
    ['a negative zero chance', 'update OP00001 chance:-0 value:-0'],
    ['Infinity as a stage', 'skip OP00001 to:Infinity'],
    ['a huge stage number', `jump OP00001 to:${'9'.repeat(400)}`],
    ['a stage number in exponent form', 'jump OP00001 to:1e3'],
    ['prototype keys', 'new __proto__:1 constructor:2 contact:x'],
    ['zero-width and bidi characters', 'show OP0\u200b0001 \u202eevil'],
    ['NUL characters', 'show OP00001\u0000\u0000'],
    ['lone surrogates', 'new \ud800 contact:\udfff'],
  ])('%s', (_name, text) => check(text));
});
