// The opportunity card: header, figures of the active entry, history (newest first) and a button for
// each of the offers the domain decided for its reader (src/domain/offers.ts).
import type { Offer } from '../../domain/offers.ts';
import type { OpportunityStatus } from '../../domain/opportunity.ts';
import type { EntryView, OpportunityDetail, OpportunitySummary } from '../../services/opportunity-queries.ts';
import { escapeText, type Markup } from '../../i18n/markup.ts';
import type { Presenter } from '../../i18n/presenter.ts';
import { formatPerson, formatStage } from '../format.ts';
import { ACTION_IDS, BLOCK_IDS, cardHeaderBlockId, rowBlockId } from '../ids.ts';
import {
  actions,
  button,
  confirmDialog,
  context,
  fallback,
  fieldsSection,
  header,
  type Button,
  type KnownBlock,
  type Message,
} from './kit.ts';
import { cardTaskBlocks } from './tasks.ts';

export const CARD_HISTORY_MAX = 10;

export interface CardOptions {
  currency: string;
  /** What the card offers its reader (domain/offers.ts offersFor): drawn as buttons, in this order. */
  offers: readonly Offer[];
}

export function opportunityButton(p: Presenter, kind: Offer, no: string, status: OpportunityStatus): Button {
  const { ui } = p.t;
  switch (kind) {
    case 'activate':
      return button({ text: ui.buttons.activate, actionId: ACTION_IDS.activate, value: no, style: 'primary' });
    case 'next':
      return button({ text: ui.buttons.next, actionId: ACTION_IDS.next, value: no, style: 'primary' });
    case 'update':
      return button({ text: ui.buttons.update, actionId: ACTION_IDS.update, value: no });
    case 'close':
      return button({ text: ui.buttons.close, actionId: ACTION_IDS.close, value: no });
    case 'createQuote':
      return button({ text: ui.buttons.createQuote, actionId: ACTION_IDS.createQuote, value: no });
    case 'makeOrder':
      return button({
        text: ui.buttons.makeOrder,
        actionId: ACTION_IDS.makeOrder,
        value: no,
        ...(status === 'in_progress'
          ? {
              confirm: confirmDialog({
                title: ui.card.makeOrderConfirm.title,
                text: ui.card.makeOrderConfirm.text(escapeText(no)),
                confirm: ui.card.makeOrderConfirm.confirm,
                deny: ui.card.makeOrderConfirm.deny,
              }),
            }
          : {}),
      });
    case 'viewQuote':
      return button({ text: p.t.work.quote.buttons.view, actionId: ACTION_IDS.viewQuote, value: no });
    case 'delete':
      return button({
        text: ui.buttons.delete,
        actionId: ACTION_IDS.delete,
        value: no,
        // On a won or lost card Delete is often the only button left: a plain one (Business Central lets a
        // closed opportunity be deleted, but it is not what a just-won card is for). Its confirmation stays red.
        ...(status === 'won' || status === 'lost' ? {} : { style: 'danger' as const }),
        confirm: confirmDialog({
          title: ui.card.deleteConfirm.title(escapeText(no)),
          text: ui.card.deleteConfirm.text(escapeText(no)),
          confirm: ui.card.deleteConfirm.confirm,
          deny: ui.card.deleteConfirm.deny,
          danger: true,
        }),
      });
  }
}

/** "Jane Doe, Acme Corp" (escaped for mrkdwn). */
export function contactText(p: Presenter, contact: OpportunitySummary['contact']): Markup {
  const { ui } = p.t;
  const company = contact.type === 'person' && contact.companyName !== null ? escapeText(contact.companyName) : null;
  const text = ui.common.contact(escapeText(contact.name), company);
  return text.trim() === '' ? ui.common.none : text;
}

/** "Quote SQ00001 · $12,000.00", "Order …", or "None". */
export function documentText(
  p: Presenter,
  opportunity: Pick<OpportunitySummary, 'quote' | 'order'>,
  currency: string,
): Markup {
  const { ui } = p.t;
  if (opportunity.order)
    return ui.card.order(escapeText(opportunity.order.no), p.format.money(opportunity.order.amount, currency));
  if (opportunity.quote)
    return ui.card.quote(escapeText(opportunity.quote.no), p.format.money(opportunity.quote.amount, currency));
  return ui.card.noDocument;
}

function closeCodeText(p: Presenter, entry: EntryView): Markup | null {
  if (!entry.closeCode) return null;
  const description = entry.closeCodeDescription === null ? null : escapeText(entry.closeCodeDescription);
  return p.t.ui.card.closeCode(escapeText(entry.closeCode), description);
}

function masterFields(p: Presenter, detail: OpportunityDetail, currency: string): Markup[] {
  const { ui } = p.t;
  const L = ui.card.labels;
  const field = ui.card.field;
  const current = detail.current;
  const fields = [field(L.status, p.t.ui.status[detail.status])];
  if (detail.status === 'not_started' || current === null) fields.push(field(L.stage, ui.card.notStartedStage));
  else if (current.stage !== null)
    fields.push(field(L.stage, formatStage(p.t, current.stage, current.stageDescription)));
  else {
    const code = closeCodeText(p, current);
    if (code) fields.push(field(L.closeCode, code));
  }
  fields.push(
    field(L.contact, contactText(p, detail.contact)),
    field(L.salesperson, formatPerson(p.t, detail.salesperson)),
    field(L.salesCycle, ui.common.cycle(escapeText(detail.salesCycle.code), escapeText(detail.salesCycle.description))),
    field(L.priority, p.t.ui.priority[detail.priority]),
    field(L.document, documentText(p, detail, currency)),
  );
  return fields;
}

function figureFields(p: Presenter, detail: OpportunityDetail, currency: string): Markup[] {
  const { ui } = p.t;
  const L = ui.card.labels;
  const field = ui.card.field;
  const current = detail.current;
  const fields: Markup[] = [];
  if (current) {
    fields.push(
      field(L.estimatedValue, p.format.money(current.estimatedValue, currency)),
      field(L.calcdCurrentValue, p.format.money(current.calcdCurrentValue, currency)),
      field(L.chances, p.format.percent(current.chancesPct)),
      field(L.completed, p.format.percent(current.completedPct)),
      field(L.probability, p.format.percent(current.probabilityPct)),
    );
    if (detail.dateClosed === null) fields.push(field(L.estimatedCloseDate, p.format.date(current.estimatedCloseDate)));
  }
  fields.push(field(L.creationDate, p.format.date(detail.creationDate)));
  if (detail.dateClosed !== null) fields.push(field(L.dateClosed, p.format.date(detail.dateClosed)));
  return fields;
}

export function historyLine(p: Presenter, entry: EntryView, currency: string): Markup {
  return p.t.ui.card.historyEntry({
    date: p.format.date(entry.dateOfChange),
    action: p.t.ui.actionTaken[entry.actionTaken],
    stage: entry.stage === null ? null : formatStage(p.t, entry.stage, entry.stageDescription),
    value: p.format.money(entry.actionTaken === 'won' ? entry.calcdCurrentValue : entry.estimatedValue, currency),
    chances: p.format.percent(entry.chancesPct),
    daysOpen: entry.daysOpen,
    active: entry.active,
    closeCode: closeCodeText(p, entry),
  });
}

/** Newest first: by date of change, then by entry number. */
function newestFirst(history: readonly EntryView[]): EntryView[] {
  return [...history].sort((a, b) =>
    a.dateOfChange === b.dateOfChange ? b.entryNo - a.entryNo : a.dateOfChange < b.dateOfChange ? 1 : -1,
  );
}

export function opportunityCard(p: Presenter, detail: OpportunityDetail, opts: CardOptions): Message {
  const { ui } = p.t;
  const { currency } = opts;
  const blocks: KnownBlock[] = [
    header(ui.card.header(escapeText(detail.no), escapeText(detail.description)), cardHeaderBlockId(detail.no)),
    fieldsSection(masterFields(p, detail, currency), BLOCK_IDS.card.fields),
    fieldsSection(figureFields(p, detail, currency), BLOCK_IDS.card.figures),
  ];

  const history = newestFirst(detail.history).slice(0, CARD_HISTORY_MAX);
  blocks.push(
    context(
      [history.length === 0 ? ui.card.noHistory : ui.card.historyTitle(history.length, detail.history.length)],
      BLOCK_IDS.card.history,
    ),
  );
  for (const entry of history)
    blocks.push(context([historyLine(p, entry, currency)], rowBlockId('history', String(entry.entryNo))));
  blocks.push(...cardTaskBlocks(p, detail.no, detail.openTasks ?? []));

  if (opts.offers.length > 0) {
    blocks.push(
      actions(
        BLOCK_IDS.card.actions,
        opts.offers.map((kind) => opportunityButton(p, kind, detail.no, detail.status)),
      ),
    );
  }
  return {
    text: fallback(
      ui.card.fallback(escapeText(detail.no), escapeText(detail.description), p.t.ui.status[detail.status]),
    ),
    blocks,
  };
}
