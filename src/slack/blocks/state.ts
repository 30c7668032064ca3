// Reading a submitted modal: `view.state.values` → typed data, or one sentence per INPUT block_id
// (for `{ response_action: 'errors', errors }`). Each modal's reader gathers the raw strings of its
// fields, parses them with a zod schema built from the field schemas below, then applies the checks
// that involve several fields.
import { z } from 'zod';
import {
  currencyWritten,
  namesCurrency,
  readAmount,
  readPercent,
  readQuantity,
  type NumberReading,
} from '../../domain/amounts.ts';
import { ZERO, type Decimal } from '../../domain/decimal.ts';
import { parseIsoDate, type LocalDate } from '../../domain/local-date.ts';
import type { InputLanguage } from '../../domain/typed-input/language.ts';
import type { Catalogue } from '../../i18n/catalogue.ts';
import { escapeText } from '../../i18n/markup.ts';

/** One element's state as Slack sends it (a supertype of Bolt's ViewStateValue). */
export interface StateValue {
  type: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_date?: string | null;
  selected_user?: string | null;
  selected_options?: { value: string }[] | null;
}

/** `view.state.values`: block_id → action_id → state. */
export type ViewStateValues = Record<string, Record<string, StateValue>>;

export type ReadResult<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

/** Errors keyed by input block_id. */
export type FieldErrors = Record<string, string>;

/** Our input blocks hold exactly one element, so a field is found by its block_id alone. */
function stateOf(values: ViewStateValues, blockId: string): StateValue | undefined {
  const block = values[blockId];
  if (!block) return undefined;
  return Object.values(block)[0];
}

/** Typed text (plain_text_input, number_input, email_text_input); '' when empty. */
export function textOf(values: ViewStateValues, blockId: string): string {
  return stateOf(values, blockId)?.value ?? '';
}

/** The selected option's value (static/external select, radio buttons); '' when none. */
export function selectedOf(values: ViewStateValues, blockId: string): string {
  return stateOf(values, blockId)?.selected_option?.value ?? '';
}

/** The picked date (YYYY-MM-DD); '' when none. */
export function dateOf(values: ViewStateValues, blockId: string): string {
  return stateOf(values, blockId)?.selected_date ?? '';
}

/** The picked user id; '' when none. */
export function userOf(values: ViewStateValues, blockId: string): string {
  return stateOf(values, blockId)?.selected_user ?? '';
}

/** The ticked checkbox values. */
export function checkedOf(values: ViewStateValues, blockId: string): string[] {
  return (stateOf(values, blockId)?.selected_options ?? []).map((o) => o.value);
}

export function hasBlock(values: ViewStateValues, blockId: string): boolean {
  return values[blockId] !== undefined;
}

// ---- field schemas (input: the raw string) -------------------------------------------------------

/** The sentences a field shows under itself, in the reader's language. */
export type FormErrors = Catalogue['ui']['errors'];

/**
 * A form's schema for one catalogue, typed-input language and workspace currency (its sentences, number
 * notation and the currency its amounts must be in are part of it), built once per combination: building
 * a zod schema costs more than using it. Currencies are ISO 4217 codes, so the combinations are few.
 */
export function schemaPerCatalogue<S>(
  build: (errors: FormErrors, language: InputLanguage, currency: string | undefined) => S,
): (errors: FormErrors, language?: InputLanguage, currency?: string) => S {
  const built = new WeakMap<FormErrors, Map<string, S>>();
  return (errors, language = 'en', currency) => {
    let byNotation = built.get(errors);
    if (byNotation === undefined) {
      byNotation = new Map();
      built.set(errors, byNotation);
    }
    const key = `${language} ${currency ?? ''}`;
    let schema = byNotation.get(key);
    if (schema === undefined) {
      schema = build(errors, language, currency);
      byNotation.set(key, schema);
    }
    return schema;
  };
}

type Ctx = z.RefinementCtx;

function fail(ctx: Ctx, message: string): never {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
}

/** Required text, trimmed, at most `max` characters. */
export function requiredText(errors: FormErrors, max: number): z.ZodType<string, string> {
  return z.string().transform((raw, ctx) => {
    const text = raw.trim();
    if (text === '') return fail(ctx, errors.required);
    if ([...text].length > max) return fail(ctx, errors.tooLong(max));
    return text;
  });
}

/** Optional text: '' when empty. */
export function optionalText(errors: FormErrors, max: number): z.ZodType<string, string> {
  return z.string().transform((raw, ctx) => {
    const text = raw.trim();
    if ([...text].length > max) return fail(ctx, errors.tooLong(max));
    return text;
  });
}

/** A code (sales cycle, close code): 1–10 letters/digits, no blanks, upper-cased. */
export function codeText(errors: FormErrors): z.ZodType<string, string> {
  return z.string().transform((raw, ctx) => {
    const text = raw.trim().toUpperCase();
    if (text === '') return fail(ctx, errors.required);
    if (!/^[A-Z0-9_-]{1,10}$/.test(text)) return fail(ctx, errors.code);
    return text;
  });
}

function numberMessage(
  errors: FormErrors,
  reading: Exclude<NumberReading, { ok: true }>,
  kind: 'amount' | 'percent' | 'quantity',
): string {
  if (kind === 'percent') return errors.percent;
  if (kind === 'quantity') return errors.quantity;
  switch (reading.issue) {
    case 'ambiguous':
      return errors.amountAmbiguous;
    case 'too-many-decimals':
      return errors.amountDecimals;
    case 'out-of-range':
      return errors.amountRange;
    case 'not-a-number':
      return errors.amount;
  }
}

interface NumberOptions {
  /** Must be greater than 0. */
  positive?: boolean;
  /** Whole numbers only (a stage's completed %). */
  whole?: boolean;
  /** The language the number is typed in ("12 000,50" in French); English when not given. */
  language?: InputLanguage;
  /**
   * An amount's currency (the workspace's, ISO 4217): one written in another ("$20,000" where amounts
   * are in EUR) is refused, never converted, as the one-line commands do. Not checked when not given.
   */
  currency?: string | undefined;
}

function numberField(
  errors: FormErrors,
  kind: 'amount' | 'percent' | 'quantity',
  required: boolean,
  options: NumberOptions,
) {
  const read = kind === 'amount' ? readAmount : kind === 'percent' ? readPercent : readQuantity;
  return z.string().transform((raw, ctx): Decimal | undefined => {
    if (raw.trim() === '') return required ? fail(ctx, errors.required) : undefined;
    const reading = read(raw, options.language ?? 'en');
    if (!reading.ok) return fail(ctx, numberMessage(errors, reading, kind));
    if (kind === 'amount' && options.currency !== undefined) {
      const written = currencyWritten(raw);
      if (written !== null && !namesCurrency(written, options.currency))
        return fail(ctx, errors.otherCurrency(escapeText(raw.trim()), escapeText(options.currency)));
    }
    if (options.whole && !reading.value.isInteger()) return fail(ctx, errors.percentWhole);
    if (options.positive && !reading.value.greaterThan(ZERO)) {
      return fail(
        ctx,
        kind === 'percent' ? errors.percentPositive : kind === 'quantity' ? errors.quantity : errors.mustBePositive,
      );
    }
    return reading.value;
  });
}

/** An amount like "12,000.50" (also "12000", "12 000", "$12k"). */
export function requiredAmount(errors: FormErrors, options: NumberOptions = {}): z.ZodType<Decimal, string> {
  return numberField(errors, 'amount', true, options) as z.ZodType<Decimal, string>;
}

export function optionalAmount(
  errors: FormErrors,
  options: NumberOptions = {},
): z.ZodType<Decimal | undefined, string> {
  return numberField(errors, 'amount', false, options);
}

/** A percentage 0–100, "40" or "12.5%". */
export function requiredPercent(errors: FormErrors, options: NumberOptions = {}): z.ZodType<Decimal, string> {
  return numberField(errors, 'percent', true, options) as z.ZodType<Decimal, string>;
}

export function optionalPercent(
  errors: FormErrors,
  options: NumberOptions = {},
): z.ZodType<Decimal | undefined, string> {
  return numberField(errors, 'percent', false, options);
}

export function requiredQuantity(
  errors: FormErrors,
  options: Pick<NumberOptions, 'language'> = {},
): z.ZodType<Decimal, string> {
  return numberField(errors, 'quantity', true, { ...options, positive: true }) as z.ZodType<Decimal, string>;
}

/** A datepicker value. */
export function requiredDate(errors: FormErrors): z.ZodType<LocalDate, string> {
  return z.string().transform((raw, ctx) => parseIsoDate(raw) ?? fail(ctx, errors.pickDate));
}

export function optionalDate(errors: FormErrors): z.ZodType<LocalDate | undefined, string> {
  return z
    .string()
    .transform((raw, ctx) => (raw === '' ? undefined : (parseIsoDate(raw) ?? fail(ctx, errors.pickDate))));
}

/** One of the given option values. */
export function choice<const T extends readonly [string, ...string[]]>(
  options: T,
  message: string,
): z.ZodType<T[number], string> {
  return z
    .string()
    .transform((raw, ctx) => ((options as readonly string[]).includes(raw) ? (raw as T[number]) : fail(ctx, message)));
}

/** A selected id (contact no, user id, code) that must be present. */
export function requiredId(message: string): z.ZodType<string, string> {
  return z.string().transform((raw, ctx) => (raw.trim() === '' ? fail(ctx, message) : raw.trim()));
}

// ---- parsing a whole form ------------------------------------------------------------------------

/**
 * Parses `raw` (field → raw value) with `schema` and maps each issue to its field's block_id. Then
 * `cross` adds the checks that involve several fields; it always runs (with the parsed data when
 * every field parsed), so the user sees all problems at once. The first sentence per block wins.
 */
export function parseForm<Raw extends Record<string, unknown>, Out>(input: {
  schema: z.ZodType<Out, Raw>;
  raw: Raw;
  blockOf: (field: string) => string;
  cross?: (raw: Raw, data: Out | undefined) => FieldErrors;
}): ReadResult<Out> {
  const parsed = input.schema.safeParse(input.raw);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      const blockId = input.blockOf(String(field ?? ''));
      errors[blockId] ??= issue.message;
    }
  }
  for (const [blockId, message] of Object.entries(
    input.cross?.(input.raw, parsed.success ? parsed.data : undefined) ?? {},
  )) {
    errors[blockId] ??= message;
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, data: parsed.data };
}

/** `{ response_action: 'errors', errors }` for a view_submission ack. */
export function viewErrors(errors: FieldErrors): { response_action: 'errors'; errors: FieldErrors } {
  return { response_action: 'errors', errors };
}
