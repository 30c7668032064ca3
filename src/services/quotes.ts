// Reading the sales quote linked to an opportunity, with its lines and total (what "View quote" shows
// and the edit form is pre-filled with). Its changes are the opportunity's (src/services/opportunities.ts:
// createQuote, editQuote, replaceQuote), version-guarded like every change of an opportunity.
import type { Decimal } from '../domain/decimal.ts';
import { type LocalDate, localDate } from '../domain/local-date.ts';
import { DomainError } from '../domain/problems.ts';
import { quoteTotal } from '../domain/quote.ts';
import type { SqlDatabase } from '../store/kysely.ts';
import { toDecimal } from './mappers.ts';

export interface QuoteLineView {
  lineNo: number;
  description: string;
  quantity: Decimal;
  unitPrice: Decimal;
  discountPct: Decimal;
  amount: Decimal;
}

export interface QuoteView {
  no: string;
  opportunityNo: string;
  opportunityDescription: string;
  /** The sell-to contact, and the customer the quote is for (null: none yet). */
  contactName: string;
  customerName: string | null;
  orderDate: LocalDate;
  lines: QuoteLineView[];
  /** The sum of the line amounts (excluding VAT). */
  total: Decimal;
}

export class QuoteQueries {
  constructor(private readonly db: SqlDatabase) {}

  /** The quote linked to the opportunity; "no quote assigned" when there is none. */
  async linkedTo(workspaceId: string, opportunityNo: string): Promise<QuoteView> {
    const no = opportunityNo.trim().toUpperCase();
    const quote = await this.db
      .selectFrom('sales_quote as q')
      .innerJoin('opportunity as o', 'o.id', 'q.opportunity_id')
      .innerJoin('contact as c', 'c.id', 'q.contact_id')
      .leftJoin('customer as cu', 'cu.id', 'q.customer_id')
      .select([
        'q.id',
        'q.no',
        'q.order_date',
        'o.no as opportunity_no',
        'o.description as opportunity_description',
        'c.name as contact_name',
        'cu.name as customer_name',
      ])
      .where('q.workspace_id', '=', workspaceId)
      .where('o.no', '=', no)
      .executeTakeFirst();
    if (!quote) {
      // An opportunity that does not exist is "not found", as everywhere else.
      const exists = await this.db
        .selectFrom('opportunity')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('no', '=', no)
        .executeTakeFirst();
      throw new DomainError(
        exists ? { kind: 'quote-not-found', opportunityNo: no } : { kind: 'opportunity-not-found', no },
      );
    }
    const rows = await this.db
      .selectFrom('sales_quote_line')
      .select(['line_no', 'description', 'quantity', 'unit_price', 'line_discount_pct', 'amount'])
      .where('quote_id', '=', quote.id)
      .orderBy('line_no')
      .execute();
    const lines = rows.map((r) => ({
      lineNo: r.line_no,
      description: r.description,
      quantity: toDecimal(r.quantity),
      unitPrice: toDecimal(r.unit_price),
      discountPct: toDecimal(r.line_discount_pct),
      amount: toDecimal(r.amount),
    }));
    return {
      no: quote.no,
      opportunityNo: quote.opportunity_no,
      opportunityDescription: quote.opportunity_description,
      contactName: quote.contact_name,
      customerName: quote.customer_name,
      orderDate: localDate(quote.order_date),
      lines,
      total: quoteTotal(lines),
    };
  }
}
