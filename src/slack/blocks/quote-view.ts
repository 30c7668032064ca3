// "View quote": the sales quote linked to an opportunity, with its lines and total (excluding VAT), and
// the buttons its reader may use (edit its lines before the order; replace it while In Progress).
import { ZERO } from '../../domain/decimal.ts';
import type { QuoteView } from '../../services/quotes.ts';
import { escapeText } from '../../i18n/markup.ts';
import type { Presenter } from '../../i18n/presenter.ts';
import type { QuoteOffer } from '../../usecases/opportunities.ts';
import { ACTION_IDS, BLOCK_IDS, rowBlockId } from '../ids.ts';
import { actions, button, context, fallback, header, type KnownBlock, LIMITS, type Message, section } from './kit.ts';

export function quoteMessage(
  p: Presenter,
  view: { quote: QuoteView; currency: string; offers: readonly QuoteOffer[] },
): Message {
  const Q = p.t.work.quote;
  const { quote, currency } = view;
  const money = (value: QuoteView['total']) => p.format.money(value, currency);
  const blocks: KnownBlock[] = [
    header(Q.header(escapeText(quote.no), escapeText(quote.opportunityNo)), BLOCK_IDS.quoteView.header),
    context(
      [
        Q.about({
          opportunity: p.t.work.tasks.opportunity(
            escapeText(quote.opportunityNo),
            escapeText(quote.opportunityDescription),
          ),
          customer: quote.customerName === null ? Q.noCustomer : escapeText(quote.customerName),
          orderDate: p.format.date(quote.orderDate),
        }),
      ],
      BLOCK_IDS.quoteView.about,
    ),
  ];
  // Keep room for the total and the buttons.
  const room = LIMITS.messageBlocks - blocks.length - 2;
  for (const line of quote.lines.slice(0, room)) {
    blocks.push(
      section(
        Q.line({
          lineNo: line.lineNo,
          description: escapeText(line.description),
          quantity: p.format.number(line.quantity),
          unitPrice: money(line.unitPrice),
          discount: line.discountPct.equals(ZERO) ? null : p.format.percent(line.discountPct),
          amount: money(line.amount),
        }),
        { blockId: rowBlockId('quote_line', String(line.lineNo)) },
      ),
    );
  }
  blocks.push(context([Q.total(money(quote.total), quote.lines.length)], BLOCK_IDS.quoteView.total));
  if (view.offers.length > 0) {
    blocks.push(
      actions(
        BLOCK_IDS.quoteView.actions,
        view.offers.map((offer) =>
          offer === 'editQuote'
            ? button({ text: Q.buttons.edit, actionId: ACTION_IDS.editQuote, value: quote.opportunityNo })
            : button({ text: Q.buttons.replace, actionId: ACTION_IDS.replaceQuote, value: quote.opportunityNo }),
        ),
      ),
    );
  }
  return { text: fallback(Q.fallback(escapeText(quote.no), money(quote.total))), blocks };
}
