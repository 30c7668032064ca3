import { describe, expect, it } from 'vitest';
import { type OfferInput, offersFor } from '../../../src/domain/offers.ts';
import type { Role } from '../../../src/domain/permissions.ts';
import { n, stage } from './fixtures.ts';

const stages = [stage(1), stage(2), stage(3)];

function input(overrides: Partial<OfferInput>): OfferInput {
  return { status: 'in_progress', stages, currentStage: 2, hasQuote: false, estimatedValue: n(1000), ...overrides };
}

describe('what an opportunity offers its reader', () => {
  const table: [string, Partial<OfferInput>, string[]][] = [
    [
      'not started',
      { status: 'not_started', currentStage: null, estimatedValue: null },
      ['activate', 'close', 'edit', 'note', 'delete'],
    ],
    [
      'not started, cycle without stages',
      { status: 'not_started', stages: [], currentStage: null, estimatedValue: null },
      ['close', 'edit', 'note', 'delete'],
    ],
    ['in progress, middle stage', {}, ['next', 'update', 'close', 'createQuote', 'edit', 'note']],
    ['in progress, last stage', { currentStage: 3 }, ['update', 'close', 'createQuote', 'edit', 'note']],
    // Next keeps the estimated value, which must be greater than 0: after activation the estimates come first.
    ['in progress, value 0', { estimatedValue: n(0) }, ['update', 'close', 'createQuote', 'edit', 'note']],
    [
      'in progress, value 0 but a quote',
      { estimatedValue: n(0), hasQuote: true },
      ['next', 'update', 'close', 'makeOrder', 'viewQuote', 'edit', 'note'],
    ],
    [
      'won with a quote',
      { status: 'won', currentStage: null, hasQuote: true },
      ['makeOrder', 'viewQuote', 'edit', 'note', 'delete'],
    ],
    ['won, order made', { status: 'won', currentStage: null }, ['edit', 'note', 'delete']],
    ['lost', { status: 'lost', currentStage: null }, ['edit', 'note', 'delete']],
  ];
  it.each(table)('%s', (_name, overrides, expected) => {
    expect(offersFor(input(overrides))).toEqual(expected);
  });

  it('never Delete while In Progress, never Create quote with a quote', () => {
    for (const status of ['not_started', 'in_progress', 'won', 'lost'] as const) {
      const offers = offersFor(input({ status, hasQuote: true }));
      expect(offers.includes('delete')).toBe(status !== 'in_progress');
      expect(offers).not.toContain('createQuote');
    }
  });

  it('nothing to a reader who may not change it; everything to one who may', () => {
    const cases: [Role, boolean, number][] = [
      ['rep', false, 0],
      ['rep', true, 6],
      ['manager', false, 6],
      ['admin', false, 6],
    ];
    for (const [role, isOwner, count] of cases)
      expect(offersFor(input({ reader: { role, isOwner } })), `${role} owner:${isOwner}`).toHaveLength(count);
    // A message the whole channel sees offers everything; each click is checked for whoever makes it.
    expect(offersFor(input({}))).toHaveLength(6);
    // Viewing the linked quote only reads: offered to every reader of the card.
    expect(offersFor(input({ hasQuote: true, reader: { role: 'rep', isOwner: false } }))).toEqual(['viewQuote']);
  });
});
