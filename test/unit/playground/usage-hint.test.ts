// The usage hint above the message box comes from the manifest and the parser's command table.
import { describe, expect, it } from 'vitest';
import { usageHintFor } from '../../../src/playground/usage-hint.ts';
import { SUBCOMMANDS } from '../../../src/slack/grammar/usage.ts';

describe('usage hint', () => {
  it('offers the command while it is being typed, with the manifest usage hint', () => {
    expect(usageHintFor('/o')).toMatchObject({ command: '/opp', usage: expect.stringContaining('/opp help | new') });
    expect(usageHintFor('/opp ')?.usage).toContain('help | new | list');
  });

  it('shows the usage line of the subcommand typed, from the table the parser reads', () => {
    expect(usageHintFor('/opp close OP00001')?.usage).toBe(`/opp ${SUBCOMMANDS.close.usage}`);
    expect(usageHintFor('/opp stage add FIELD')?.usage).toBe(`/opp ${SUBCOMMANDS['stage add'].usage}`);
  });

  it('stays quiet for plain messages and other commands', () => {
    expect(usageHintFor('hello')).toBeNull();
    expect(usageHintFor('/giphy cats')).toBeNull();
  });
});
