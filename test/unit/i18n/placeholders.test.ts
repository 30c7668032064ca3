// Issue 14, point 9: a usage hint inside a reply ("/opp stage add STD <stage no> …") must not reach Slack as
// `<stage no>`, which Slack reads as a link; the catalogue writes placeholders escaped, as help does.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueFor } from '../../../src/i18n/catalogue.ts';
import { escapeText } from '../../../src/i18n/markup.ts';

const CATALOGUE = new URL('../../../src/i18n/en/', import.meta.url);
/** `<…>` that is not one of Slack's own sequences (mentions, channels, specials, links) nor `${…}`. */
const RAW_PLACEHOLDER = /<(?![@#!/]|https?:|\$\{)[A-Za-z][^<>\n]{0,40}>/g;

describe('catalogue placeholders', () => {
  it('no catalogue text holds a raw <placeholder>', () => {
    const files = readdirSync(CATALOGUE, { recursive: true, encoding: 'utf8' }).filter(
      // Help is written as plain text and escaped whole when it is shown (src/i18n/en/help.ts).
      (f) => f.endsWith('.ts') && !f.endsWith('help.ts'),
    );
    const found = files.flatMap((f) =>
      [...readFileSync(new URL(f, CATALOGUE), 'utf8').matchAll(RAW_PLACEHOLDER)].map((m) => `${f}: ${m[0]}`),
    );
    expect(found).toEqual([]);
  });

  it('the cycle-added hint shows its placeholders escaped', () => {
    expect(catalogueFor('en-US').notices.cycleAdded(escapeText('STD'))).toContain(
      '/opp stage add STD &lt;stage no&gt; &lt;description&gt;',
    );
  });
});
