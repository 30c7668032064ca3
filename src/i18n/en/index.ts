// The English message catalogue: every sentence a user reads comes from one of these sections. Its shape
// is every other language's (src/i18n/catalogue.ts).
import { describeInputProblem } from './input.ts';
import { describeRuleProblem } from './rules.ts';
import { describeScheduleProblem } from './schedule.ts';
import { digestPlainText, digestText } from './digest.ts';
import { help } from './help.ts';
import { installPages } from './install-pages.ts';
import { notices } from './notices.ts';
import { notify } from './notify.ts';
import { system } from './system.ts';
import { ui } from './ui.ts';
import { work } from './work.ts';

export const english = {
  /** The language tag of the catalogue's texts (an HTML page's `lang`). */
  language: 'en',
  ui,
  /** Tasks and the linked quote. */
  work,
  notices,
  /** Personal notifications: DMs, the daily summary, their settings. */
  notify,
  system,
  digest: digestText,
  /** Digest words that are plain text: the chart, CSV headers, table cells. */
  digestPlain: digestPlainText,
  help,
  installPages,
  describeRuleProblem,
  describeInputProblem,
  describeScheduleProblem,
};
