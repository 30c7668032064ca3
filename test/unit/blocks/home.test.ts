import { homeViewFor } from '../../support/home.ts';
import { describe, expect, it } from 'vitest';
import { type HomeCycle } from '../../../src/slack/blocks/home.ts';
import { ACTION_IDS, BLOCK_IDS } from '../../../src/slack/ids.ts';
import { entry, expectCleanText, expectWithinLimits, n, stage, strings, summary } from './fixtures.ts';

const cycles: HomeCycle[] = [
  {
    code: 'FIRM',
    description: 'Firm sales',
    stages: [
      stage(10, { description: 'Qualification' }),
      stage(20, { description: 'Proposal' }),
      stage(30, { description: 'Closing' }),
    ],
  },
  { code: 'SMALL', description: 'Small deals', stages: [stage(1, { description: 'Call' })] },
];

function at(no: number, stageNo: number, cycle = 'FIRM', value = 1000) {
  return summary(no, {
    salesCycle: { code: cycle, description: '' },
    current: entry({
      stage: stageNo,
      stageDescription: `old name ${stageNo}`,
      estimatedValue: n(value),
      calcdCurrentValue: n(value / 10),
    }),
  });
}

describe('App Home', () => {
  it('groups open opportunities by stage in cycle and stage order, with totals', () => {
    const view = homeViewFor({
      userId: 'U0ANN',
      currency: 'USD',
      cycles,
      opportunities: [
        at(1, 30),
        at(2, 10),
        at(3, 10, 'FIRM', 500),
        at(4, 1, 'SMALL'),
        { ...summary(5), status: 'not_started', current: null },
        { ...summary(6), status: 'won' },
      ],
    });
    expect(view.type).toBe('home');
    const groups = view.blocks.filter((b) => b.block_id?.startsWith('home_group_')).map((b) => b.block_id);
    expect(groups).toEqual([
      'home_group_not_started',
      'home_group_FIRM:10',
      'home_group_FIRM:30',
      'home_group_SMALL:1',
    ]);
    const text = strings(view.blocks)
      .map((s) => s.text)
      .join('\n');
    expect(text).toContain('*10 · Qualification* (FIRM)');
    expect(text).toContain('2 opportunities · $1,500.00 estimated · $150.00 weighted');
    expect(text).toContain('You have 5 open opportunities.');
    expect(text).not.toContain('OP00006');
    expectWithinLimits(view.blocks as never, 'view');
    expectCleanText(view);
  });

  it('quick actions use the card action ids: Next only where a next stage exists', () => {
    const view = homeViewFor({
      userId: 'U0ANN',
      currency: 'USD',
      cycles,
      opportunities: [at(1, 10), at(2, 30), { ...summary(3), status: 'not_started', current: null }],
    });
    const actionsOf = (no: string) => {
      const block = view.blocks.find((b) => b.block_id === `home_actions_${no}`) as
        { elements: { action_id: string; value: string }[] } | undefined;
      return block?.elements.map((e) => e.action_id);
    };
    expect(actionsOf('OP00001')).toEqual([ACTION_IDS.next, ACTION_IDS.update, ACTION_IDS.close]);
    expect(actionsOf('OP00002')).toEqual([ACTION_IDS.update, ACTION_IDS.close]);
    expect(actionsOf('OP00003')).toEqual([ACTION_IDS.activate, ACTION_IDS.close]);
    expect(view.blocks.find((b) => b.block_id === 'home_row_OP00001')).toMatchObject({
      accessory: { action_id: ACTION_IDS.show, value: 'OP00001' },
    });
    expect(JSON.stringify(view.blocks)).toContain(ACTION_IDS.newOpportunity);
  });

  it('empty state explains how to start', () => {
    const view = homeViewFor({ userId: 'U0ANN', currency: 'USD', cycles, opportunities: [] });
    const text = strings(view.blocks)
      .map((s) => s.text)
      .join('\n');
    expect(text).toContain('/opp new');
    expect(text).toContain('/opp help');
    expect(view.blocks.find((b) => b.block_id === BLOCK_IDS.home.newButton)).toBeDefined();
    expectCleanText(view);
  });

  it('hundreds of opportunities stay within 100 blocks, with a Next page button at the first row not shown', () => {
    const opportunities = Array.from({ length: 300 }, (_, i) => at(i + 1, [10, 20, 30][i % 3] ?? 10));
    const view = homeViewFor({ userId: 'U0ANN', currency: 'USD', cycles, opportunities });
    expectWithinLimits(view.blocks as never, 'view');
    const rows = view.blocks.filter((b) => b.block_id?.startsWith('home_row_')).length;
    expect(rows).toBeGreaterThan(10);
    expect(JSON.stringify(view.blocks.find((b) => b.block_id === BLOCK_IDS.home.more))).toContain(
      `Opportunities 1–${rows} of 300.`,
    );
    const pager = view.blocks.find((b) => b.block_id === BLOCK_IDS.home.pager) as
      { elements: { action_id: string; value: string }[] } | undefined;
    expect(pager?.elements.map((e) => [e.action_id, e.value])).toEqual([[ACTION_IDS.homePage, String(rows)]]);
    expect(view.private_metadata).toBe('0');
  });

  it('opportunities of a cycle it was not told about still appear, after the known ones', () => {
    const view = homeViewFor({
      userId: 'U0ANN',
      currency: 'USD',
      cycles: [],
      opportunities: [at(1, 20, 'OTHER'), { ...summary(2), status: 'not_started', current: null }],
    });
    const groups = view.blocks.filter((b) => b.block_id?.startsWith('home_group_')).map((b) => b.block_id);
    expect(groups).toEqual(['home_group_not_started', 'home_group_OTHER:20']);
    expect(JSON.stringify(view.blocks)).toContain('old name 20');
  });
});
