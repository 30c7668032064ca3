import { describe, expect, it } from 'vitest';
import { opportunityCard } from '../../../src/slack/blocks/opportunity-card.ts';
import { ACTION_IDS, BLOCK_IDS } from '../../../src/slack/ids.ts';
import { d, detail, entry, expectCleanText, expectWithinLimits, n, strings } from './fixtures.ts';
import { enUS } from '../../support/presenter.ts';

const quote = { no: 'SQ00001', amount: n('11500') };

function buttonsOf(
  card: ReturnType<typeof opportunityCard>,
): { action_id: string; value?: string; confirm?: unknown; style?: string }[] {
  const block = card.blocks.find((b) => b.block_id === BLOCK_IDS.card.actions);
  if (!block || block.type !== 'actions') return [];
  return block.elements as { action_id: string; value?: string; confirm?: unknown; style?: string }[];
}

const A = ACTION_IDS;

describe('opportunity card buttons', () => {
  it('draws each offer as its button, in order, with the opportunity number as value', () => {
    const offers = ['activate', 'next', 'update', 'close', 'createQuote', 'makeOrder', 'delete'] as const;
    const card = opportunityCard(enUS, detail('in_progress', { quote }), { currency: 'USD', offers });
    const buttons = buttonsOf(card);
    expect(buttons.map((b) => b.action_id)).toEqual([
      A.activate,
      A.next,
      A.update,
      A.close,
      A.createQuote,
      A.makeOrder,
      A.delete,
    ]);
    for (const b of buttons) expect(b.value).toBe('OP00001');
    expectWithinLimits(card.blocks, 'message');
    expectCleanText(card);
  });

  it('no offers: no actions block at all', () => {
    for (const status of ['not_started', 'in_progress', 'won', 'lost'] as const) {
      const card = opportunityCard(enUS, detail(status, { quote }), { currency: 'USD', offers: [] });
      expect(buttonsOf(card)).toEqual([]);
      expect(card.blocks.some((b) => b.type === 'actions')).toBe(false);
    }
  });

  it('Delete asks for confirmation; red beside an opportunity not started, plain on a closed card', () => {
    for (const status of ['not_started', 'won', 'lost'] as const) {
      const del = buttonsOf(opportunityCard(enUS, detail(status), { currency: 'USD', offers: ['delete'] })).find(
        (b) => b.action_id === A.delete,
      );
      expect(del?.confirm).toMatchObject({ style: 'danger' });
      // A just-won card's only button is not a red Delete (issue 14).
      expect(del?.style).toBe(status === 'not_started' ? 'danger' : undefined);
    }
  });

  it('Make order on an open opportunity asks nothing first: the Close form it opens is the confirmation', () => {
    const buttons = buttonsOf(
      opportunityCard(enUS, detail('in_progress', { quote }), { currency: 'USD', offers: ['makeOrder'] }),
    );
    expect(buttons.find((b) => b.action_id === A.makeOrder)?.confirm).toBeUndefined();
  });
});

describe('opportunity card content', () => {
  it('shows the figures of the active entry, escaped and formatted', () => {
    const card = opportunityCard(enUS, detail('in_progress', { quote }), { currency: 'USD', offers: [] });
    const text = strings(card.blocks)
      .map((s) => s.text)
      .join('\n');
    // Plain text too: Slack reads &, < and > in every text object, and shows the entities as the characters.
    expect(card.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: 'OP00001 · 20 laptops for Acme &lt;HQ&gt; &amp; branches' },
    });
    expect(text).toContain('In progress');
    expect(text).toContain('2 · Needs analysis');
    expect(text).toContain('Jane Doe, Acme Corp');
    expect(text).toContain('<@U0ANN>');
    expect(text).toContain('FIRM — Firm sales');
    expect(text).toContain('$12,000.50');
    expect(text).toContain('$2,400.10');
    expect(text).toContain('50%');
    expect(text).toContain('40%');
    expect(text).toContain('20%');
    expect(text).toContain('Dec 15, 2026');
    expect(text).toContain('Feb 27, 2026');
    expect(text).toContain('Quote SQ00001 · $11,500.00');
    expect(card.text).toContain('&lt;HQ&gt; &amp; branches');
  });

  it('a salesperson without Slack account is shown by name', () => {
    const card = opportunityCard(
      enUS,
      detail('in_progress', { salesperson: { code: 'BOB', name: 'Bob <Sales>', slackUserId: null } }),
      {
        currency: 'USD',
        offers: [],
      },
    );
    expect(JSON.stringify(card.blocks)).toContain('Bob &lt;Sales&gt;');
  });

  it('not started: no figures, "Not started yet" and no history', () => {
    const card = opportunityCard(enUS, detail('not_started'), { currency: 'EUR', offers: [] });
    const text = strings(card.blocks)
      .map((s) => s.text)
      .join('\n');
    expect(text).toContain('Not started yet');
    expect(text).toContain('No history yet');
    expect(text).not.toContain('€');
    expectCleanText(card);
  });

  it('won: close code, sales amount, date closed; no stage and no closing estimate', () => {
    const card = opportunityCard(enUS, detail('won'), { currency: 'USD', offers: [] });
    const text = strings(card.blocks)
      .map((s) => s.text)
      .join('\n');
    expect(text).toContain('PRICE — Best price');
    expect(text).toContain('$11,500.00');
    expect(text).toContain('Apr 2, 2026');
    expect(text).not.toContain('Estimated closing date');
  });

  it('history is newest first and capped at 10 lines', () => {
    const history = Array.from({ length: 14 }, (_, i) =>
      entry({
        entryNo: i + 1,
        dateOfChange: d(`2026-03-${String(i + 1).padStart(2, '0')}`),
        active: i === 13,
        daysOpen: i === 13 ? 0 : 1,
      }),
    );
    const card = opportunityCard(enUS, detail('in_progress', { history }), { currency: 'USD', offers: [] });
    const lines = card.blocks.filter((b) => b.block_id?.startsWith('history_'));
    expect(lines).toHaveLength(10);
    expect(lines[0]?.block_id).toBe('history_14');
    expect(lines[9]?.block_id).toBe('history_5');
    expect(JSON.stringify(lines[0])).toContain('current');
    expect(JSON.stringify(lines[1])).toContain('1 day');
    expect(JSON.stringify(card.blocks)).toContain('newest 10 of 14');
    expectWithinLimits(card.blocks, 'message');
  });

  it('history lines name the action, stage, value, chances, days open and close code', () => {
    const card = opportunityCard(enUS, detail('lost'), { currency: 'USD', offers: [] });
    const history = card.blocks.filter((b) => b.block_id?.startsWith('history_')).map((b) => JSON.stringify(b));
    expect(history[0]).toContain('Lost');
    expect(history[0]).toContain('COMPET');
    expect(history[1]).toContain('23 days');
    expect(history[2]).toContain('First stage activated');
    expect(history[2]).toContain('1 · Qualification');
  });

  it('very long texts stay within the limits', () => {
    const long = 'x'.repeat(100);
    const card = opportunityCard(
      enUS,
      detail('in_progress', {
        description: long,
        contact: { no: 'CT1', name: long, type: 'person', companyName: long },
        history: Array.from({ length: 30 }, (_, i) =>
          entry({ entryNo: i, stageDescription: long, closeCode: 'X', closeCodeDescription: long }),
        ),
      }),
      { currency: 'USD', offers: [] },
    );
    expectWithinLimits(card.blocks, 'message');
    expectCleanText(card);
  });
});
