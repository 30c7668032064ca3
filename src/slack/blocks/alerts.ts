// What a channel alert posts: one line per event it shows (several changes of one opportunity within a
// minute are folded into one message), the opportunity's key figures as they are now, and the Show
// button, which opens the card for whoever clicks it, with their own permissions. Every text a person
// typed (descriptions, codes) is escaped here.
import { dec } from '../../domain/decimal.ts';
import { escapeText, joinMarkup, type Markup, mentionUser } from '../../i18n/markup.ts';
import type { Presenter } from '../../i18n/presenter.ts';
import type { OpportunitySummary } from '../../services/opportunity-queries.ts';
import type { RecordedEvent } from '../../services/outbox.ts';
import { formatPerson, formatStage } from '../format.ts';
import { BLOCK_IDS } from '../ids.ts';
import { actions, context, fallback, type Message, section } from './kit.ts';
import { showButton } from './opportunity-list.ts';

export function alertMessage(
  p: Presenter,
  events: readonly RecordedEvent[],
  opportunity: OpportunitySummary,
  currency: string,
): Message {
  const lines = events.map((event) => alertLine(p, event, currency)).filter((line) => line !== null);
  const text = joinMarkup(lines, '\n');
  return {
    text: fallback(p.t.notices.alerts.fallback(escapeText(opportunity.no), escapeText(opportunity.description))),
    blocks: [
      section(text, { blockId: BLOCK_IDS.alert.events }),
      context([alertFigures(p, opportunity, currency)], BLOCK_IDS.alert.figures),
      actions(BLOCK_IDS.alert.actions, [showButton(p, opportunity.no)]),
    ],
  };
}

/** What one event says, with who did it. */
function alertLine(p: Presenter, event: RecordedEvent, currency: string): Markup | null {
  const A = p.t.notices.alerts;
  const person = event.actorUserId === '' ? A.someone : mentionUser(event.actorUserId);
  const money = (amount: string) => p.format.money(dec(amount), currency);
  switch (event.kind) {
    case 'opportunity-created':
      return A.created(person, escapeText(event.payload.no), escapeText(event.payload.description));
    case 'opportunity-moved':
      return A.moved(
        person,
        escapeText(event.payload.no),
        escapeText(event.payload.description),
        escapeText(String(event.payload.toStage)),
      );
    case 'opportunity-won':
    case 'order-made':
      return A.won(
        person,
        escapeText(event.payload.no),
        escapeText(event.payload.description ?? ''),
        money(event.payload.amount),
      );
    case 'opportunity-lost':
      return A.lost(
        person,
        escapeText(event.payload.no),
        escapeText(event.payload.description),
        money(event.payload.amount),
      );
    case 'opportunity-reassigned':
      return A.reassigned(
        person,
        escapeText(event.payload.no),
        escapeText(event.payload.description),
        event.payload.salesperson === null ? p.t.ui.common.none : mentionUser(event.payload.salesperson),
      );
    default:
      return null;
  }
}

/** Stage, value, weighted value, closing date and salesperson, as the opportunity is now. */
function alertFigures(p: Presenter, opportunity: OpportunitySummary, currency: string): Markup {
  const { current } = opportunity;
  const none = p.t.ui.common.none;
  const open = opportunity.status === 'in_progress';
  const stage =
    open && current?.stage != null
      ? formatStage(p.t, current.stage, current.stageDescription)
      : p.t.ui.status[opportunity.status];
  const closing = open ? current?.estimatedCloseDate : (opportunity.dateClosed ?? undefined);
  return p.t.notices.alerts.figures(
    stage,
    current ? p.format.money(current.estimatedValue, currency) : none,
    current ? p.format.money(current.calcdCurrentValue, currency) : none,
    closing ? p.format.date(closing) : none,
    formatPerson(p.t, opportunity.salesperson),
  );
}
