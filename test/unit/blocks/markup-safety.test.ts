import { homeViewFor } from '../../support/home.ts';
// Text a person typed never reaches Slack as markup: random text full of Slack's control sequences, put
// into every field a person can type, goes through every builder whose output reaches a channel, App
// Home or a modal, and no control sequence of it comes out in any text Slack reads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZERO } from '../../../src/domain/decimal.ts';
import { describeInputProblem } from '../../../src/i18n/en/input.ts';
import { describeRuleProblem } from '../../../src/i18n/en/rules.ts';
import { escapeText, type Markup, mentionChannel, mentionUser, ours } from '../../../src/i18n/markup.ts';
import {
  closeCodeList,
  closeOpportunityModal,
  contactList,
  contactSearchOptions,
  createOpportunityModal,
  createQuoteModal,
  cycleAnalysisMessage,
  digestMessages,
  errorMessage,
  opportunityCard,
  opportunityList,
  opportunityStatsMessage,
  orderAnnouncement,
  purgeConfirmation,
  quoteAnnouncement,
  salesCycleList,
  stageTable,
  updateOpportunityModal,
  wonAnnouncement,
} from '../../../src/slack/blocks/index.ts';
import { alertMessage } from '../../../src/slack/blocks/alerts.ts';
import {
  notificationHomeBlocks,
  notificationLine,
  notificationMessage,
  notificationSettingsText,
  summaryMessage,
} from '../../../src/slack/blocks/notifications.ts';
import { helpText } from '../../../src/slack/grammar/help.ts';
import { DEFAULT_PREFERENCES } from '../../../src/domain/notifications.ts';
import type { NewEvent, OutboxEvent } from '../../../src/services/outbox.ts';
import { cycle, digest, item, stageLine } from './digest-fixtures.ts';
import { d, detail, entry, moveOptions, n, stage, STAGES, summary } from './fixtures.ts';
import { enUS } from '../../support/presenter.ts';

/** What people type to abuse a bot: every control sequence Slack reads, in both forms it may arrive in. */
const ATTACKS = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!subteam^S0EVIL|@sales-team>',
  '<!date^1767225600^{date}|Jan 1>',
  '<@U0VICTIM1>',
  '<@W0VICTIM2|victim>',
  '<#C0EVIL|general>',
  '<https://evil.example/login|Claim bonus>',
  '<mailto:a@evil.example|HR>',
  '&lt;!channel&gt;',
  '&lt;@U0VICTIM1&gt;',
  '&amp;lt;!here&amp;gt;',
  '<',
  '>',
  '&',
  '*bold*',
  '_it_',
  '`code`',
  '\n',
];

const typed = fc
  .array(fc.oneof(fc.constantFrom(...ATTACKS), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''));

/**
 * The sequences the app itself writes: mentions of the ids Slack gave it (the fixtures' salespeople)
 * and the digest's date token. Anything else between < and > came from a person.
 */
const OURS = [/<@U0ANN>/g, /<!date\^\d+\^\{date_short_pretty\} at \{time\}\|[^<>&]*>/g];

/** Every text object's text and every message's fallback text in a surface. */
function slackTexts(surface: unknown, key = ''): string[] {
  if (typeof surface === 'string') return key === 'text' ? [surface] : [];
  if (Array.isArray(surface)) return surface.flatMap((item) => slackTexts(item, key));
  if (surface !== null && typeof surface === 'object')
    return Object.entries(surface).flatMap(([k, v]) => slackTexts(v, k));
  return [];
}

function expectNoMarkupFromPeople(surface: unknown): void {
  const texts = slackTexts(surface);
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) {
    const rest = OURS.reduce((t, pattern) => t.replace(pattern, ''), text);
    expect(rest, text).not.toMatch(/[<>]/);
    // Every & starts one of the three entities: nothing a person typed is read as an entity of theirs.
    expect(rest.replace(/&(amp|lt|gt);/g, ''), text).not.toContain('&');
  }
}

/** One event of every kind an alert or a notification speaks of, with typed text in every free field. */
function eventsWith(text: string): OutboxEvent[] {
  const opp = { no: text, description: text, salesperson: 'U0ANN' };
  const task = { taskId: 1, description: text, date: '2026-04-02', opportunityNo: text, opportunityDescription: text };
  const change = { field: 'estimatedValue' as const, from: text, to: text };
  const events: NewEvent[] = [
    { kind: 'opportunity-created', payload: { ...opp, salesCycle: text, contact: text } },
    {
      kind: 'opportunity-moved',
      payload: { ...opp, action: 'next', fromStage: 1, toStage: 2, changes: [change] },
    },
    { kind: 'opportunity-updated', payload: { ...opp, stage: 2, changes: [change] } },
    {
      kind: 'opportunity-edited',
      payload: { ...opp, changes: [{ field: 'description', from: text, to: text, fromName: text, toName: text }] },
    },
    { kind: 'opportunity-won', payload: { ...opp, amount: '100', closeCode: text } },
    { kind: 'opportunity-lost', payload: { ...opp, amount: '100', closeCode: text } },
    { kind: 'order-made', payload: { ...opp, orderNo: text, amount: '100', closedWon: true } },
    { kind: 'opportunity-reassigned', payload: { ...opp, from: 'U0ANN' } },
    { kind: 'opportunity-reassigned', payload: { ...opp, salesperson: null, from: null } },
    { kind: 'opportunity-deleted', payload: { ...opp, status: 'lost', purged: false } },
    { kind: 'note-added', payload: { ...opp, interactionId: 1, date: '2026-04-02' } },
    { kind: 'opportunity-overdue', payload: { ...opp, salesperson: 'U0ANN', estimatedCloseDate: '2026-04-02' } },
    {
      kind: 'opportunity-stale',
      payload: { ...opp, salesperson: 'U0ANN', lastChange: '2026-04-02', staleDays: 14 },
    },
    { kind: 'task-due', payload: { ...task, owner: 'U0ANN' } },
  ];
  return events.map((event, i) => ({
    ...event,
    id: i + 1,
    workspaceId: 'T0OURS',
    actorUserId: 'U0ANN',
    channelId: null,
    occurredAt: new Date('2026-04-02T10:00:00Z'),
    attempts: 1,
  }));
}

/** The channel alert, each notification line as a DM and in the summary, and the settings a person reads. */
function alertAndNotificationSurfacesWith(text: string): unknown[] {
  const events = eventsWith(text);
  const row = summary(1, { description: text, current: entry({ stageDescription: text }) });
  // A new opportunity is no one's news but the channel's; every other kind above speaks to its
  // recipient, so a kind dropped from the builder would not go unchecked.
  const notified = events.filter((event) => event.kind !== 'opportunity-created');
  const said = notified.flatMap((event) =>
    ['U0ANN', 'U0OTHER'].map((recipient) => notificationLine(enUS, event, recipient, 'USD')),
  );
  expect(said).not.toContain(null);
  const settings = { ...DEFAULT_PREFERENCES, muted: [text, text] };
  return [
    alertMessage(enUS, events, row, 'USD'),
    alertMessage(enUS, events, { ...row, status: 'won', dateClosed: d('2026-04-02') }, 'USD'),
    ...said.map((line) => notificationMessage(enUS, line as Markup, text)),
    summaryMessage(enUS, said as Markup[]),
    { text: notificationSettingsText(enUS, settings) },
    { blocks: notificationHomeBlocks(enUS, settings, [{ no: 'OP00001', description: text }]) },
  ];
}

/** Every builder that reaches a channel, App Home or a modal, fed the same typed text everywhere. */
function surfacesWith(text: string): unknown[] {
  const contact = { no: 'CT00001', name: text, type: 'person' as const, companyName: text };
  const person = { code: 'SP1', name: text, slackUserId: null };
  const withText = detail('in_progress', {
    description: text,
    contact,
    salesCycle: { code: text, description: text },
    history: [entry({ stageDescription: text }), entry({ entryNo: 2, closeCode: text, closeCodeDescription: text })],
  });
  const lost = detail('lost', {
    description: text,
    current: entry({ stage: null, closeCode: text, closeCodeDescription: text }),
  });
  const row = summary(1, {
    description: text,
    contact,
    salesperson: person,
    current: entry({ stageDescription: text }),
  });
  const stages = STAGES.map((s) => stage(s.stage, { description: text }));
  const cycleWithText = { code: text, description: text, probabilityCalculation: 'multiply' as const, blocked: false };
  const amount = ours('$100.00');
  return [
    opportunityCard(enUS, withText, { currency: 'USD', offers: ['next', 'update', 'close', 'makeOrder', 'delete'] }),
    opportunityCard(enUS, lost, { currency: 'USD', offers: ['delete'] }),
    opportunityList(enUS, [row], { total: 3, title: escapeText(text), currency: 'USD', moreCommand: escapeText(text) }),
    homeViewFor({
      userId: 'U0ANN',
      opportunities: [row, { ...row, no: 'OP00002', status: 'not_started', current: null }],
      cycles: [{ code: row.salesCycle.code, description: text, stages }],
      currency: 'USD',
    }),
    digestMessages(
      enUS,
      digest({
        cycles: [cycle(text, text, [stageLine(1, text, 1, '10', '5')], 1)],
        attention: {
          overdue: [item(1, { description: text, salespersonSlackUserId: null, salespersonName: text })],
          closingSoon: [item(2, { description: text })],
          stale: [],
          staleDays: 14,
        },
        salespeople: [{ slackUserId: null, name: text, openCount: 1, weightedValue: n(1), wonValue: n(2) }],
      }),
      { title: escapeText(text) },
    ),
    opportunityStatsMessage(
      enUS,
      {
        no: text,
        noOfInteractions: 2,
        currentStage: 2,
        currentStageDescription: text,
        estimatedValue: n(1),
        chancesPct: n(1),
        completedPct: n(1),
        probabilityPct: n(1),
        calcdCurrentValue: n(1),
      },
      'USD',
    ),
    cycleAnalysisMessage(
      enUS,
      {
        cycle: { code: text, description: text, blocked: true },
        stages: [
          {
            stage: 1,
            description: text,
            activityCode: text,
            averageDays: n(2),
            noOfOpportunities: 1,
            estimatedValue: n(1),
            calcdCurrentValue: n(1),
          },
        ],
        total: { noOfOpportunities: 1, estimatedValue: n(1), calcdCurrentValue: n(1), averageDays: n(2) },
      },
      'USD',
    ),
    salesCycleList(enUS, [{ ...cycleWithText, stageCount: 2 }]),
    stageTable(enUS, { ...cycleWithText, stages: [] }),
    stageTable(enUS, { ...cycleWithText, stages }),
    closeCodeList(enUS, [{ code: text, description: text, type: 'won', entryCount: 1 }]),
    contactList(enUS, [{ ...contact, email: text, companyNo: null, customerNo: text } as never]),
    contactSearchOptions(enUS, [{ ...contact, email: null } as never]),
    purgeConfirmation(
      enUS,
      {
        // The owner is a Slack user id, taken only from a mention Slack encoded (userMention), and shown
        // as one: what mentionUser makes of typed text is checked below.
        filter: { status: 'won', salespersonCode: 'U0ANN', contactNo: text, salesCycleCode: text },
        opportunities: [{ no: text, description: text, status: 'won', dateClosed: d('2026-01-02') }],
      },
      { token: 'a'.repeat(24) },
    ),
    wonAnnouncement(enUS, 'U0ANN', { no: text, description: text }, amount),
    quoteAnnouncement(enUS, 'U0ANN', text, { no: text, description: text }, amount),
    orderAnnouncement(enUS, 'U0ANN', text, text, amount),
    errorMessage(enUS, describeRuleProblem({ kind: 'contact-not-found', text }, enUS.format)),
    errorMessage(enUS, describeRuleProblem({ kind: 'quote-required', stage: 3, stageDescription: text }, enUS.format)),
    errorMessage(enUS, describeRuleProblem({ kind: 'contact-ambiguous', text, candidates: [text, text] }, enUS.format)),
    errorMessage(enUS, describeRuleProblem({ kind: 'bad-date-formula', text }, enUS.format)),
    errorMessage(enUS, describeRuleProblem({ kind: 'salesperson-blocked', name: text }, enUS.format)),
    errorMessage(enUS, describeInputProblem({ kind: 'unknown-subcommand', word: text, suggestion: text }, enUS.format)),
    { text: helpText(enUS, text) },
    updateOpportunityModal(enUS, moveOptions({ no: text, stages, targets: { next: stages.slice(2, 3) } })),
    closeOpportunityModal(
      enUS,
      {
        closingDate: d('2026-04-02'),
        cancelOldTasks: true,
        salesAmount: ZERO,
        closeCode: null,
        version: 1,
        // Codes are ids there (option values): only their descriptions are free text.
        codes: [{ code: 'WIN', description: text, type: 'won' }],
        hasQuote: false,
        status: 'in_progress',
      },
      { no: text, outcome: 'won', currency: 'USD' },
    ),
    createQuoteModal(enUS, { no: text, currency: 'USD' }),
    createOpportunityModal(enUS, {
      userId: 'U0ANN',
      cycles: [{ code: 'FIRM', description: text, blocked: false }],
      initial: { description: text, contact: { no: 'CT00001', name: text } },
    }),
  ];
}

describe('text people type never reaches Slack as markup', () => {
  it('the escaper turns every control sequence into text, in both forms Slack delivers it', () => {
    for (const attack of ATTACKS) expectNoMarkupFromPeople({ text: escapeText(attack) });
    expect(escapeText('<!channel> &lt;@U0VICTIM1&gt;')).toBe('&lt;!channel&gt; &lt;@U0VICTIM1&gt;');
  });

  it('mentionUser and mentionChannel: a clean mention of an id, anything else escaped', () => {
    fc.assert(
      fc.property(typed, (text) => {
        for (const shown of [mentionUser(text), mentionChannel(text)]) {
          if (/^<[@#]/.test(shown)) expect(shown).toMatch(/^(<@[UW][A-Z0-9]+>|<#[CDG][A-Z0-9]+>)$/);
          else expectNoMarkupFromPeople({ text: shown });
        }
      }),
      { numRuns: 200 },
    );
    expect(mentionUser('U0')).toBe('<@U0>');
    expect(mentionChannel('D0')).toBe('<#D0>');
    expect(mentionUser('<@U0VICTIM1>')).toBe('&lt;@U0VICTIM1&gt;');
    expect(mentionChannel('<!channel>')).toBe('&lt;!channel&gt;');
  });

  it('through every builder that reaches a channel, App Home or a modal', () => {
    fc.assert(
      fc.property(typed, (text) => {
        for (const surface of surfacesWith(text)) expectNoMarkupFromPeople(surface);
      }),
      { numRuns: 60 },
    );
  });

  it('through every channel alert and personal notification', () => {
    fc.assert(
      fc.property(typed, (text) => {
        for (const surface of alertAndNotificationSurfacesWith(text)) expectNoMarkupFromPeople(surface);
      }),
      { numRuns: 60 },
    );
  });

  it('the sequences the app writes itself still work', () => {
    const card = opportunityCard(enUS, detail('in_progress'), { currency: 'USD', offers: [] });
    expect(JSON.stringify(card)).toContain('<@U0ANN>');
  });
});
