// Issue 12: every language's catalogue is English's, translated. The compiler already refuses a missing or
// unknown key and a function with other parameters (src/i18n/shape.ts); this renders every message of
// every language with sample values and checks that each uses exactly the arguments English uses, that
// nothing reads "undefined", and that every rule, input and schedule problem has its sentence.
import { describe, expect, it } from 'vitest';
import { LANGUAGE_LOCALES, LANGUAGES, type Language } from '../../../src/i18n/catalogue.ts';
import { type Presenter, presenterFor } from '../../../src/i18n/presenter.ts';
import type { ScheduleProblem } from '../../../src/domain/schedule.ts';
import { INPUT_PROBLEM_CASES } from '../../support/input-problem-cases.ts';
import { RULE_PROBLEM_SAMPLES } from '../../support/problem-samples.ts';
import { problemOf } from '../grammar/helpers.ts';

const presenters = Object.fromEntries(
  LANGUAGES.map((language) => [language, presenterFor(LANGUAGE_LOCALES[language])]),
) as Record<Language, Presenter>;
const english = presenters.en;
const translations = LANGUAGES.filter((language) => language !== 'en');

type Node = unknown;
/** Every leaf of a catalogue (texts, functions) by its path: `ui.buttons.show`. */
function leaves(node: Node, path = ''): [string, Node][] {
  if (typeof node === 'function' || typeof node === 'string' || node === null || typeof node !== 'object')
    return [[path, node]];
  if (Array.isArray(node)) return [[path, node]];
  return Object.entries(node).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
}

const at = (root: Node, path: string): Node =>
  path.split('.').reduce<Node>((node, key) => (node as Record<string, Node>)[key], root);

// The problem describers take problems, not texts: they are checked below with a problem of each kind.
const DESCRIBERS = new Set(['describeRuleProblem', 'describeInputProblem', 'describeScheduleProblem']);

/** Sample arguments a function accepts: distinct markers, as texts, numbers, lists or records of them. */
const textMarker = (i: number | string) => `⟦${i}⟧`;
const numberMarker = (i: number) => 901 + i;
/** A record whose every field is a marker of its own (a count or a number of days: a number). */
const recordMarker = (i: number) =>
  new Proxy(
    {},
    {
      get: (_target, key) => {
        const name = String(key);
        if (/days|count|number/i.test(name)) return numberMarker(50 + i * 10 + name.length);
        return textMarker(`${i}.${name}`);
      },
    },
  );
// Numbers first: a count in English's template is a number to a translation's plural.
const variants: ((i: number) => unknown)[] = [numberMarker, textMarker, (i) => [textMarker(i)], recordMarker];

function rendered(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The markers a rendering shows. */
function markersIn(text: string): string[] {
  return [...text.matchAll(/⟦[^⟧]*⟧|(?<!\d)9\d\d(?!\d)/g)].map((match) => match[0]).sort();
}

/** English's rendering of a function with the first kind of arguments it accepts for every parameter. */
function sampleCall(fn: (...args: unknown[]) => unknown): { args: unknown[]; text: string } {
  // Parameters one by one: the first variant that renders without throwing or NaN wins for each.
  const args: unknown[] = Array.from({ length: fn.length }, (_, i) => numberMarker(i));
  const attempt = (): string | null => {
    try {
      const text = rendered(fn(...args));
      return /NaN|undefined|\[object Object\]/.test(text) ? null : text;
    } catch {
      return null;
    }
  };
  let text = attempt();
  for (let i = 0; i < args.length && text === null; i++) {
    for (const variant of variants) {
      args[i] = variant(i);
      text = attempt();
      if (text !== null) break;
    }
    if (text === null) args[i] = numberMarker(i);
  }
  // Some need several parameters changed at once: numbers everywhere, then lists everywhere.
  for (const variant of variants) {
    if (text !== null) break;
    args.splice(0, args.length, ...args.map((_, i) => variant(i)));
    text = attempt();
  }
  if (text === null) throw new Error(`no sample arguments render ${fn.toString().slice(0, 80)}`);
  return { args, text };
}

const englishLeaves = leaves(english.t).filter(([path]) => !DESCRIBERS.has(path));

describe('every language has every message of English, with the same arguments', () => {
  it.each(translations)('%s has exactly English’s keys', (language) => {
    const keys = (p: Presenter) =>
      leaves(p.t)
        .map(([path]) => path)
        .filter((path) => !/\.\d+(\.|$)/.test(path))
        .sort();
    expect(keys(presenters[language])).toEqual(keys(english));
  });

  const functions = englishLeaves.filter(([, value]) => typeof value === 'function');
  it(`renders all ${functions.length} message functions in every language with English's arguments`, () => {
    const mismatches: string[] = [];
    for (const [path, value] of functions) {
      const { args, text } = sampleCall(value as (...args: unknown[]) => unknown);
      const expected = markersIn(text);
      for (const language of translations) {
        const translated = at(presenters[language].t, path) as (...args: unknown[]) => unknown;
        let out: string;
        try {
          out = rendered(translated(...args));
        } catch (error) {
          mismatches.push(`${language} ${path}: throws ${String(error)}`);
          continue;
        }
        if (/undefined|\[object Object\]|NaN/.test(out)) mismatches.push(`${language} ${path}: ${out}`);
        const found = markersIn(out);
        if (found.join() !== expected.join())
          mismatches.push(`${language} ${path}: uses ${found.join(' ')} where English uses ${expected.join(' ')}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('has no empty text in any language', () => {
    for (const language of LANGUAGES) {
      const empty = leaves(presenters[language].t)
        .filter(([, value]) => typeof value === 'string' && value.trim() === '')
        .map(([path]) => path)
        // Deliberately empty in English too (a hint with nothing to add).
        .filter((path) => {
          const source = at(english.t, path);
          return !(typeof source === 'string' && source.trim() === '');
        });
      expect({ language, empty }).toEqual({ language, empty: [] });
    }
  });
});

// One of each kind; the mapped type makes a new kind without a sample a compile error.
const SCHEDULE_SAMPLES: { [K in ScheduleProblem['kind']]: Extract<ScheduleProblem, { kind: K }> } = {
  'unknown-frequency': { kind: 'unknown-frequency', frequency: 'hourly' },
  'bad-time': { kind: 'bad-time', at: '25:00' },
  'bad-weekday': { kind: 'bad-weekday', weekday: 9 },
  'bad-day-of-month': { kind: 'bad-day-of-month', dayOfMonth: 40 },
  'unknown-time-zone': { kind: 'unknown-time-zone', timeZone: 'Mars/Base' },
  'weekday-not-weekly': { kind: 'weekday-not-weekly', frequency: 'daily' },
  'day-of-month-not-monthly': { kind: 'day-of-month-not-monthly', frequency: 'weekly' },
};

/** The texts a problem carries (codes, numbers typed, names): a translation must show them as English does. */
function textsOf(problem: object): string[] {
  return leaves(problem)
    .map(([, value]) => value)
    .filter((value): value is string => typeof value === 'string' && value.length > 1 && !/^[a-z-]+$/.test(value));
}

describe('every problem reads as a sentence in every language', () => {
  const inputProblems = Object.values(INPUT_PROBLEM_CASES).flatMap((cases) =>
    cases.map((c) => problemOf(c.text, c.ctx)),
  );
  const cases: [string, (p: Presenter) => string, string[]][] = [
    ...Object.values(RULE_PROBLEM_SAMPLES).map(
      (problem) =>
        [`rule ${problem.kind}`, (p: Presenter) => p.t.describeRuleProblem(problem, p.format), textsOf(problem)] as [
          string,
          (p: Presenter) => string,
          string[],
        ],
    ),
    ...inputProblems.map(
      (problem) =>
        [`input ${problem.kind}`, (p: Presenter) => p.t.describeInputProblem(problem, p.format), []] as [
          string,
          (p: Presenter) => string,
          string[],
        ],
    ),
    ...Object.values(SCHEDULE_SAMPLES).map(
      (problem) =>
        [`schedule ${problem.kind}`, (p: Presenter) => p.t.describeScheduleProblem(problem), textsOf(problem)] as [
          string,
          (p: Presenter) => string,
          string[],
        ],
    ),
  ];

  it.each(translations)('%s', (language) => {
    const wrong: string[] = [];
    for (const [name, describe, texts] of cases) {
      const sentence = describe(presenters[language]);
      const englishSentence = describe(english);
      // Chinese says in 8 characters what English says in 30.
      if (sentence.trim().length < (language === 'zh' ? 6 : 10) || /undefined|\[object Object\]|NaN/.test(sentence))
        wrong.push(`${name}: ${sentence}`);
      if (sentence === englishSentence) wrong.push(`${name}: still English`);
      for (const text of texts)
        if (englishSentence.includes(text) && !sentence.includes(text)) wrong.push(`${name}: leaves out ${text}`);
    }
    expect(wrong).toEqual([]);
  });
});
