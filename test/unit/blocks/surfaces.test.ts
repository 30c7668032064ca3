import { homeViewFor } from '../../support/home.ts';
// Every surface the block layer builds, from ordinary and awkward data, walked as JSON: nothing
// renders as undefined/null/NaN/[object Object], and every Slack limit holds.
import { ours } from '../../../src/i18n/markup.ts';
import { describe, expect, it } from 'vitest';
import { ZERO } from '../../../src/domain/decimal.ts';
import type { OpportunityStatus } from '../../../src/domain/opportunity.ts';
import type { PurgePreview } from '../../../src/services/opportunities.ts';
import * as blocks from '../../../src/slack/blocks/index.ts';
import type { KnownBlock, Message, ModalView } from '../../../src/slack/blocks/kit.ts';
import { ACTION_IDS } from '../../../src/slack/ids.ts';
import { LANGUAGE_LOCALES, LANGUAGES } from '../../../src/i18n/catalogue.ts';
import { type Presenter, presenterFor } from '../../../src/i18n/presenter.ts';
import { enUS } from '../../support/presenter.ts';
import {
  d,
  detail,
  entry,
  expectCleanText,
  expectModalRules,
  expectWithinLimits,
  moveOptions,
  n,
  STAGES,
  summary,
} from './fixtures.ts';

const STATUSES: OpportunityStatus[] = ['not_started', 'in_progress', 'won', 'lost'];

function awkward(status: OpportunityStatus) {
  return detail(status, {
    description: '',
    contact: { no: 'CT9', name: '', type: 'person', companyName: null },
    salesperson: { code: 'X', name: '', slackUserId: null },
    salesCycle: { code: 'C', description: '' },
    ...(status === 'in_progress'
      ? { current: entry({ stageDescription: '', estimatedValue: ZERO, calcdCurrentValue: ZERO, chancesPct: ZERO }) }
      : {}),
  });
}

function messages(p: Presenter): [string, Message][] {
  const out: [string, Message][] = [];
  for (const status of STATUSES) {
    for (const currency of ['USD', 'EUR', 'BOGUS']) {
      out.push([
        `card ${status} ${currency}`,
        blocks.opportunityCard(p, detail(status), { currency, offers: ['next', 'update', 'close'] }),
      ]);
    }
    out.push([
      `awkward card ${status}`,
      blocks.opportunityCard(p, awkward(status), { currency: 'USD', offers: ['delete'] }),
    ]);
  }
  const list = STATUSES.map((s, i) => ({
    ...summary(i + 1),
    status: s,
    current: s === 'not_started' ? null : entry(),
  }));
  out.push(['list', blocks.opportunityList(p, list, { total: 10, title: ours('All opportunities'), currency: 'USD' })]);
  out.push(['empty list', blocks.opportunityList(p, [], { total: 0, title: ours('Mine'), currency: 'USD' })]);
  const preview: PurgePreview = {
    filter: { status: 'won', closedBefore: d('2026-01-01'), salespersonCode: 'ANN' },
    opportunities: Array.from({ length: 45 }, (_, i) => ({
      no: `OP${i}`,
      description: 'd'.repeat(100),
      status: 'won' as const,
      dateClosed: i % 2 ? null : d('2025-06-01'),
    })),
  };
  out.push(['purge', blocks.purgeConfirmation(p, preview, { token: 'tok_123' })]);
  out.push(['purge nothing', blocks.purgeConfirmation(p, { filter: {}, opportunities: [] }, { token: 'tok' })]);
  out.push(['error', blocks.errorMessage(p, ours("You can't move to stage 3 until a sales quote is assigned."))]);
  out.push(['success', blocks.successMessage(p, ours('Opportunity OP00001 was created.'))]);
  out.push(['notice', blocks.noticeMessage(p, ours('Nothing changed.'))]);
  out.push([
    'cycles',
    blocks.salesCycleList(p, [
      { code: 'FIRM', description: '', probabilityCalculation: 'completed', blocked: false, stageCount: 0 },
    ]),
  ]);
  out.push([
    'stages',
    blocks.stageTable(p, {
      code: 'FIRM',
      description: '',
      probabilityCalculation: 'add',
      blocked: false,
      stages: STAGES,
    }),
  ]);
  out.push(['codes', blocks.closeCodeList(p, [{ code: 'X', description: '', type: 'lost', entryCount: 1 }])]);
  out.push([
    'contacts',
    blocks.contactList(p, [
      { no: 'CT1', name: 'A', type: 'company', companyNo: null, companyName: null, customerNo: null },
    ]),
  ]);
  return out;
}

function modals(p: Presenter): [string, ModalView][] {
  const closeOptions = (hasQuote: boolean) => ({
    closingDate: d('2026-04-02'),
    cancelOldTasks: true as const,
    salesAmount: hasQuote ? n(100) : null,
    closeCode: null,
    version: 1,
    codes: [{ code: 'W', description: '', type: 'won' as const }],
    hasQuote,
    status: 'in_progress' as const,
  });
  return [
    [
      'create',
      blocks.createOpportunityModal(p, {
        userId: 'U1',
        cycles: [{ code: 'A', description: '', blocked: false }],
        initial: { description: 'x', contact: { no: 'CT1', name: 'Acme' } },
      }),
    ],
    ['create without cycles', blocks.createOpportunityModal(p, { userId: 'U1', cycles: [] })],
    ...(['next', 'skip', 'update', 'previous', 'jump', 'first'] as const).map((action): [string, ModalView] => [
      `update ${action}`,
      blocks.updateOpportunityModal(
        p,
        moveOptions({ proposal: { ...moveOptions().proposal!, estimatedValue: ZERO } }),
        {
          action,
        },
      ),
    ]),
    [
      'update impossible',
      blocks.updateOpportunityModal(p, moveOptions({ actions: [], defaultAction: null, proposal: null, targets: {} })),
    ],
    [
      'close none',
      blocks.closeOpportunityModal(p, closeOptions(false), { no: 'OP00001', outcome: null, currency: 'USD' }),
    ],
    [
      'close won',
      blocks.closeOpportunityModal(p, closeOptions(true), { no: 'OP00001', outcome: 'won', currency: 'USD' }),
    ],
    [
      'close lost',
      blocks.closeOpportunityModal(p, closeOptions(false), { no: 'OP00001', outcome: 'lost', currency: 'USD' }),
    ],
    [
      'quote',
      blocks.createQuoteModal(p, {
        no: 'OP00001',
        currency: 'USD',
        lines: [{ description: 'a', quantity: 'x', unitPrice: '', discount: '' }],
      }),
    ],
    ['cycle', blocks.salesCycleModal(p)],
    ['stage', blocks.stageModal(p, { cycles: [{ code: 'A', description: '' }] })],
    ['close code', blocks.closeCodeModal(p)],
    ['contact', blocks.contactModal(p)],
  ];
}

describe.each(LANGUAGES)('every surface in %s', (language) => {
  // The longest texts of each language must fit Slack's limits as English's do.
  const p = presenterFor(LANGUAGE_LOCALES[language]);

  it.each(messages(p))('message: %s', (_name, message) => {
    expectWithinLimits(message.blocks, 'message');
    expectCleanText(message);
    expect(message.text.trim()).not.toBe('');
  });

  it.each(modals(p))('modal: %s', (_name, view) => {
    expectModalRules(view);
  });

  it('home views', () => {
    const cases = [
      homeViewFor({ userId: 'U1', currency: 'USD', cycles: [], opportunities: [] }, p),
      homeViewFor(
        {
          userId: 'U1',
          currency: 'USD',
          cycles: [],
          opportunities: STATUSES.map((s, i) => ({
            ...summary(i),
            status: s,
            current: s === 'not_started' ? null : entry(),
          })),
        },
        p,
      ),
    ];
    for (const view of cases) {
      expectWithinLimits(view.blocks as KnownBlock[], 'view');
      expectCleanText(view);
    }
  });
});

describe('every surface', () => {
  it('the purge button carries the token and the count; Cancel is separate', () => {
    const message = blocks.purgeConfirmation(
      enUS,
      {
        filter: {},
        opportunities: Array.from({ length: 25 }, (_, i) => ({
          no: `OP${i}`,
          description: 'x',
          status: 'lost' as const,
          dateClosed: null,
        })),
      },
      { token: 'purge-token-1' },
    );
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('and 5 more');
    expect(json).toContain('Delete 25 opportunities');
    const actions = message.blocks.at(-1) as { elements: { action_id: string; value?: string; style?: string }[] };
    expect(actions.elements).toEqual([
      expect.objectContaining({ action_id: ACTION_IDS.purgeConfirm, value: 'purge-token-1', style: 'danger' }),
      expect.objectContaining({ action_id: ACTION_IDS.purgeCancel }),
    ]);
  });

  it('replies are ephemeral with an emoji', () => {
    expect(blocks.errorMessage(enUS, ours('Nope.'))).toMatchObject({
      response_type: 'ephemeral',
      text: ':warning: Nope.',
    });
    expect(blocks.successMessage(enUS, ours('Done.')).text).toBe(':white_check_mark: Done.');
    expect(blocks.viewErrors({ a: 'b' })).toEqual({ response_action: 'errors', errors: { a: 'b' } });
  });
});
