// Builders write with the presenter they are given (src/i18n/presenter.ts), never with a module constant:
// a French-Canadian reader gets English sentences today (the catalogue's fallback) but every value the
// builder formats in their locale's way, and a surface without values comes out exactly as in US English.
import { describe, expect, it } from 'vitest';
import { parseAmount, parsePercent } from '../../../src/domain/amounts.ts';
import { DomainError } from '../../../src/domain/problems.ts';
import { renderPipelineChart } from '../../../src/digest/chart.ts';
import { chartInputFromDigest } from '../../../src/digest/chart-input.ts';
import { DEFAULT_LOCALE } from '../../../src/i18n/locale.ts';
import { ours } from '../../../src/i18n/markup.ts';
import { channelPresenter, type Presenter, presenterFor } from '../../../src/i18n/presenter.ts';
import type { OutboxEvent } from '../../../src/services/outbox.ts';
import { announcementOf } from '../../../src/slack/announcer.ts';
import * as blocks from '../../../src/slack/blocks/index.ts';
import { csvFilename, opportunitiesCsv } from '../../../src/slack/csv.ts';
import { describeFailure } from '../../../src/slack/errors.ts';
import { InputError } from '../../../src/slack/grammar/index.ts';
import { helpText } from '../../../src/slack/grammar/help.ts';
import { homeViewFor } from '../../support/home.ts';
import { enUS } from '../../support/presenter.ts';
import { digest, TODAY } from './digest-fixtures.ts';
import { d, detail, moveOptions, n, STAGES, submitState, summary } from './fixtures.ts';

const frCA = presenterFor('fr-CA');
const deDE = presenterFor('de-DE');

/** Everything a surface shows, as one string (JSON keeps no-break spaces as they are). */
const shown = (surface: unknown): string => JSON.stringify(surface);

describe('presenters', () => {
  it('answer each locale in its language’s catalogue (English for any other), with the locale’s own formats', () => {
    expect(frCA.locale).toBe('fr-CA');
    expect(frCA.t.language).toBe('fr');
    expect(deDE.t).toBe(enUS.t);
    expect(deDE.format).not.toBe(enUS.format);
    expect(deDE.t.ui.card.labels.estimatedValue).toBe('Estimated value');
  });

  it('are kept per locale, read Slack’s tags leniently and fall back to the default locale', () => {
    expect(presenterFor('fr-CA')).toBe(frCA);
    expect(presenterFor('fr_CA')).toBe(frCA);
    expect(presenterFor('not a locale!').locale).toBe(DEFAULT_LOCALE);
    expect(presenterFor('').locale).toBe(DEFAULT_LOCALE);
    expect(channelPresenter('en').locale).toBe(DEFAULT_LOCALE);
    expect(channelPresenter('fr').locale).toBe('fr-CA');
    expect(channelPresenter('zh').t.language).toBe('zh');
  });

  it('format as the locale writes: 12.000,50 € in German', () => {
    expect(deDE.format.money(n('12000.5'), 'EUR')).toBe('12.000,50\u00a0€');
  });

  it('write each currency with its own decimals: none for yen, three for Kuwaiti dinars', () => {
    expect(enUS.format.money(n('12000.5'), 'JPY')).toBe('¥12,001');
    expect(enUS.format.money(n('12000.49'), 'JPY')).toBe('¥12,000');
    expect(enUS.format.money(n('12000.5'), 'KWD')).toBe('KWD\u00a012,000.500');
    expect(frCA.format.money(n('1234.5'), 'JPY')).toBe('1\u00a0235\u00a0¥');
    expect(enUS.format.money(n('0.005'), 'USD')).toBe('$0.01');
    expect(deDE.format.date(d('2026-12-15'))).toBe('15.12.2026');
    expect(deDE.format.percent(n('12.5'))).toBe('12,5\u00a0%');
    expect(deDE.format.number(n('1234.5'))).toBe('1234,5');
    expect(deDE.format.groupedNumber(n('999999999999.99'))).toBe('999.999.999.999,99');
    expect(enUS.format.compactMoney(12500, 'USD')).toBe('$12.5K');
    expect(deDE.format.compactMoney(12500, 'EUR')).not.toBe('€12.5K');
  });

  it.each(['en-US', 'en-GB', 'en-IN', 'fr-CA', 'de-DE', 'de-CH', 'it-IT', 'nb-NO', 'zh-CN', 'ar-EG'])(
    'fill inputs in %s with values the form readers read back',
    (locale) => {
      const { format } = presenterFor(locale);
      for (const amount of ['0', '3', '12000.5', '1234567.89', '999999999999.99'])
        expect(parseAmount(format.amountInput(n(amount)))?.equals(n(amount))).toBe(true);
      for (const percent of ['0', '12.5', '33.33', '100'])
        expect(parsePercent(format.percentInput(n(percent)))?.equals(n(percent))).toBe(true);
    },
  );
});

/** Surfaces that format values: built for `p`, with the values the fixtures hold. */
const formatting: [string, (p: Presenter) => unknown, (p: Presenter) => string[]][] = [
  [
    'card',
    (p) => blocks.opportunityCard(p, detail('in_progress'), { currency: 'USD', offers: ['next', 'close'] }),
    (p) => [p.format.money(n('12000.5'), 'USD'), p.format.percent(n(50)), p.format.date(d('2026-12-15'))],
  ],
  [
    'list',
    (p) => blocks.opportunityList(p, [summary(1)], { total: 1, title: ours('Mine'), currency: 'EUR' }),
    (p) => [p.format.money(n('12000.5'), 'EUR'), p.format.percent(n(20)), p.format.date(d('2026-12-15'))],
  ],
  [
    'App Home',
    (p) => homeViewFor({ userId: 'U0ANN', opportunities: [summary(1)], cycles: [], currency: 'USD' }, p),
    (p) => [p.format.money(n('12000.5'), 'USD'), p.format.money(n('2400.1'), 'USD')],
  ],
  [
    'digest',
    (p) => blocks.digestMessages(p, digest()),
    (p) => [p.format.date(TODAY), p.format.money(n('45000'), 'USD'), p.format.percent(n(75))],
  ],
  [
    'opportunity statistics',
    (p) =>
      blocks.opportunityStatsMessage(
        p,
        {
          no: 'OP00001',
          noOfInteractions: 1,
          currentStage: 2,
          currentStageDescription: 'Needs analysis',
          estimatedValue: n('12000.5'),
          chancesPct: n('12.5'),
          completedPct: n(40),
          probabilityPct: n(5),
          calcdCurrentValue: n('1500.06'),
        },
        'USD',
      ),
    (p) => [p.format.money(n('12000.5'), 'USD'), p.format.percent(n('12.5'))],
  ],
  [
    'purge confirmation',
    (p) =>
      blocks.purgeConfirmation(
        p,
        {
          filter: { closedBefore: d('2026-01-01') },
          opportunities: [{ no: 'OP1', description: 'Old', status: 'lost', dateClosed: d('2025-06-01') }],
        },
        { token: 'tok_1' },
      ),
    (p) => [p.format.date(d('2026-01-01')), p.format.date(d('2025-06-01'))],
  ],
  [
    'stage table',
    (p) =>
      blocks.stageTable(p, {
        code: 'FIRM',
        description: 'Firm',
        probabilityCalculation: 'multiply',
        blocked: false,
        stages: STAGES,
      }),
    // Table cells are monospace text: their white space becomes plain spaces.
    (p) => [p.format.percent(n(20)).replace(/\s/g, ' ')],
  ],
  [
    'Update Opportunity',
    (p) =>
      blocks.updateOpportunityModal(
        p,
        moveOptions({ proposal: { ...moveOptions().proposal!, chancesPct: n('12.5') } }),
      ),
    (p) => [p.format.amountInput(n('12000.5')), p.format.percentInput(n('12.5'))],
  ],
  [
    'Close Opportunity',
    (p) =>
      blocks.closeOpportunityModal(
        p,
        {
          version: 3,
          codes: [],
          closeCode: null,
          closingDate: d('2026-04-02'),
          salesAmount: n('12000.5'),
          hasQuote: true,
          cancelOldTasks: true,
        } as unknown as blocks.CloseOptions,
        { no: 'OP00001', outcome: 'won', currency: 'USD' },
      ),
    (p) => [p.format.amountInput(n('12000.5')), p.format.money(n('12000.5'), 'USD')],
  ],
  [
    'Create Quote',
    (p) =>
      blocks.createQuoteModal(p, {
        no: 'OP00001',
        currency: 'USD',
        lines: [{ description: 'Licences', quantity: '2', unitPrice: '6000.25', discount: '' }],
      }),
    (p) => [p.format.money(n('12000.5'), 'USD')],
  ],
  [
    'announcement',
    (p) =>
      announcementOf(
        p,
        {
          id: 1,
          workspaceId: 'T1',
          actorUserId: 'U0ANN',
          channelId: 'C0SALES',
          occurredAt: new Date('2026-12-15T10:00:00Z'),
          attempts: 1,
          kind: 'opportunity-won',
          payload: { no: 'OP00001', description: 'Laptops', amount: '12000.50' },
        } as OutboxEvent,
        'EUR',
      ),
    (p) => [p.format.money(n('12000.5'), 'EUR')],
  ],
  [
    'rule refusal',
    (p) =>
      describeFailure(
        p,
        new DomainError({ kind: 'close-date-before-today', estimatedCloseDate: d('2026-11-01'), today: TODAY }),
      ),
    (p) => [p.format.date(d('2026-11-01')), p.format.date(TODAY)],
  ],
  [
    'input refusal',
    (p) =>
      describeFailure(
        p,
        new InputError({
          kind: 'number-out-of-range',
          field: { type: 'key', key: 'value' },
          text: '1e20',
          min: '0',
          max: '999999999999.99',
        }),
      ),
    (p) => [p.format.groupedNumber(n('999999999999.99'))],
  ],
];

describe('a builder formats with its presenter’s formatter', () => {
  it.each(formatting)('%s', (_name, build, values) => {
    const english = shown(build(enUS));
    const french = shown(build(frCA));
    for (const value of values(enUS)) expect(english).toContain(value);
    for (const value of values(frCA)) expect(french).toContain(value);
    // Each value is written differently in fr-CA (a no-break space, a comma, the order of day and
    // month), so the US form must be gone: nothing was formatted with a constant.
    for (const value of values(enUS)) expect(french).not.toContain(value);
  });

  it('the chart draws its amounts with the presenter’s compact currency', async () => {
    const input = chartInputFromDigest(enUS, digest(), 'Pipeline');
    const english = (await renderPipelineChart(enUS, input)).svg;
    const german = (await renderPipelineChart(deDE, input)).svg;
    expect(english).toContain(enUS.format.compactMoney(67000.5, 'USD'));
    expect(german).toContain(deDE.format.compactMoney(67000.5, 'USD'));
    expect(german).not.toContain(enUS.format.compactMoney(67000.5, 'USD'));
    expect(german).toContain('Open pipeline by stage');
  });
});

/** Surfaces with no value to format: identical for every locale while there is one language. */
const wordsOnly: [string, (p: Presenter) => unknown][] = [
  ['help', (p) => helpText(p)],
  ['help of a topic', (p) => helpText(p, 'close')],
  [
    'replies',
    (p) => [blocks.errorMessage(p, ours('x')), blocks.successMessage(p, ours('x')), blocks.noticeMessage(p, ours('x'))],
  ],
  ['workspace delete', (p) => blocks.workspaceDeleteConfirmation(p, { opportunities: 3, contacts: 2 }, { token: 't' })],
  [
    'cycle list',
    (p) =>
      blocks.salesCycleList(p, [
        { code: 'FIRM', description: 'Firm', probabilityCalculation: 'add', blocked: true, stageCount: 2 },
      ]),
  ],
  ['close codes', (p) => blocks.closeCodeList(p, [{ code: 'WIN', description: 'Won', type: 'won', entryCount: 3 }])],
  [
    'Create Opportunity',
    (p) =>
      blocks.createOpportunityModal(p, {
        userId: 'U0ANN',
        cycles: [{ code: 'FIRM', description: 'Firm', blocked: false }],
      }),
  ],
  [
    'setup forms',
    (p) => [
      blocks.salesCycleModal(p),
      blocks.closeCodeModal(p),
      blocks.contactModal(p),
      blocks.stageModal(p, { cycles: [] }),
    ],
  ],
  [
    'progress views',
    (p) => [blocks.savingView(p, 'x'), blocks.savedView(p, ours('Saved.')), blocks.notSavedView(p, ours('No.'))],
  ],
  [
    'form errors',
    (p) =>
      blocks.readCreateOpportunity(
        p,
        submitState(
          blocks.createOpportunityModal(p, {
            userId: 'U0ANN',
            cycles: [{ code: 'FIRM', description: 'Firm', blocked: false }],
          }),
          {},
        ),
      ),
  ],
  ['CSV', (p) => [opportunitiesCsv(p, [summary(1)], 'USD'), csvFilename(p, '', TODAY)]],
];

describe('a surface without values', () => {
  it.each(wordsOnly)('%s reads English in a locale the bot does not speak, and French in fr-CA', (name, build) => {
    expect(shown(build(deDE))).toBe(shown(build(enUS)));
    // Replies add no words of their own to the sentence they carry.
    if (name !== 'replies') expect(shown(build(frCA))).not.toBe(shown(build(enUS)));
  });
});
