// Conversions between database values and domain values (src/store/kysely.ts says what the drivers
// hand over: numerics as exact text, dates as YYYY-MM-DD text).
import { Decimal } from '../domain/decimal.ts';

type DecimalLike = { toString(): string };

export function toDecimal(value: DecimalLike | number | string): Decimal {
  return new Decimal(typeof value === 'object' ? value.toString() : value);
}

/** Decimal values go to the database as text, so no precision is lost on the way. */
export function toDbDecimal(value: Decimal): string {
  return value.toString();
}
