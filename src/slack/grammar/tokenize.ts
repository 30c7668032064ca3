// Splits the text after the subcommand word(s) into positional words and `key:value` pairs.
//
// Rules (see also help.ts):
// - Words are separated by whitespace. Slack escapes (`<@U123|Ann Lee>`, `<#C123|sales>`, `<https://…|x>`)
//   are single words even when they contain spaces.
// - A word may be wrapped in quotes: "…", “…”, '…' or ‘…’. Inside quotes nothing is special (spaces,
//   colons, `key:`). A double quote must be closed (else `unbalanced-quote`); an unclosed single quote is
//   taken literally, because it is usually an apostrophe ('90s). A closing single quote is one followed by a
//   space or the end, so 'O'Brien' works. A closing quote glued to more text is `text-after-quote`.
// - A key is a word that starts with `name:` where `name` (letters and hyphens, any case) is one of the keys
//   of this subcommand. `close: friday` and `close:friday` are the same.
// - Any other `word:` glued to a value (`colour:red`) is an `unknown-key`, so typos are caught; followed by a
//   space (`Q3: renewal`, `Note: call`) or containing other characters (`Q3:`, `10:30`) it is plain text.
//   To use a known key word followed by a colon inside a description, quote the description.
// - A value runs until the next key (or the end). Its first word is never taken as a key unless it is a key
//   of this subcommand separated by a space (`contact: value:10` → `contact:` has no value).
// - Positional words are those before the first key.
// - A key given twice is a `duplicate-key` unless the subcommand lets it repeat (quote `line:`, activity `step:`).
import { fail } from './input-problems.ts';
import { suggest } from './suggest.ts';

export interface Word {
  readonly text: string;
  readonly quoted: boolean;
}

export interface Pair {
  readonly key: string;
  /** The value's words joined with single spaces (quoted words keep their inner spacing). */
  readonly value: string;
  /** True when the whole value was one quoted word. */
  readonly quoted: boolean;
}

export interface Tokens {
  readonly words: readonly Word[];
  readonly pairs: readonly Pair[];
}

export interface TokenizeSpec {
  /** For error messages: "new", "cycle add", … */
  readonly subcommand: string;
  readonly keys: readonly string[];
  readonly repeatable?: readonly string[];
}

const DOUBLE_QUOTES = '"“”„';
const SINGLE_QUOTES = "'‘’";
const MAX_SNIPPET = 40;

export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

export function tokenize(text: string, spec: TokenizeSpec): Tokens {
  const allowed = new Set(spec.keys);
  const repeatable = new Set(spec.repeatable ?? []);
  const keyPattern = /([A-Za-z][A-Za-z-]*):/y;
  const n = text.length;
  let pos = 0;

  const skipSpace = (): void => {
    while (pos < n && isSpace(text[pos])) pos++;
  };

  const keyAt = (at: number): { key: string; end: number; glued: boolean } | undefined => {
    keyPattern.lastIndex = at;
    const match = keyPattern.exec(text);
    if (!match) return undefined;
    const end = at + match[0].length;
    return { key: (match[1] ?? '').toLowerCase(), end, glued: end < n && !isSpace(text[end]) };
  };

  /** At a word start: a key of this subcommand, or undefined for plain text; throws for unknown glued keys. */
  const keyStart = (at: number): { key: string; end: number; glued: boolean } | undefined => {
    const found = keyAt(at);
    if (!found) return undefined;
    if (allowed.has(found.key)) return found;
    if (found.glued) {
      const suggestion = suggest(found.key, spec.keys);
      fail({
        kind: 'unknown-key',
        key: found.key,
        subcommand: spec.subcommand,
        allowed: [...spec.keys],
        ...(suggestion ? { suggestion } : {}),
      });
    }
    return undefined;
  };

  const readPlain = (): Word => {
    const start = pos;
    while (pos < n && !isSpace(text[pos])) {
      if (text[pos] === '<') {
        const close = text.indexOf('>', pos);
        pos = close >= 0 ? close + 1 : pos + 1;
      } else {
        pos++;
      }
    }
    return { text: text.slice(start, pos), quoted: false };
  };

  const endOfWord = (from: number): number => {
    let at = from;
    while (at < n && !isSpace(text[at])) at++;
    return at;
  };

  const readWord = (): Word => {
    const start = pos;
    const ch = text[pos] ?? '';
    if (DOUBLE_QUOTES.includes(ch)) {
      let close = -1;
      for (let i = pos + 1; i < n; i++) {
        if (DOUBLE_QUOTES.includes(text[i] ?? '')) {
          close = i;
          break;
        }
      }
      if (close < 0) fail({ kind: 'unbalanced-quote', text: snippet(text.slice(start)) });
      pos = close + 1;
      if (pos < n && !isSpace(text[pos])) {
        fail({ kind: 'text-after-quote', text: snippet(text.slice(start, endOfWord(pos))) });
      }
      return { text: text.slice(start + 1, close), quoted: true };
    }
    if (SINGLE_QUOTES.includes(ch)) {
      for (let i = pos + 1; i < n; i++) {
        if (SINGLE_QUOTES.includes(text[i] ?? '') && (i + 1 === n || isSpace(text[i + 1]))) {
          pos = i + 1;
          return { text: text.slice(start + 1, i), quoted: true };
        }
      }
    }
    return readPlain();
  };

  const words: Word[] = [];
  for (;;) {
    skipSpace();
    if (pos >= n || keyStart(pos)) break;
    words.push(readWord());
  }

  const pairs: Pair[] = [];
  const seen = new Set<string>();
  for (;;) {
    skipSpace();
    if (pos >= n) break;
    const key = keyStart(pos);
    if (!key) break; // cannot happen: values run until the next key
    pos = key.end;
    if (seen.has(key.key) && !repeatable.has(key.key)) fail({ kind: 'duplicate-key', key: key.key });
    seen.add(key.key);
    const valueWords: Word[] = [];
    if (key.glued) {
      valueWords.push(readWord());
    } else {
      skipSpace();
      const next = pos < n ? keyAt(pos) : undefined;
      if (pos < n && !(next && allowed.has(next.key))) valueWords.push(readWord());
    }
    if (valueWords.length > 0) {
      for (;;) {
        skipSpace();
        if (pos >= n || keyStart(pos)) break;
        valueWords.push(readWord());
      }
    }
    const value = valueWords.map((word) => word.text).join(' ');
    if (value.trim() === '') fail({ kind: 'missing-value', key: key.key });
    const first = valueWords[0];
    pairs.push({ key: key.key, value, quoted: valueWords.length === 1 && first !== undefined && first.quoted });
  }
  return { words, pairs };
}

export function snippet(text: string): string {
  return text.length > MAX_SNIPPET ? `${text.slice(0, MAX_SNIPPET)}…` : text;
}
