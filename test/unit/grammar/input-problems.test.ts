import { describe, expect, it } from 'vitest';
import { describeInputProblem } from '../../../src/i18n/en/input.ts';
import { INPUT_PROBLEM_CASES as CASES } from '../../support/input-problem-cases.ts';
import { problemOf } from './helpers.ts';
import { enUS } from '../../support/presenter.ts';

const rows = Object.entries(CASES).flatMap(([kind, cases]) => cases.map((c) => [kind, c.text, c] as const));

describe('every InputProblem kind has an input that produces it and a precise sentence', () => {
  it.each(rows)('%s: %s', (kind, text, c) => {
    const problem = problemOf(text, c.ctx);
    expect(problem).toMatchObject({ kind, ...c.problem });
    const sentence = describeInputProblem(problem, enUS.format);
    expect(sentence.length).toBeGreaterThan(20);
    expect(sentence).not.toMatch(/undefined|\[object Object\]|NaN/);
    expect(sentence).toMatch(/\/opp help/);
    for (const mention of c.mentions) expect(sentence).toContain(mention);
  });
});

describe('sentences are safe to post', () => {
  it('backticks and Slack control characters in user text are neutralised', () => {
    const sentence = describeInputProblem({ kind: 'bad-opportunity-no', text: 'a`b<@U1>&c' }, enUS.format);
    expect(sentence).toContain("`a'b&lt;@U1&gt;&amp;c`");
  });
  it('long typed text is shortened', () => {
    const problem = problemOf(`show OP${'1'.repeat(300)}`);
    expect(problem.kind).toBe('bad-opportunity-no');
    expect(describeInputProblem(problem, enUS.format).length).toBeLessThan(200);
  });
});
