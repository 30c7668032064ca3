import { describe, expect, it } from 'vitest';
import type { Problem, ProblemKind } from '../../../src/domain/problems.ts';
import { describeRuleProblem, formatPercent } from '../../../src/i18n/en/rules.ts';
import { d, n } from './fixtures.ts';
import { enUS } from '../../support/presenter.ts';
import { presenterFor } from '../../../src/i18n/presenter.ts';

// One sample per kind; the mapped type makes a new kind without a sample a compile error.
const samples: { [K in ProblemKind]: Extract<Problem, { kind: K }> } = {
  'action-not-available': { kind: 'action-not-available', action: 'next', opportunityNo: 'OP0001' },
  'no-stages': { kind: 'no-stages', cycle: 'STD' },
  'stage-not-allowed': { kind: 'stage-not-allowed', action: 'skip', stage: 5, allowed: [2, 3, 4] },
  'quote-required': { kind: 'quote-required', stage: 3, stageDescription: 'Proposal' },
  'date-of-change-before-last': {
    kind: 'date-of-change-before-last',
    dateOfChange: d('2026-11-01'),
    lastDateOfChange: d('2026-11-03'),
  },
  'must-be-positive': { kind: 'must-be-positive', field: 'sales-amount' },
  'percent-out-of-range': { kind: 'percent-out-of-range', field: 'chances', value: n('120.50') },
  'completed-not-whole': { kind: 'completed-not-whole', value: n('12.5') },
  'close-date-before-change': {
    kind: 'close-date-before-change',
    estimatedCloseDate: d('2026-11-01'),
    dateOfChange: d('2026-11-03'),
  },
  'close-date-before-today': {
    kind: 'close-date-before-today',
    estimatedCloseDate: d('2026-11-01'),
    today: d('2026-11-03'),
  },
  'opportunity-closed': { kind: 'opportunity-closed', opportunityNo: 'OP0001', status: 'won' },
  'already-started': { kind: 'already-started', opportunityNo: 'OP0001' },
  'sales-cycle-locked': { kind: 'sales-cycle-locked', opportunityNo: 'OP0001' },
  'sales-cycle-blocked': { kind: 'sales-cycle-blocked', code: 'OLD' },
  required: { kind: 'required', field: 'contact' },
  'too-long': { kind: 'too-long', field: 'description', max: 100 },
  'code-invalid': { kind: 'code-invalid', entity: 'close-code', code: 'TOO LONG CODE', max: 10 },
  'stage-number-invalid': { kind: 'stage-number-invalid', value: 0 },
  'bad-date-formula': { kind: 'bad-date-formula', text: '2X' },
  'close-code-wrong-type': { kind: 'close-code-wrong-type', code: 'PRICE', codeType: 'lost', outcome: 'won' },
  'closing-date-before-last-change': {
    kind: 'closing-date-before-last-change',
    closingDate: d('2026-11-01'),
    lastChange: d('2026-11-03'),
  },
  'contact-has-no-company': { kind: 'contact-has-no-company', contactNo: 'CT3', name: 'Bob' },
  'contact-other-company': { kind: 'contact-other-company', contactNo: 'CT9', name: 'Zed' },
  'contact-company-not-company': { kind: 'contact-company-not-company', companyNo: 'CT2' },
  'company-cannot-have-company': { kind: 'company-cannot-have-company', name: 'Acme' },
  'quote-already-exists': { kind: 'quote-already-exists', opportunityNo: 'OP0001' },
  'quote-needs-in-progress': { kind: 'quote-needs-in-progress', opportunityNo: 'OP0001', status: 'not_started' },
  'quote-needs-company-contact': { kind: 'quote-needs-company-contact', contactNo: 'CT3', name: 'Bob' },
  'quote-line-invalid': { kind: 'quote-line-invalid', line: 2, field: 'quantity' },
  'quote-too-many-lines': { kind: 'quote-too-many-lines', max: 100, count: 101 },
  'make-order-not-started': { kind: 'make-order-not-started', opportunityNo: 'OP0001' },
  'delete-in-progress': { kind: 'delete-in-progress', opportunityNo: 'OP0001' },
  'purge-range-empty': { kind: 'purge-range-empty', closedAfter: d('2026-01-01'), closedBefore: d('2026-01-02') },
  'opportunity-not-found': { kind: 'opportunity-not-found', no: 'OP9999' },
  'sales-cycle-not-found': { kind: 'sales-cycle-not-found', code: 'NOPE' },
  'stage-not-found': { kind: 'stage-not-found', cycle: 'STD', stage: 7 },
  'close-code-not-found': { kind: 'close-code-not-found', code: 'NOPE' },
  'contact-not-found': { kind: 'contact-not-found', text: 'acme' },
  'contact-ambiguous': {
    kind: 'contact-ambiguous',
    text: 'an',
    candidates: ['Ann (CT2)', 'Andy (CT5)', 'Anna (CT6)', 'Dan (CT7)', 'Jan (CT8)', 'Ian (CT9)'],
  },
  'salesperson-not-found': { kind: 'salesperson-not-found', text: 'sam' },
  'salesperson-blocked': { kind: 'salesperson-blocked', name: 'Sam' },
  'customer-not-found': { kind: 'customer-not-found', text: 'acme' },
  duplicate: { kind: 'duplicate', entity: 'sales-cycle', key: 'STD' },
  'changed-meanwhile': { kind: 'changed-meanwhile', opportunityNo: 'OP0001' },
  'sales-cycle-in-use': { kind: 'sales-cycle-in-use', code: 'STD', openCount: 1 },
  'sales-cycle-referenced': { kind: 'sales-cycle-referenced', code: 'STD', count: 2 },
  'stage-in-use': { kind: 'stage-in-use', cycle: 'STD', stage: 2 },
  'close-code-in-use': { kind: 'close-code-in-use', code: 'WON', entryCount: 3 },
  'quote-not-found': { kind: 'quote-not-found', opportunityNo: 'OP0001' },
  'quote-has-no-lines': { kind: 'quote-has-no-lines' },
  'workspace-not-set-up': { kind: 'workspace-not-set-up' },
  'nothing-to-purge': { kind: 'nothing-to-purge' },
  'nothing-edited': { kind: 'nothing-edited', opportunityNo: 'OP00001' },
  'nothing-found': { kind: 'nothing-found', text: 'fleet' },
  'activity-not-found': { kind: 'activity-not-found', code: 'DEMO' },
  'not-allowed': { kind: 'not-allowed', action: 'change-opportunity', role: 'manager', opportunityNo: 'OP0001' },
  'last-admin': { kind: 'last-admin', slackUserId: 'U0ANN' },
};

describe('describeRuleProblem', () => {
  it.each(Object.values(samples).map((p) => [p.kind, p] as const))(
    '%s reads as one clean sentence',
    (_kind, problem) => {
      const text = describeRuleProblem(problem, enUS.format);
      expect(text.length).toBeGreaterThan(10);
      expect(text).not.toMatch(/undefined|null|NaN|\[object Object\]/);
      expect(text).toMatch(/[.]$/);
    },
  );

  it('states the deliberate tightenings plainly', () => {
    expect(describeRuleProblem(samples['quote-needs-company-contact'], enUS.format)).toContain(
      'Quotes can only be made for company contacts (or persons who belong to a company)',
    );
    expect(describeRuleProblem(samples['closing-date-before-last-change'], enUS.format)).toBe(
      "The closing date (Nov 1, 2026) can't be earlier than the last change (Nov 3, 2026).",
    );
  });

  it('formats percents trimmed and lists long candidate lists briefly', () => {
    expect(describeRuleProblem(samples['percent-out-of-range'], enUS.format)).toContain('120.5)');
    expect(describeRuleProblem(samples['contact-ambiguous'], enUS.format)).toContain('and 1 more');
    expect(
      describeRuleProblem(
        { kind: 'stage-not-allowed', action: 'jump', stage: Number.NaN, allowed: [1, 2] },
        enUS.format,
      ),
    ).toBe('Choose a stage for Jump: one of 1, 2.');
  });

  it('says which role a refused action needs', () => {
    expect(
      describeRuleProblem({ kind: 'not-allowed', action: 'set-up-sales-cycles', role: 'admin' }, enUS.format),
    ).toBe('Only admins can set up sales cycles; ask an admin (see /opp roles).');
    expect(describeRuleProblem(samples['not-allowed'], enUS.format)).toBe(
      'Only managers and admins can change opportunity OP0001, because someone else is its salesperson; ask an admin (see /opp roles).',
    );
  });

  it("formats dates with the reader's formatter, and percents as they were entered", () => {
    expect(describeRuleProblem(samples['close-date-before-today'], enUS.format)).toContain('(Nov 1, 2026)');
    expect(describeRuleProblem(samples['close-date-before-today'], presenterFor('de-DE').format)).toContain(
      '(01.11.2026)',
    );
    expect(formatPercent(n('40.00'))).toBe('40');
    expect(formatPercent(n('12.50'))).toBe('12.5');
    expect(formatPercent(n('1e21'))).toBe('1000000000000000000000');
  });
});
