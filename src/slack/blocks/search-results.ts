// What `/opp find` answers, and the candidates when a name typed where a number goes names several
// opportunities: one line per opportunity with a Show button, best matches first, and a More button
// for the next page (its value is the id of the search kept server-side, never the words).
import { escapeText } from '../../i18n/markup.ts';
import type { Presenter } from '../../i18n/presenter.ts';
import type { FindResult } from '../../usecases/opportunities.ts';
import { ACTION_IDS, BLOCK_IDS, rowBlockId } from '../ids.ts';
import { opportunityLine, showButton } from './opportunity-list.ts';
import { actions, button, context, fallback, header, section, type KnownBlock, type Message } from './kit.ts';

export interface FoundOptions {
  /** The search's context id for the next page; none when this page is the last. */
  moreToken?: string | undefined;
  /** Candidates for a name typed where a number goes (`show Fleet renewal`). */
  candidates?: boolean;
}

export function foundOpportunities(p: Presenter, found: FindResult, opts: FoundOptions = {}): Message {
  const F = p.t.ui.find;
  const text = escapeText(found.text.trim());
  const title = opts.candidates ? F.severalTitle(text) : F.title(text);
  const blocks: KnownBlock[] = [header(title, BLOCK_IDS.find.header)];
  if (found.items.length === 0) {
    blocks.push(section(F.empty(text), { blockId: BLOCK_IDS.find.empty }));
    return { text: fallback(F.fallback(text, 0)), blocks };
  }
  const from = found.offset + 1;
  const to = found.offset + found.items.length;
  blocks.push(context([F.count(from, to, Math.max(found.total, to))], BLOCK_IDS.find.count));
  for (const item of found.items) {
    blocks.push(
      section(opportunityLine(p, item, found.currency), {
        blockId: rowBlockId('find_row', item.no),
        accessory: showButton(p, item.no),
      }),
    );
  }
  if (opts.moreToken !== undefined && to < found.total) {
    blocks.push(
      actions(BLOCK_IDS.find.more, [
        button({ text: p.t.ui.buttons.more, actionId: ACTION_IDS.findMore, value: opts.moreToken }),
      ]),
    );
  }
  return { text: fallback(F.fallback(text, found.total)), blocks };
}
