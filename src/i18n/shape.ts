// Every language's catalogue has English's shape: the same sections, keys and parameters.
// `defineCatalogue` makes a missing key, an unknown key, a parameter of another type or a function with
// another number of parameters a compile error; test/unit/i18n/catalogues.test.ts renders every message
// of every language and checks that each uses exactly English's arguments.
import type { english } from './en/index.ts';
import type { Markup } from './markup.ts';

/**
 * A catalogue's type as every language must write it: English's, with its literal texts widened (to
 * Markup for sentences, to string for plain text), so that only the keys and the parameters are fixed.
 */
type Shape<T> = T extends Markup
  ? Markup
  : T extends string
    ? string
    : T extends (...args: infer A) => infer R
      ? (...args: A) => Shape<R>
      : T extends readonly (infer U)[]
        ? readonly Shape<U>[]
        : T extends object
          ? { readonly [K in keyof T]: Shape<T[K]> }
          : T;

export type Catalogue = Shape<typeof english>;

/**
 * T checked against the catalogue's shape S: a key S does not have becomes `never` (so an unknown key is
 * an error, as a missing one already is), and a function must take as many parameters as English's.
 */
type Exactly<T, S> = T extends (...args: infer A) => unknown
  ? S extends (...args: infer B) => unknown
    ? A['length'] extends B['length']
      ? T
      : never
    : never
  : T extends readonly unknown[]
    ? T
    : T extends object
      ? { [K in keyof T]: K extends keyof S ? Exactly<T[K], S[K]> : never }
      : T;

/** A language's catalogue, held to English's shape exactly (see Exactly). */
export function defineCatalogue<const T extends Catalogue>(catalogue: T & Exactly<T, Catalogue>): Catalogue {
  return catalogue;
}
