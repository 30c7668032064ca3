// ICU MessageFormat for the catalogue's plurals and selects, through FormatJS intl-messageformat: each
// language's own plural categories (French and Italian have `many`, Chinese none) come from CLDR rather
// than from hand-made `n === 1` branches. A pattern's arguments are typed from its text
// (@schummar/icu-type-parser), so a misspelt or missing argument is a compile error.
//
// Slack markup survives: tags are not parsed (`ignoreTag`), so `<url|label>` and `<@U…>` stay literal. A
// `<!date^…^{date_short}|…>` token would collide with ICU's braces: build it outside and pass it in.
import type { GetICUArgs } from '@schummar/icu-type-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { LRUCache } from 'lru-cache';

type Arguments<P extends string> = GetICUArgs<P, { ICUArgument: string; ICUNumberArgument: number }>;

/** Formats an ICU pattern with its arguments in one language. */
export type Icu = <const P extends string>(pattern: P, values: Arguments<P>) => string;

// Parsing a pattern costs far more than formatting it: one compiled message per language and pattern.
const compiled = new LRUCache<string, IntlMessageFormat>({ max: 2_000 });

/** The ICU formatter of a catalogue written in `language` (a BCP 47 tag: "fr", "zh"). */
export function icuFor(language: string): Icu {
  return (pattern, values) => {
    const key = `${language}\u0000${pattern}`;
    let message = compiled.get(key);
    if (!message) {
      message = new IntlMessageFormat(pattern, language, undefined, { ignoreTag: true });
      compiled.set(key, message);
    }
    return String(message.format(values as Record<string, string | number>));
  };
}
