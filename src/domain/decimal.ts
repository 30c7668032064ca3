// Exact decimal arithmetic for money and percentages: never binary floats.
// Money is stored as NUMERIC in the database and crosses every boundary as a decimal string.
import { Decimal } from 'decimal.js';

export { Decimal };

export const ZERO = new Decimal(0);
export const HUNDRED = new Decimal(100);

export function dec(value: Decimal.Value): Decimal {
  return new Decimal(value);
}

/** Rounds half away from zero to `places` decimals (the usual commercial rounding of amounts). */
export function roundTo(value: Decimal, places: number): Decimal {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/** Money amounts are kept to 2 decimals where a person enters or sees them. */
export function roundMoney(value: Decimal): Decimal {
  return roundTo(value, 2);
}
