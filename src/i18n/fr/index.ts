// The French (Canada) catalogue. Sections not yet translated still reuse English's texts.
import { english } from '../en/index.ts';
import { installPages } from './install-pages.ts';
import { notices } from './notices.ts';
import { describeScheduleProblem } from './schedule.ts';
import { system } from './system.ts';
import { ui } from './ui.ts';
import { defineCatalogue } from '../shape.ts';

export const french = defineCatalogue({
  ...english,
  language: 'fr',
  ui,
  notices,
  system,
  installPages,
  describeScheduleProblem,
});
