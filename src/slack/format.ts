// Text helpers of the Block Kit layer, as Markup (see src/i18n/markup.ts): stages and people in the
// reader's words, truncation, monospace table cells. Values (money, numbers, dates) are written by the
// presenter's formatter (src/i18n/format.ts); every word comes from its catalogue.
import type { Catalogue } from '../i18n/catalogue.ts';
import { escapeText, type Markup, md, mentionUser, type RawText } from '../i18n/markup.ts';

/** What ends a text cut short: typography, the same in every language. */
const ELLIPSIS = '…';

/** "2 · Qualification", or "Stage 2" without a description (which a person typed). */
export function formatStage(t: Catalogue, stage: number, description: RawText): Markup {
  return t.ui.common.stage(stage, escapeText(description));
}

/** A Slack user mention, or the escaped name when the person has no Slack account linked. */
export function formatPerson(t: Catalogue, person: { name: string; slackUserId: string | null }): Markup {
  if (person.slackUserId) return mentionUser(person.slackUserId);
  return person.name.trim() === '' ? t.ui.common.none : escapeText(person.name);
}

/**
 * At most `max` characters (code points), with an ellipsis when cut. Cutting markup leaves markup: an
 * entity cut short is dropped whole, and a sequence of our own cut short is shown as text.
 */
export function truncate<T extends string>(text: T, max: number): T {
  const chars = [...text];
  if (chars.length <= max) return text;
  const kept = chars
    .slice(0, Math.max(0, max - 1))
    .join('')
    .replace(/&[a-z]{0,3}$/, '');
  return (kept + ELLIPSIS) as T;
}

/**
 * A cell of a monospace table (inside a code block): shown literally, so the value is escaped whatever
 * it holds; backticks (which would end the block) become quotes; padded to `width` characters.
 */
export function tableCell(value: string, width: number, align: 'left' | 'right' = 'left'): Markup {
  const normalised = truncate(value.replace(/`/g, "'").replace(/\s+/g, ' ').trim(), width);
  const padding = ' '.repeat(Math.max(0, width - [...normalised].length));
  const shown = escapeText(normalised);
  return align === 'left' ? md`${shown}${escapeText(padding)}` : md`${escapeText(padding)}${shown}`;
}
