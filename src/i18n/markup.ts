// Text that may be sent to Slack as markup. Slack reads `<…>` in any text object as a control sequence
// (a mention, `<!channel>`, a link with a disguised label, a date token), so text a person typed must
// never reach it unescaped. Markup is a branded string that only three things produce:
//   - escapeText: the one escaping path for text that came from a person (or from anywhere outside
//     this code);
//   - the message catalogue, through `trusted` below: its sentences are ours, and every string it takes
//     must itself already be Markup (a type error otherwise);
//   - the few constructors here for markup the app writes on purpose (mentions of ids Slack gave us).
// Block Kit builders accept only Markup, so a builder that forgets to escape does not compile.

declare const brand: unique symbol;

/** A string safe to place in a Slack text object: no control sequence in it came from a person. */
export type Markup = string & { readonly [brand]: 'Markup' };

/** Any string except one already branded as Markup (so markup is never escaped a second time). */
export type RawText = string & { readonly [brand]?: never };

const ENTITY = /&(amp|lt|gt);/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>' };
const CONTROL = /[&<>]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * The one escaping path: a person's text as Slack shows it literally, never as markup. Slack delivers
 * what a person typed with `&`, `<` and `>` already written as entities, and stored text may hold
 * either form, so entities are read back first; escaping twice therefore changes nothing.
 */
export function escapeText(text: RawText): Markup {
  return text
    .replace(ENTITY, (_, name: string) => ENTITIES[name] ?? '')
    .replace(CONTROL, (c) => ESCAPES[c] ?? '') as Markup;
}

/** Markup the app writes itself: a string literal of this code (a computed string is a type error). */
export function ours<T extends string>(text: string extends T ? never : T): Markup {
  return text as string as Markup;
}

/**
 * A sentence the catalogue composed from values that were escaped first (escapeFields). Only the
 * catalogue modules in src/i18n may call it (the lint refuses it elsewhere).
 */
export function catalogueText(text: string): Markup {
  return text as Markup;
}

/** Markup without the white space at its end. */
export function trimEnd(text: Markup): Markup {
  return text.trimEnd() as Markup;
}

/** A template of our own whose every interpolated value is Markup or a number. */
export function md(strings: TemplateStringsArray, ...values: readonly (Markup | number)[]): Markup {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += String(value) + (strings[i + 1] ?? '');
  });
  return out as Markup;
}

/** Markup parts joined by markup. */
export function joinMarkup(parts: readonly Markup[], separator: Markup | string = ''): Markup {
  return parts.join(separator) as Markup;
}

const USER_ID = /^[UW][A-Z0-9]{1,31}$/;
const CHANNEL_ID = /^[CDG][A-Z0-9]{1,31}$/;

/** `<@U…>`: a mention of a Slack user id; anything that is not one is shown as escaped text. */
export function mentionUser(userId: string): Markup {
  return USER_ID.test(userId) ? (`<@${userId}>` as Markup) : escapeText(userId);
}

/** `<#C…>`: a link to a conversation id; anything that is not one is shown as escaped text. */
export function mentionChannel(channelId: string): Markup {
  return CHANNEL_ID.test(channelId) ? (`<#${channelId}>` as Markup) : escapeText(channelId);
}

// ---- the catalogue's type ------------------------------------------------------------------------

/** What a catalogue function takes: every plain `string` becomes Markup (literal unions stay). */
type Argument<T> = T extends Markup
  ? T
  : string extends T
    ? Exclude<T, string> | Markup
    : T extends readonly (infer U)[]
      ? readonly Argument<U>[]
      : T extends (...args: never[]) => unknown
        ? T
        : T extends object
          ? { readonly [K in keyof T]: Argument<T[K]> }
          : T;

/** A catalogue as its users see it: strings are Markup, functions take Markup and return Markup. */
export type Trusted<T> = T extends string
  ? Markup
  : T extends (...args: infer A) => infer R
    ? (...args: { [K in keyof A]: Argument<A[K]> }) => Trusted<R>
    : T extends readonly (infer U)[]
      ? readonly Trusted<U>[]
      : T extends object
        ? { readonly [K in keyof T]: Trusted<T[K]> }
        : T;

/**
 * A catalogue section as Markup. The sentences are ours; what callers put into them must be Markup
 * already (checked by the compiler through Trusted), so no runtime work is needed.
 */
export function trusted<T>(catalogue: T): Trusted<T> {
  return catalogue as Trusted<T>;
}

/**
 * A value from outside (a rule problem, a parse problem) with every string in it escaped, so that a
 * catalogue function describing it may place any of its fields. Plain objects and arrays are copied;
 * other objects (decimals, dates) are kept as they are.
 */
export function escapeFields<T>(value: T): T {
  if (typeof value === 'string') return escapeText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => escapeFields(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeFields(v)])) as T;
  }
  return value;
}
