// Conversions between database values and domain values.
import { Decimal } from '../domain/decimal.ts';
import { localDate, type LocalDate } from '../domain/local-date.ts';

type DecimalLike = { toString(): string };

export function toDecimal(value: DecimalLike | number | string): Decimal {
  return new Decimal(typeof value === 'object' ? value.toString() : value);
}

/** Prisma hands DATE columns back as midnight UTC. */
export function toLocalDate(value: Date): LocalDate {
  return localDate(value.toISOString().slice(0, 10));
}

export function toDbDate(value: LocalDate): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

/** Decimal values go to Prisma as strings, so no precision is lost on the way. */
export function toDbDecimal(value: Decimal): string {
  return value.toString();
}
