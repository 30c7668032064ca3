import { ours } from '../../../src/i18n/markup.ts';
import { describe, expect, it } from 'vitest';
import { chartInputFromDigest } from '../../../src/digest/chart-input.ts';
import { renderPipelineChart } from '../../../src/digest/chart.ts';
import { addDays } from '../../../src/domain/local-date.ts';
import { type AttentionItem, DIGEST_ATTENTION_LINES } from '../../../src/services/digest-types.ts';
import { digestMessages } from '../../../src/slack/blocks/digest.ts';
import { LIMITS, textLength, type Message } from '../../../src/slack/blocks/kit.ts';
import { cycle, digest, FIRM, item, stageLine, SVC, sumFigures, TODAY } from './digest-fixtures.ts';
import { d, expectCleanText, expectWithinLimits, n, strings } from './fixtures.ts';
import { LANGUAGES } from '../../../src/i18n/catalogue.ts';
import { channelPresenter } from '../../../src/i18n/presenter.ts';
import { enUS } from '../../support/presenter.ts';

/** All visible text of the messages. */
function allText(messages: readonly Message[]): string {
  return messages
    .flatMap((m) => strings(m.blocks).filter((s) => s.key === 'text'))
    .map((s) => s.text)
    .join('\n');
}

function expectMessagesWithinLimits(messages: readonly Message[]): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const message of messages) {
    expectWithinLimits(message.blocks, 'message');
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(textLength(message.blocks)).toBeLessThanOrEqual(LIMITS.messageTextBudget);
    expect(message.text.length).toBeLessThanOrEqual(3000);
    expect(message.blocks[0]?.type).not.toBe('divider');
    expect(message.blocks.at(-1)?.type).not.toBe('divider');
    expectCleanText(message);
  }
}

/** A digest far beyond one message: three cycles of 12 stages, long attention lists, 60 salespeople. */
function bigDigest() {
  const long = (i: number) =>
    `Renewal of 250 “Ünïcödé” licences & <support> for branch ${i}, incl. *training*, on-site setup and 3-year maintenance`;
  const stages = (prefix: string) =>
    Array.from({ length: 12 }, (_, i) =>
      stageLine(
        (i + 1) * 10,
        `${prefix} stage ${i + 1} with a long description`,
        i * 7,
        `${(i + 1) * 123456.78}`,
        `${(i + 1) * 12345.67}`,
      ),
    );
  const cycles = [
    cycle('FIRM', 'Firm sales', stages('Firm'), 5),
    cycle('SVC', 'Services', stages('Svc')),
    cycle('GOV', 'Public sector tenders', stages('Gov'), 1),
  ];
  const items = (count: number, from: number, overrides: (i: number) => Partial<AttentionItem>) =>
    Array.from({ length: count }, (_, i) => item(from + i, { description: long(from + i), ...overrides(i) }));
  return digest({
    cycles,
    totals: sumFigures(cycles.map((c) => c.totals)),
    attention: {
      overdue: items(80, 1000, (i) => ({ estimatedCloseDate: addDays(TODAY, -1 - i) })),
      closingSoon: items(60, 2000, (i) => ({
        estimatedCloseDate: addDays(TODAY, i % 8),
        salespersonSlackUserId: null,
        salespersonName: `Rep ${i}`,
      })),
      stale: items(60, 3000, (i) => ({ lastChange: addDays(TODAY, -14 - i) })),
      staleDays: 14,
      totals: { overdue: 300, closingSoon: 60, stale: 61 },
    },
    changes: {
      ...digest().changes,
      newOpportunities: Array.from({ length: 25 }, (_, i) => ({
        no: `OP${4000 + i}`,
        description: long(i),
        estimatedValue: n(i * 1000),
      })),
      totals: { newOpportunities: 140, movedForward: 2, movedBack: 1, closed: 1, valueChanges: 2 },
    },
    salespeople: Array.from({ length: 60 }, (_, i) => ({
      slackUserId: `U${1000 + i}`,
      name: `Rep ${i}`,
      openCount: i,
      weightedValue: n(i * 1000.5),
      wonValue: n(i * 10),
    })),
  });
}

describe('digest messages', () => {
  it('writes dates in a channel as Slack date tokens each reader sees their own way, with the date as fallback', () => {
    const posted = allText(digestMessages(channelPresenter('en'), digest()));
    // Noon UTC of Dec 9 and Dec 15, 2026.
    expect(posted).toContain(
      'won and lost from <!date^1796817600^{date_short}|Dec 9, 2026> to <!date^1797336000^{date_short}|Dec 15, 2026>',
    );
    // A person's own digest (and the header, which is plain text) keeps the written date.
    expect(allText(digestMessages(enUS, digest()))).toContain('won and lost from Dec 9, 2026 to Dec 15, 2026');
    expect(digestMessages(channelPresenter('en'), digest())[0]?.blocks[0]).toMatchObject({
      text: { text: 'Pipeline digest — Dec 15, 2026' },
    });
  });

  it('shows the key figures of every section in one message', () => {
    const messages = digestMessages(enUS, digest());
    expect(messages).toHaveLength(1);
    expectMessagesWithinLimits(messages);
    const [message] = messages;
    expect(message?.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Pipeline digest — Dec 15, 2026' } });
    expect(message?.text).toContain('Pipeline digest — Dec 15, 2026');
    expect(message?.text).toContain('8 open opportunities'); // 6 at a stage + 2 not started
    expect(message?.text).toContain('$16,500.25 weighted');
    const text = allText(messages);
    // scope
    expect(text).toContain('All sales cycles');
    expect(text).toContain("everyone's opportunities");
    expect(text).toContain('won and lost from Dec 9, 2026 to Dec 15, 2026');
    // pipeline table, in stage order, with totals
    expect(text).toContain('*FIRM — Firm sales*');
    const table = text.slice(text.indexOf('```'), text.lastIndexOf('```'));
    const rows = table.split('\n');
    const q = rows.findIndex((r) => r.startsWith('1 · Qualification'));
    const na = rows.findIndex((r) => r.startsWith('2 · Needs analysis'));
    const p = rows.findIndex((r) => r.startsWith('3 · Proposal &lt;B&amp;B&gt;'));
    expect(q).toBeGreaterThan(0);
    expect(na).toBe(q + 1);
    expect(p).toBe(na + 1);
    expect(rows[q]).toMatch(/1 · Qualification\s+3\s+\$30,000\.00\s+\$3,000\.00$/);
    expect(rows[p]).toMatch(/\s1\s+\$12,000\.50\s+\$6,000\.25$/);
    expect(rows.find((r) => r.startsWith('Total'))).toMatch(/Total\s+6\s+\$67,000\.50\s+\$16,500\.25$/);
    expect(text).toContain('2 opportunities not started yet');
    expect(text).not.toContain('All cycles'); // one cycle: no overall line
    // won and lost
    expect(text).toContain('*Won:* 3 opportunities · $45,000.00');
    expect(text).toContain('*Lost:* 1 opportunity · $10,000.00');
    expect(text).toContain('*Win rate:* 75% by count · 81.82% by value');
    expect(text).toContain('Won · PRICE — Best price: 2 · $30,000.00');
    expect(text).toContain('Won · REL — Relationship: 1 · $15,000.00');
    expect(text).toContain('Lost · without a close code: 1 · $10,000.00');
    // changes
    expect(text).toContain('<!date^1796720400^{date_short_pretty} at {time}|Dec 8, 2026 09:00 UTC>');
    expect(text).toContain('*New* (1)');
    expect(text).toContain('*OP00010* Fleet of 40 vans · $80,000.00');
    expect(text).toContain('*OP00003* Office chairs · stage 1 → stage 2');
    expect(text).toContain('*OP00011* Printers · not started → stage 1');
    expect(text).toContain('*Moved back* (1)');
    expect(text).toContain('*OP00004* Servers · stage 3 → stage 2');
    expect(text).toContain('*OP00005* Laptops · Won · $20,000.00');
    expect(text).toContain('*OP00006* Desks · $10,000.00 → $12,500.00 (+$2,500.00)');
    expect(text).toContain('*OP00007* Lamps · $5,000.00 → $4,000.00 (-$1,000.00)');
    // attention, with owners and dates
    expect(text).toContain('*OP00021* Overdue deal · <@U0ANN> · was due Dec 1, 2026 (14 days ago) · $5,000.00');
    expect(text).toContain('*OP00022* Soon deal · Bob &lt;Ext&gt; · closes Dec 18, 2026 (in 3 days)');
    expect(text).toContain('No change for 14 days or more* (1)');
    expect(text).toContain('*OP00023* Sleepy deal · <@U0ANN> · last change Nov 20, 2026 (25 days ago)');
    // salespeople
    expect(text).toContain('<@U0ANN>: 4 open · $12,000.00 weighted · $30,000.00 won in the period');
    expect(text).toContain('Bob Jones: 1 open · $500.00 weighted · $0.00 won in the period');
  });

  it('adds the overall totals when several cycles are shown, and names the filters in the scope line', () => {
    const several = digestMessages(enUS, digest({ cycles: [FIRM, SVC] }));
    const text = allText(several);
    expect(text).toContain('*SVC — Services*');
    expect(text).toContain(
      '*All cycles:* 10 open opportunities at a stage · $75,000.50 estimated · $17,300.25 weighted · 2 not started',
    );
    expect(text.indexOf('*FIRM — Firm sales*')).toBeLessThan(text.indexOf('*SVC — Services*'));

    const filtered = digest();
    filtered.request = { ...filtered.request, salesCycleCode: 'FIRM', salespersonSlackUserId: 'U0ANN' };
    const scoped = allText(digestMessages(enUS, filtered));
    expect(scoped).toContain("Sales cycle FIRM — Firm sales · <@U0ANN>'s opportunities");
  });

  it('takes a title and mentions the channel in the first message only when asked', () => {
    const plain = digestMessages(enUS, digest());
    expect(JSON.stringify(plain)).not.toContain('<!channel>');
    const messages = digestMessages(enUS, digest(), { title: ours('Weekly pipeline'), channelMention: true });
    expect(messages[0]?.blocks[0]).toMatchObject({ text: { text: 'Weekly pipeline — Dec 15, 2026' } });
    expect(messages[0]?.text.startsWith('<!channel> Weekly pipeline')).toBe(true);
    expect(JSON.stringify(messages[0]?.blocks)).toContain('<!channel>');
  });

  it('an empty digest explains each section in a sentence', () => {
    const empty = digest({
      cycles: [],
      totals: { count: 0, estimatedValue: n(0), weightedValue: n(0) },
      closed: {
        from: d('2026-12-09'),
        to: TODAY,
        won: { count: 0, amount: n(0) },
        lost: { count: 0, amount: n(0) },
        byReason: [],
        winRateByCount: null,
        winRateByValue: null,
      },
      changes: { since: null, newOpportunities: [], movedForward: [], movedBack: [], closed: [], valueChanges: [] },
      attention: { overdue: [], closingSoon: [], stale: [], staleDays: 21 },
      salespeople: [],
      weeks: [],
    });
    const messages = digestMessages(enUS, empty);
    expect(messages).toHaveLength(1);
    expectMessagesWithinLimits(messages);
    const text = allText(messages);
    expect(text).toContain('There are no open opportunities here yet. Create one with `/opp new`.');
    expect(text).toContain('Nothing was won or lost from Dec 9, 2026 to Dec 15, 2026.');
    expect(text).toContain('This is the first digest in this channel');
    expect(text).toContain('without change for 21 days');
    expect(text).toContain('No salesperson has open opportunities');
    expect(messages[0]?.text).toContain('0 open opportunities, $0.00 weighted');
  });

  it('says when nothing changed since the previous digest, and shows a dash for a missing win rate', () => {
    const base = digest();
    const quiet = digest({
      changes: {
        since: new Date('2026-12-14T17:30:00Z'),
        newOpportunities: [],
        movedForward: [],
        movedBack: [],
        closed: [],
        valueChanges: [],
        totals: { newOpportunities: 0, movedForward: 0, movedBack: 0, closed: 0, valueChanges: 0 },
      },
      closed: {
        ...base.closed,
        won: { count: 0, amount: n(0) },
        lost: { count: 2, amount: n(0) },
        byReason: [{ outcome: 'lost', code: 'PRICE', description: '', count: 2, amount: n(0) }],
        winRateByCount: n(0),
        winRateByValue: null,
      },
      cycles: [cycle('EMPTY', '', [])],
    });
    const messages = digestMessages(enUS, quiet);
    expectMessagesWithinLimits(messages);
    const text = allText(messages);
    expect(text).toContain('Nothing changed since <!date^');
    expect(text).toContain('|Dec 14, 2026 17:30 UTC>');
    expect(text).toContain('*Win rate:* 0% by count · — by value');
    expect(text).toContain('Lost · PRICE: 2 · $0.00');
    expect(text).toContain('*EMPTY*\nNo open opportunities at a stage in this cycle.');
  });

  it('pages a large digest into several messages, each within the limits, losing no stage', () => {
    const big = bigDigest();
    const messages = digestMessages(enUS, big);
    expect(messages.length).toBeGreaterThan(1);
    expectMessagesWithinLimits(messages);
    // as few messages as possible: no page is left much emptier than it had to be
    const total = messages.reduce((sum, m) => sum + textLength(m.blocks), 0);
    expect(messages.length).toBeLessThanOrEqual(Math.ceil(total / 8000));
    // the header comes first; later messages say they continue it
    expect(messages[0]?.blocks[0]?.type).toBe('header');
    for (const [i, m] of messages.slice(1).entries()) {
      expect(JSON.stringify(m.blocks[0])).toContain(`continued (${i + 2} of ${messages.length})`);
      expect(m.text).toContain(`continued (${i + 2} of ${messages.length})`);
    }
    const text = allText(messages);
    for (const prefix of ['Firm', 'Svc', 'Gov']) {
      for (let s = 1; s <= 12; s++) expect(text).toContain(`${s * 10} · ${prefix} stage ${s} with`);
    }
    expect(text).toContain('*All cycles:*');
    // attention lists are capped, with what is left out counted from the full totals
    expect(text).toContain('*Overdue* (300)');
    expect(text).toContain(`…and ${300 - DIGEST_ATTENTION_LINES} more.`);
    expect(text).toContain(`…and ${60 - DIGEST_ATTENTION_LINES} more.`);
    expect(text).toContain(`…and ${61 - DIGEST_ATTENTION_LINES} more.`);
    expect(text).toContain('*New* (140)');
    expect(text).toContain('…and 130 more.');
    expect(text).toContain('…and 20 more.'); // salespeople beyond 40
    expect((text.match(/\*OP010\d\d\*/g) ?? []).length).toBe(DIGEST_ATTENTION_LINES);
    // long descriptions are cut, user text escaped
    expect(text).toContain('&lt;support&gt;');
    expect(text).not.toContain('<support>');
  });

  it('keeps within the limits with very many cycles', () => {
    const cycles = manyCycles();
    const messages = digestMessages(enUS, digest({ cycles, totals: sumFigures(cycles.map((c) => c.totals)) }));
    expect(messages.length).toBeGreaterThan(2);
    expectMessagesWithinLimits(messages);
    const text = allText(messages);
    for (let c = 0; c < 30; c++) expect(text).toContain(`*C${c} — Cycle ${c}*`);
  });
});

function manyCycles() {
  return Array.from({ length: 30 }, (_, c) =>
    cycle(
      `C${c}`,
      `Cycle ${c}`,
      Array.from({ length: 12 }, (_, i) =>
        stageLine(i + 1, `Stage description ${i + 1}`, i, '999999999.99', '123456789.01'),
      ),
      c,
    ),
  );
}

describe.each(LANGUAGES)('digest messages in %s', (language) => {
  // Each language's longer words must page within Slack's limits as English's do.
  const p = channelPresenter(language);
  it.each([
    ['one message', () => digest()],
    ['paged', bigDigest],
    [
      'very many cycles',
      () => {
        const cycles = manyCycles();
        return digest({ cycles, totals: sumFigures(cycles.map((c) => c.totals)) });
      },
    ],
  ] as const)('%s', (_name, make) => {
    const messages = digestMessages(p, make());
    expectMessagesWithinLimits(messages);
    expect(messages[0]?.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: expect.stringContaining(p.format.date(TODAY)) },
    });
  });
});

describe('chart input from a digest', () => {
  it('one cycle: its stages in order, estimated against weighted, the weeks by first day, and the period', () => {
    const input = chartInputFromDigest(enUS, digest(), 'Pipeline digest — Dec 15, 2026');
    expect(input.title).toBe('Pipeline digest — Dec 15, 2026');
    expect(input.currency).toBe('USD');
    expect(input.stages.map((s) => s.label)).toEqual(['1 · Qualification', '2 · Needs analysis', '3 · Proposal <B&B>']);
    expect(input.stages[2]?.estimated.toString()).toBe('12000.5');
    expect(input.stages[2]?.weighted.toString()).toBe('6000.25');
    expect(input.weeks).toEqual([
      { label: 'Nov 30', won: n('1000'), lost: n('0') },
      { label: 'Dec 7', won: n('45000'), lost: n('10000') },
    ]);
    // The message's period and figures ("Won and lost from Dec 9, 2026 to Dec 15, 2026"), not the weeks' sum.
    expect(input.closed).toEqual({ from: 'Dec 9', to: 'Dec 15', won: n('45000'), lost: n('10000') });
  });

  it('the chart subtitle and the message report the same period and figures', async () => {
    const message = allText(digestMessages(enUS, digest()));
    expect(message).toContain('*Won and lost* from Dec 9, 2026 to Dec 15, 2026');
    expect(message).toContain('*Won:* 3 opportunities · $45,000.00');
    expect(message).toContain('*Lost:* 1 opportunity · $10,000.00');
    const svg = (await renderPipelineChart(enUS, chartInputFromDigest(enUS, digest(), 'Chart'))).svg;
    expect(svg).toContain('won $45K, lost $10K from Dec 9 to Dec 15');
    // The weeks' sum (46K won) is the history panel's, under its own heading, not the subtitle's.
    expect(svg).not.toContain('$46K');
    expect(svg).toContain('Won vs lost, last 2 weeks');
  });

  it('several cycles: labels start with the cycle code; a stage without description is named by number', () => {
    const input = chartInputFromDigest(
      enUS,
      digest({ cycles: [FIRM, cycle('SVC', 'Services', [stageLine(5, ' ', 1, '10', '1')])] }),
      'Chart',
    );
    expect(input.stages.map((s) => s.label)).toEqual([
      'FIRM 1 · Qualification',
      'FIRM 2 · Needs analysis',
      'FIRM 3 · Proposal <B&B>',
      'SVC Stage 5',
    ]);
    expect(input.stages.every((s) => !s.label.includes('undefined'))).toBe(true);
  });

  it('an empty digest gives no stages and no weeks', () => {
    const input = chartInputFromDigest(enUS, digest({ cycles: [], weeks: [] }), 'Chart');
    expect(input.stages).toEqual([]);
    expect(input.weeks).toEqual([]);
  });
});
