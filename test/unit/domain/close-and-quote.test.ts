import { describe, expect, it } from 'vitest';
import { planClose, planLostOnOrderDeletion, proposeClose, type CloseInput } from '../../../src/domain/close.ts';
import type { Contact } from '../../../src/domain/contact.ts';
import {
  checkCanCreateQuote,
  lineAmount,
  quoteTotal,
  validateQuoteLines,
  QUOTE_MAX_LINES,
} from '../../../src/domain/quote.ts';
import { activeAt, d, n, problemOf } from './fixtures.ts';

const wonCode = { code: 'WON', description: '', type: 'won' as const };
const lostCode = { code: 'LOST', description: '', type: 'lost' as const };

function closeInput(overrides: Partial<CloseInput> = {}): CloseInput {
  return {
    opportunity: { no: 'OP1', status: 'in_progress' },
    active: activeAt(2, { dateOfChange: d('2026-03-01') }),
    outcome: 'won',
    closeCode: wonCode,
    linkedQuote: null,
    salesAmount: n(8000),
    today: d('2026-03-10'),
    ...overrides,
  };
}

describe('closing (§8)', () => {
  it('writes a Won entry without stage, dated the closing date, with Days Open of the previous', () => {
    const plan = planClose(closeInput());
    expect(plan.entry).toMatchObject({
      stage: null,
      stageDescription: '',
      previousStage: 2,
      actionTaken: 'won',
      dateOfChange: '2026-03-10',
      estimatedCloseDate: '2026-03-10',
      dateClosed: '2026-03-10',
      closeCode: 'WON',
    });
    expect(plan.entry.calcdCurrentValue.toString()).toBe('8000');
    expect(plan.daysOpenOfPrevious).toBe(9);
    expect([plan.newStatus, plan.dateClosed]).toEqual(['won', '2026-03-10']);
  });

  it('validates outcome, then close code, then closing date, then sales', () => {
    expect(problemOf(() => planClose(closeInput({ outcome: null, closeCode: null })))).toEqual({
      kind: 'required',
      field: 'outcome',
    });
    expect(problemOf(() => planClose(closeInput({ closeCode: null, salesAmount: n(0) })))).toEqual({
      kind: 'required',
      field: 'close-code',
    });
    expect(problemOf(() => planClose(closeInput({ closeCode: lostCode })))).toEqual({
      kind: 'close-code-wrong-type',
      code: 'LOST',
      codeType: 'lost',
      outcome: 'won',
    });
    expect(problemOf(() => planClose(closeInput({ closingDate: d('2026-02-27'), salesAmount: n(0) })))).toEqual({
      kind: 'closing-date-before-last-change',
      closingDate: '2026-02-27',
      lastChange: '2026-03-01',
    });
  });

  it('a closing date equal to the last change is fine (Days Open 0); an earlier one than today too', () => {
    expect(planClose(closeInput({ closingDate: d('2026-03-01') })).daysOpenOfPrevious).toBe(0);
  });

  it('a never-started opportunity cannot be closed before its creation date', () => {
    const notStarted = { no: 'OP1', status: 'not_started' as const, creationDate: d('2026-03-05') };
    expect(
      problemOf(() => planClose(closeInput({ opportunity: notStarted, active: null, closingDate: d('2026-03-04') })))
        .kind,
    ).toBe('closing-date-before-last-change');
    const plan = planClose(closeInput({ opportunity: notStarted, active: null }));
    expect(plan.entry.estimatedValue.toString()).toBe('0');
    expect(plan.entry.dateOfChange).toBe('2026-03-10');
  });

  it('refuses closed opportunities', () => {
    expect(problemOf(() => planClose(closeInput({ opportunity: { no: 'OP1', status: 'lost' } })))).toEqual({
      kind: 'opportunity-closed',
      opportunityNo: 'OP1',
      status: 'lost',
    });
  });

  it('proposes the later of last change and today, cancel old tasks on, the quote amount and the only code', () => {
    const proposal = proposeClose({
      active: activeAt(2, { dateOfChange: d('2026-04-01') }),
      linkedQuote: { amount: n(1234) },
      outcome: 'won',
      codes: [wonCode, lostCode],
      today: d('2026-03-10'),
    });
    expect(proposal.closingDate).toBe('2026-04-01');
    expect(proposal.cancelOldTasks).toBe(true);
    expect(proposal.salesAmount?.toString()).toBe('1234');
    expect(proposal.closeCode?.code).toBe('WON');
  });

  it('deleting the order of a Won opportunity writes a Lost entry that keeps the estimate (§10.3)', () => {
    const plan = planLostOnOrderDeletion({
      opportunity: { no: 'OP1', status: 'won' },
      active: activeAt(2, { stage: null, estimatedValue: n(700), dateOfChange: d('2026-03-01') }),
      today: d('2026-03-10'),
    });
    expect(plan.entry).toMatchObject({
      actionTaken: 'lost',
      closeCode: null,
      dateOfChange: '2026-03-10',
      dateClosed: '2026-03-10',
    });
    expect(plan.entry.estimatedValue.toString()).toBe('700');
    expect(plan.newStatus).toBe('lost');
  });
});

describe('quotes (§10)', () => {
  it('line amount = quantity × price × (1 − discount/100), rounded to cents', () => {
    expect(lineAmount(n(3), n('19.99'), n(10)).toString()).toBe('53.97');
    expect(lineAmount(n('0.3333'), n(10)).toString()).toBe('3.33');
    expect(lineAmount(n(1), n('0.005')).toString()).toBe('0.01');
  });

  it('validates lines and totals the rounded amounts', () => {
    const lines = validateQuoteLines([
      { description: ' Licence ', quantity: n(2), unitPrice: n(100), discountPct: n(5) },
      { description: 'Setup', quantity: n(1), unitPrice: n(0) },
    ]);
    expect(lines.map((l) => [l.lineNo, l.description, l.amount.toString()])).toEqual([
      [1, 'Licence', '190'],
      [2, 'Setup', '0'],
    ]);
    expect(quoteTotal(lines).toString()).toBe('190');
  });

  it.each([
    ['description', { description: '', quantity: n(1), unitPrice: n(1) }],
    ['description', { description: 'x'.repeat(101), quantity: n(1), unitPrice: n(1) }],
    ['quantity', { description: 'a', quantity: n(0), unitPrice: n(1) }],
    ['quantity', { description: 'a', quantity: n('0.00001'), unitPrice: n(1) }],
    ['unit-price', { description: 'a', quantity: n(1), unitPrice: n(-1) }],
    ['discount', { description: 'a', quantity: n(1), unitPrice: n(1), discountPct: n(101) }],
  ] as const)('rejects a bad %s', (field, line) => {
    expect(problemOf(() => validateQuoteLines([{ description: 'ok', quantity: n(1), unitPrice: n(1) }, line]))).toEqual(
      {
        kind: 'quote-line-invalid',
        line: 2,
        field,
      },
    );
  });

  it('needs 1 to 100 lines', () => {
    expect(problemOf(() => validateQuoteLines([]))).toEqual({ kind: 'quote-has-no-lines' });
    const many = Array.from({ length: QUOTE_MAX_LINES + 1 }, () => ({
      description: 'a',
      quantity: n(1),
      unitPrice: n(1),
    }));
    expect(problemOf(() => validateQuoteLines(many))).toEqual({ kind: 'quote-too-many-lines', max: 100, count: 101 });
  });

  describe('creating a quote (§10.1)', () => {
    const company: Contact = { no: 'CT1', name: 'Acme', type: 'company', companyNo: null };
    const person: Contact = { no: 'CT2', name: 'Ann', type: 'person', companyNo: 'CT1' };
    const loner: Contact = { no: 'CT3', name: 'Bob', type: 'person', companyNo: null };
    const base = { opportunityNo: 'OP1', status: 'in_progress' as const, hasQuote: false };

    it('uses the company as the customer contact', () => {
      expect(checkCanCreateQuote({ ...base, contact: company })).toEqual({ customerContactNo: 'CT1' });
      expect(checkCanCreateQuote({ ...base, contact: person })).toEqual({ customerContactNo: 'CT1' });
    });

    it('one quote per opportunity, In Progress only, then the company rule (deliberate tightening)', () => {
      expect(
        problemOf(() => checkCanCreateQuote({ ...base, contact: loner, hasQuote: true, status: 'won' })).kind,
      ).toBe('quote-already-exists');
      expect(problemOf(() => checkCanCreateQuote({ ...base, contact: loner, status: 'not_started' }))).toEqual({
        kind: 'quote-needs-in-progress',
        opportunityNo: 'OP1',
        status: 'not_started',
      });
      expect(problemOf(() => checkCanCreateQuote({ ...base, contact: loner }))).toEqual({
        kind: 'quote-needs-company-contact',
        contactNo: 'CT3',
        name: 'Bob',
      });
    });
  });
});
