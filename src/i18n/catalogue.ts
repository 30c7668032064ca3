// The message catalogue a person or a channel is answered from. Every language has English's shape:
// the same sections, keys and parameters (a missing key or a wrong parameter is a type error once a
// second language exists). Today every locale gets English (issue 12 brings the others).
import { english } from './en/index.ts';
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

const ENGLISH: Catalogue = english;

/** The catalogue for a locale (BCP 47): English for every locale until more languages exist. */
export function catalogueFor(_locale: string): Catalogue {
  return ENGLISH;
}
