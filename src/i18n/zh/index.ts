// The Simplified Chinese message catalogue, assembled as English's (src/i18n/en/index.ts) is.
import { english } from '../en/index.ts';
import { defineCatalogue } from '../shape.ts';
import { describeInputProblem } from './input.ts';
import { describeRuleProblem } from './rules.ts';
import { describeScheduleProblem } from './schedule.ts';
import { digestPlainText, digestText } from './digest.ts';
import { help } from './help.ts';
import { installPages } from './install-pages.ts';
import { notices } from './notices.ts';
import { system } from './system.ts';
import { ui } from './ui.ts';

export const chinese = defineCatalogue({
  ...english,
  language: 'zh',
  ui,
  digest: digestText,
  digestPlain: digestPlainText,
  notices,
  system,
  help,
  installPages,
  describeRuleProblem,
  describeInputProblem,
  describeScheduleProblem,
});
