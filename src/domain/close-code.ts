// Close Opportunity Codes (spec §4): a Won code only closes as Won, a Lost code only as Lost.
import type { CloseOutcome } from './opportunity.ts';
import { DomainError } from './problems.ts';
import { normaliseCode } from './sales-cycle.ts';
import { limitedText } from './text.ts';

export interface CloseCode {
  code: string;
  description: string;
  type: CloseOutcome;
}

export function validateCloseCode(input: { code: string; description?: string; type?: CloseOutcome }): CloseCode {
  return {
    code: normaliseCode(input.code, 'close-code'),
    description: limitedText(input.description, 'description'),
    type: input.type ?? 'won',
  };
}

/** The code to pre-fill: the only code of that type, if there is exactly one. */
export function defaultCloseCode(codes: readonly CloseCode[], outcome: CloseOutcome): CloseCode | null {
  const matching = codes.filter((c) => c.type === outcome);
  return matching.length === 1 ? (matching[0] ?? null) : null;
}

/** Throws unless a code is given and its type matches the outcome. */
export function checkCloseCode(code: CloseCode | null | undefined, outcome: CloseOutcome): CloseCode {
  if (!code) throw new DomainError({ kind: 'required', field: 'close-code' });
  if (code.type !== outcome) {
    throw new DomainError({ kind: 'close-code-wrong-type', code: code.code, codeType: code.type, outcome });
  }
  return code;
}
