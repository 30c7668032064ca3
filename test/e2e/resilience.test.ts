// When the database or Slack fails under a running app: every request is still acknowledged within
// Slack's 3 seconds, the person reads a sentence (never a stack trace or silence), the process keeps
// serving, /healthz says what is wrong, and (PostgreSQL) everything works again once the database is back.
import { afterEach, describe, expect, it } from 'vitest';
import { newOpportunity, seededWorkspace } from '../support/fixtures.ts';
import { dec } from '../../src/domain/decimal.ts';
import { localDate } from '../../src/domain/local-date.ts';
import { system } from '../../src/i18n/en/system.ts';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS } from '../../src/slack/ids.ts';
import { BACKENDS, postgresOutage } from '../support/databases.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { buildView, newEventId, newTriggerId } from '../support/slack-requests.ts';
import { allText as allTextOf, startTestApp, TEST_TODAY, type TestApp } from '../support/test-app.ts';
import {
  expectNoBrokenText,
  fieldErrors,
  mark,
  openedModal,
  type OpenedModal,
  sentences,
  submitModal,
} from './e2e-kit.ts';

/** Slack's deadline for an ack, and for a person to read something. */
// No timing assertions: a 200 answer already proves the ack came within Slack's 3 seconds, because
// Bolt's HTTP receiver answers 404 itself when no listener has acked by then.
const ME = SLACK_DEFAULTS.userId;
const today = localDate(TEST_TODAY);

let running: TestApp | undefined;
afterEach(async () => {
  await running?.close().catch(() => undefined);
  running = undefined;
});

async function started(backend: (typeof BACKENDS)[number]): Promise<TestApp> {
  running = await startTestApp(backend);
  return running;
}

async function withOpportunity(t: TestApp): Promise<{ teamId: string; no: string }> {
  const teamId = await seededWorkspace(t);
  // The acting user is the workspace's first person, as in production.
  await t.command('help', { teamId });
  return { teamId, no: await newOpportunity(t.app.services, teamId) };
}

async function openUpdateModal(t: TestApp, teamId: string, no: string): Promise<OpenedModal> {
  const since = mark(t);
  const triggerId = newTriggerId();
  await t.commandAck(`move ${no}`, { teamId, triggerId });
  return openedModal(t, since, CALLBACK_IDS.updateOpportunity, triggerId);
}

async function health(t: TestApp): Promise<number> {
  return (await fetch(`${t.url}/healthz`)).status;
}

describe.each(BACKENDS)('the database goes away under a running app on %s', (backend) => {
  it('commands, buttons, modal submissions, events and option loads still answer in time, with the sentence', async () => {
    const t = await started(backend);
    const { teamId, no } = await withOpportunity(t);
    const modal = await openUpdateModal(t, teamId, no);
    const outage = backend === 'postgres' ? postgresOutage(t.db.url ?? '') : undefined;
    if (outage) await outage.start();
    else await t.db.close();
    const since = mark(t);

    // /opp list: acked at once, and the reply through response_url is the database sentence.
    const list = await t.command('list', { teamId });
    expect([list.ack.status, list.ack.text]).toEqual([200, '']);
    expect(sentences(list.reply.args)).toContain(system.databaseUnavailable);

    // A card button (Next): acked, and the sentence beside the card.
    const responseUrl = t.fake.responseUrl();
    const click = await t.click({ actionId: ACTION_IDS.next, value: no, teamId, responseUrl });
    expect([click.status, click.text]).toEqual([200, '']);
    const clickReply = await t.fake.waitFor('response_url', (c) => c.id === responseUrl.split('/').pop());
    expect(sentences(clickReply.args)).toContain(system.databaseUnavailable);

    // The Update modal submitted: a field error carrying the sentence, inside the ack.
    const submitted = await submitModal(t, modal, { [BLOCK_IDS.update.estimatedValue]: '12000' }, { teamId });
    expect(Object.values(fieldErrors(submitted))).toEqual([system.databaseUnavailable]);

    // An event is acked (Bolt acks events before listeners) and handled as far as it can be.
    const event = await t.event({
      teamId,
      eventId: newEventId(),
      event: { type: 'app_home_opened', user: ME, channel: 'D0REP00001', tab: 'home', event_ts: '1700000000.000100' },
    });
    expect(event.status).toBe(200);

    // A contact picker's option load: answered within the ack, with no options.
    const options = await t.suggest({
      actionId: ACTION_IDS.contactSearch,
      value: 'acme',
      teamId,
      view: buildView({ callbackId: CALLBACK_IDS.createOpportunity, teamId }),
    });
    expect([options.status, options.json()]).toEqual([200, { options: [] }]);

    // The process is alive and says what is wrong.
    expect(await health(t)).toBe(503);
    const again = await t.command(`show ${no}`, { teamId });
    expect(sentences(again.reply.args)).toContain(system.databaseUnavailable);
    await t.settle();
    expectNoBrokenText(since.calls());
    for (const call of since.calls()) expect(JSON.stringify(call.args)).not.toMatch(/\bat .+\.ts:\d+|Prisma|ECONN/);

    if (outage) {
      // PostgreSQL comes back: the same process serves again, with nothing lost.
      await outage.end();
      expect(await health(t)).toBe(200);
      const back = await t.command('list', { teamId });
      expect(sentences(back.reply.args)).toMatch(/Fleet renewal/);
      const moved = await t.command(`next ${no}`, { teamId });
      expect(sentences(moved.reply.args)).toMatch(/Qualification/);
    } else {
      // The embedded database lives in this process: it comes back with a restart. Until then the
      // process keeps answering every request with the sentence.
      for (let i = 0; i < 3; i++) {
        const reply = await t.command('list all', { teamId });
        expect(sentences(reply.reply.args)).toContain(system.databaseUnavailable);
      }
      expect(await health(t)).toBe(503);
    }
  });
});

describe('Slack fails under a running app', () => {
  it('views.open refused (expired_trigger_id): the person gets a sentence through response_url', async () => {
    const t = await started('pglite');
    const { teamId, no } = await withOpportunity(t);
    const since = mark(t);
    t.fake.failNext('views.open', { error: 'expired_trigger_id' });
    const { ack, reply } = await t.command(`move ${no}`, { teamId });
    expect([ack.status, ack.text]).toEqual([200, '']);
    expect(sentences(reply.args)).toContain(system.unexpected);

    // The same from a card button (Update opens the modal).
    t.fake.failNext('views.open', { error: 'expired_trigger_id' });
    const responseUrl = t.fake.responseUrl();
    const click = await t.click({ actionId: ACTION_IDS.update, value: no, teamId, responseUrl });
    expect(click.status).toBe(200);
    const clickReply = await t.fake.waitFor('response_url', (c) => c.id === responseUrl.split('/').pop());
    expect(sentences(clickReply.args)).toContain(system.unexpected);
    await t.settle();
    expectNoBrokenText(since.calls());
  });

  it('chat.postMessage failing with a 500 during the Won announcement: the command still replies', async () => {
    const t = await started('pglite');
    const { teamId, no } = await withOpportunity(t);
    t.fake.failNext('chat.postMessage', { status: 500, times: 20 });
    const { ack, reply } = await t.command(`close ${no} won code:WIN amount:9000`, { teamId });
    expect(ack.status).toBe(200);
    expect(sentences(reply.args)).toMatch(/Won/);
    const row = await t.db.prisma.opportunity.findFirstOrThrow({ where: { workspaceId: teamId, no } });
    expect(row.status).toBe('WON');
    // And the app goes on serving others meanwhile.
    const other = await t.command('help', { teamId });
    expect(sentences(other.reply.args).length).toBeGreaterThan(20);
    t.fake.reset();
  });

  it('a 429 on the interactive path: the result reaches the person without waiting for Retry-After', async () => {
    const t = await started('pglite');
    // Bolt's default client would pause every call for Retry-After seconds; src/app.ts builds the App
    // with INTERACTIVE_CLIENT_OPTIONS (src/slack/middleware/slack-client-options.ts) instead.
    const { teamId, no } = await withOpportunity(t);
    // The card is in the channel; Next updates it with chat.update, which is rate limited for 2 minutes.
    t.fake.failNext('chat.update', { status: 429, retryAfter: 120 });
    const responseUrl = t.fake.responseUrl();
    const click = await t.click({
      actionId: ACTION_IDS.next,
      value: no,
      teamId,
      responseUrl,
      channelId: SLACK_DEFAULTS.channelId,
      messageTs: '1700000100.000001',
    });
    expect(click.status).toBe(200);
    // The opportunity moved; the card reaches the person (in place, or beside it through response_url)
    // within Slack's limit rather than after the 120 s the rate limit asks for.
    const shown = await Promise.race([
      t.fake.waitFor('response_url', (c) => c.id === responseUrl.split('/').pop(), 10_000),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 10_000)),
    ]);
    expect(shown, 'no reply within 10 s: the Slack client waits out Retry-After on the interactive path').toBeDefined();
    expect(sentences(shown?.args)).toMatch(/Qualification/);
  });
});

describe('a double click on Make order', () => {
  it('two clicks at once make one order; neither says there is no quote', async () => {
    const t = await started('pglite');
    const { teamId, no } = await withOpportunity(t);
    await t.app.services.opportunities.createQuote(
      teamId,
      no,
      [{ description: 'Trucks', quantity: dec(2), unitPrice: dec(1_000) }],
      today,
    );
    // Won already: Make order makes the order at once (an open one opens the Close form first).
    await t.app.services.opportunities.close(teamId, no, { outcome: 'won', closeCode: 'WIN', today });
    const since = mark(t);
    const urls = [t.fake.responseUrl(), t.fake.responseUrl()];
    const acks = await Promise.all(
      urls.map((responseUrl, i) =>
        t.click({
          actionId: ACTION_IDS.makeOrder,
          value: no,
          teamId,
          responseUrl,
          channelId: SLACK_DEFAULTS.channelId,
          messageTs: `1700000200.00000${i}`,
        }),
      ),
    );
    expect(acks.map((a) => a.status)).toEqual([200, 200]);
    // Both cards are replaced with the Won card carrying the one order.
    const updates = await Promise.all(
      acks.map((_, i) =>
        t.fake.waitFor(
          'chat.update',
          (c) => since.calls('chat.update').includes(c) && c.args.ts === `1700000200.00000${i}`,
        ),
      ),
    );
    for (const update of updates) expect(sentences(update.args)).toMatch(/SO00001/);
    await t.settle();
    const all = since
      .calls()
      .map((c) => allTextOf(c.args))
      .join('\n');
    expect(all).not.toMatch(/No sales quote/i);
    expect(await t.db.prisma.salesOrder.count({ where: { workspaceId: teamId } })).toBe(1);
  });
});
