// Text people type never reaches Slack as markup, through the real receiver: descriptions, contact and
// activity texts full of Slack's control sequences are stored as typed, and every message, reply, card
// and form the app sends shows them as text: no @channel, no mention of a chosen person, no disguised link.
import { describe, expect, it } from 'vitest';
import { BLOCK_IDS, CALLBACK_IDS } from '../../src/slack/ids.ts';
import { BACKENDS } from '../support/databases.ts';
import { seededWorkspace, useTestApp } from '../support/fixtures.ts';
import type { FakeSlackCall } from '../support/fake-slack.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { newTriggerId } from '../support/slack-requests.ts';
import { allText } from '../support/test-app.ts';
import { mark, openedModal, run, submitModal } from './e2e-kit.ts';

const CHANNEL = SLACK_DEFAULTS.channelId;
/** What an attacker types, as Slack delivers it in a command's text (typed @channel arrives as <!channel>). */
const ATTACK = '<!channel> <https://evil.example/login|Claim bonus> <@U0VICTIM1>';
/** The same, typed literally: Slack delivers <, > and & as entities. */
const ATTACK_ESCAPED = '&lt;!here&gt; &lt;@U0VICTIM1&gt;';

/** Control sequences that must never be sent: pings, mentions of a chosen person, links with a label. */
const FORBIDDEN = /<!channel>|<!here>|<!everyone>|<@U0VICTIM1>|<https?:\/\/evil|<#C0EVIL/;

function expectNothingForbidden(calls: readonly FakeSlackCall[]): void {
  expect(calls.length).toBeGreaterThan(0);
  for (const call of calls) expect(JSON.stringify(call.args), call.method).not.toMatch(FORBIDDEN);
}

describe.each(BACKENDS)('person-typed markup on %s', (backend) => {
  const t = useTestApp(backend);

  const workspace = () => seededWorkspace(t);

  function channelPost(since: ReturnType<typeof mark>, pattern: RegExp): Promise<FakeSlackCall> {
    return t.fake.waitFor(
      'chat.postMessage',
      (c) => since.calls('chat.postMessage').includes(c) && c.args.channel === CHANNEL && pattern.test(allText(c.args)),
    );
  }

  it('a won deal announced to the channel shows the description as text, never as a ping, mention or link', async () => {
    const teamId = await workspace();
    const since = mark(t);
    await run(t, `new ${ATTACK} contact:"Acme Corp" value:100 chance:10 close:"in 30 days"`, teamId);
    const stored = await t.db.prisma.opportunity.findFirstOrThrow({ where: { workspaceId: teamId } });
    // Stored as typed (what the person wrote is kept); only what is sent is escaped.
    expect(stored.description).toContain('<!channel>');

    expect(await run(t, `close ${stored.no} won code:WIN amount:100`, teamId)).toMatch(/\*Status\*\nWon/);
    const announcement = await channelPost(since, /won OP00001/);
    expect(String(announcement.args.text)).toContain('&lt;!channel&gt;');
    expect(String(announcement.args.text)).toContain('&lt;@U0VICTIM1&gt;');
    await t.settle();
    expectNothingForbidden(since.calls());
  });

  it('a quote announced to the channel, and the form-created opportunity, are escaped the same way', async () => {
    const teamId = await workspace();
    const since = mark(t);
    const triggerId = newTriggerId();
    await t.commandAck('new', { teamId, triggerId });
    const modal = await openedModal(t, since, CALLBACK_IDS.createOpportunity, triggerId);
    const C = BLOCK_IDS.create;
    const ack = await submitModal(
      t,
      modal,
      {
        [C.description]: `${ATTACK} ${ATTACK_ESCAPED}`,
        [C.contact]: 'CT00001',
        [C.estimatedValue]: '5000',
        [C.chances]: '40',
        [C.estimatedCloseDate]: '2026-12-31',
      },
      { teamId },
    );
    expect(ack.status).toBe(200);
    const { no } = await t.db.prisma.opportunity.findFirstOrThrow({ where: { workspaceId: teamId } });

    await run(t, `quote ${no} line:"<!everyone> trucks;2;6000"`, teamId);
    const quote = await channelPost(since, /SQ00001/);
    expect(String(quote.args.text)).toContain('&lt;!channel&gt;');
    expect(String(quote.args.text)).toContain('&lt;!here&gt;');
    await run(t, `close ${no} won code:WIN amount:12000`, teamId);
    await channelPost(since, /won OP00001/);
    await run(t, `show ${no}`, teamId);
    await run(t, 'list all', teamId);
    await t.settle();
    expectNothingForbidden(since.calls());
  });

  it('setup texts an admin typed (activities, cycles, codes, contacts) are shown as text in every list', async () => {
    const teamId = await workspace();
    const since = mark(t);
    await run(t, `activity add CALL ${ATTACK} step:"<!here> call them;1W"`, teamId);
    const activities = await run(t, 'activity list', teamId);
    expect(activities).toContain('&lt;!channel&gt;');
    await run(t, `cycle add EVIL ${ATTACK}`, teamId);
    await run(t, 'cycle list', teamId);
    await run(t, 'stage add EVIL 1 <!here> first completed:10 chance:10', teamId);
    await run(t, 'stage list EVIL', teamId);
    await run(t, `code add BAIT won ${ATTACK}`, teamId);
    await run(t, 'code list', teamId);
    await run(t, `contact add "${ATTACK}" company`, teamId);
    await run(t, 'contact list', teamId);
    // A sentence that repeats what was typed (an unknown contact) escapes it as well.
    await run(t, `new Deal contact:"<!channel>" value:1 chance:1 close:"in 3 days"`, teamId);
    await t.settle();
    expectNothingForbidden(since.calls());
  });
});
