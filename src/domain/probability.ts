// Probability % and Calcd. Current Value of an entry (spec §2.1). Full precision: no rounding
// here; money is rounded only where it is shown.
import { HUNDRED, type Decimal } from './decimal.ts';

export type ProbabilityCalculation = 'multiply' | 'add' | 'chances' | 'completed';

export const PROBABILITY_CALCULATIONS: readonly ProbabilityCalculation[] = ['multiply', 'add', 'chances', 'completed'];

/** Probability % from Chances of Success % (C) and Completed % (P), both 0–100. */
export function probabilityPct(method: ProbabilityCalculation, chancesPct: Decimal, completedPct: Decimal): Decimal {
  switch (method) {
    case 'multiply':
      return chancesPct.times(completedPct).dividedBy(HUNDRED);
    case 'add':
      return chancesPct.plus(completedPct).dividedBy(2);
    case 'chances':
      return chancesPct;
    case 'completed':
      return completedPct;
  }
}

export function calcdCurrentValue(estimatedValue: Decimal, probability: Decimal): Decimal {
  return estimatedValue.times(probability).dividedBy(HUNDRED);
}

export interface Estimates {
  probabilityPct: Decimal;
  calcdCurrentValue: Decimal;
}

export function computeEstimates(
  method: ProbabilityCalculation,
  values: { estimatedValue: Decimal; chancesPct: Decimal; completedPct: Decimal },
): Estimates {
  const probability = probabilityPct(method, values.chancesPct, values.completedPct);
  return { probabilityPct: probability, calcdCurrentValue: calcdCurrentValue(values.estimatedValue, probability) };
}
