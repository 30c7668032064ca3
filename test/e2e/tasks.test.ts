// Tasks end to end: the tasks a stage activity creates are shown on the card, with `/opp tasks` (and a
// manager's `/opp tasks @user`), under "My tasks" in App Home; their owner completes or postpones them
// with buttons (postpone asks a typed date); on the due date the owner gets one direct message in their
// morning, in their own time zone — once, also with two instances of the app on one PostgreSQL.
import { describe, expect, it } from 'vitest';
import { startApp } from '../../src/app.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS } from '../../src/slack/ids.ts';
import { openDatabase } from '../../src/store/database.ts';
import { BACKENDS } from '../support/databases.ts';
import { newOpportunity, seededWorkspace, useTestApp } from '../support/fixtures.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { newTriggerId } from '../support/slack-requests.ts';
import { seedTaskCycle, TASK_CYCLE, TASK_STEPS } from '../support/task-fixtures.ts';
import { allText, type TestApp } from '../support/test-app.ts';
import {
  buttonsOf,
  ephemeralClick,
  expectNoBrokenText,
  fieldErrors,
  mark,
  openedModal,
  run,
  sentences,
  submitModal,
} from './e2e-kit.ts';

const ADMIN = SLACK_DEFAULTS.userId;
const ANN = 'U0ANNREP01';
const MANAGER = 'U0MANAGER1';
const CHANNEL = SLACK_DEFAULTS.channelId;

/** A workspace whose TSK cycle creates two tasks on its first stage, with Ann as a rep and a manager. */
async function workspace(t: TestApp): Promise<string> {
  const teamId = await seededWorkspace(t);
  await seedTaskCycle(t.app.services, teamId);
  await run(t, 'roles', teamId, ADMIN);
  await run(t, `role <@${MANAGER}> manager`, teamId, ADMIN);
  return teamId;
}

async function openTasks(t: TestApp, teamId: string, no: string) {
  return t.db.prisma.task.findMany({
    where: { workspaceId: teamId, opportunity: { no }, status: 'OPEN' },
    orderBy: { id: 'asc' },
  });
}

describe.each(BACKENDS)('tasks on %s', (backend) => {
  const t = useTestApp(backend, {}, (app) => {
    app.fake.setUser(ANN, { real_name: 'Ann Rep', tz: 'America/New_York' });
    app.fake.setUser(MANAGER, { real_name: 'Mo Manager' });
  });

  it('stage tasks are on the card, in /opp tasks and in App Home; a manager may list someone else’s', async () => {
    const teamId = await workspace(t);
    const since = mark(t);
    const no = await newOpportunity(t.app.services, teamId, { owner: ANN, salesCycleCode: TASK_CYCLE });
    expect(await openTasks(t, teamId, no)).toHaveLength(2);

    const card = await run(t, `show ${no}`, teamId, ANN);
    expect(card).toContain('Open tasks');
    expect(card).toContain(TASK_STEPS[0]);
    expect(card).toContain(TASK_STEPS[1]);

    const { reply } = await t.command('tasks', { teamId, userId: ANN });
    const list = sentences(reply.args);
    expect(list).toContain('Your open tasks');
    expect(list).toContain(`${no} Fleet renewal`);
    expect(buttonsOf(reply.args).map((b) => b.actionId)).toEqual([
      ACTION_IDS.taskComplete,
      ACTION_IDS.taskPostpone,
      ACTION_IDS.taskComplete,
      ACTION_IDS.taskPostpone,
    ]);

    // The manager reads Ann's (and may change them); Ann may not read the manager's.
    const managers = await t.command(`tasks <@${ANN}>`, { teamId, userId: MANAGER });
    expect(sentences(managers.reply.args)).toContain(TASK_STEPS[0]);
    expect(buttonsOf(managers.reply.args)).toHaveLength(4);
    expect(await run(t, `tasks <@${MANAGER}>`, teamId, ANN)).toMatch(
      /Only managers and admins can see someone else's tasks/,
    );

    await t.event({
      teamId,
      event: { type: 'app_home_opened', user: ANN, channel: 'D0ANN00001', tab: 'home', event_ts: '1700000000.000200' },
    });
    const home = await t.fake.waitFor('views.publish', (c) => since.calls('views.publish').includes(c));
    const homeText = sentences(home.args.view);
    expect(homeText).toContain('My tasks');
    expect(homeText).toContain(TASK_STEPS[1]);
    expectNoBrokenText(since.calls());
  });

  it('Done completes a task, Postpone moves it to a typed later date; someone else’s is refused', async () => {
    const teamId = await workspace(t);
    const no = await newOpportunity(t.app.services, teamId, { owner: ANN, salesCycleCode: TASK_CYCLE });
    const [first, second] = await openTasks(t, teamId, no);
    if (!first || !second) throw new Error('two tasks expected');

    // A rep may not complete another rep's task (the admin is not its owner; a rep refused).
    const other = 'U0OTHERREP';
    const refusedUrl = t.fake.responseUrl();
    await t.click({
      actionId: ACTION_IDS.taskComplete,
      value: String(first.id),
      teamId,
      userId: other,
      channelId: CHANNEL,
      responseUrl: refusedUrl,
    });
    const refused = await t.fake.waitFor('response_url', (c) => c.id === refusedUrl.split('/').pop());
    expect(sentences(refused.args)).toMatch(/Only managers and admins can complete or postpone tasks/);
    expect((await t.db.prisma.task.findUniqueOrThrow({ where: { id: first.id } })).status).toBe('OPEN');

    // Ann clicks Done on her list (an ephemeral reply): it is listed again without that task.
    const doneUrl = t.fake.responseUrl();
    await t.send(
      ephemeralClick({
        actionId: ACTION_IDS.taskComplete,
        blockId: `task_row_${first.id}`,
        value: String(first.id),
        teamId,
        userId: ANN,
        channelId: CHANNEL,
        responseUrl: doneUrl,
      }),
    );
    await t.settle();
    expect((await t.db.prisma.task.findUniqueOrThrow({ where: { id: first.id } })).status).toBe('COMPLETED');
    const said = t.fake.calls('response_url').filter((c) => c.id === doneUrl.split('/').pop());
    const replies = said.map((c) => allText(c.args)).join('\n');
    expect(replies).toContain(`Task “${TASK_STEPS[0]}” is done.`);
    const relisted = said.find((c) => c.args.replace_original === true);
    expect(allText(relisted?.args)).toContain(TASK_STEPS[1]);
    expect(allText(relisted?.args)).not.toContain(TASK_STEPS[0]);
    const event = await t.db.prisma.outboxEvent.findFirst({ where: { workspaceId: teamId, kind: 'task-completed' } });
    expect(event?.actorUserId).toBe(ANN);

    // Done again: already completed, said plainly.
    const againUrl = t.fake.responseUrl();
    await t.click({
      actionId: ACTION_IDS.taskComplete,
      value: String(first.id),
      teamId,
      userId: ANN,
      channelId: CHANNEL,
      responseUrl: againUrl,
    });
    const again = await t.fake.waitFor('response_url', (c) => c.id === againUrl.split('/').pop());
    expect(sentences(again.args)).toContain('is already completed');

    // Postpone: a form asking a date, typed as people say it.
    const since = mark(t);
    const triggerId = newTriggerId();
    await t.click({
      actionId: ACTION_IDS.taskPostpone,
      value: String(second.id),
      teamId,
      userId: ANN,
      channelId: CHANNEL,
      triggerId,
      responseUrl: t.fake.responseUrl(),
    });
    const form = await openedModal(t, since, CALLBACK_IDS.postponeTask, triggerId);
    const tooEarly = await submitModal(
      t,
      form,
      { [BLOCK_IDS.postponeTask.newDate]: '2026-11-03' },
      { teamId, userId: ANN },
    );
    expect(Object.values(fieldErrors(tooEarly)).join()).toMatch(/postpone it to a later date/);
    const nonsense = await submitModal(
      t,
      form,
      { [BLOCK_IDS.postponeTask.newDate]: 'whenever' },
      { teamId, userId: ANN },
    );
    expect(fieldErrors(nonsense)[BLOCK_IDS.postponeTask.newDate]).toMatch(/Type a date/);
    const ok = await submitModal(t, form, { [BLOCK_IDS.postponeTask.newDate]: '2026-12-20' }, { teamId, userId: ANN });
    expect(ok.status).toBe(200);
    await t.settle();
    const moved = await t.db.prisma.task.findUniqueOrThrow({ where: { id: second.id } });
    expect(moved.date.toISOString().slice(0, 10)).toBe('2026-12-20');
    expect(moved.status).toBe('OPEN');
    expect(allText(since.calls('chat.postEphemeral').map((c) => c.args))).toContain('is now due');
  });

  it('the owner is reminded by DM at 9:00 in their time zone on the due date, once', async () => {
    const teamId = await workspace(t);
    // Created on 2026-11-02 (TEST_TODAY): the first step is due that day, the second a week later.
    const no = await newOpportunity(t.app.services, teamId, { owner: ANN, salesCycleCode: TASK_CYCLE });
    const [first] = await openTasks(t, teamId, no);
    const dmsToAnn = () => t.fake.calls('chat.postMessage').filter((c) => c.args.channel === ANN);
    const before = dmsToAnn().length;

    // The job serves every workspace: count what it recorded for this one.
    const reminded = () => t.db.prisma.outboxEvent.count({ where: { workspaceId: teamId, kind: 'task-due' } });
    // 8:30 in New York (13:30 UTC): not yet.
    t.clock.set('2026-11-02T13:30:00Z');
    await t.app.reminders.tick();
    expect(await reminded()).toBe(0);
    // 9:05 in New York: the first task, once however often the job looks.
    t.clock.set('2026-11-02T14:05:00Z');
    await t.app.reminders.tick();
    await t.app.reminders.tick();
    expect(await reminded()).toBe(1);
    await t.app.dispatcher.idle();
    await t.app.dispatcher.tick();
    const dms = dmsToAnn()
      .slice(before)
      .filter((c) => buttonsOf(c.args).some((b) => b.value === String(first?.id)));
    expect(dms).toHaveLength(1);
    const dm = sentences(dms[0]?.args);
    expect(dm).toContain(TASK_STEPS[0]);
    expect(dm).toContain('is due today');
    expect(buttonsOf(dms[0]?.args ?? {}).map((b) => b.value)).toEqual([String(first?.id), String(first?.id)]);
    t.clock.set('2026-11-02T10:00:00Z');
  });

  it.runIf(backend === 'postgres')('two app instances on one PostgreSQL send each reminder once', async () => {
    const teamId = await workspace(t);
    const no = await newOpportunity(t.app.services, teamId, { owner: ANN, salesCycleCode: TASK_CYCLE });
    expect(await openTasks(t, teamId, no)).toHaveLength(2);
    const clock = fixedClock('2026-11-09T15:00:00Z'); // both tasks due (Nov 2 and Nov 9), 10:00 in New York
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
    const dmsToAnn = () => t.fake.calls('chat.postMessage').filter((c) => c.args.channel === ANN);
    const before = dmsToAnn().length;
    const instances = await Promise.all(
      [0, 1].map(async () => {
        const database = await openDatabase({ databaseUrl: t.db.url, poolSize: 4 });
        const app = await startApp(config, {
          database,
          clock,
          schedulerIntervalMs: false,
          outboxIntervalMs: false,
          reminderIntervalMs: false,
        });
        return { app, database };
      }),
    );
    try {
      for (let round = 0; round < 3; round++) await Promise.all(instances.map((i) => i.app.reminders.tick()));
      for (const i of instances) await i.app.dispatcher.idle();
      await Promise.all(instances.map((i) => i.app.dispatcher.tick()));
      const ids = (await openTasks(t, teamId, no)).map((task) => String(task.id));
      const mine = dmsToAnn()
        .slice(before)
        .filter((c) => buttonsOf(c.args).some((b) => ids.includes(b.value)));
      expect(mine).toHaveLength(2);
      const reminded = await t.db.prisma.outboxEvent.count({ where: { workspaceId: teamId, kind: 'task-due' } });
      expect(reminded).toBe(2);
    } finally {
      for (const i of instances) {
        await i.app.stop();
        await i.database.close();
      }
    }
  });
});
