// HTML built only from escaped text: `html` escapes every interpolated string unless it is already Html
// (made by `html` itself or by `trustedHtml` for fixed markup of ours). The playground never places a
// string from the app or from a person in a page any other way.

declare const brand: unique symbol;

/** A fragment of HTML whose every piece of text was escaped. */
export type Html = { readonly [brand]: 'Html'; readonly value: string };

type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function isHtml(value: unknown): value is Html {
  return typeof value === 'object' && value !== null && 'value' in value && !Array.isArray(value);
}

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (isHtml(value)) return value.value;
  return escapeHtml(String(value));
}

/** A template whose interpolations are escaped (arrays are joined; null, undefined and false vanish). */
export function html(strings: TemplateStringsArray, ...values: readonly Interpolation[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return { value: out } as Html;
}

/** Escaped text as Html. */
export function text(value: string): Html {
  return { value: escapeHtml(value) } as Html;
}

/** Joins fragments. */
export function join(parts: readonly Html[], separator: Html = EMPTY): Html {
  return { value: parts.map((p) => p.value).join(separator.value) } as Html;
}

export const EMPTY: Html = { value: '' } as Html;
