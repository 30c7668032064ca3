// What the channel hears about a change: a won deal, a sales quote, a sales order. One section each,
// with the same sentence as the notification text; the description and numbers are escaped here.
import { escapeText, type Markup, mentionUser } from '../../i18n/markup.ts';
import type { Presenter } from '../../i18n/presenter.ts';
import { fallback, type Message, section } from './kit.ts';

export interface AnnouncedOpportunity {
  no: string;
  description: string;
}

export function wonAnnouncement(
  p: Presenter,
  userId: string,
  opportunity: AnnouncedOpportunity,
  amount: Markup,
): Message {
  return announcement(
    p.t.notices.wonAnnouncement(
      mentionUser(userId),
      escapeText(opportunity.no),
      escapeText(opportunity.description),
      amount,
    ),
  );
}

export function quoteAnnouncement(
  p: Presenter,
  userId: string,
  quoteNo: string,
  opportunity: AnnouncedOpportunity,
  amount: Markup,
): Message {
  return announcement(
    p.t.notices.quoteAnnouncement(
      mentionUser(userId),
      escapeText(quoteNo),
      escapeText(opportunity.no),
      escapeText(opportunity.description),
      amount,
    ),
  );
}

export function orderAnnouncement(
  p: Presenter,
  userId: string,
  orderNo: string,
  opportunityNo: string,
  amount: Markup,
): Message {
  return announcement(
    p.t.notices.orderAnnouncement(mentionUser(userId), escapeText(orderNo), escapeText(opportunityNo), amount),
  );
}

function announcement(text: Markup): Message {
  return { text: fallback(text), blocks: [section(text)] };
}
