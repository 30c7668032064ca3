// Contacts, deletion guards, purge filters and statistics helpers.
import { describe, expect, it } from 'vitest';
import { checkContactChange, contactCompanyNo, validateContact, type Contact } from '../../../src/domain/contact.ts';
import {
  checkCanDeleteCloseCode,
  checkCanDeleteSalesCycle,
  checkCanDeleteStage,
  matchesPurgeFilter,
  validatePurgeFilter,
  type PurgeCandidate,
} from '../../../src/domain/deletion.ts';
import {
  computeCycleAnalysis,
  computeSalesCycleStatistics,
  opportunityStatistics,
  type StatsEntry,
} from '../../../src/domain/statistics.ts';
import { activeAt, cycle, d, n, problemOf, stage } from './fixtures.ts';

describe('contacts', () => {
  const company: Contact = { no: 'CT1', name: 'Acme', type: 'company', companyNo: null };
  const person: Contact = { no: 'CT2', name: 'Ann', type: 'person', companyNo: 'CT1' };

  it('validates name and company link', () => {
    expect(validateContact({ name: ' Ann ', type: 'person', company })).toEqual({
      name: 'Ann',
      type: 'person',
      companyNo: 'CT1',
    });
    expect(problemOf(() => validateContact({ name: '', type: 'company' }))).toEqual({
      kind: 'required',
      field: 'name',
    });
    expect(problemOf(() => validateContact({ name: 'x'.repeat(101), type: 'company' }))).toEqual({
      kind: 'too-long',
      field: 'name',
      max: 100,
    });
    expect(problemOf(() => validateContact({ name: 'Bob', type: 'person', company: person }))).toEqual({
      kind: 'contact-company-not-company',
      companyNo: 'CT2',
    });
    expect(problemOf(() => validateContact({ name: 'Sub', type: 'company', company }))).toEqual({
      kind: 'company-cannot-have-company',
      name: 'Sub',
    });
  });

  it('a company is its own contact company', () => {
    expect(contactCompanyNo(company)).toBe('CT1');
    expect(contactCompanyNo(person)).toBe('CT1');
  });

  it('the contact of a closed opportunity cannot change', () => {
    expect(
      problemOf(() =>
        checkContactChange({ opportunityNo: 'OP1', status: 'won', oldContact: person, newContact: company }),
      ).kind,
    ).toBe('opportunity-closed');
    expect(
      checkContactChange({ opportunityNo: 'OP1', status: 'in_progress', oldContact: person, newContact: company }),
    ).toEqual({
      contactCompanyNo: 'CT1',
    });
  });
});

describe('deletion guards', () => {
  it('refuse setup data that is in use', () => {
    expect(() => checkCanDeleteSalesCycle({ code: 'STD', openCount: 0 })).not.toThrow();
    expect(problemOf(() => checkCanDeleteSalesCycle({ code: 'STD', openCount: 2 }))).toEqual({
      kind: 'sales-cycle-in-use',
      code: 'STD',
      openCount: 2,
    });
    expect(problemOf(() => checkCanDeleteStage({ cycle: 'STD', stage: 3, activeCount: 1 }))).toEqual({
      kind: 'stage-in-use',
      cycle: 'STD',
      stage: 3,
    });
    expect(problemOf(() => checkCanDeleteCloseCode({ code: 'WON', entryCount: 4 }))).toEqual({
      kind: 'close-code-in-use',
      code: 'WON',
      entryCount: 4,
    });
  });
});

describe('purge filter (§11.2)', () => {
  const won: PurgeCandidate = {
    status: 'won',
    dateClosed: d('2026-02-10'),
    salespersonCode: 'SAM',
    contactNo: 'CT1',
    salesCycleCode: 'STD',
  };

  it('exclusive closing-date bounds, status and field filters', () => {
    expect(matchesPurgeFilter(won, validatePurgeFilter({ closedBefore: d('2026-02-11') }))).toBe(true);
    expect(matchesPurgeFilter(won, validatePurgeFilter({ closedBefore: d('2026-02-10') }))).toBe(false);
    expect(matchesPurgeFilter(won, validatePurgeFilter({ closedAfter: d('2026-02-10') }))).toBe(false);
    expect(matchesPurgeFilter(won, validatePurgeFilter({ status: 'lost' }))).toBe(false);
    expect(matchesPurgeFilter({ ...won, status: 'lost' }, validatePurgeFilter({ status: 'lost' }))).toBe(true);
    expect(matchesPurgeFilter(won, validatePurgeFilter({ salespersonCode: 'ANN' }))).toBe(false);
    expect(
      matchesPurgeFilter(won, validatePurgeFilter({ salespersonCode: ' ', contactNo: 'CT1', salesCycleCode: 'STD' })),
    ).toBe(true);
  });

  it('rejects a range with no day inside', () => {
    expect(
      problemOf(() => validatePurgeFilter({ closedAfter: d('2026-02-10'), closedBefore: d('2026-02-11') })),
    ).toEqual({
      kind: 'purge-range-empty',
      closedAfter: '2026-02-10',
      closedBefore: '2026-02-11',
    });
    expect(validatePurgeFilter({ closedAfter: d('2026-02-10'), closedBefore: d('2026-02-12') }).statuses).toEqual([
      'won',
      'lost',
    ]);
  });
});

describe('statistics helpers (§12)', () => {
  it('opportunity statistics read the active entry; zeros before the start', () => {
    expect(opportunityStatistics(activeAt(3), 7)).toMatchObject({ noOfInteractions: 7, currentStage: 3 });
    const none = opportunityStatistics(null, 0);
    expect([none.currentStage, none.estimatedValue.toString()]).toEqual([null, '0']);
  });

  it('the date filter applies to the estimated close date, both ends inclusive; other cycles are ignored', () => {
    const entry = (date: string, value: number): StatsEntry => ({
      stage: 1,
      active: true,
      actionTaken: 'none',
      estimatedValue: n(value),
      calcdCurrentValue: n(0),
      daysOpen: 0,
      estimatedCloseDate: d(date),
    });
    const opportunities = [
      { salesCycleCode: 'STD', entries: [entry('2026-01-31', 1)] },
      { salesCycleCode: 'STD', entries: [entry('2026-02-01', 10)] },
      { salesCycleCode: 'STD', entries: [entry('2026-02-28', 100)] },
      { salesCycleCode: 'OTHER', entries: [entry('2026-02-15', 1000)] },
    ];
    const stats = computeSalesCycleStatistics('STD', opportunities, { from: d('2026-02-01'), to: d('2026-02-28') });
    expect([stats.noOfOpportunities, stats.estimatedValue.toString()]).toEqual([2, '110']);
  });

  it('a stage that nothing has left yet averages 0 days', () => {
    const analysis = computeCycleAnalysis({ ...cycle([stage(1)]), code: 'A' }, []);
    expect(analysis.lines[0]?.averageDays.toString()).toBe('0');
  });
});
