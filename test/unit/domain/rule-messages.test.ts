import { describe, expect, it } from 'vitest';
import { describeRuleProblem, formatPercent } from '../../../src/i18n/en/rules.ts';
import { n } from './fixtures.ts';
import { RULE_PROBLEM_SAMPLES as samples } from '../../support/problem-samples.ts';
import { enUS } from '../../support/presenter.ts';
import { presenterFor } from '../../../src/i18n/presenter.ts';

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
