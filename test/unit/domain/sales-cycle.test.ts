import { describe, expect, it } from 'vitest';
import { defaultCloseCode, validateCloseCode, checkCloseCode } from '../../../src/domain/close-code.ts';
import {
  checkCycleAssignable,
  checkStageNumberFree,
  firstStage,
  jumpTargets,
  nextStage,
  previousStage,
  validateSalesCycle,
  validateStage,
} from '../../../src/domain/sales-cycle.ts';
import { n, problemOf, stage } from './fixtures.ts';

describe('stage ordering', () => {
  const stages = [stage(30), stage(5), stage(12)];

  it('finds first, next and previous existing numbers in unsorted input', () => {
    expect(firstStage(stages)?.stage).toBe(5);
    expect(nextStage(stages, 5)?.stage).toBe(12);
    expect(nextStage(stages, 30)).toBeUndefined();
    expect(previousStage(stages, 30)?.stage).toBe(12);
    expect(previousStage(stages, 5)).toBeUndefined();
    expect(firstStage([])).toBeUndefined();
  });

  it('jump list = all lower stages in order', () => {
    expect(jumpTargets(stages, 30).map((s) => s.stage)).toEqual([5, 12]);
  });
});

describe('sales cycle validation', () => {
  it('normalises the code and defaults the method to Multiply', () => {
    expect(validateSalesCycle({ code: ' std ' })).toEqual({
      code: 'STD',
      description: '',
      probabilityCalculation: 'multiply',
      blocked: false,
    });
  });

  it.each(['', '   ', 'ELEVENCHARS', 'A B'])('rejects code %j', (code) => {
    expect(problemOf(() => validateSalesCycle({ code })).kind).toBe('code-invalid');
  });

  it('limits the description to 100 characters', () => {
    expect(problemOf(() => validateSalesCycle({ code: 'X', description: 'x'.repeat(101) }))).toEqual({
      kind: 'too-long',
      field: 'description',
      max: 100,
    });
  });

  it('refuses to assign a blocked cycle', () => {
    expect(
      problemOf(() =>
        checkCycleAssignable({ code: 'OLD', description: '', probabilityCalculation: 'add', blocked: true }),
      ),
    ).toEqual({
      kind: 'sales-cycle-blocked',
      code: 'OLD',
    });
  });
});

describe('stage validation', () => {
  const valid = { stage: 10, completedPct: n(40), chancesPct: n(12.5) };

  it('normalises the date formula and activity code', () => {
    const s = validateStage({ ...valid, dateFormula: ' 1m+cm ', activityCode: ' call ' });
    expect([s.dateFormula, s.activityCode, s.allowSkip, s.quoteRequired]).toEqual(['1M+CM', 'CALL', false, false]);
    expect(validateStage({ ...valid, activityCode: '  ' }).activityCode).toBeNull();
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects stage number %s', (value) => {
    expect(problemOf(() => validateStage({ ...valid, stage: value }))).toEqual({ kind: 'stage-number-invalid', value });
  });

  it('requires whole completed % within 0–100 and chances within 0–100', () => {
    expect(problemOf(() => validateStage({ ...valid, completedPct: n(40.5) })).kind).toBe('completed-not-whole');
    expect(problemOf(() => validateStage({ ...valid, completedPct: n(101) })).kind).toBe('percent-out-of-range');
    expect(problemOf(() => validateStage({ ...valid, chancesPct: n(-1) })).kind).toBe('percent-out-of-range');
    expect(problemOf(() => validateStage({ ...valid, chancesPct: n('10.001') })).kind).toBe('percent-out-of-range');
  });

  it('rejects an invalid date formula', () => {
    expect(problemOf(() => validateStage({ ...valid, dateFormula: '2X' }))).toEqual({
      kind: 'bad-date-formula',
      text: '2X',
    });
  });

  it('refuses a stage number that exists already', () => {
    expect(problemOf(() => checkStageNumberFree('STD', [stage(10)], 10))).toEqual({
      kind: 'duplicate',
      entity: 'stage',
      key: 'STD 10',
    });
  });
});

describe('close codes', () => {
  const codes = [
    validateCloseCode({ code: 'won1', type: 'won' }),
    validateCloseCode({ code: 'lost1', type: 'lost' }),
    validateCloseCode({ code: 'lost2', type: 'lost' }),
  ];

  it('pre-fills the only code of a type, nothing when there are several', () => {
    expect(defaultCloseCode(codes, 'won')?.code).toBe('WON1');
    expect(defaultCloseCode(codes, 'lost')).toBeNull();
  });

  it('requires a code of the matching type', () => {
    expect(problemOf(() => checkCloseCode(null, 'won'))).toEqual({ kind: 'required', field: 'close-code' });
    expect(problemOf(() => checkCloseCode(codes[1], 'won'))).toEqual({
      kind: 'close-code-wrong-type',
      code: 'LOST1',
      codeType: 'lost',
      outcome: 'won',
    });
  });
});
