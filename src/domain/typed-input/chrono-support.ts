// What the language modules need to add their own phrases to chrono-node: a parser built from a pattern and
// a resolver that works on the person's calendar day. Chrono's extension point is its `parsers` list: a
// parser gives a pattern and turns each match into date components (here always a whole, certain date).
import type { Parser, ParsingContext } from 'chrono-node';
import type { LocalDate } from '../local-date.ts';
import { dateParts, fromEpochDay, parseIsoDate } from '../local-date.ts';
import type { Prefer } from './calendar.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * The person's calendar day at the reference instant, from the reference's offset (minutes east of UTC).
 * Pure arithmetic: the process's own time zone plays no part.
 */
export function referenceToday(context: ParsingContext): LocalDate {
  const { instant, timezoneOffset } = context.reference;
  const offset = timezoneOffset ?? -instant.getTimezoneOffset();
  return fromEpochDay(Math.floor((instant.getTime() + offset * MINUTE_MS) / DAY_MS));
}

/** Which way a phrase that does not say resolves: the reader asks chrono for forward dates when it wants future. */
export function preferOf(context: ParsingContext): Prefer {
  return context.option.forwardDate ? 'future' : 'past';
}

/** Turns a match's groups (lower-cased; [0] is the whole match) into a date, or undefined to ignore it. */
export type Resolver = (
  groups: readonly (string | undefined)[],
  today: LocalDate,
  prefer: Prefer,
) => LocalDate | undefined;

/** A chrono parser: `pattern` found anywhere in the text, turned into a date by `resolve` (or ignored). */
export function phraseParser(pattern: RegExp, resolve: Resolver): Parser {
  return {
    pattern: () => pattern,
    extract: (context, match) => {
      const groups = Array.from(match, (group: string | undefined) => group?.toLowerCase());
      const date = resolve(groups, referenceToday(context), preferOf(context));
      // "om 9999 år" lands beyond the calendar the app keeps (1900–9999): no date.
      if (date === undefined || parseIsoDate(date) === undefined) return null;
      return context.createParsingComponents(dateParts(date));
    },
  };
}

/** `source` as whole words, case-insensitive: no letter or digit may continue it on either side. */
export function words(source: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'iu');
}

/** `names` (a word → value table) as a regex alternation, longest first so "juin" never stops "juillet". */
export function alternation(names: Readonly<Record<string, unknown>>): string {
  return Object.keys(names)
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}

/** The value of a word in a table, or undefined (own keys only: "constructor" is no number). */
export function lookup<T>(table: Readonly<Record<string, T>>, word: string | undefined): T | undefined {
  if (word === undefined) return undefined;
  const key = word.toLowerCase();
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A count typed as digits or as one of the language's number words. */
export function countOf(text: string | undefined, numberWords: Readonly<Record<string, number>>): number | undefined {
  if (text === undefined) return undefined;
  if (/^\d{1,4}$/.test(text)) return Number(text);
  return lookup(numberWords, text);
}
