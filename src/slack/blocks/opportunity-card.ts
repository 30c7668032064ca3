// The opportunity card: header, figures of the active entry, history (newest first) and a button for
// each of the offers the domain decided for its reader (src/domain/offers.ts).
import type { Offer } from '../../domain/offers.ts';
import type { OpportunityStatus, Replacement } from '../../domain/opportunity.ts';
import type { FieldEdit } from '../../domain/opportunity-edit.ts';
import type {
  EditView,
  EntryView,
  NoteView,
  OpportunityDetail,
  OpportunitySummary,
} from '../../services/opportunity-queries.ts';
import { escapeText, type Markup, mentionUser } from '../../i18n/markup.ts';
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
  /** What the change this card answers replaced without it being typed (said above the figures). */
  replaced?: readonly Replacement[] | undefined;
}

export function opportunityButton(p: Presenter, kind: Offer, no: string, status?: OpportunityStatus): Button {
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
      // On an open opportunity the click opens the Close form set to Won, which is its confirmation.
      return button({ text: ui.buttons.makeOrder, actionId: ACTION_IDS.makeOrder, value: no });
    case 'viewQuote':
      return button({ text: p.t.work.quote.buttons.view, actionId: ACTION_IDS.viewQuote, value: no });
    case 'edit':
      return button({ text: ui.buttons.edit, actionId: ACTION_IDS.edit, value: no });
    case 'note':
      return button({ text: ui.buttons.addNote, actionId: ACTION_IDS.addNote, value: no });
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

/** Who did something, as the history names them. */
function actorText(p: Presenter, userId: string): Markup {
  return userId.trim() === '' ? p.t.ui.common.none : mentionUser(userId);
}

/** One edited field, from → to. */
function editChangeText(p: Presenter, change: FieldEdit): Markup {
  const { editChange } = p.t.ui.card;
  const none = p.t.ui.common.none;
  const named = (id: string | null, name: string | null | undefined) =>
    name ? escapeText(name) : id === null ? none : escapeText(id);
  switch (change.field) {
    case 'description':
      return editChange.description(escapeText(change.from ?? ''), escapeText(change.to ?? ''));
    case 'contact':
      return editChange.contact(named(change.from, change.fromName), named(change.to, change.toName));
    case 'salesperson': {
      const person = (id: string | null, name: string | null | undefined) =>
        id === null ? named(id, name) : mentionUser(id);
      return editChange.salesperson(person(change.from, change.fromName), person(change.to, change.toName));
    }
    case 'priority': {
      const priority = (value: string | null) =>
        value === 'low' || value === 'normal' || value === 'high' ? p.t.ui.priority[value] : none;
      return editChange.priority(priority(change.from), priority(change.to));
    }
  }
}

export function editLine(p: Presenter, edit: EditView): Markup {
  return p.t.ui.card.historyEdit(
    p.format.date(edit.date),
    actorText(p, edit.actorUserId),
    edit.changes.map((change) => editChangeText(p, change)),
  );
}

export function noteLine(p: Presenter, note: NoteView): Markup {
  return p.t.ui.card.historyNote(p.format.date(note.date), actorText(p, note.actorUserId), escapeText(note.text));
}

/** One line of the card's history: an entry (stage and figures), an edit or a note. */
interface HistoryItem {
  date: string;
  recordedAt: string;
  /** Among entries of one date and instant, the later entry first. */
  order: number;
  blockId: string;
  line: (p: Presenter, currency: string) => Markup;
}

/** Entries, edits and notes together, newest first: by date, then by when each was recorded. */
function timeline(detail: OpportunityDetail): HistoryItem[] {
  const items: HistoryItem[] = [
    ...detail.history.map((entry) => ({
      date: entry.dateOfChange,
      recordedAt: entry.recordedAt ?? '',
      order: entry.entryNo,
      blockId: rowBlockId('history', String(entry.entryNo)),
      line: (p: Presenter, currency: string) => historyLine(p, entry, currency),
    })),
    ...detail.edits.map((edit) => ({
      date: edit.date,
      recordedAt: edit.recordedAt,
      order: 0,
      blockId: rowBlockId('history_edit', String(edit.id)),
      line: (p: Presenter) => editLine(p, edit),
    })),
    ...detail.notes.map((note) => ({
      date: note.date,
      recordedAt: note.recordedAt,
      order: 0,
      blockId: rowBlockId('history_note', String(note.id)),
      line: (p: Presenter) => noteLine(p, note),
    })),
  ];
  const newestFirst = (a: string, b: string) => (a === b ? 0 : a < b ? 1 : -1);
  return items.sort(
    (a, b) => newestFirst(a.date, b.date) || newestFirst(a.recordedAt, b.recordedAt) || b.order - a.order,
  );
}

/** "Set by the rules: chances 40% → 30% (stage 30's default), closing date … (stage formula 2W)." */
export function replacedText(p: Presenter, replaced: readonly Replacement[], currency: string): Markup {
  const { card } = p.t.ui;
  const parts = replaced.map((r) => {
    switch (r.field) {
      case 'chances':
        return card.replacedChances(p.format.percent(r.from), p.format.percent(r.to), r.stage);
      case 'estimated-close-date':
        return card.replacedCloseDate(p.format.date(r.from), p.format.date(r.to), r.stage, escapeText(r.formula));
      case 'estimated-value':
        return card.replacedValue(p.format.money(r.from, currency), p.format.money(r.to, currency));
      case 'sales-amount':
        return card.replacedSalesAmount(p.format.money(r.from, currency), p.format.money(r.to, currency));
    }
  });
  return card.replaced(parts);
}

export function opportunityCard(p: Presenter, detail: OpportunityDetail, opts: CardOptions): Message {
  const { ui } = p.t;
  const { currency } = opts;
  const blocks: KnownBlock[] = [
    header(ui.card.header(escapeText(detail.no), escapeText(detail.description)), cardHeaderBlockId(detail.no)),
  ];
  if (opts.replaced && opts.replaced.length > 0)
    blocks.push(context([replacedText(p, opts.replaced, currency)], BLOCK_IDS.card.replaced));
  blocks.push(
    fieldsSection(masterFields(p, detail, currency), BLOCK_IDS.card.fields),
    fieldsSection(figureFields(p, detail, currency), BLOCK_IDS.card.figures),
  );

  const items = timeline(detail);
  const history = items.slice(0, CARD_HISTORY_MAX);
  blocks.push(
    context(
      [history.length === 0 ? ui.card.noHistory : ui.card.historyTitle(history.length, items.length)],
      BLOCK_IDS.card.history,
    ),
  );
  for (const item of history) blocks.push(context([item.line(p, currency)], item.blockId));
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
