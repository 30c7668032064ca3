// The purge confirmation message: what a purge would delete, a danger button carrying the purge
// token, and Cancel.
import type { PurgePreview } from '../../services/opportunities.ts';
import { escapeText, joinMarkup, type Markup, mentionUser } from '../../i18n/markup.ts';
import type { Presenter } from '../../i18n/presenter.ts';
import { truncate } from '../format.ts';
import { ACTION_IDS, BLOCK_IDS } from '../ids.ts';
import { actions, button, context, fallback, section, type KnownBlock, type Message } from './kit.ts';

export const PURGE_PREVIEW_LINES = 20;
/** Keeps the 20 lines within one section's 3000 characters. */
const PURGE_DESCRIPTION_MAX = 60;

function filterText(p: Presenter, filter: PurgePreview['filter']): Markup {
  const { ui } = p.t;
  const P = ui.purge.filterParts;
  const parts: Markup[] = [];
  if (filter.status) parts.push(P.status(filter.status === 'both' ? P.both : ui.outcome[filter.status]));
  if (filter.closedBefore) parts.push(P.closedBefore(p.format.date(filter.closedBefore)));
  if (filter.closedAfter) parts.push(P.closedAfter(p.format.date(filter.closedAfter)));
  // Salesperson codes are Slack user ids (see services/workspace.ts): show them as mentions.
  if (filter.salespersonCode) {
    const code = filter.salespersonCode;
    parts.push(P.owner(mentionUser(code)));
  }
  if (filter.contactNo) parts.push(P.contact(escapeText(filter.contactNo)));
  if (filter.salesCycleCode) parts.push(P.cycle(escapeText(filter.salesCycleCode)));
  return ui.purge.filter(parts);
}

export function purgeConfirmation(p: Presenter, preview: PurgePreview, opts: { token: string }): Message {
  const { ui } = p.t;
  const count = preview.opportunities.length;
  if (count === 0) {
    return {
      text: fallback(ui.purge.nothing),
      blocks: [
        section(ui.purge.nothing, { blockId: BLOCK_IDS.purge.list }),
        context([filterText(p, preview.filter)], BLOCK_IDS.purge.filter),
      ],
    };
  }
  const shown = preview.opportunities.slice(0, PURGE_PREVIEW_LINES);
  const lines = shown.map((o) =>
    ui.purge.line(
      escapeText(o.no),
      escapeText(truncate(o.description, PURGE_DESCRIPTION_MAX)),
      ui.status[o.status],
      o.dateClosed ? p.format.date(o.dateClosed) : null,
    ),
  );
  if (count > shown.length) lines.push(ui.purge.more(count - shown.length));
  const blocks: KnownBlock[] = [
    section(joinMarkup([ui.purge.title(count), ...lines], '\n'), { blockId: BLOCK_IDS.purge.list }),
    // One sentence a line: side by side, Slack runs the filter and the warning together.
    context([joinMarkup([filterText(p, preview.filter), ui.purge.warning], '\n')], BLOCK_IDS.purge.filter),
    actions(BLOCK_IDS.purge.actions, [
      button({
        text: ui.buttons.purgeConfirm(count),
        actionId: ACTION_IDS.purgeConfirm,
        value: opts.token,
        style: 'danger',
      }),
      // Cancel carries the token too, so cancelling discards the confirmation.
      button({ text: ui.buttons.purgeCancel, actionId: ACTION_IDS.purgeCancel, value: opts.token }),
    ]),
  ];
  return { text: fallback(ui.purge.fallback(count)), blocks };
}
