// Personal notifications end to end (issue 15): a salesperson hears by DM when someone else changes,
// notes or closes their opportunity (never of their own changes); `/opp notify` and App Home set what
// they hear and when; quiet hours hold a message until they end; overdue and stale opportunities are
// found once each and listed in one daily summary at the person's time; a muted opportunity is silent;
// a person Slack says is gone has their notifications turned off and the admins are told once; two
// instances on one PostgreSQL record and send each once. Time is the injected clock.
import { describe, expect, it } from 'vitest';
import { startApp } from '../../src/app.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { ACTION_IDS, CALLBACK_IDS } from '../../src/slack/ids.ts';
import { openDatabase } from '../../src/store/database.ts';
import { BACKENDS } from '../support/databases.ts';
import { newOpportunity, seededWorkspace, useTestApp } from '../support/fixtures.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { buildView } from '../support/slack-requests.ts';
import { allText, TEST_NOW, type TestApp } from '../support/test-app.ts';
import { expectNoBrokenText, mark, run, sentences } from './e2e-kit.ts';

const ADMIN = SLACK_DEFAULTS.userId;
const ANN = 'U0ANNREP01';

async function workspace(t: TestApp): Promise<string> {
  const teamId = await seededWorkspace(t);
  await run(t, 'roles', teamId, ADMIN); // the first person to use /opp becomes its admin
  return teamId;
}

/** The DMs to Ann after `since` that mention `about` (each test's opportunity has a description of its own). */
function dmsToAnn(since: ReturnType<typeof mark>, about: string): string[] {
  return since
    .calls('chat.postMessage')
    .filter((c) => c.args.channel === ANN)
    .map((c) => sentences(c.args))
    .filter((text) => text.includes(about));
}

async function delivered(t: TestApp): Promise<void> {
  await t.app.dispatcher.idle();
  await t.app.dispatcher.tick();
}

describe.each(BACKENDS)('personal notifications on %s', (backend) => {
  const t = useTestApp(backend, {}, (app) => {
    app.fake.setUser(ANN, { real_name: 'Ann Rep', tz: 'America/New_York' });
  });

  it('the owner hears at once of what others do to their opportunity, never of their own changes', async () => {
    const teamId = await workspace(t);
    const about = 'Harbor cranes';
    const no = await newOpportunity(t.app.services, teamId, { owner: ANN, description: about });
    const since = mark(t);
    await run(t, `next ${no}`, teamId, ADMIN);
    await run(t, `note ${no} Called <@${ANN}>'s contact: <!channel> wants a demo`, teamId, ADMIN);
    await delivered(t);
    const dms = dmsToAnn(since, about);
    expect(dms).toHaveLength(2);
    expect(dms[0]).toContain(`<@${ADMIN}> moved *${no}* ${about} to stage 20`);
    expect(dms[1]).toContain(`<@${ADMIN}> added a note to *${no}*`);
    // Her own change: nobody is told.
    const own = mark(t);
    await run(t, `update ${no} chance:70`, teamId, ANN);
    await delivered(t);
    expect(dmsToAnn(own, about)).toEqual([]);
    // Closed by someone else: told.
    const closed = mark(t);
    await run(t, `close ${no} lost code:PRICE`, teamId, ADMIN);
    await delivered(t);
    expect(dmsToAnn(closed, about)).toEqual([expect.stringContaining(`closed *${no}* ${about} as lost`)]);
    expectNoBrokenText(since.calls());
  });

  it('/opp notify shows and changes the settings; off means no message; muting silences one opportunity', async () => {
    const teamId = await workspace(t);
    const about = 'Mute test deal';
    const no = await newOpportunity(t.app.services, teamId, { owner: ANN, description: about });
    const shown = await run(t, 'notify', teamId, ANN);
    expect(shown).toContain('Changes others make to my opportunities: *at once*');
    expect(shown).toContain('My opportunities past their closing date: *in the daily summary*');
    expect(shown).toContain('Daily summary at 09:00');
    expect(shown).toContain('No quiet hours');

    const saved = await run(t, 'notify changes:off stale:off summary:8:30 quiet:22:00-07:00', teamId, ANN);
    expect(saved).toContain('Your notification settings are saved.');
    expect(saved).toContain('Changes others make to my opportunities: *off*');
    expect(saved).toContain('Daily summary at 08:30');
    expect(saved).toContain('Quiet hours 22:00–07:00');
    const row = await t.db.prisma.notificationPreference.findUniqueOrThrow({
      where: { workspaceId_slackUserId: { workspaceId: teamId, slackUserId: ANN } },
    });
    expect(row).toMatchObject({
      changes: 'off',
      stale: 'off',
      overdue: 'daily',
      summaryAt: '08:30',
      quietStart: '22:00',
    });
    let since = mark(t);
    await run(t, `next ${no}`, teamId, ADMIN);
    await delivered(t);
    expect(dmsToAnn(since, about)).toEqual([]);

    await run(t, 'notify changes:instant quiet:off', teamId, ANN);
    expect(await run(t, `notify mute ${no}`, teamId, ANN)).toContain(`You won't hear about ${no} any more`);
    expect(await run(t, 'notify', teamId, ANN)).toContain(`Muted: ${no}`);
    since = mark(t);
    await run(t, `update ${no} chance:60`, teamId, ADMIN);
    await delivered(t);
    expect(dmsToAnn(since, about)).toEqual([]);
    expect(await run(t, `notify unmute ${no}`, teamId, ANN)).toContain(`You will hear about ${no} again.`);
    since = mark(t);
    await run(t, `update ${no} chance:65`, teamId, ADMIN);
    await delivered(t);
    expect(dmsToAnn(since, about)).toEqual([expect.stringContaining(`updated the figures of *${no}*`)]);
    // A wrong number or value is refused with a sentence.
    expect(await run(t, 'notify mute OP99999', teamId, ANN)).toMatch(/OP99999/);
    expect(await run(t, 'notify changes:sometimes', teamId, ANN)).toMatch(/instant/);
  });

  it('App Home has the Notifications section; its selects change the clicker’s own settings', async () => {
    const teamId = await workspace(t);
    const since = mark(t);
    await t.event({ event: { type: 'app_home_opened', user: ANN, tab: 'home' }, teamId });
    const published = await t.fake.waitFor(
      'views.publish',
      (c) => since.calls('views.publish').includes(c) && c.args.user_id === ANN,
    );
    const text = allText(published.args.view);
    expect(text).toContain('Notifications');
    expect(text).toContain('Changes others make to my opportunities');
    const homeView = buildView({ type: 'home', viewId: 'V0HOMENOT1', callbackId: CALLBACK_IDS.home, teamId });
    const clicked = mark(t);
    const ack = await t.click({
      actionId: ACTION_IDS.notifyMode,
      blockId: 'notify_mode_overdue',
      type: 'static_select',
      action: { selected_option: { text: { type: 'plain_text', text: 'off' }, value: 'overdue:off' } },
      teamId,
      userId: ANN,
      view: homeView,
    });
    expect(ack.status).toBe(200);
    await t.fake.waitFor('views.publish', (c) => clicked.calls('views.publish').includes(c) && c.args.user_id === ANN);
    await t.click({
      actionId: ACTION_IDS.notifyQuietStart,
      blockId: 'notify_times',
      type: 'static_select',
      action: { selected_option: { text: { type: 'plain_text', text: '21:00' }, value: '21:00' } },
      teamId,
      userId: ANN,
      view: homeView,
    });
    // A value no select offers changes nothing.
    await t.click({
      actionId: ACTION_IDS.notifySummaryAt,
      blockId: 'notify_times',
      type: 'static_select',
      action: { selected_option: { text: { type: 'plain_text', text: 'x' }, value: '25:99' } },
      teamId,
      userId: ANN,
      view: homeView,
    });
    await t.settle();
    const row = await t.db.prisma.notificationPreference.findUniqueOrThrow({
      where: { workspaceId_slackUserId: { workspaceId: teamId, slackUserId: ANN } },
    });
    expect(row).toMatchObject({ overdue: 'off', quietStart: '21:00', quietEnd: '07:00', summaryAt: '09:00' });
  });

  it('a notification’s Mute button and App Home’s select mute one opportunity, for the clicker only', async () => {
    const teamId = await workspace(t);
    const about = 'Mute button deal';
    const no = await newOpportunity(t.app.services, teamId, { owner: ANN, description: about });
    const other = await newOpportunity(t.app.services, teamId, { owner: ANN, description: 'Home mute deal' });
    const since = mark(t);
    await run(t, `next ${no}`, teamId, ADMIN);
    await delivered(t);
    const dm = since.calls('chat.postMessage').find((c) => c.args.channel === ANN && allText(c.args).includes(about));
    const buttons = JSON.stringify(dm?.args.blocks ?? []);
    expect(buttons).toContain(ACTION_IDS.notifyMuteButton);
    expect(buttons).toContain(`Mute ${no}`);
    const clicked = mark(t);
    await t.click({
      actionId: ACTION_IDS.notifyMuteButton,
      blockId: 'notify_mute',
      value: no,
      teamId,
      userId: ANN,
      channelId: 'D0ANNDM001',
      responseUrl: t.fake.responseUrl(),
    });
    await t.fake.waitFor(
      'response_url',
      (c) =>
        clicked.calls('response_url').includes(c) && allText(c.args).includes(`You won't hear about ${no} any more`),
    );
    let after = mark(t);
    await run(t, `update ${no} chance:55`, teamId, ADMIN);
    await delivered(t);
    expect(dmsToAnn(after, about)).toEqual([]);
    // Muted for Ann, not for the admin who clicks nothing.
    const muted = await t.db.prisma.notificationMute.findMany({ where: { workspaceId: teamId } });
    expect(muted.map((m) => [m.slackUserId, m.opportunityNo])).toEqual([[ANN, no]]);

    // App Home offers her own open opportunities not muted yet; choosing one mutes it.
    const home = mark(t);
    await t.event({ event: { type: 'app_home_opened', user: ANN, tab: 'home' }, teamId });
    const published = await t.fake.waitFor(
      'views.publish',
      (c) => home.calls('views.publish').includes(c) && c.args.user_id === ANN,
    );
    const blocks = (published.args.view as { blocks: { block_id?: string; elements?: unknown[] }[] }).blocks;
    const select = blocks.find((b) => b.block_id === 'notify_mute')?.elements?.[0] as {
      action_id: string;
      options: { text: { text: string }; value: string }[];
    };
    expect(select.action_id).toBe(ACTION_IDS.notifyMute);
    expect(select.options.map((o) => [o.value, o.text.text])).toContainEqual([other, `${other} Home mute deal`]);
    expect(select.options.map((o) => o.value)).not.toContain(no);
    const homeView = buildView({ type: 'home', viewId: 'V0HOMEMUT1', callbackId: CALLBACK_IDS.home, teamId });
    const chose = mark(t);
    await t.click({
      actionId: ACTION_IDS.notifyMute,
      blockId: 'notify_mute',
      type: 'static_select',
      action: { selected_option: { text: { type: 'plain_text', text: other }, value: other } },
      teamId,
      userId: ANN,
      view: homeView,
    });
    await t.fake.waitFor('views.publish', (c) => chose.calls('views.publish').includes(c) && c.args.user_id === ANN);
    after = mark(t);
    await run(t, `next ${other}`, teamId, ADMIN);
    await delivered(t);
    expect(dmsToAnn(after, 'Home mute deal')).toEqual([]);
    expectNoBrokenText(since.calls());
  });

  it('quiet hours hold a message until they end, then it is delivered once', async () => {
    const teamId = await workspace(t);
    const about = 'Quiet deal';
    const no = await newOpportunity(t.app.services, teamId, { owner: ANN, description: about });
    await run(t, 'notify quiet:22:00-07:00', teamId, ANN);
    // 10:00 UTC is 05:00 in New York: quiet.
    const since = mark(t);
    await run(t, `next ${no}`, teamId, ADMIN);
    await delivered(t);
    expect(dmsToAnn(since, about)).toEqual([]);
    const delivery = await t.db.prisma.outboxDelivery.findFirstOrThrow({
      where: { consumer: 'notifications', event: { workspaceId: teamId, kind: 'opportunity-moved' } },
    });
    expect(delivery.deliveredAt).toBeNull();
    expect(delivery.nextAttemptAt.toISOString()).toBe('2026-11-02T12:00:00.000Z'); // 07:00 in New York
    try {
      t.clock.set('2026-11-02T12:01:00Z');
      await t.app.dispatcher.tick();
      await t.app.dispatcher.tick();
      expect(dmsToAnn(since, about)).toEqual([expect.stringContaining(`moved *${no}*`)]);
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  it('overdue and stale are found once each and listed in one daily summary at the chosen time', async () => {
    const teamId = await workspace(t);
    await run(t, 'setting stale-days:3', teamId, ADMIN);
    const about = 'Overdue deal';
    const no = await newOpportunity(t.app.services, teamId, {
      owner: ANN,
      description: about,
      closeDate: '2026-11-05',
    });
    await run(t, 'notify summary:11:00', teamId, ANN);
    const events = (kind: string) => t.db.prisma.outboxEvent.count({ where: { workspaceId: teamId, kind } });
    const since = mark(t);
    try {
      // Nov 6, 10:00 in New York: past its closing date (Nov 5), no change since Nov 2 (3 stale days).
      t.clock.set('2026-11-06T15:00:00Z');
      await t.app.notifications.tick();
      await t.app.notifications.tick();
      expect(await events('opportunity-overdue')).toBe(1);
      expect(await events('opportunity-stale')).toBe(1);
      await delivered(t);
      // Held for the summary (daily is the default for both): nothing sent yet; not before 11:00.
      expect(dmsToAnn(since, about)).toEqual([]);
      await t.app.notifications.tick();
      expect(await events('notification-summary')).toBe(0);
      // 11:05 in New York: one summary, once however often the job looks.
      t.clock.set('2026-11-06T16:05:00Z');
      await t.app.notifications.tick();
      await t.app.notifications.tick();
      await delivered(t);
      expect(await events('notification-summary')).toBe(1);
      const summaries = dmsToAnn(since, about);
      expect(summaries).toHaveLength(1);
      expect(summaries[0]).toContain('Your daily summary');
      expect(summaries[0]).toContain(`*${no}* ${about} is past its estimated closing date`);
      expect(summaries[0]).toContain(`*${no}* ${about} has had no change for 3 days`);
      const held = await t.db.prisma.notification.findMany({ where: { workspaceId: teamId, slackUserId: ANN } });
      expect(held.every((n) => n.sentAt !== null)).toBe(true);
      // The next day: the same occasions are not told again.
      t.clock.set('2026-11-07T16:05:00Z');
      await t.app.notifications.tick();
      expect(await events('opportunity-overdue')).toBe(1);
      expect(await events('notification-summary')).toBe(1);
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  it('a person who left has their notifications turned off, and the admins are told once', async () => {
    const teamId = await workspace(t);
    const about = 'Gone deal';
    const no = await newOpportunity(t.app.services, teamId, { owner: ANN, description: about });
    const since = mark(t);
    t.fake.failNext('chat.postMessage', { error: 'account_inactive' });
    await run(t, `next ${no}`, teamId, ADMIN);
    await delivered(t);
    await run(t, `update ${no} chance:55`, teamId, ADMIN);
    await delivered(t);
    await delivered(t);
    const toAdmin = since
      .calls('chat.postMessage')
      .filter((c) => c.args.channel === ADMIN && allText(c.args).includes("can't be sent direct messages"));
    expect(toAdmin).toHaveLength(1);
    expect(allText(toAdmin[0]?.args)).toContain(`<@${ANN}>`);
    // Only the failed attempt was made to Ann: the second change was not tried.
    expect(since.calls('chat.postMessage').filter((c) => c.args.channel === ANN)).toHaveLength(1);
    const row = await t.db.prisma.notificationPreference.findUniqueOrThrow({
      where: { workspaceId_slackUserId: { workspaceId: teamId, slackUserId: ANN } },
    });
    expect(row.disabledAt).not.toBeNull();
    expect(await run(t, 'notify', teamId, ANN)).toContain('so they were turned off');
    // Setting anything turns them on again.
    await run(t, 'notify changes:instant', teamId, ANN);
    const back = mark(t);
    await run(t, `update ${no} chance:57`, teamId, ADMIN);
    await delivered(t);
    expect(dmsToAnn(back, about)).toHaveLength(1);
  });

  it.runIf(backend === 'postgres')('two instances on one PostgreSQL record and send each once', async () => {
    const teamId = await workspace(t);
    await run(t, 'notify overdue:instant', teamId, ANN);
    const about = 'Twin deal';
    await newOpportunity(t.app.services, teamId, {
      owner: ANN,
      description: about,
      closeDate: '2026-11-05',
    });
    const clock = fixedClock('2026-11-06T15:00:00Z');
    const config = {
      slack: {
        signingSecret: SLACK_DEFAULTS.signingSecret,
        botToken: SLACK_DEFAULTS.botToken,
        appToken: undefined,
        apiUrl: t.fake.url,
      },
      port: 0,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: 'unused',
      logLevel: 'error' as const,
    };
    const since = mark(t);
    const instances = await Promise.all(
      [0, 1].map(async () => {
        const database = await openDatabase({ databaseUrl: t.db.url, poolSize: 4 });
        const app = await startApp(config, {
          database,
          clock,
          schedulerIntervalMs: false,
          outboxIntervalMs: false,
          reminderIntervalMs: false,
          notificationIntervalMs: false,
        });
        return { app, database };
      }),
    );
    try {
      for (let round = 0; round < 3; round++) await Promise.all(instances.map((i) => i.app.notifications.tick()));
      for (const i of instances) await i.app.dispatcher.idle();
      await Promise.all(instances.map((i) => i.app.dispatcher.tick()));
      expect(await t.db.prisma.outboxEvent.count({ where: { workspaceId: teamId, kind: 'opportunity-overdue' } })).toBe(
        1,
      );
      expect(dmsToAnn(since, about).filter((text) => text.includes('past its estimated closing date'))).toHaveLength(1);
    } finally {
      for (const i of instances) {
        await i.app.stop();
        await i.database.close();
      }
    }
  });
});
