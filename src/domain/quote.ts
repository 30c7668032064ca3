// Sales quotes linked to opportunities (spec §10). Amounts exclude VAT and are in LCY.
import { HUNDRED, roundMoney, ZERO, type Decimal } from './decimal.ts';
import type { Contact } from './contact.ts';
import type { OpportunityStatus } from './opportunity.ts';
import { DomainError, type QuoteLineField } from './problems.ts';
import { TEXT_MAX_LENGTH } from './text.ts';

export const QUOTE_MAX_LINES = 100;
const QUANTITY_PLACES = 4;
const PRICE_PLACES = 2;
const DISCOUNT_PLACES = 2;

export interface QuoteLineInput {
  description: string;
  quantity: Decimal;
  unitPrice: Decimal;
  /** Line discount %, 0–100; default 0. */
  discountPct?: Decimal | undefined;
}

export interface QuoteLine {
  /** 1-based position. */
  lineNo: number;
  description: string;
  quantity: Decimal;
  unitPrice: Decimal;
  discountPct: Decimal;
  /** quantity × unit price × (1 − discount/100), rounded to cents. */
  amount: Decimal;
}

export function lineAmount(quantity: Decimal, unitPrice: Decimal, discountPct: Decimal = ZERO): Decimal {
  return roundMoney(quantity.times(unitPrice).times(HUNDRED.minus(discountPct)).dividedBy(HUNDRED));
}

/** Validates 1–100 lines and computes their amounts. */
export function validateQuoteLines(lines: readonly QuoteLineInput[]): QuoteLine[] {
  if (lines.length === 0) throw new DomainError({ kind: 'quote-has-no-lines' });
  if (lines.length > QUOTE_MAX_LINES)
    throw new DomainError({ kind: 'quote-too-many-lines', max: QUOTE_MAX_LINES, count: lines.length });
  return lines.map((line, index) => validateQuoteLine(line, index + 1));
}

export function validateQuoteLine(input: QuoteLineInput, lineNo: number): QuoteLine {
  const invalid = (field: QuoteLineField): never => {
    throw new DomainError({ kind: 'quote-line-invalid', line: lineNo, field });
  };
  const description = input.description.trim();
  if (description === '' || [...description].length > TEXT_MAX_LENGTH) invalid('description');
  const discountPct = input.discountPct ?? ZERO;
  if (
    !input.quantity.isFinite() ||
    !input.quantity.greaterThan(ZERO) ||
    input.quantity.decimalPlaces() > QUANTITY_PLACES
  ) {
    invalid('quantity');
  }
  if (!input.unitPrice.isFinite() || input.unitPrice.lessThan(ZERO) || input.unitPrice.decimalPlaces() > PRICE_PLACES) {
    invalid('unit-price');
  }
  if (
    !discountPct.isFinite() ||
    discountPct.lessThan(ZERO) ||
    discountPct.greaterThan(HUNDRED) ||
    discountPct.decimalPlaces() > DISCOUNT_PLACES
  ) {
    invalid('discount');
  }
  return {
    lineNo,
    description,
    quantity: input.quantity,
    unitPrice: input.unitPrice,
    discountPct,
    amount: lineAmount(input.quantity, input.unitPrice, discountPct),
  };
}

/** The quote amount used by the opportunity: the sum of the (rounded) line amounts. */
export function quoteTotal(lines: readonly { amount: Decimal }[]): Decimal {
  return lines.reduce((sum, line) => sum.plus(line.amount), ZERO);
}

/**
 * Creating a quote (§10.1): one per opportunity, only while In Progress, and – deliberate
 * tightening – only for a company contact or a person who belongs to a company. Returns the
 * contact no. the customer is looked up / created from (the company).
 */
export function checkCanCreateQuote(input: {
  opportunityNo: string;
  status: OpportunityStatus;
  contact: Contact;
  hasQuote: boolean;
}): { customerContactNo: string } {
  const { contact } = input;
  if (input.hasQuote) throw new DomainError({ kind: 'quote-already-exists', opportunityNo: input.opportunityNo });
  if (input.status !== 'in_progress') {
    throw new DomainError({
      kind: 'quote-needs-in-progress',
      opportunityNo: input.opportunityNo,
      status: input.status,
    });
  }
  if (contact.type === 'company') return { customerContactNo: contact.no };
  if (contact.companyNo === null)
    throw new DomainError({ kind: 'quote-needs-company-contact', contactNo: contact.no, name: contact.name });
  return { customerContactNo: contact.companyNo };
}

/**
 * What Make Order does to the linked opportunity (§10.2):
 * - In Progress: close it as Won with the quote amount first, then link the order;
 * - Won: move the link to the order (and set Calcd. Current Value to the order amount);
 * - Lost: clear the opportunity's document link.
 */
export type MakeOrderEffect = 'close-won-then-link' | 'link-to-won' | 'unlink-lost';

export function planMakeOrder(input: { opportunityNo: string; status: OpportunityStatus }): MakeOrderEffect {
  switch (input.status) {
    case 'in_progress':
      return 'close-won-then-link';
    case 'won':
      return 'link-to-won';
    case 'lost':
      return 'unlink-lost';
    case 'not_started':
      throw new DomainError({ kind: 'make-order-not-started', opportunityNo: input.opportunityNo });
  }
}
