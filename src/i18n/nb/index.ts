// The Norwegian Bokmål catalogue. Until its translation lands it is English's texts.
import { english } from '../en/index.ts';
import { describeScheduleProblem } from './schedule.ts';
import { installPages } from './install-pages.ts';
import { notices } from './notices.ts';
import { system } from './system.ts';
import { ui } from './ui.ts';
import { defineCatalogue } from '../shape.ts';

export const norwegian = defineCatalogue({
  ...english,
  ui,
  notices,
  system,
  installPages,
  describeScheduleProblem,
  language: 'nb',
});
