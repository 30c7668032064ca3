import { describe, expect, it } from 'vitest';
import { ZERO } from '../../../src/domain/decimal.ts';
import type { CloseOutcome } from '../../../src/domain/opportunity.ts';
import {
  closeOpportunityModal,
  readCloseOpportunity,
  readCloseOutcome,
  type CloseOptions,
} from '../../../src/slack/blocks/modals/close-opportunity.ts';
import { createOpportunityModal, readCreateOpportunity } from '../../../src/slack/blocks/modals/create-opportunity.ts';
import {
  addQuoteLine,
  createQuoteModal,
  QUOTE_MODAL_MAX_LINES,
  readCreateQuote,
  readQuoteDrafts,
} from '../../../src/slack/blocks/modals/create-quote.ts';
import {
  readUpdateOpportunity,
  readUpdateSelection,
  updateOpportunityModal,
} from '../../../src/slack/blocks/modals/update-opportunity.ts';
import { contactSearchOptions } from '../../../src/slack/blocks/modals/search-options.ts';
import {
  ACTION_IDS,
  BLOCK_IDS,
  CALLBACK_IDS,
  closeCodeBlockId,
  quoteLineBlockId,
  updateTargetBlockId,
} from '../../../src/slack/ids.ts';
import { d, expectModalRules, inputBlockIds, moveOptions, n, STAGES, strings, submitState } from './fixtures.ts';
import { enUS } from '../../support/presenter.ts';

const C = BLOCK_IDS.create;
const U = BLOCK_IDS.update;
const X = BLOCK_IDS.close;

const cycles = [
  { code: 'FIRM', description: 'Firm sales', blocked: false },
  { code: 'OLD', description: 'Old cycle', blocked: true },
  { code: 'SMALL', description: 'Small deals', blocked: false },
];

function elementOf(view: { blocks: unknown[] }, blockId: string): Record<string, unknown> | undefined {
  const block = view.blocks.find((b) => (b as { block_id?: string }).block_id === blockId) as
    { element?: Record<string, unknown> } | undefined;
  return block?.element;
}

describe('Create Opportunity modal', () => {
  const view = createOpportunityModal(enUS, {
    userId: 'U0ANN',
    cycles,
    defaultCycleCode: 'FIRM',
  });

  it('follows the Block Kit rules and proposes sensible defaults', () => {
    expectModalRules(view);
    expect(view.callback_id).toBe(CALLBACK_IDS.createOpportunity);
    expect(elementOf(view, C.salesperson)).toMatchObject({ type: 'users_select', initial_user: 'U0ANN' });
    expect(elementOf(view, C.contact)).toMatchObject({
      type: 'external_select',
      action_id: ACTION_IDS.contactSearch,
      min_query_length: 1,
    });
    const cycle = elementOf(view, C.salesCycle) as { options: { value: string }[]; initial_option: { value: string } };
    expect(cycle.options.map((o) => o.value)).toEqual(['FIRM', 'SMALL']);
    expect(cycle.initial_option.value).toBe('FIRM');
    expect(elementOf(view, C.activate)).toMatchObject({ initial_options: [{ value: 'activate' }] });
    // Its context is the listener's (src/slack/listeners/contexts.ts): the builder puts none in.
    expect(view.private_metadata).toBeUndefined();
  });

  it('reads back what the user entered', () => {
    const values = submitState(view, {
      [C.description]: '  20 laptops  ',
      [C.contact]: 'CT00002',
      [C.estimatedValue]: '12,000.50',
      [C.chances]: '40%',
      [C.estimatedCloseDate]: '2026-12-15',
    });
    const result = readCreateOpportunity(enUS, values);
    expect(result).toEqual({
      ok: true,
      data: {
        description: '20 laptops',
        contactNo: 'CT00002',
        salespersonUserId: 'U0ANN',
        salesCycleCode: 'FIRM',
        priority: 'normal',
        activate: true,
        estimatedValue: n('12000.50'),
        chancesPct: n(40),
        estimatedCloseDate: d('2026-12-15'),
      },
    });
  });

  it('without activation the estimates may stay empty', () => {
    const values = submitState(view, { [C.description]: 'Deal', [C.contact]: 'CT1', [C.activate]: [] });
    const result = readCreateOpportunity(enUS, values);
    expect(result.ok && result.data).toMatchObject({
      activate: false,
      estimatedValue: undefined,
      chancesPct: undefined,
      estimatedCloseDate: undefined,
    });
  });

  it('reports each bad field under its own input block', () => {
    const values = submitState(view, {
      [C.description]: '   ',
      [C.contact]: null,
      [C.estimatedValue]: '12,00x',
      [C.chances]: '150',
      [C.estimatedCloseDate]: null,
    });
    const result = readCreateOpportunity(enUS, values);
    expect(result).toEqual({
      ok: false,
      errors: {
        [C.description]: 'Fill in this field.',
        [C.contact]: 'Pick a contact.',
        [C.estimatedValue]: 'Enter an amount like 12,000.50',
        [C.chances]: 'Enter a percentage between 0 and 100, like 40 or 12.5',
        [C.estimatedCloseDate]: 'Pick a date.',
      },
    });
    if (!result.ok) for (const key of Object.keys(result.errors)) expect(inputBlockIds(view)).toContain(key);
  });

  it('activation needs a positive value and chances', () => {
    const result = readCreateOpportunity(
      enUS,
      submitState(view, { [C.description]: 'Deal', [C.contact]: 'CT1', [C.estimatedValue]: '0', [C.chances]: '' }),
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        [C.estimatedValue]: 'Enter an amount greater than 0.',
        [C.chances]: 'Fill in this field.',
        [C.estimatedCloseDate]: 'Pick a date.',
      },
    });
  });

  it('a description over 100 characters is refused', () => {
    const result = readCreateOpportunity(
      enUS,
      submitState(view, { [C.description]: 'x'.repeat(101), [C.contact]: 'CT1', [C.activate]: [] }),
    );
    expect(result.ok ? undefined : result.errors[C.description]).toBe('Use at most 100 characters.');
  });

  it('without a usable cycle it explains the setup instead', () => {
    const none = createOpportunityModal(enUS, {
      userId: 'U1',
      cycles: [{ code: 'OLD', description: '', blocked: true }],
    });
    expectModalRules(none);
    expect(none.submit).toBeUndefined();
    expect(strings(none.blocks).some((s) => s.text.includes('/opp cycle add'))).toBe(true);
  });

  it('contact search options carry the contact number only', () => {
    const options = contactSearchOptions(
      enUS,
      Array.from({ length: 150 }, (_, i) => ({
        no: `CT${i}`,
        name: `Person ${i} ${'x'.repeat(90)}`,
        type: 'person' as const,
        companyNo: 'CT0',
        companyName: 'Acme',
      })),
    );
    expect(options).toHaveLength(100);
    for (const o of options) {
      expect(o.value).toMatch(/^CT\d+$/);
      expect(o.text.text.length).toBeLessThanOrEqual(75);
    }
  });
});

describe('Update Opportunity modal', () => {
  it('Next: only the available actions, a fixed target line, the proposal as initial values', () => {
    const options = moveOptions();
    const view = updateOpportunityModal(enUS, options);
    expectModalRules(view);
    const select = elementOf(view, U.actionType) as {
      options: { value: string }[];
      initial_option: { value: string };
      action_id: string;
    };
    expect(select.options.map((o) => o.value)).toEqual(['next', 'skip', 'update']);
    expect(select.initial_option.value).toBe('next');
    expect(select.action_id).toBe(ACTION_IDS.updateActionType);
    expect(view.blocks.find((b) => b.block_id === U.actionType)).toMatchObject({ dispatch_action: true });
    expect(JSON.stringify(view.blocks.find((b) => b.block_id === U.targetInfo))).toContain(
      'Moves to stage 2 · Needs analysis',
    );
    expect(elementOf(view, U.estimatedValue)).toMatchObject({ initial_value: '12,000.50' });
    expect(elementOf(view, U.chances)).toMatchObject({ initial_value: '30' });
    expect(elementOf(view, U.dateOfChange)).toMatchObject({ initial_date: '2026-03-10' });
    expect(elementOf(view, U.estimatedCloseDate)).toMatchObject({ initial_date: '2026-03-24' });
    expect(inputBlockIds(view)).toContain(U.cancelTasks);
    expect(view.private_metadata).toBeUndefined();

    const result = readUpdateOpportunity(enUS, submitState(view));
    expect(result).toEqual({
      ok: true,
      data: {
        action: 'next',
        dateOfChange: d('2026-03-10'),
        estimatedValue: n('12000.5'),
        chancesPct: n(30),
        estimatedCloseDate: d('2026-03-24'),
        cancelOldTasks: false,
      },
    });
  });

  it('Skip: a target select with only the allowed stages; rebuilding keeps the other block ids', () => {
    const options = moveOptions();
    const next = updateOpportunityModal(enUS, options);
    const skip = updateOpportunityModal(enUS, options, { action: 'skip', targetStage: 4 });
    expectModalRules(skip);
    const target = elementOf(skip, updateTargetBlockId('skip')) as {
      options: { value: string }[];
      initial_option: { value: string };
      action_id: string;
    };
    expect(target.options.map((o) => o.value)).toEqual(['2', '3', '4']);
    expect(target.initial_option.value).toBe('4');
    expect(target.action_id).toBe(ACTION_IDS.updateTargetStage);
    expect(JSON.stringify(skip.blocks)).toContain("target stage's chances of success replace");
    // the stage's own chances and date formula for a different target
    expect(elementOf(skip, U.chances)).toMatchObject({ initial_value: '60' });
    expect(elementOf(skip, U.estimatedCloseDate)).toMatchObject({ initial_date: '2026-03-24' });
    const shared = inputBlockIds(next).filter((id) => id !== U.cancelTasks);
    for (const id of shared) expect(inputBlockIds(skip)).toContain(id);

    const values = submitState(skip, { [U.cancelTasks]: ['cancel_tasks'] });
    expect(readUpdateSelection(values)).toEqual({ action: 'skip', targetStage: 4 });
    const result = readUpdateOpportunity(enUS, values);
    expect(result.ok && result.data).toMatchObject({ action: 'skip', targetStage: 4, cancelOldTasks: true });
  });

  it('warns when Next or Skip would enter a stage that needs a quote and none is linked', () => {
    const stage3 = STAGES[2]!;
    const options = moveOptions({
      currentStage: 2,
      targets: { next: [stage3], update: [STAGES[1]!] },
      actions: ['next', 'update'],
      proposal: { ...moveOptions().proposal!, target: stage3 },
    });
    const warned = updateOpportunityModal(enUS, options);
    expect(JSON.stringify(warned.blocks.find((b) => b.block_id === U.quoteWarning))).toContain(
      'needs a sales quote before you can move here',
    );
    expect(
      updateOpportunityModal(enUS, { ...options, hasQuote: true }).blocks.find((b) => b.block_id === U.quoteWarning),
    ).toBeUndefined();
    expect(
      updateOpportunityModal(enUS, options, { action: 'update' }).blocks.find((b) => b.block_id === U.quoteWarning),
    ).toBeUndefined();
  });

  it('Update and First have no "cancel old tasks"; Update stays at the stage', () => {
    const update = updateOpportunityModal(enUS, moveOptions(), { action: 'update' });
    expect(inputBlockIds(update)).not.toContain(U.cancelTasks);
    expect(JSON.stringify(update.blocks)).toContain('Stays at stage 1 · Qualification');
    const first = updateOpportunityModal(
      enUS,
      moveOptions({
        status: 'not_started',
        currentStage: null,
        actions: ['first'],
        defaultAction: 'first',
        targets: { first: [STAGES[0]!] },
        proposal: { ...moveOptions().proposal!, action: 'first', target: STAGES[0]! },
      }),
    );
    expectModalRules(first);
    expect(inputBlockIds(first)).not.toContain(U.cancelTasks);
    expect(JSON.stringify(first.blocks)).toContain('not started yet');
  });

  it('an action that is not offered falls back to the default', () => {
    const view = updateOpportunityModal(enUS, moveOptions(), { action: 'jump' });
    expect((elementOf(view, U.actionType) as { initial_option: { value: string } }).initial_option.value).toBe('next');
  });

  it('nothing possible: an explanation without submit', () => {
    const view = updateOpportunityModal(
      enUS,
      moveOptions({ status: 'won', actions: [], defaultAction: null, targets: {}, proposal: null }),
    );
    expectModalRules(view);
    expect(view.submit).toBeUndefined();
  });

  it('reports bad values per field', () => {
    const view = updateOpportunityModal(enUS, moveOptions());
    const result = readUpdateOpportunity(
      enUS,
      submitState(view, {
        [U.estimatedValue]: '12,00x',
        [U.chances]: '150',
        [U.estimatedCloseDate]: null,
        [U.dateOfChange]: null,
      }),
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        [U.estimatedValue]: 'Enter an amount like 12,000.50',
        [U.chances]: 'Enter a percentage between 0 and 100, like 40 or 12.5',
        [U.estimatedCloseDate]: 'Pick a date.',
        [U.dateOfChange]: 'Pick a date.',
      },
    });
  });

  it('the closing date cannot be before the date of change; value and chances must be positive', () => {
    const view = updateOpportunityModal(enUS, moveOptions());
    const result = readUpdateOpportunity(
      enUS,
      submitState(view, { [U.estimatedCloseDate]: '2026-03-01', [U.estimatedValue]: '0', [U.chances]: '0' }),
    );
    expect(result.ok ? {} : result.errors).toEqual({
      [U.estimatedValue]: 'Enter an amount greater than 0.',
      [U.chances]: 'Enter a percentage greater than 0.',
    });
    const dates = readUpdateOpportunity(enUS, submitState(view, { [U.estimatedCloseDate]: '2026-03-01' }));
    expect(dates.ok ? {} : dates.errors).toEqual({
      [U.estimatedCloseDate]: "The closing date can't be earlier than the date of change.",
    });
  });

  it('Skip without a target is an error under the target select', () => {
    const view = updateOpportunityModal(enUS, moveOptions(), { action: 'skip' });
    const result = readUpdateOpportunity(enUS, submitState(view, { [updateTargetBlockId('skip')]: null }));
    expect(result.ok ? {} : result.errors).toEqual({ [updateTargetBlockId('skip')]: 'Pick one of the options.' });
  });
});

describe('Close Opportunity modal', () => {
  const codes = [
    { code: 'PRICE', description: 'Best price', type: 'won' as const },
    { code: 'COMPET', description: 'Competitor', type: 'lost' as const },
    { code: 'BUDGET', description: 'No budget', type: 'lost' as const },
  ];
  function closeOptions(outcome: CloseOutcome, overrides: Partial<CloseOptions> = {}): CloseOptions {
    const matching = codes.filter((c) => c.type === outcome);
    return {
      closingDate: d('2026-04-02'),
      cancelOldTasks: true,
      salesAmount: outcome === 'lost' ? ZERO : null,
      closeCode: matching.length === 1 ? matching[0]! : null,
      version: 3,
      codes: matching,
      hasQuote: false,
      status: 'in_progress',
      ...overrides,
    };
  }

  it('before an outcome is chosen there is no code select and submitting asks for the outcome', () => {
    const view = closeOpportunityModal(enUS, closeOptions('won'), { no: 'OP00001', outcome: null, currency: 'USD' });
    expectModalRules(view);
    expect(view.blocks.find((b) => b.block_id === X.outcome)).toMatchObject({
      dispatch_action: true,
      element: { action_id: ACTION_IDS.closeOutcome },
    });
    expect(view.blocks.find((b) => b.block_id === X.codeInfo)).toBeDefined();
    expect(elementOf(view, X.cancelTasks)).toMatchObject({ initial_options: [{ value: 'cancel_tasks' }] });
    const result = readCloseOpportunity(enUS, submitState(view));
    expect(result.ok ? {} : result.errors).toEqual({ [X.outcome]: 'Choose either Won or Lost.' });
  });

  it('Won with a quote: the only Won code is pre-filled, the amount comes from the quote', () => {
    const view = closeOpportunityModal(enUS, closeOptions('won', { hasQuote: true, salesAmount: n('11500') }), {
      no: 'OP00001',
      outcome: 'won',
      currency: 'USD',
    });
    expectModalRules(view);
    expect(elementOf(view, closeCodeBlockId('won'))).toMatchObject({ initial_option: { value: 'PRICE' } });
    expect(elementOf(view, X.salesAmount)).toMatchObject({ initial_value: '11,500.00' });
    expect(JSON.stringify(view.blocks)).toContain("The linked quote's amount ($11,500.00) is used");
    const values = submitState(view);
    expect(readCloseOutcome(values)).toBe('won');
    expect(readCloseOpportunity(enUS, values)).toEqual({
      ok: true,
      data: {
        outcome: 'won',
        closeCode: 'PRICE',
        closingDate: d('2026-04-02'),
        salesAmount: n(11500),
        cancelOldTasks: true,
      },
    });
  });

  it('Lost: only Lost codes, no sales amount; a code must be picked', () => {
    const view = closeOpportunityModal(enUS, closeOptions('lost'), { no: 'OP00001', outcome: 'lost', currency: 'USD' });
    expectModalRules(view);
    const select = elementOf(view, closeCodeBlockId('lost')) as {
      options: { value: string }[];
      initial_option?: unknown;
    };
    expect(select.options.map((o) => o.value)).toEqual(['COMPET', 'BUDGET']);
    expect(select.initial_option).toBeUndefined();
    expect(inputBlockIds(view)).not.toContain(X.salesAmount);
    expect(readCloseOpportunity(enUS, submitState(view))).toEqual({
      ok: false,
      errors: { [closeCodeBlockId('lost')]: 'Pick a close code.' },
    });
    expect(
      readCloseOpportunity(enUS, submitState(view, { [closeCodeBlockId('lost')]: 'BUDGET', [X.cancelTasks]: [] })),
    ).toEqual({
      ok: true,
      data: { outcome: 'lost', closeCode: 'BUDGET', closingDate: d('2026-04-02'), cancelOldTasks: false },
    });
  });

  it('Won without a quote needs a positive, well-formed amount', () => {
    const view = closeOpportunityModal(enUS, closeOptions('won'), { no: 'OP00001', outcome: 'won', currency: 'USD' });
    expect(readCloseOpportunity(enUS, submitState(view))).toEqual({
      ok: false,
      errors: { [X.salesAmount]: 'Fill in this field.' },
    });
    expect(readCloseOpportunity(enUS, submitState(view, { [X.salesAmount]: '12,00x' }))).toEqual({
      ok: false,
      errors: { [X.salesAmount]: 'Enter an amount like 12,000.50' },
    });
    expect(readCloseOpportunity(enUS, submitState(view, { [X.salesAmount]: '$9.5k', [X.closingDate]: null }))).toEqual({
      ok: false,
      errors: { [X.closingDate]: 'Pick a date.' },
    });
  });

  it('no code of the outcome exists: says how to add one, and the error goes under the outcome', () => {
    const view = closeOpportunityModal(enUS, closeOptions('won', { codes: [], closeCode: null }), {
      no: 'OP00001',
      outcome: 'won',
      currency: 'USD',
    });
    expect(JSON.stringify(view.blocks)).toContain('/opp code add');
    const result = readCloseOpportunity(enUS, submitState(view, { [X.salesAmount]: '100' }));
    expect(result.ok ? {} : result.errors).toEqual({ [X.outcome]: 'Pick a close code.' });
  });
});

describe('Create Quote modal', () => {
  const base = { no: 'OP00001', currency: 'USD' };

  it('starts with one line and an Add line button', () => {
    const view = createQuoteModal(enUS, base);
    expectModalRules(view);
    expect(inputBlockIds(view)).toEqual(
      [1].flatMap((i) =>
        (['description', 'quantity', 'unitPrice', 'discount'] as const).map((f) => quoteLineBlockId(i, f)),
      ),
    );
    expect(JSON.stringify(view.blocks)).toContain(ACTION_IDS.quoteAddLine);
    expect(JSON.stringify(view.blocks)).toContain('*Total:* $0.00');
  });

  it('Add line keeps what was typed and recomputes the running total', () => {
    const first = createQuoteModal(enUS, base);
    const values = submitState(first, {
      [quoteLineBlockId(1, 'description')]: 'Laptop',
      [quoteLineBlockId(1, 'quantity')]: '2',
      [quoteLineBlockId(1, 'unitPrice')]: '1,250.00',
      [quoteLineBlockId(1, 'discount')]: '10',
    });
    const drafts = readQuoteDrafts(values);
    expect(drafts).toEqual([{ description: 'Laptop', quantity: '2', unitPrice: '1,250.00', discount: '10' }]);
    const second = createQuoteModal(enUS, { ...base, lines: addQuoteLine(drafts) });
    expectModalRules(second);
    expect(inputBlockIds(second)).toContain(quoteLineBlockId(2, 'unitPrice'));
    expect(elementOf(second, quoteLineBlockId(1, 'unitPrice'))).toMatchObject({ initial_value: '1,250.00' });
    expect(JSON.stringify(second.blocks)).toContain('*Total:* $2,250.00 (1 complete line)');

    const submitted = submitState(second, {
      [quoteLineBlockId(2, 'description')]: 'Dock',
      [quoteLineBlockId(2, 'quantity')]: '1',
      [quoteLineBlockId(2, 'unitPrice')]: '99.5',
    });
    expect(readCreateQuote(enUS, submitted)).toEqual({
      ok: true,
      data: {
        lines: [
          { description: 'Laptop', quantity: n(2), unitPrice: n(1250), discountPct: n(10) },
          { description: 'Dock', quantity: n(1), unitPrice: n('99.5'), discountPct: n(0) },
        ],
      },
    });
  });

  it('stops at 20 lines (within 100 blocks) and points to the text form', () => {
    let lines = [{ description: 'a', quantity: '1', unitPrice: '1', discount: '' }];
    for (let i = 0; i < 30; i++) lines = addQuoteLine(lines);
    expect(lines).toHaveLength(QUOTE_MODAL_MAX_LINES);
    const view = createQuoteModal(enUS, { ...base, lines });
    expectModalRules(view);
    expect(JSON.stringify(view.blocks)).not.toContain(ACTION_IDS.quoteAddLine);
    expect(JSON.stringify(view.blocks)).toContain('/opp quote OP00001 line:');
  });

  it('ignores empty lines, reports bad fields per line, and needs at least one line', () => {
    const view = createQuoteModal(enUS, { ...base, lines: addQuoteLine(addQuoteLine([])) });
    const result = readCreateQuote(
      enUS,
      submitState(view, {
        [quoteLineBlockId(1, 'description')]: 'Laptop',
        [quoteLineBlockId(1, 'quantity')]: '0',
        [quoteLineBlockId(1, 'unitPrice')]: '12,00x',
        [quoteLineBlockId(2, 'discount')]: '150',
      }),
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        [quoteLineBlockId(1, 'quantity')]: 'Enter a quantity greater than 0, like 2 or 1.5',
        [quoteLineBlockId(1, 'unitPrice')]: 'Enter an amount like 12,000.50',
        [quoteLineBlockId(2, 'description')]: 'Fill in this field.',
        [quoteLineBlockId(2, 'quantity')]: 'Fill in this field.',
        [quoteLineBlockId(2, 'unitPrice')]: 'Fill in this field.',
        [quoteLineBlockId(2, 'discount')]: 'Enter a percentage between 0 and 100, like 40 or 12.5',
      },
    });
    expect(readCreateQuote(enUS, submitState(createQuoteModal(enUS, base)))).toEqual({
      ok: false,
      errors: { [quoteLineBlockId(1, 'description')]: 'Fill in at least one line.' },
    });
  });
});
