// A list of opportunities as one message: one compact line per opportunity with a Show button,
// the totals, and a pointer to narrower filters when not everything fits.
import { ZERO } from '../../domain/decimal.ts';
import type { OpportunitySummary, StatusTotals } from '../../services/opportunity-queries.ts';
import { escapeText, type Markup } from '../../i18n/markup.ts';
import type { Presenter } from '../../i18n/presenter.ts';
import { formatPerson, formatStage } from '../format.ts';
import { ACTION_IDS, BLOCK_IDS, rowBlockId } from '../ids.ts';
import { contactText } from './opportunity-card.ts';
import {
  actions,
  button,
  context,
  fallback,
  header,
  LIMITS,
  section,
  textLength,
  type Button,
  type KnownBlock,
  type Message,
} from './kit.ts';

export interface ListOptions {
  /** How many opportunities match in all (items may be one page of them). */
  total: number;
  title: Markup;
  currency: string;
  /** What an empty list says (default: the catalogue's, which suggests `list all`). */
  empty?: Markup;
  /** The command to suggest when not everything is shown (and there is no More button). */
  moreCommand?: Markup;
  /** How many come before these items (a later page). */
  offset?: number;
  /** Counts and values per status over everything the list matches. */
  totals?: readonly StatusTotals[];
  /** The list's context id: the More button shows the next page of the same list. */
  moreToken?: string;
}

/** A More button's value: the list's context id and where the next page starts. */
export function listMoreValue(token: string, offset: number): string {
  return `${token}:${offset}`;
}

/** The per-status totals line. */
function statusTotalsText(p: Presenter, totals: readonly StatusTotals[], currency: string): Markup {
  const { list } = p.t.ui;
  const money = (value: StatusTotals['estimatedValue']) => p.format.money(value, currency);
  return list.totalsByStatus(
    totals.map((t) =>
      t.status === 'open'
        ? list.openTotal(t.count, money(t.estimatedValue), money(t.calcdCurrentValue))
        : t.status === 'won'
          ? list.wonTotal(t.count, money(t.calcdCurrentValue))
          : list.lostTotal(t.count, money(t.estimatedValue)),
    ),
  );
}

/** Rows of one message: 50 blocks minus header, count, totals and the "more" line. */
export const LIST_MAX_ROWS = LIMITS.messageBlocks - 4;

/** Where the opportunity is: its stage while In Progress, otherwise its status. */
export function whereText(p: Presenter, opportunity: OpportunitySummary): Markup {
  const current = opportunity.current;
  if (opportunity.status === 'in_progress' && current && current.stage !== null) {
    return formatStage(p.t, current.stage, current.stageDescription);
  }
  return p.t.ui.status[opportunity.status];
}

/** The opportunity's one-line summary (mrkdwn). `showWhere: false` leaves out the stage/status (Home groups by it). */
export function opportunityLine(
  p: Presenter,
  opportunity: OpportunitySummary,
  currency: string,
  opts: { showWhere?: boolean } = {},
): Markup {
  const current = opportunity.current;
  const open = opportunity.status === 'not_started' || opportunity.status === 'in_progress';
  return p.t.ui.list.line({
    no: escapeText(opportunity.no),
    description: escapeText(opportunity.description),
    contact: contactText(p, opportunity.contact),
    where: opts.showWhere === false ? null : whereText(p, opportunity),
    value: current
      ? p.format.money(opportunity.status === 'won' ? current.calcdCurrentValue : current.estimatedValue, currency)
      : null,
    probability: current && open ? p.format.percent(current.probabilityPct) : null,
    closing: current && open ? p.format.date(current.estimatedCloseDate) : null,
    owner: formatPerson(p.t, opportunity.salesperson),
  });
}

export function showButton(p: Presenter, no: string): Button {
  return button({ text: p.t.ui.buttons.show, actionId: ACTION_IDS.show, value: no });
}

export function opportunityList(p: Presenter, items: readonly OpportunitySummary[], opts: ListOptions): Message {
  const { ui } = p.t;
  const blocks: KnownBlock[] = [header(opts.title, BLOCK_IDS.list.header)];
  if (items.length === 0) {
    blocks.push(section(opts.empty ?? ui.list.empty, { blockId: BLOCK_IDS.list.empty }));
    return { text: fallback(ui.list.fallback(opts.title, 0)), blocks };
  }

  const rows: KnownBlock[] = [];
  let budget = LIMITS.messageTextBudget - 600; // header, count, totals and the "more" line
  for (const item of items) {
    if (rows.length >= LIST_MAX_ROWS) break;
    const row = section(opportunityLine(p, item, opts.currency), {
      blockId: rowBlockId('list_row', item.no),
      accessory: showButton(p, item.no),
    });
    budget -= textLength([row]);
    if (budget < 0) break;
    rows.push(row);
  }
  const shownItems = items.slice(0, rows.length);
  const offset = opts.offset ?? 0;
  const total = Math.max(opts.total, offset + items.length);
  const shownOnly = shownItems.length < total;
  const next = offset + shownItems.length;

  blocks.push(
    context([offset > 0 ? ui.list.pageCount(offset + 1, next, total) : ui.list.count(shownItems.length, total)]),
    ...rows,
  );
  if (opts.totals) {
    blocks.push(context([statusTotalsText(p, opts.totals, opts.currency)], BLOCK_IDS.list.totals));
  } else {
    const estimated = shownItems.reduce((sum, i) => sum.plus(i.current?.estimatedValue ?? ZERO), ZERO);
    const calcd = shownItems.reduce((sum, i) => sum.plus(i.current?.calcdCurrentValue ?? ZERO), ZERO);
    blocks.push(
      context(
        [ui.list.totals(p.format.money(estimated, opts.currency), p.format.money(calcd, opts.currency), shownOnly)],
        BLOCK_IDS.list.totals,
      ),
    );
  }
  if (opts.moreToken !== undefined) {
    if (next < total)
      blocks.push(
        actions(BLOCK_IDS.list.moreActions, [
          button({ text: ui.list.more, actionId: ACTION_IDS.listMore, value: listMoreValue(opts.moreToken, next) }),
        ]),
      );
  } else if (shownOnly) {
    blocks.push(
      context(
        [ui.common.andMore(total - shownItems.length, opts.moreCommand ?? ui.list.moreCommand)],
        BLOCK_IDS.list.more,
      ),
    );
  }
  return { text: fallback(ui.list.fallback(opts.title, total)), blocks };
}
