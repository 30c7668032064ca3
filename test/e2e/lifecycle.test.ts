// A sales rep runs a whole opportunity from Slack, through signed /opp commands into the real receiver.
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/databases.ts';
import { useTestApp } from '../support/fixtures.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { allText } from '../support/test-app.ts';

describe.each(BACKENDS)('full lifecycle from Slack on %s', (backend) => {
  const t = useTestApp(backend);

  it('setup → new → next → quote → next → close won → order', async () => {
    const teamId = t.newWorkspace();
    const run = async (text: string) => {
      const { ack, reply } = await t.command(text, { teamId });
      expect(ack.status).toBe(200);
      const body = reply.args;
      const text_ = allText(body);
      expect(text_).not.toMatch(/undefined|\[object Object\]|NaN/);
      return text_;
    };

    expect(await run('cycle add STD Standard sale')).toMatch(/Sales cycle STD added/);
    await run('stage add STD 10 Initial contact completed:10 chance:20 formula:1W');
    await run('stage add STD 20 Qualification completed:30 chance:40 skip:yes formula:2W');
    await run('stage add STD 40 Proposal completed:60 chance:60 quote:yes formula:1M');
    await run('stage add STD 50 Negotiation completed:80 chance:75');
    expect(await run('stage list STD')).toMatch(/Proposal/);
    await run('code add WIN won Best offer');
    await run('code add PRICE lost Too expensive');
    await run('contact add "Acme Corp" company');
    expect(await run('contact add "Pat Person" person company:"Acme Corp"')).toMatch(/Pat Person/);

    const created = await run('new Fleet renewal contact:"Acme Corp" value:12,000 chance:50 close:2026-12-15');
    expect(created).toMatch(/OP00001/);
    expect(created).toMatch(/Fleet renewal/);

    expect(await run('next op00001')).toMatch(/Qualification/);
    // Proposal needs a quote first: a clear sentence, nothing written.
    const refused = await run('next OP00001');
    expect(refused).toMatch(/quote/i);
    expect(await t.db.prisma.opportunityEntry.count({ where: { workspaceId: teamId } })).toBe(2);

    expect(await run('quote OP00001 line:"Trucks;2;6000;10" line:"Service;1;1200"')).toMatch(/SQ00001/);
    // Quotes made are news for the team: announced in the channel.
    await t.fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === SLACK_DEFAULTS.channelId && /SQ00001/.test(allText(c.args)),
    );

    expect(await run('next OP00001')).toMatch(/Proposal/);
    const won = await run('close OP00001 won code:WIN');
    expect(won).toMatch(/Won/);
    await t.fake.waitFor('chat.postMessage', (c) => /won OP00001/.test(allText(c.args)));

    expect(await run('order OP00001')).toMatch(/SO00001/);
    await t.fake.waitFor('chat.postMessage', (c) => /SO00001/.test(allText(c.args)));
    const opportunity = await t.db.prisma.opportunity.findFirstOrThrow({
      where: { workspaceId: teamId },
      include: { order: true, quote: true },
    });
    expect(opportunity.status).toBe('WON');
    expect(opportunity.order?.no).toBe('SO00001');
    expect(opportunity.quote).toBeNull();
    const history = await t.db.prisma.opportunityEntry.findMany({
      where: { opportunityId: opportunity.id },
      orderBy: { id: 'asc' },
    });
    expect(history.map((e) => e.actionTaken)).toEqual(['NONE', 'NEXT', 'NEXT', 'WON']);
    // 2 × 6,000 − 10 % + 1,200 = 12,000
    expect(history.at(-1)?.calcdCurrentValue.toString()).toBe('12000');
  });
});
