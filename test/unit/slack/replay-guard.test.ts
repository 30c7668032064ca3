import { describe, expect, it } from 'vitest';
import { claimedFirst, triggerOf } from '../../../src/slack/middleware/replay-guard.ts';

const command = (text: string) => ({ command: '/opp', text, trigger_id: '123.456.abc' });

describe('which requests the replay guard records', () => {
  it('commands that change something, clicks and form submissions', () => {
    for (const text of [
      'new Deal contact:Acme',
      'next OP00001',
      'setting currency:EUR',
      'cycle add X y',
      'digest',
      'export',
    ])
      expect(triggerOf(command(text)), text).toEqual({ kind: 'command', triggerId: '123.456.abc' });
    expect(triggerOf({ type: 'block_actions', trigger_id: 't1' })).toEqual({ kind: 'block_actions', triggerId: 't1' });
    expect(triggerOf({ type: 'view_submission', trigger_id: 't2' })).toEqual({
      kind: 'view_submission',
      triggerId: 't2',
    });
  });

  it('not commands that only read, option loads or events', () => {
    for (const text of [
      '',
      'help close',
      'list all',
      'show OP00001',
      'stats cycle:FIRM',
      'roles',
      'setting',
      'cycle list',
    ])
      expect(triggerOf(command(text)), text).toBeUndefined();
    expect(triggerOf({ type: 'block_suggestion' })).toBeUndefined();
    expect(triggerOf({ type: 'event_callback', event_id: 'Ev1' })).toBeUndefined();
  });
});

describe('a form submission listener asking for its claim', () => {
  it('is refused when the inbound middleware did not record the trigger (nothing may be saved)', async () => {
    expect(await claimedFirst({})).toBe(false);
  });
});
