// Finding opportunities by words: what counts as the same letter. Case and accents never matter
// ("Müller" is found by "muller"); the database folds its text with the same table (translate() in
// SQL: PGlite has no unaccent extension, and one table keeps both sides equal on both backends).

const FOLDED: Record<string, string> = {
  a: 'àáâãäåāăą',
  c: 'çćĉċč',
  d: 'ďđ',
  e: 'èéêëēĕėęě',
  g: 'ĝğġģ',
  h: 'ĥħ',
  i: 'ìíîïĩīĭį',
  j: 'ĵ',
  k: 'ķ',
  l: 'ĺļľŀł',
  n: 'ñńņň',
  o: 'òóôõöøōŏő',
  r: 'ŕŗř',
  s: 'śŝşš',
  t: 'ţťŧ',
  u: 'ùúûüũūŭůűų',
  w: 'ŵ',
  y: 'ýÿŷ',
  z: 'źżž',
};

/**
 * The two strings of SQL's translate(): every accented letter, lower- and upper-case, and the plain
 * lower-case letter it stands for (the database lower-cases ASCII itself; in a C locale it leaves
 * other letters alone, hence both cases here).
 */
const from: string[] = [];
const to: string[] = [];
for (const [plain, accented] of Object.entries(FOLDED)) {
  for (const letter of accented) {
    for (const variant of new Set([letter, letter.toUpperCase()])) {
      if ([...variant].length !== 1) continue;
      from.push(variant);
      to.push(plain);
    }
  }
}
export const FOLD_FROM = from.join('');
export const FOLD_TO = to.join('');

const FOLD_MAP = new Map(from.map((letter, i) => [letter, to[i] ?? letter]));

/** Text as the search compares it: lower-case, accents taken off. */
export function foldForSearch(text: string): string {
  return [...text.toLowerCase()].map((letter) => FOLD_MAP.get(letter) ?? letter).join('');
}

/** At most this many words are looked for. */
export const MAX_SEARCH_WORDS = 8;

/** The distinct words of a search, folded; quotes and commas separate words as spaces do. */
export function searchWords(text: string): string[] {
  const words = foldForSearch(text)
    .split(/[\s,;"'“”‘’]+/)
    .map((word) => word.trim())
    .filter((word) => word !== '');
  return [...new Set(words)].slice(0, MAX_SEARCH_WORDS);
}
