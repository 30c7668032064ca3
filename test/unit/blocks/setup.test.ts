import { describe, expect, it } from 'vitest';
import { closeCodeModal, readCloseCode } from '../../../src/slack/blocks/modals/close-code.ts';
import { contactModal, readContact } from '../../../src/slack/blocks/modals/contact.ts';
import { readSalesCycle, salesCycleModal } from '../../../src/slack/blocks/modals/sales-cycle.ts';
import { readStage, stageModal } from '../../../src/slack/blocks/modals/stage.ts';
import { closeCodeList, contactList, salesCycleList, stageTable } from '../../../src/slack/blocks/setup-lists.ts';
import { textLength } from '../../../src/slack/blocks/kit.ts';
import { ACTION_IDS, BLOCK_IDS } from '../../../src/slack/ids.ts';
import {
  expectCleanText,
  expectModalRules,
  expectWithinLimits,
  n,
  stage,
  STAGES,
  strings,
  submitState,
} from './fixtures.ts';
import { enUS } from '../../support/presenter.ts';

const S = BLOCK_IDS.stage;

describe('Sales cycle modal', () => {
  it('round-trips and upper-cases the code', () => {
    const view = salesCycleModal(enUS);
    expectModalRules(view);
    expect(
      readSalesCycle(
        enUS,
        submitState(view, { [BLOCK_IDS.salesCycle.code]: ' firm ', [BLOCK_IDS.salesCycle.description]: 'Firm sales' }),
      ),
    ).toEqual({
      ok: true,
      data: { code: 'FIRM', description: 'Firm sales', probabilityCalculation: 'multiply', blocked: false },
    });
    const edited = salesCycleModal(enUS, { code: 'FIRM', probabilityCalculation: 'add', blocked: true });
    expect(readSalesCycle(enUS, submitState(edited))).toMatchObject({
      ok: true,
      data: { code: 'FIRM', probabilityCalculation: 'add', blocked: true },
    });
  });

  it('refuses a bad code', () => {
    const view = salesCycleModal(enUS);
    expect(readSalesCycle(enUS, submitState(view, { [BLOCK_IDS.salesCycle.code]: 'TOO LONG CODE' }))).toEqual({
      ok: false,
      errors: { [BLOCK_IDS.salesCycle.code]: 'Use 1 to 10 letters or digits, without spaces.' },
    });
  });
});

describe('Stage modal', () => {
  const cycles = [{ code: 'FIRM', description: 'Firm sales' }];

  it('round-trips', () => {
    const view = stageModal(enUS, { cycles, cycleCode: 'FIRM' });
    expectModalRules(view);
    expect(view.blocks.find((b) => b.block_id === S.stageNo)).toMatchObject({
      element: { type: 'number_input', is_decimal_allowed: false, min_value: '1' },
    });
    const result = readStage(
      enUS,
      submitState(view, {
        [S.stageNo]: '20',
        [S.description]: 'Proposal',
        [S.completed]: '60',
        [S.chances]: '45.5%',
        [S.flags]: ['quote_required'],
        [S.dateFormula]: '1m+cm',
        [S.activityCode]: 'call',
      }),
    );
    expect(result).toEqual({
      ok: true,
      data: {
        cycleCode: 'FIRM',
        stage: 20,
        description: 'Proposal',
        completedPct: n(60),
        chancesPct: n('45.5'),
        quoteRequired: true,
        allowSkip: false,
        dateFormula: '1M+CM',
        activityCode: 'CALL',
      },
    });
  });

  it('prefills an existing stage', () => {
    const view = stageModal(enUS, {
      cycles,
      cycleCode: 'FIRM',
      initial: stage(3, { quoteRequired: true, allowSkip: true }),
    });
    expect(readStage(enUS, submitState(view))).toMatchObject({
      ok: true,
      data: {
        stage: 3,
        completedPct: n(60),
        chancesPct: n(45),
        quoteRequired: true,
        allowSkip: true,
        dateFormula: '2W',
      },
    });
  });

  it('reports bad fields', () => {
    const view = stageModal(enUS, { cycles });
    expect(
      readStage(
        enUS,
        submitState(view, {
          [S.stageNo]: '0',
          [S.completed]: '12.5',
          [S.chances]: '150',
          [S.dateFormula]: 'next week',
          [S.activityCode]: 'A B',
        }),
      ),
    ).toEqual({
      ok: false,
      errors: {
        [S.cycle]: 'Pick one of the options.',
        [S.stageNo]: 'Enter a whole stage number of 1 or more.',
        [S.completed]: 'Use a whole number between 0 and 100.',
        [S.chances]: 'Enter a percentage between 0 and 100, like 40 or 12.5',
        [S.dateFormula]: 'Use terms like 10D, 2W, 1M, 1Q, 1Y or CM, joined with + or -, e.g. 1M+CM.',
        [S.activityCode]: 'Use 1 to 10 letters or digits, without spaces.',
      },
    });
  });

  it('without cycles it explains what to do first', () => {
    const view = stageModal(enUS, { cycles: [] });
    expectModalRules(view);
    expect(view.submit).toBeUndefined();
  });
});

describe('Close code modal', () => {
  it('round-trips and requires a code', () => {
    const view = closeCodeModal(enUS);
    expectModalRules(view);
    const C = BLOCK_IDS.closeCode;
    expect(
      readCloseCode(enUS, submitState(view, { [C.code]: 'lost1', [C.type]: 'lost', [C.description]: 'Too expensive' })),
    ).toEqual({
      ok: true,
      data: { code: 'LOST1', type: 'lost', description: 'Too expensive' },
    });
    expect(readCloseCode(enUS, submitState(view))).toEqual({ ok: false, errors: { [C.code]: 'Fill in this field.' } });
  });
});

describe('Contact modal', () => {
  const K = BLOCK_IDS.contact;

  it('round-trips a person of a company', () => {
    const view = contactModal(enUS);
    expectModalRules(view);
    expect(view.blocks.find((b) => b.block_id === K.company)).toMatchObject({
      element: { action_id: ACTION_IDS.companySearch, min_query_length: 1 },
    });
    expect(
      readContact(
        enUS,
        submitState(view, {
          [K.name]: 'Jane Doe',
          [K.type]: 'person',
          [K.company]: 'CT00001',
          [K.email]: 'jane@acme.test',
          [K.customer]: ['create_customer'],
        }),
      ),
    ).toEqual({
      ok: true,
      data: { name: 'Jane Doe', type: 'person', companyNo: 'CT00001', email: 'jane@acme.test', createCustomer: true },
    });
  });

  it('checks the combination of type, company and customer', () => {
    const view = contactModal(enUS, { name: 'Acme' });
    expect(readContact(enUS, submitState(view, { [K.company]: 'CT00009', [K.email]: 'not-an-email' }))).toEqual({
      ok: false,
      errors: {
        [K.email]: 'Enter an email address like name@example.com',
        [K.company]: 'Only a person can belong to a company; leave this empty for a company.',
      },
    });
    expect(readContact(enUS, submitState(view, { [K.type]: 'person', [K.customer]: ['create_customer'] }))).toEqual({
      ok: false,
      errors: {
        [K.customer]: 'A customer is created from a company: pick the company, or untick "create the customer".',
      },
    });
  });
});

describe('setup lists', () => {
  it('sales cycles with stage counts and the blocked flag', () => {
    const message = salesCycleList(enUS, [
      { code: 'FIRM', description: 'Firm sales', probabilityCalculation: 'multiply', blocked: false, stageCount: 5 },
      { code: 'OLD', description: '', probabilityCalculation: 'chances', blocked: true, stageCount: 1 },
    ]);
    expectWithinLimits(message.blocks, 'message');
    expectCleanText(message);
    const text = strings(message.blocks)
      .map((s) => s.text)
      .join('\n');
    expect(text).toContain('*FIRM* Firm sales · 5 stages');
    expect(text).toContain('1 stage');
    expect(text).toContain('blocked');
    expect(JSON.stringify(salesCycleList(enUS, []).blocks)).toContain('/opp cycle add');
  });

  it('stages as a compact table, sorted, with long descriptions cut', () => {
    const message = stageTable(enUS, {
      code: 'FIRM',
      description: 'Firm sales',
      probabilityCalculation: 'add',
      blocked: false,
      stages: [
        STAGES[2]!,
        STAGES[0]!,
        stage(4, { description: 'A very long description with `ticks` and <tags> over 24 chars', dateFormula: '' }),
      ],
    });
    expectWithinLimits(message.blocks, 'message');
    expectCleanText(message);
    const table =
      strings(message.blocks)
        .map((s) => s.text)
        .find((t) => t.startsWith('```')) ?? '';
    const lines = table.replace(/```/g, '').split('\n');
    expect(lines[0]).toMatch(/^Stage\s+Description\s+Compl\.\s+Chances\s+Quote\s+Skip\s+Formula$/);
    expect(lines[1]).toMatch(/^1\s+Qualification\s+20%\s+15%\s+No\s+No\s+2W$/);
    expect(lines[2]).toMatch(/^3\s+Proposal\s+60%\s+45%\s+Yes\s+Yes\s+2W$/);
    expect(lines[3]).toContain('…');
    expect(lines[3]).not.toContain('`');
    expect(lines[3]).toContain('—');
    expect(
      JSON.stringify(
        stageTable(enUS, { code: 'X', description: '', probabilityCalculation: 'multiply', blocked: false, stages: [] })
          .blocks,
      ),
    ).toContain('/opp stage add X');
  });

  it('close codes with type and usage', () => {
    const message = closeCodeList(enUS, [
      { code: 'PRICE', description: 'Best price', type: 'won', entryCount: 3 },
      { code: 'LOST', description: 'Competitor', type: 'lost', entryCount: 0 },
    ]);
    const text = strings(message.blocks)
      .map((s) => s.text)
      .join('\n');
    expect(text).toContain('*PRICE* (Won) Best price · used 3 times');
    expect(text).toContain('*LOST* (Lost) Competitor · unused');
    expectCleanText(message);
  });

  it('contacts, packed within the limits, with "and N more"', () => {
    const contacts = Array.from({ length: 400 }, (_, i) => ({
      no: `CT${String(i).padStart(5, '0')}`,
      name: `Contact ${i} ${'x'.repeat(60)}`,
      type: i % 2 ? ('person' as const) : ('company' as const),
      companyNo: null,
      companyName: i % 2 ? 'Acme & Co' : null,
      customerNo: i % 2 ? null : `CU${i}`,
    }));
    const message = contactList(enUS, contacts, { total: 450 });
    expectWithinLimits(message.blocks, 'message');
    expect(textLength(message.blocks)).toBeLessThanOrEqual(12_000);
    const shown =
      strings(message.blocks)
        .map((s) => s.text)
        .join('\n')
        .match(/\*CT\d+\*/g)?.length ?? 0;
    expect(shown).toBeGreaterThan(50);
    expectCleanText(message);
    const text = strings(message.blocks)
      .map((s) => s.text)
      .join('\n');
    expect(text).toContain('*CT00000* Contact 0');
    expect(text).toContain('Person · Acme &amp; Co');
    expect(text).toContain('customer CU0');
    expect(text).toContain(`and ${450 - shown} more`);
  });
});

describe('setup lists for an admin: an Edit button per row, within the limits', () => {
  it('cycles and close codes: one section per row, the button its accessory, valued with the code', () => {
    const cycles = salesCycleList(
      enUS,
      [{ code: 'FIRM', description: 'Firm sales', probabilityCalculation: 'multiply', blocked: false, stageCount: 5 }],
      { editable: true },
    );
    expectWithinLimits(cycles.blocks, 'message');
    expect(cycles.blocks[1]).toMatchObject({
      type: 'section',
      accessory: { type: 'button', action_id: ACTION_IDS.editSalesCycle, value: 'FIRM', text: { text: 'Edit' } },
    });
    const codes = closeCodeList(enUS, [{ code: 'WIN', description: 'Best', type: 'won', entryCount: 0 }], {
      editable: true,
    });
    expect(codes.blocks[1]).toMatchObject({ accessory: { action_id: ACTION_IDS.editCloseCode, value: 'WIN' } });
    // Without the right, the same list has no button.
    expect(
      JSON.stringify(closeCodeList(enUS, [{ code: 'WIN', description: '', type: 'won', entryCount: 0 }])),
    ).not.toContain(ACTION_IDS.editCloseCode);
  });

  it('400 contacts: at most 50 blocks, one Edit button per row shown, the rest counted', () => {
    const contacts = Array.from({ length: 400 }, (_, i) => ({
      no: `CT${String(i).padStart(5, '0')}`,
      name: `Contact ${i} ${'x'.repeat(200)}`,
      type: 'company' as const,
      companyNo: null,
      companyName: null,
      customerNo: null,
    }));
    const message = contactList(enUS, contacts, { total: 450, editable: true });
    expectWithinLimits(message.blocks, 'message');
    expect(textLength(message.blocks)).toBeLessThanOrEqual(12_000);
    const rows = message.blocks.filter((b) => b.type === 'section');
    expect(rows.every((b) => b.type === 'section' && b.accessory?.type === 'button')).toBe(true);
    expect(JSON.stringify(message.blocks.at(-1))).toContain(`and ${450 - rows.length} more`);
  });

  it('60 stages: the table, then Edit buttons 25 to a block for the stages shown, within 50 blocks', () => {
    const stages = Array.from({ length: 60 }, (_, i) =>
      stage(i + 1, { description: `Stage ${i + 1} ${'y'.repeat(20)}` }),
    );
    const message = stageTable(
      enUS,
      { code: 'FIRM', description: '', probabilityCalculation: 'add', blocked: false, stages },
      { editable: true },
    );
    expectWithinLimits(message.blocks, 'message');
    const buttons = message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
    expect(buttons).toHaveLength(60);
    expect(buttons[0]).toMatchObject({
      action_id: `${ACTION_IDS.editStage}_1`,
      value: 'FIRM 1',
      text: { text: 'Edit stage 1' },
    });
    expect(buttons[25]).toMatchObject({ action_id: `${ACTION_IDS.editStage}_1`, value: 'FIRM 26' });
    expect(message.blocks.filter((b) => b.type === 'actions').map((b) => b.block_id)).toEqual([
      `${BLOCK_IDS.setupLists.stageEdits}_1`,
      `${BLOCK_IDS.setupLists.stageEdits}_2`,
      `${BLOCK_IDS.setupLists.stageEdits}_3`,
    ]);
  });
});
