import { ours } from '../../../src/i18n/markup.ts';
import { describe, expect, it } from 'vitest';
import { opportunityList } from '../../../src/slack/blocks/opportunity-list.ts';
import { textLength } from '../../../src/slack/blocks/kit.ts';
import { ACTION_IDS, BLOCK_IDS } from '../../../src/slack/ids.ts';
import { detail, entry, expectCleanText, expectWithinLimits, n, strings, summary } from './fixtures.ts';
import { enUS } from '../../support/presenter.ts';

const opts = { total: 3, title: ours('Open opportunities'), currency: 'USD' };

describe('opportunity list', () => {
  it('one line per opportunity with a Show button carrying the number', () => {
    const items = [
      summary(1),
      summary(2, {
        salesperson: { code: 'BOB', name: 'Bob', slackUserId: null },
        contact: { no: 'CT1', name: 'Acme Corp', type: 'company', companyName: null },
      }),
      { ...summary(3), status: 'not_started' as const, current: null },
    ];
    const message = opportunityList(enUS, items, opts);
    const rows = message.blocks.filter((b) => b.block_id?.startsWith('list_row_'));
    expect(rows).toHaveLength(3);
    const first = JSON.stringify(rows[0]);
    expect(first).toContain('*OP00001* Deal 1');
    expect(first).toContain('Jane Doe, Acme Corp');
    expect(first).toContain('2 · Needs analysis');
    expect(first).toContain('$12,000.50');
    expect(first).toContain('20% probability');
    expect(first).toContain('closes Dec 15, 2026');
    expect(first).toContain('<@U0ANN>');
    expect(JSON.stringify(rows[1])).toContain('Bob');
    expect(JSON.stringify(rows[2])).toContain('Not started');
    for (const [i, row] of rows.entries()) {
      expect(row).toMatchObject({ accessory: { type: 'button', action_id: ACTION_IDS.show, value: items[i]?.no } });
    }
    expectWithinLimits(message.blocks, 'message');
    expectCleanText(message);
  });

  it('totals the estimated and calculated current values', () => {
    const items = [summary(1), summary(2, { current: entry({ estimatedValue: n(1000), calcdCurrentValue: n(100) }) })];
    const message = opportunityList(enUS, items, { ...opts, total: 2 });
    const totals = message.blocks.find((b) => b.block_id === BLOCK_IDS.list.totals);
    expect(JSON.stringify(totals)).toContain('$13,000.50 estimated');
    expect(JSON.stringify(totals)).toContain('$2,500.10 calculated current value');
    expect(message.blocks.find((b) => b.block_id === BLOCK_IDS.list.more)).toBeUndefined();
  });

  it('closed opportunities show their status and the sales amount', () => {
    const { history: _h, ...won } = detail('won');
    const message = opportunityList(enUS, [won], { ...opts, total: 1 });
    const row = JSON.stringify(message.blocks.find((b) => b.block_id === 'list_row_OP00001'));
    expect(row).toContain('Won');
    expect(row).toContain('$11,500.00');
    expect(row).not.toContain('closes');
  });

  it('an empty list says what to do', () => {
    const message = opportunityList(enUS, [], { ...opts, total: 0 });
    expect(strings(message.blocks).some((s) => s.text.includes('/opp new'))).toBe(true);
    expectCleanText(message);
  });

  it('a long list stays within 50 blocks and the text budget, and says how many more', () => {
    const items = Array.from({ length: 120 }, (_, i) => summary(i + 1, { description: 'Long description '.repeat(6) }));
    const message = opportunityList(enUS, items, { ...opts, total: 300 });
    expectWithinLimits(message.blocks, 'message');
    expect(textLength(message.blocks)).toBeLessThanOrEqual(12_000);
    const rows = message.blocks.filter((b) => b.block_id?.startsWith('list_row_')).length;
    const more = JSON.stringify(message.blocks.find((b) => b.block_id === BLOCK_IDS.list.more));
    expect(more).toContain(`and ${300 - rows} more`);
    expect(more).toContain('/opp list');
    expect(JSON.stringify(message.blocks)).toContain('of those shown');
  });
});
