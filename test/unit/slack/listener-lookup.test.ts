// Bolt hands every click to one listener of ours, which picks the listener by the click's action_id
// (src/slack/register.ts): each id reaches its own, a numbered button its kind's, anything else none.
import { describe, expect, it } from 'vitest';
import { ACTION_IDS, numberedActionId, numberedKindOf } from '../../../src/slack/ids.ts';
import type { SlackDeps } from '../../../src/slack/listeners/support.ts';
import { actionListenerFor, slackListeners } from '../../../src/slack/register.ts';
import { recordRegistrations } from '../../support/registrations.ts';

describe('finding the listener of a click', () => {
  const { actions } = slackListeners({ useCases: {} } as SlackDeps, undefined);

  it('finds each action id its own listener', () => {
    expect(Object.keys(actions).length).toBeGreaterThan(20);
    for (const [id, listener] of Object.entries(actions)) expect(actionListenerFor(actions, id)).toBe(listener);
  });

  it("finds a numbered button its kind's listener, up to two digits", () => {
    const kind = ACTION_IDS.editStage;
    expect(numberedKindOf(numberedActionId(kind, 3))).toBe(kind);
    expect(actionListenerFor(actions, numberedActionId(kind, 1))).toBe(actions[kind]);
    expect(actionListenerFor(actions, numberedActionId(kind, 42))).toBe(actions[kind]);
    expect(actionListenerFor(actions, numberedActionId(kind, 100))).toBeUndefined();
  });

  it('finds nothing for an id that is not ours, nor for the names every object has', () => {
    for (const id of [
      'unknown',
      `${ACTION_IDS.notifyMode}_1`,
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      '',
    ])
      expect(actionListenerFor(actions, id)).toBeUndefined();
  });
});

describe('what Bolt is given', () => {
  it('each command and event of the table by name, and one listener for each kind of interaction', () => {
    const seen = recordRegistrations();
    const given = (kind: string) => seen.bolt.filter((call) => call.kind === kind).map((call) => call.registered);
    expect(given('command')).toEqual(seen.commands);
    expect(given('event').sort()).toEqual([...seen.events].sort());
    expect(given('action')).toEqual([{ type: 'block_actions' }]);
    expect(given('view')).toEqual([{ type: 'view_submission' }]);
    expect(given('options')).toEqual([{ type: 'block_suggestion' }]);
  });
});
