// Every inbound payload is checked with zod before a listener reads it: a signed request whose ids
// or sizes are not Slack's shapes is answered with a sentence and does nothing.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/fixtures.ts';
import { blockAction, blockSuggestion, slashCommand } from '../support/slack-requests.ts';
import { mark, sentences } from './e2e-kit.ts';

describe('malformed payloads', () => {
  const t = useTestApp('pglite');

  it('a command with a team id that is not Slack-shaped is answered and reaches no listener', async () => {
    const since = mark(t);
    const responseUrl = t.fake.responseUrl();
    const ack = await t.send(slashCommand({ text: 'list all', teamId: "T1' OR 1=1", responseUrl }));
    expect(ack.status).toBe(200);
    // The sentence comes in the ack itself, shown only to the person.
    expect(sentences(JSON.parse(ack.text))).toMatch(/didn't look like one from Slack/);
    expect(JSON.parse(ack.text)).toMatchObject({ response_type: 'ephemeral' });
    await t.settle();
    expect(since.calls('users.info')).toHaveLength(0);
    expect(await t.db.prisma.workspace.count({ where: { id: { contains: "'" } } })).toBe(0);
  });

  it('a button value over 2,000 characters is dropped with the sentence', async () => {
    const responseUrl = t.fake.responseUrl();
    const ack = await t.send(blockAction({ actionId: 'opp_next', value: 'OP'.padEnd(5_000, '1'), responseUrl }));
    expect(ack.status).toBe(200);
    const reply = await t.fake.waitFor('response_url', (c) => c.id === responseUrl.split('/').pop());
    expect(sentences(reply.args)).toMatch(/didn't look like one from Slack/);
  });

  it('an option load with a malformed user id gets no options', async () => {
    const ack = await t.send(blockSuggestion({ actionId: 'contact_search', value: 'Acme', userId: 'not-a-user' }));
    expect(ack.status).toBe(200);
    expect(ack.json()).toEqual({ options: [] });
  });
});
