// Announcements are a consumer of the outbox (issue 11): the event is written with the change, and the
// channel hears about it once — with two instances of the app on one database dispatching at the same
// time — and late rather than never when Slack is down or rate limits the app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newOpportunity, seededWorkspace } from '../support/fixtures.ts';
import { BACKENDS } from '../support/databases.ts';
import type { FakeSlackCall } from '../support/fake-slack.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { allText, startTestApp, type TestApp } from '../support/test-app.ts';
import { mark, openedModal, run, submitModal } from './e2e-kit.ts';
import { CALLBACK_IDS, quoteLineBlockId } from '../../src/slack/ids.ts';
import { newTriggerId } from '../support/slack-requests.ts';

const CHANNEL = SLACK_DEFAULTS.channelId;

describe.each(BACKENDS)('announcements through the outbox on %s', (backend) => {
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

  /** The channel's announcements of this workspace's opportunities (`OP…` numbers are per workspace). */
  function announcements(since: number, pattern: RegExp): FakeSlackCall[] {
    return first.fake
      .calls('chat.postMessage')
      .slice(since)
      .filter((c) => c.args.channel === CHANNEL && pattern.test(allText(c.args)));
  }

  async function bothIdle(): Promise<void> {
    await Promise.all([first.app.dispatcher.idle(), second.app.dispatcher.idle()]);
  }

  function advance(ms: number): void {
    first.clock.advance(ms);
    second.clock.advance(ms);
  }

  it('a won deal, a quote and an order are announced once, in the channel they were made in', async () => {
    const teamId = await seededWorkspace(first);
    const since = first.fake.calls('chat.postMessage').length;
    const won = await newOpportunity(first.app.services, teamId, { description: 'Won deal', value: 5_000 });
    const quoted = await newOpportunity(first.app.services, teamId, { description: 'Quoted deal' });
    await run(first, `close ${won} won code:WIN amount:5000`, teamId);
    await run(second, `quote ${quoted} line:"Trucks;2;6000"`, teamId);
    await run(first, `order ${quoted} code:WIN`, teamId);
    // A repeated order finds the order made: nothing new to announce.
    await run(second, `order ${quoted}`, teamId);
    await Promise.all([first.app.dispatcher.tick(), second.app.dispatcher.tick()]);
    await bothIdle();
    expect(announcements(since, /won OP00001 Won deal \(\$5,000\.00\)/)).toHaveLength(1);
    expect(announcements(since, /created sales quote SQ00001 for OP00002 Quoted deal \(\$12,000\.00\)/)).toHaveLength(
      1,
    );
    expect(announcements(since, /made sales order SO00001 from the quote of OP00002/)).toHaveLength(1);
    const events = await first.db.prisma.outboxEvent.findMany({ where: { workspaceId: teamId } });
    // Every change is recorded; only the won deal, the quote and the order had something to announce.
    expect(events.map((e) => e.kind).sort()).toEqual([
      'opportunity-created',
      'opportunity-created',
      'opportunity-moved',
      'opportunity-moved',
      'opportunity-won',
      'order-made',
      'quote-created',
    ]);
  });

  it('a quote made through the Create Quote form is announced like the one-line quote (issue 14, point 3)', async () => {
    const teamId = await seededWorkspace(first);
    const since = first.fake.calls('chat.postMessage').length;
    const no = await newOpportunity(first.app.services, teamId, { description: 'Form quote' });
    const opened = mark(first);
    const triggerId = newTriggerId();
    expect((await first.commandAck(`quote ${no}`, { teamId, triggerId })).status).toBe(200);
    const form = await openedModal(first, opened, CALLBACK_IDS.createQuote, triggerId);
    const ack = await submitModal(
      first,
      form,
      {
        [quoteLineBlockId(1, 'description')]: 'Trucks',
        [quoteLineBlockId(1, 'quantity')]: '2',
        [quoteLineBlockId(1, 'unitPrice')]: '6000',
      },
      { teamId },
    );
    expect(ack.text).toBe('');
    await first.settle();
    await first.app.dispatcher.tick();
    await bothIdle();
    expect(
      announcements(since, new RegExp(`created sales quote SQ\\d+ for ${no} Form quote \\(\\$12,000\\.00\\)`)),
    ).toHaveLength(1);
  });

  it('rate limited, then Slack down: every announcement arrives late, exactly once, whichever instance delivers it', async () => {
    const teamId = await seededWorkspace(first);
    const since = first.fake.calls('chat.postMessage').length;
    const nos: string[] = [];
    for (const i of [1, 2, 3])
      nos.push(await newOpportunity(first.app.services, teamId, { description: `Deal ${i}`, value: 1_000 * i }));
    const delivered = async () =>
      (
        await first.db.prisma.outboxDelivery.findMany({
          where: { consumer: 'announcements', event: { workspaceId: teamId } },
        })
      ).filter((d) => d.deliveredAt !== null).length;
    // Slack answers 429 (retry in 30 s) to the first three posts: one attempt of each announcement.
    first.fake.failNext('chat.postMessage', { status: 429, retryAfter: 30, times: 3 });
    for (const [i, no] of nos.entries()) await run(first, `close ${no} won code:WIN amount:${i + 1}000`, teamId);
    await bothIdle();
    expect(await delivered()).toBe(0);
    // Nothing is due before Slack's Retry-After.
    await Promise.all([first.app.dispatcher.tick(), second.app.dispatcher.tick()]);
    expect(first.fake.calls('chat.postMessage').slice(since)).toHaveLength(3);

    // Then Slack is down: three posts answered 503 (the client itself retries a 5xx twice).
    first.fake.failNext('chat.postMessage', { status: 503, times: 3 });
    // Which posts meet the outage depends on which instance claims what; a failed one backs off 20 s.
    advance(31_000);
    await Promise.all([first.app.dispatcher.tick(), second.app.dispatcher.tick()]);
    advance(21_000);
    await Promise.all([first.app.dispatcher.tick(), second.app.dispatcher.tick()]);
    expect(await delivered()).toBe(3);
    // Six refused posts and exactly one that went through for each deal: none twice, none lost.
    const posts = first.fake.calls('chat.postMessage').slice(since);
    expect(posts).toHaveLength(9);
    for (const no of nos)
      expect(posts.filter((c) => new RegExp(`won ${no} `).test(allText(c.args))).length).toBeGreaterThan(0);
  });

  it('a channel the bot cannot post in is not retried: the person who closed the deal is told once', async () => {
    const teamId = await seededWorkspace(first);
    const no = await newOpportunity(first.app.services, teamId, { description: 'Private deal' });
    const since = first.fake.calls('chat.postMessage').length;
    first.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    await run(first, `close ${no} won code:WIN amount:100`, teamId);
    await bothIdle();
    const told = first.fake
      .calls('chat.postMessage')
      .slice(since)
      .filter((c) => c.args.channel === SLACK_DEFAULTS.userId);
    expect(told).toHaveLength(1);
    expect(allText(told[0]?.args)).toMatch(/Invite me to the channel/);
    advance(60 * 60_000);
    await Promise.all([first.app.dispatcher.tick(), second.app.dispatcher.tick()]);
    expect(announcements(since, /won OP00001 Private deal/)).toHaveLength(1); // the refused attempt only
    const [delivery] = await first.db.prisma.outboxDelivery.findMany({
      where: { consumer: 'announcements', event: { workspaceId: teamId } },
    });
    expect(delivery?.failedAt).not.toBeNull();
  });
});
