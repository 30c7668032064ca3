// Channel alerts (issue 15): managers and admins subscribe a channel to kinds of changes with filters;
// the `alerts` consumer of the outbox posts one message per opportunity and alert, folds the events of
// a minute into it (chat.update), disables an alert whose channel is gone (the admins told once), and
// delivers each event once and in order per opportunity — with two instances on one database, and
// after Slack refused for a while.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededWorkspace } from '../support/fixtures.ts';
import { BACKENDS } from '../support/databases.ts';
import type { FakeSlackCall } from '../support/fake-slack.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { allText, startTestApp, type TestApp } from '../support/test-app.ts';
import { expectNoBrokenText, run } from './e2e-kit.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';

const ADMIN = SLACK_DEFAULTS.userId;
const REP = 'U0REPZ0001';
const OTHER = 'U0OTHER001';

describe.each(BACKENDS)('channel alerts on %s', (backend) => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await startTestApp(backend);
    second = await startTestApp(backend, { sharing: { db: first.db, fake: first.fake } });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  async function bothIdle(): Promise<void> {
    await Promise.all([first.app.dispatcher.idle(), second.app.dispatcher.idle()]);
  }
  async function tickBoth(): Promise<void> {
    await Promise.all([first.app.dispatcher.tick(), second.app.dispatcher.tick()]);
    await bothIdle();
  }
  function advance(ms: number): void {
    first.clock.advance(ms);
    second.clock.advance(ms);
  }
  /** A workspace whose admin is the default user (the first to use /opp). */
  async function workspace(): Promise<string> {
    const teamId = await seededWorkspace(first);
    await run(first, 'roles', teamId);
    return teamId;
  }
  function posts(channel: string, since = 0): FakeSlackCall[] {
    return first.fake
      .calls('chat.postMessage')
      .slice(since)
      .filter((c) => c.args.channel === channel);
  }
  function updates(channel: string, since = 0): FakeSlackCall[] {
    return first.fake
      .calls('chat.update')
      .slice(since)
      .filter((c) => c.args.channel === channel);
  }
  function idOf(reply: string): number {
    return Number(/Alert (\d+):/.exec(reply)?.[1]);
  }

  it('managers set up, list and remove alerts; a rep is refused; every mistake is a sentence and writes nothing', async () => {
    const teamId = await workspace();
    const rows = () => first.db.prisma.channelAlert.count({ where: { workspaceId: teamId } });
    expect(await run(first, 'alert <#C0ALERTA01> won', teamId, REP)).toMatch(
      /Only managers and admins can set up channel alerts/,
    );
    expect(await run(first, 'alert <#C0ALERTA01> wins', teamId)).toMatch(/`wins`.*`reassigned`/s);
    expect(await run(first, 'alert <#C0ALERTA01> won value:>lots', teamId)).toMatch(
      /`value:` takes a comparison and an amount/,
    );
    expect(await run(first, 'alert <#C0ALERTA01> won cycle:NOPE', teamId)).toMatch(/There is no sales cycle NOPE/);
    first.fake.setUser('U0GONE0001', { deleted: true });
    expect(await run(first, 'alert <#C0ALERTA01> won owner:<@U0GONE0001>', teamId)).toMatch(
      /<@U0GONE0001> isn't a person/,
    );
    first.fake.setChannel('C0ARCHIVE1', { is_archived: true });
    expect(await run(first, 'alert <#C0ARCHIVE1> won', teamId)).toMatch(/<#C0ARCHIVE1>: it is archived/);
    first.fake.setChannel('G0PRIVATE1', { is_private: true, is_member: false });
    expect(await run(first, 'alert <#G0PRIVATE1> won', teamId)).toMatch(/invite me to it first/);
    expect(await rows()).toBe(0);

    const added = await run(first, `alert <#C0ALERTA01> won lost value:>50k cycle:std owner:<@${ADMIN}>`, teamId);
    expect(added).toMatch(
      new RegExp(
        `Alert \\d+: <#C0ALERTA01> will hear when opportunities are won, lost \\(value above \\$50,000\\.00 · sales cycle STD · salesperson <@${ADMIN}>\\)`,
      ),
    );
    // Without a channel: this one; without kinds: won and lost.
    const defaults = await run(first, 'alert', teamId);
    expect(defaults).toMatch(/<#C0SALES001> will hear when opportunities are won, lost \(every opportunity\)/);
    const listed = await run(second, 'alerts', teamId);
    expect(listed).toMatch(new RegExp(`\\*${idOf(added)}\\* <#C0ALERTA01>: won, lost \\(value above`));
    expect(listed).toMatch(new RegExp(`\\*${idOf(defaults)}\\* <#C0SALES001>: won, lost \\(every opportunity\\)`));
    expect(await run(first, 'alerts', teamId, REP)).toMatch(/Only managers and admins/);
    expect(await run(first, `alert remove ${idOf(added)}`, teamId, REP)).toMatch(/Only managers and admins/);
    expect(await run(first, `alert remove ${idOf(added)}`, teamId)).toMatch(
      new RegExp(`Alert ${idOf(added)} removed: <#C0ALERTA01>`),
    );
    expect(await run(first, `alert remove ${idOf(added)}`, teamId)).toMatch(new RegExp(`no alert ${idOf(added)}`));
    expect(await rows()).toBe(1);
  });

  it('each kind and each filter: an alert hears only what it asked for, with the figures and a Show button', async () => {
    const teamId = await workspace();
    await first.app.services.setup.addSalesCycle(teamId, { code: 'BIG', description: 'Big deals' });
    const since = first.fake.calls('chat.postMessage').length;
    await run(first, 'alert <#C0ALL00001> all', teamId);
    await run(first, 'alert <#C0BIGWON01> won value:>50k', teamId);
    await run(first, 'alert <#C0BIGCYC01> created cycle:BIG', teamId);
    await run(first, 'alert <#C0STDCYC01> created cycle:STD', teamId);
    await run(first, `alert <#C0OWNER001> reassigned stage owner:<@${OTHER}>`, teamId);
    const step = async (text: string) => {
      advance(61_000);
      expect(await run(first, text, teamId)).not.toMatch(/:warning:/);
      await bothIdle();
    };
    await step('new Big deal contact:"Acme Corp" value:60000 chance:40 close:2026-12-15 cycle:STD');
    await step('next OP00001');
    await step(`edit OP00001 owner:<@${OTHER}>`);
    await step('close OP00001 won code:WIN amount:60000');
    await step('new Small deal contact:"Acme Corp" value:10000 chance:40 close:2026-12-15 cycle:STD');
    await step('close OP00002 won code:WIN amount:10000');
    await step('new Lost deal contact:"Acme Corp" value:20000 chance:40 close:2026-12-15 cycle:STD');
    await step('close OP00003 lost code:PRICE');
    await tickBoth();

    const all = posts('C0ALL00001', since).map((c) => allText(c.args));
    // One post per step (a new opportunity's first stage is folded into its "created" message).
    expect(all).toHaveLength(8);
    expect(all[0]).toMatch(/created \*OP00001\* Big deal/);
    expect(all[1]).toMatch(/moved \*OP00001\* Big deal to stage 20/);
    expect(all[1]).toMatch(/Stage: 20 · Qualification|Stage: .*Qualification/);
    expect(all[1]).toMatch(/Value: \$60,000\.00 · Weighted: \$/);
    expect(all[2]).toMatch(new RegExp(`gave \\*OP00001\\* Big deal to <@${OTHER}>`));
    expect(all[3]).toMatch(/won \*OP00001\* Big deal \(\$60,000\.00\)/);
    expect(all[5]).toMatch(/won \*OP00002\* Small deal \(\$10,000\.00\)/);
    expect(all[7]).toMatch(/lost \*OP00003\* Lost deal/);
    for (const text of all) expect(text).toMatch(new RegExp(`<@${ADMIN}>|Someone`));
    const firstPost = posts('C0ALL00001', since)[0];
    const buttons = JSON.stringify(firstPost?.args.blocks);
    expect(buttons).toContain(ACTION_IDS.show);
    expect(buttons).toContain('"value":"OP00001"');
    // The creation's first stage came in the same minute: folded into the message, not posted.
    expect(allText(updates('C0ALL00001')[0]?.args)).toMatch(
      /created \*OP00001\*[^]*moved \*OP00001\* Big deal to stage 10/,
    );

    expect(posts('C0BIGWON01', since).map((c) => allText(c.args))).toEqual([expect.stringMatching(/won \*OP00001\*/)]);
    expect(posts('C0BIGCYC01', since)).toHaveLength(0);
    expect(posts('C0STDCYC01', since)).toHaveLength(3);
    // Owner filter: the opportunity is OTHER's from the reassignment on (its later stage moves too).
    const owner = posts('C0OWNER001', since).map((c) => allText(c.args));
    expect(owner).toHaveLength(1);
    expect(owner[0]).toMatch(/gave \*OP00001\*/);
    expectNoBrokenText(first.fake.calls().slice(since));
  });

  it('events of one opportunity within a minute are one message, updated in place; after a minute, a new post', async () => {
    const teamId = await workspace();
    await run(first, 'alert <#C0FOLD0001> stage', teamId);
    const since = first.fake.calls('chat.postMessage').length;
    const updatesSince = first.fake.calls('chat.update').length;
    await run(first, 'new Folded deal contact:"Acme Corp" value:5000 chance:40 close:2026-12-15', teamId);
    await bothIdle();
    const no = 'OP00001';
    advance(20_000);
    await run(second, `next ${no}`, teamId);
    await bothIdle();
    advance(30_000);
    await run(first, `previous ${no}`, teamId);
    await bothIdle();
    expect(posts('C0FOLD0001', since)).toHaveLength(1);
    const folded = updates('C0FOLD0001', updatesSince);
    expect(folded).toHaveLength(2);
    expect(folded[1]?.args.ts).toBe(posts('C0FOLD0001', since)[0]?.args.ts ?? folded[0]?.args.ts);
    expect(allText(folded[1]?.args)).toMatch(/to stage 10\.[^]*to stage 20\.[^]*to stage 10\./);
    // 70 s after the first event: a new message.
    advance(20_000);
    await run(second, `next ${no}`, teamId);
    await bothIdle();
    const all = posts('C0FOLD0001', since);
    expect(all).toHaveLength(2);
    expect(allText(all[1]?.args)).toMatch(/moved \*OP00001\* Folded deal to stage 20/);
    expect(allText(all[1]?.args)).not.toMatch(/to stage 10/);
    expect(updates('C0FOLD0001', updatesSince)).toHaveLength(2);
  });

  it('a channel the bot was removed from disables the alert and tells the admins once, not once per event', async () => {
    const teamId = await workspace();
    const added = await run(first, 'alert <#C0GONE0001> created', teamId);
    const since = first.fake.calls('chat.postMessage').length;
    first.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    await run(first, 'new Gone one contact:"Acme Corp" value:5000 chance:40 close:2026-12-15', teamId);
    await bothIdle();
    advance(120_000);
    await run(second, 'new Gone two contact:"Acme Corp" value:5000 chance:40 close:2026-12-15', teamId);
    await bothIdle();
    await tickBoth();
    expect(posts('C0GONE0001', since)).toHaveLength(1); // the refused one only
    const told = first.fake
      .calls('chat.postMessage')
      .slice(since)
      .filter((c) => new RegExp(`Alert ${idOf(added)} for <#C0GONE0001> is off`).test(allText(c.args)));
    expect(told).toHaveLength(1);
    expect(told[0]?.args.channel).toBe(ADMIN);
    expect(await run(first, 'alerts', teamId)).toMatch(/off since .* I can't post there any more/);
    const deliveries = await first.db.prisma.outboxDelivery.findMany({
      where: { consumer: 'alerts', event: { workspaceId: teamId } },
    });
    expect(deliveries.every((d) => d.deliveredAt !== null)).toBe(true);
  });

  it('an event two alerts hear goes to both channels at once; the one refused gets it late, the other not twice', async () => {
    const teamId = await workspace();
    await run(first, 'alert <#C0PAIR0001> created', teamId);
    await run(first, 'alert <#C0PAIR0002> created', teamId);
    const since = first.fake.calls('chat.postMessage').length;
    // Whichever channel's post reaches Slack first is rate limited for five minutes.
    first.fake.failNext('chat.postMessage', { status: 429, retryAfter: 300 });
    await run(first, 'new Paired deal contact:"Acme Corp" value:5000 chance:40 close:2026-12-15', teamId);
    await bothIdle();
    await tickBoth();
    const calls = () => ['C0PAIR0001', 'C0PAIR0002'].map((channel) => posts(channel, since).length);
    // Both posts were tried side by side: one refused, one made (one after the other, the second waited).
    expect(calls()).toEqual([1, 1]);

    advance(300_000);
    await tickBoth();
    await tickBoth();
    // The refused one is posted late; the one made is not posted again.
    expect(calls().sort()).toEqual([1, 2]);
    for (const channel of ['C0PAIR0001', 'C0PAIR0002'])
      expect(allText(posts(channel, since).at(-1)?.args)).toMatch(/OP00001/);
    expect(await first.db.prisma.alertMessage.count({ where: { alert: { workspaceId: teamId } } })).toBe(2);
    const deliveries = await first.db.prisma.outboxDelivery.findMany({
      where: { consumer: 'alerts', event: { workspaceId: teamId } },
    });
    expect(deliveries.every((d) => d.deliveredAt !== null)).toBe(true);
  });

  it('Slack refuses for a while: with two instances, every event arrives late, once, in order per opportunity', async () => {
    const teamId = await workspace();
    await run(first, 'alert <#C0LATE0001> stage', teamId);
    const since = first.fake.calls('chat.postMessage').length;
    // The first post is rate limited for five minutes: the opportunity's later events wait behind it.
    first.fake.failNext('chat.postMessage', { status: 429, retryAfter: 300 });
    await run(first, 'new Late deal contact:"Acme Corp" value:5000 chance:40 close:2026-12-15', teamId);
    await bothIdle();
    advance(61_000);
    await run(second, 'next OP00001', teamId);
    await bothIdle();
    advance(61_000);
    await run(first, 'previous OP00001', teamId);
    await bothIdle();
    // Another opportunity is not held up by the first one's wait.
    await run(second, 'new Other deal contact:"Acme Corp" value:5000 chance:40 close:2026-12-15', teamId);
    await bothIdle();
    await tickBoth();
    const before = posts('C0LATE0001', since).map((c) => allText(c.args));
    expect(before).toHaveLength(2); // the refused post, and OP00002's
    expect(before[1]).toMatch(/OP00002/);

    advance(300_000);
    await tickBoth();
    await tickBoth();
    const late = posts('C0LATE0001', since)
      .slice(2)
      .map((c) => allText(c.args));
    expect(late).toHaveLength(3);
    expect(late[0]).toMatch(/moved \*OP00001\* Late deal to stage 10/);
    expect(late[1]).toMatch(/moved \*OP00001\* Late deal to stage 20/);
    expect(late[2]).toMatch(/moved \*OP00001\* Late deal to stage 10/);
    const deliveries = await first.db.prisma.outboxDelivery.findMany({
      where: { consumer: 'alerts', event: { workspaceId: teamId } },
    });
    expect(deliveries.every((d) => d.deliveredAt !== null)).toBe(true);
  });
});
