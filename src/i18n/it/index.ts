// The Italian message catalogue: English's sections (src/i18n/en/index.ts), every text in Italian.
import { defineCatalogue } from '../shape.ts';
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

export const italian = defineCatalogue({
  language: 'it',
  ui,
  /** Tasks and the linked quote. */
  work,
  notices,
  /** Personal notifications: DMs, the daily summary, their settings. */
  notify,
  system,
  digest: digestText,
  digestPlain: digestPlainText,
  help,
  installPages,
  describeRuleProblem,
  describeInputProblem,
  describeScheduleProblem,
});
