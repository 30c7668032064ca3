// Small input checks shared by the entity validators.
import { DomainError, type RequiredField, type TextField } from './problems.ts';
import { HUNDRED, ZERO, type Decimal } from './decimal.ts';
import type { PercentField } from './problems.ts';

export const TEXT_MAX_LENGTH = 100;

/** Trimmed text; `required` when blank, `too-long` beyond `max` characters. */
export function requiredText(
  value: string | null | undefined,
  field: RequiredField & TextField,
  max = TEXT_MAX_LENGTH,
): string {
  const text = (value ?? '').trim();
  if (text === '') throw new DomainError({ kind: 'required', field });
  return limitedText(text, field, max);
}

/** Trimmed text, may be empty; `too-long` beyond `max` characters. */
export function limitedText(value: string | null | undefined, field: TextField, max = TEXT_MAX_LENGTH): string {
  const text = (value ?? '').trim();
  if ([...text].length > max) throw new DomainError({ kind: 'too-long', field, max });
  return text;
}

/** A percentage 0–100 with at most `places` decimals (the database keeps 2). */
export function checkPercent(value: Decimal, field: PercentField, places = 2): Decimal {
  if (!value.isFinite() || value.lessThan(ZERO) || value.greaterThan(HUNDRED) || value.decimalPlaces() > places) {
    throw new DomainError({ kind: 'percent-out-of-range', field, value });
  }
  return value;
}
