// dropMalformedViewState: modal state of a shape Slack never sends is dropped before the readers run,
// so they answer "required" under the field instead of throwing before the ack.
import { describe, expect, it } from 'vitest';
import { readCloseOpportunity, readCreateQuote, readUpdateOpportunity } from '../../../src/slack/blocks/index.ts';
import type { ViewStateValues } from '../../../src/slack/blocks/state.ts';
import { BLOCK_IDS, quoteLineBlockId } from '../../../src/slack/ids.ts';
import { dropMalformedViewState } from '../../../src/slack/middleware/view-state.ts';
import { enUS } from '../../support/presenter.ts';

function body(values: unknown): { view: { state: { values: unknown } } } {
  return { view: { state: { values } } };
}

describe('dropMalformedViewState', () => {
  it('keeps well-formed state exactly as it is', () => {
    const values = {
      a: { a: { type: 'plain_text_input', value: 'Fleet' } },
      b: { b: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Won' }, value: 'won' } } },
      c: { c: { type: 'checkboxes', selected_options: [{ value: 'cancel_tasks' }] } },
      d: { d: { type: 'datepicker', selected_date: null } },
      e: { e: { type: 'users_select', selected_user: 'U1' } },
      f: { f: { type: 'number_input', value: null } },
      g: { g: { type: 'timepicker', selected_time: '09:00' } },
    };
    const payload = body(structuredClone(values));
    expect(dropMalformedViewState(payload)).toBe(0);
    expect(payload.view.state.values).toEqual(values);
  });

  it.each([
    ['selected_options a string', { type: 'checkboxes', selected_options: 'cancel_tasks' }],
    ['selected_options holding null', { type: 'checkboxes', selected_options: [null] }],
    ['a number as value', { type: 'plain_text_input', value: 42 }],
    ['an object as value', { type: 'plain_text_input', value: { a: 1 } }],
    ['a string as selected_option', { type: 'static_select', selected_option: 'won' }],
    ['an option without a string value', { type: 'static_select', selected_option: { value: 12 } }],
    ['a number as selected_date', { type: 'datepicker', selected_date: 20261215 }],
    ['no type', { value: 'x' }],
    ['null', null],
    ['a string', 'text'],
    ['an array', []],
  ])('drops an element with %s, so the reader asks for the field', (_name, state) => {
    const payload = body({ [BLOCK_IDS.close.cancelTasks]: { [BLOCK_IDS.close.cancelTasks]: state } });
    expect(dropMalformedViewState(payload)).toBe(1);
    expect(payload.view.state.values).toEqual({});
  });

  it('drops blocks that are not objects and state that is not an object', () => {
    expect(dropMalformedViewState(body({ a: 'x', b: null, c: [1] }))).toBe(3);
    const noValues = { view: { state: 'broken' } };
    expect(dropMalformedViewState(noValues)).toBe(1);
    expect(noValues.view.state).toEqual({ values: {} });
    expect(dropMalformedViewState({ command: '/opp' })).toBe(0);
    expect(dropMalformedViewState({ view: {} })).toBe(0);
    expect(dropMalformedViewState(null)).toBe(0);
  });

  it('keeps at most 100 blocks (a view holds no more)', () => {
    const values: Record<string, unknown> = {};
    for (let i = 0; i < 150; i++) values[`b${i}`] = { [`b${i}`]: { type: 'plain_text_input', value: 'x' } };
    const payload = body(values);
    expect(dropMalformedViewState(payload)).toBe(50);
    expect(Object.keys(payload.view.state.values as object)).toHaveLength(100);
  });

  it('after it, every modal reader answers with field errors instead of throwing', () => {
    const junk = [
      { type: 'checkboxes', selected_options: 'x' },
      { type: 'plain_text_input', value: 42 },
      { type: 'static_select', selected_option: 'won' },
    ];
    for (const state of junk) {
      const blocks = [
        ...Object.values(BLOCK_IDS.update),
        ...Object.values(BLOCK_IDS.close),
        quoteLineBlockId(1, 'description'),
        quoteLineBlockId(1, 'quantity'),
      ];
      const values: Record<string, unknown> = {};
      for (const id of blocks) values[id] = { [id]: state };
      const payload = body(values);
      dropMalformedViewState(payload);
      const clean = payload.view.state.values as ViewStateValues;
      for (const read of [readUpdateOpportunity, readCloseOpportunity, readCreateQuote]) {
        const result = read(enUS, clean);
        expect(result.ok).toBe(false);
      }
    }
  });
});
