import { escapeText } from '../../../src/i18n/markup.ts';
import { describe, expect, it } from 'vitest';
import { formatStage, truncate } from '../../../src/slack/format.ts';
import { parseAmount } from '../../../src/domain/amounts.ts';
import { enUS } from '../../support/presenter.ts';
import { d, n } from './fixtures.ts';

const { format, t } = enUS;

describe('money', () => {
  it.each([
    ['12000.5', 'USD', '$12,000.50'],
    ['0', 'USD', '$0.00'],
    ['1234567.894', 'USD', '$1,234,567.89'],
    ['0.005', 'USD', '$0.01'],
    ['-250', 'USD', '-$250.00'],
    ['999999999999.99', 'USD', '$999,999,999,999.99'],
    ['1500', 'EUR', '€1,500.00'],
    ['1500', 'JPY', '¥1,500'], // yen have no decimals
    ['1500.5', 'JPY', '¥1,501'],
    ['1500.5', 'KWD', 'KWD\u00a01,500.500'],
  ])('%s %s → %s', (value, currency, expected) => {
    expect(format.money(n(value), currency)).toBe(expected);
  });

  it('never goes through a binary float', () => {
    expect(format.money(n('0.1').plus(n('0.2')), 'USD')).toBe('$0.30');
    expect(format.money(n('9007199254740993.01'), 'USD')).toBe('$9,007,199,254,740,993.01');
  });

  it('falls back to the code for a currency Intl does not know', () => {
    expect(format.money(n(12), 'NOT-A-CODE')).toBe('NOT-A-CODE 12.00');
  });
});

describe('amounts as input values', () => {
  it('are grouped and read back exactly', () => {
    for (const text of ['12000.5', '0', '1234567.89', '3']) {
      const shown = format.amountInput(n(text));
      expect(parseAmount(shown)?.toString()).toBe(n(text).toDecimalPlaces(2).toString());
    }
    expect(format.amountInput(n('12000.5'))).toBe('12,000.50');
  });
});

describe('percent', () => {
  it.each([
    ['12.5', '12.5%'],
    ['40', '40%'],
    ['40.00', '40%'],
    ['0', '0%'],
    ['100', '100%'],
    ['33.333333', '33.33%'],
    ['0.10', '0.1%'],
  ])('%s → %s', (value, expected) => {
    expect(format.percent(n(value))).toBe(expected);
  });

  it('plain numbers trim trailing zeros and are not grouped', () => {
    expect(format.number(n('10.50'))).toBe('10.5');
    expect(format.number(n('100'))).toBe('100');
    expect(format.number(n('1234.567'))).toBe('1234.57');
  });
});

describe('date', () => {
  it.each([
    ['2026-12-15', 'Dec 15, 2026'],
    ['2026-01-01', 'Jan 1, 2026'],
    ['2028-02-29', 'Feb 29, 2028'],
  ])('%s → %s', (value, expected) => {
    expect(format.date(d(value))).toBe(expected);
  });
});

describe('labels', () => {
  it('statuses', () => {
    expect([t.ui.status.not_started, t.ui.status.in_progress, t.ui.status.won, t.ui.status.lost]).toEqual([
      'Not started',
      'In progress',
      'Won',
      'Lost',
    ]);
  });

  it('actions taken, including the blank first activation', () => {
    expect(t.ui.actionTaken.none).toBe('First stage activated');
    expect(t.ui.actionTaken.jumped).toBe('Jumped');
    expect(t.ui.actionTaken.won).toBe('Won');
  });

  it('stages', () => {
    expect(formatStage(t, 2, 'Qualification')).toBe('2 · Qualification');
    expect(formatStage(t, 2, '  ')).toBe('Stage 2');
  });
});

describe('text safety', () => {
  it('escapes the three mrkdwn control characters', () => {
    expect(escapeText('a <b> & <!channel>')).toBe('a &lt;b&gt; &amp; &lt;!channel&gt;');
    // What Slack delivers already escaped, or text escaped before, comes out the same: never double-escaped.
    expect(escapeText('&lt;!channel&gt; &amp; <b>')).toBe('&lt;!channel&gt; &amp; &lt;b&gt;');
    expect(escapeText(escapeText('a <b> & c') as string)).toBe('a &lt;b&gt; &amp; c');
  });

  it('truncates by code points with an ellipsis', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 3)).toBe('abc');
    expect([...truncate('😀😀😀😀', 3)]).toHaveLength(3);
  });
});
