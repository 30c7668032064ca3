// What managers read in their channels: digests on demand and on a schedule, stats, exports,
// subscriptions — through the real app, its scheduler driven by an injected clock.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src/app.ts';
import { dec } from '../../src/domain/decimal.ts';
import { localDate } from '../../src/domain/local-date.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { openDatabase } from '../../src/store/database.ts';
import { BACKFILL_DIGEST_SCOPE_ORDER_SOURCE, rerunDataMigration } from '../support/data-migrations.ts';
import { BACKENDS } from '../support/databases.ts';
import { seedPipelineSetup } from '../support/pipeline-fixtures.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { startTestApp, TEST_TODAY, type TestApp } from '../support/test-app.ts';
import { mark, run, sentences } from './e2e-kit.ts';

const CHANNEL = SLACK_DEFAULTS.channelId;
const SAM = 'U0SAM00001';

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function pipeline(t: TestApp, teamId: string): Promise<void> {
  await seedPipelineSetup(t.app.services, teamId);
  const { opportunities } = t.app.services;
  const today = localDate(TEST_TODAY);
  for (const [i, value] of [10_000, 20_000, 30_000].entries()) {
    await opportunities.create(teamId, {
      description: `Deal ${i + 1}`,
      contact: 'Acme Corp',
      salesperson: { slackUserId: SLACK_DEFAULTS.userId, displayName: 'Ana Rep' },
      salesCycleCode: 'STD',
      activate: { estimatedValue: dec(value), chancesPct: dec(50), estimatedCloseDate: localDate('2026-12-15') },
      today,
    });
  }
  await opportunities.move(teamId, 'OP00002', { action: 'next', today });
  await opportunities.close(teamId, 'OP00003', { outcome: 'won', closeCode: 'WIN', salesAmount: dec(28_000), today });
}

describe.each(BACKENDS)('pipeline digests on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('/opp digest posts the summary and a legible chart to the channel; the next one says what changed', async () => {
    const teamId = t.newWorkspace();
    await pipeline(t, teamId);
    const since = mark(t);
    const reply = await run(t, 'digest', teamId);
    expect(reply).toMatch(/posted/);
    const posts = since.calls('chat.postMessage').filter((c) => c.args.channel === CHANNEL);
    expect(posts.length).toBeGreaterThanOrEqual(1);
    const text = posts.map((c) => sentences(c.args)).join('\n');
    expect(text).toMatch(/Initial contact/);
    expect(text).toMatch(/Qualification/);
    expect(text).toMatch(/\$30,000\.00/); // open estimated: 10,000 + 20,000
    expect(text).toMatch(/\$28,000\.00/); // won in the period
    expect(text).toMatch(/first digest/i);
    const upload = t.fake.uploads.at(-1);
    expect(upload?.filename).toMatch(/^pipeline-2026-11-02\.png$/);
    expect(pngSize(upload?.data ?? Buffer.alloc(0))).toEqual({ width: 1000, height: 800 });
    const complete = await t.fake.waitFor('files.completeUploadExternal', (c) => since.calls().includes(c));
    expect(complete.args.channel_id).toBe(CHANNEL);

    // A change a minute later, then the next digest lists it.
    t.clock.set(new Date(t.clock.now().getTime() + 60_000));
    await t.app.services.opportunities.move(teamId, 'OP00001', { action: 'next', today: localDate(TEST_TODAY) });
    const again = mark(t);
    await run(t, 'digest', teamId);
    const next = again
      .calls('chat.postMessage')
      .map((c) => sentences(c.args))
      .join('\n');
    expect(next).toMatch(/OP00001/);
    expect(next).not.toMatch(/first digest/i);
  });

  it('stats and export answer with the §12 figures and a CSV file', async () => {
    const teamId = t.newWorkspace();
    await pipeline(t, teamId);
    expect(await run(t, 'stats OP00002', teamId)).toMatch(/20,000\.00/);
    const cycle = await run(t, 'stats cycle:STD', teamId);
    expect(cycle).toMatch(/Qualification/);
    expect(cycle).toMatch(/Total/i);
    const uploadsBefore = t.fake.uploads.length;
    expect(await run(t, 'export all status:all', teamId)).toMatch(/Exported 3 opportunities/);
    const csv = t.fake.uploads.slice(uploadsBefore).at(-1);
    expect(csv?.filename).toMatch(/\.csv$/);
    const lines = (csv?.data.toString('utf8') ?? '').trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^OP00001,/);
  });

  it('subscribe, subscriptions and unsubscribe; a bad time zone is a sentence', async () => {
    const teamId = t.newWorkspace();
    await seedPipelineSetup(t.app.services, teamId);
    expect(await run(t, `subscribe <#${CHANNEL}|sales> weekly day:friday at:09:30 tz:Europe/Berlin`, teamId)).toMatch(
      /every Friday at 09:30 \(Europe\/Berlin\).*Nov 6, 2026 09:30/s,
    );
    expect(await run(t, 'subscriptions', teamId)).toMatch(new RegExp(`<#${CHANNEL}> every Friday`));
    expect(await run(t, `subscribe <#${CHANNEL}> daily tz:Mars/Olympus`, teamId)).toMatch(/time zone/i);
    // A second schedule for the channel replaces the first, and says which one (issue 14, point 8).
    const again = await run(t, `subscribe <#${CHANNEL}> daily at:08:00 tz:Europe/Berlin`, teamId);
    expect(again).toContain(
      `It replaces the digest <#${CHANNEL}> had every Friday at 09:30 (Europe/Berlin): a channel has one schedule.`,
    );
    expect(await run(t, 'subscriptions', teamId)).not.toMatch(/every Friday/);
    expect(await run(t, `unsubscribe <#${CHANNEL}>`, teamId)).toMatch(/won't get scheduled digests/);
    expect(await run(t, `unsubscribe <#${CHANNEL}>`, teamId)).toMatch(/has no scheduled digest/);
  });

  it('the scheduler posts a due digest once, catches up once after downtime, and keeps the wall-clock time across DST', async () => {
    const teamId = t.newWorkspace();
    await pipeline(t, teamId);
    const channel = 'C0DIGEST01';
    t.clock.set('2026-03-26T12:00:00Z');
    await t.app.services.subscriptions.subscribe(
      teamId,
      {
        channelId: channel,
        frequency: 'daily',
        at: '08:00',
        timeZone: 'Europe/Berlin',
        createdBySlackUserId: SLACK_DEFAULTS.userId,
      },
      t.clock.now(),
    );
    const postsTo = () => t.fake.calls('chat.postMessage').filter((c) => c.args.channel === channel).length;
    const digestsAt = async (iso: string) => {
      t.clock.set(iso);
      await t.app.scheduler.tick();
      return postsTo();
    };
    expect(await digestsAt('2026-03-27T06:59:00Z')).toBe(0); // 07:59 in Berlin (CET)
    const first = await digestsAt('2026-03-27T07:00:30Z'); // 08:00:30 CET
    expect(first).toBeGreaterThan(0);
    expect(await digestsAt('2026-03-27T07:05:00Z')).toBe(first); // not twice
    // 29 March: clocks go forward; 08:00 CEST is 06:00 UTC.
    expect(await digestsAt('2026-03-28T07:01:00Z')).toBe(first * 2);
    expect(await digestsAt('2026-03-29T05:59:00Z')).toBe(first * 2);
    expect(await digestsAt('2026-03-29T06:00:30Z')).toBe(first * 3);
    // Down for ten days: one catch-up digest, not ten.
    expect(await digestsAt('2026-04-09T12:00:00Z')).toBe(first * 4);
    expect(await digestsAt('2026-04-09T12:30:00Z')).toBe(first * 4);
    const runs = await t.db.prisma.digestRun.findMany({ where: { workspaceId: teamId } });
    expect(runs.map((r) => r.status)).toEqual(['POSTED', 'POSTED', 'POSTED', 'POSTED']);
    // Each run recorded the subscription's scope when it was scheduled.
    expect(runs.every((r) => r.timeZone === 'Europe/Berlin' && r.salesCycleCode === null)).toBe(true);
    // The scheduler serves every workspace: leave nothing due for the next tests.
    await t.app.services.subscriptions.unsubscribe(teamId, channel);
  });

  it('unsubscribing drops the digest still waiting to be retried: nothing is posted to the channel afterwards', async () => {
    const teamId = t.newWorkspace();
    await pipeline(t, teamId);
    const channel = 'C0DIGEST04';
    t.clock.set('2026-11-02T07:00:00Z');
    await t.app.services.subscriptions.subscribe(
      teamId,
      {
        channelId: channel,
        frequency: 'daily',
        at: '08:00',
        timeZone: 'UTC',
        salesCycleCode: 'STD',
        createdBySlackUserId: SLACK_DEFAULTS.userId,
      },
      t.clock.now(),
    );
    t.fake.failNext('chat.postMessage', { status: 429, retryAfter: 30 });
    t.clock.set('2026-11-02T08:00:10Z');
    expect(await t.app.scheduler.tick()).toMatchObject({ scheduled: 1, posted: 0, retried: 1 });
    expect(await t.db.prisma.digestRun.findFirstOrThrow({ where: { workspaceId: teamId } })).toMatchObject({
      salesCycleCode: 'STD',
      timeZone: 'UTC',
    });
    expect(await run(t, `unsubscribe <#${channel}>`, teamId)).toMatch(/won't get scheduled digests/);
    const posts = () => t.fake.calls().filter((c) => c.args.channel === channel || c.args.channel_id === channel);
    const refused = posts().length; // the attempt Slack answered with 429
    t.clock.set('2026-11-02T08:01:00Z');
    expect(await t.app.scheduler.tick()).toMatchObject({ posted: 0 });
    expect(posts()).toHaveLength(refused);
    expect(await t.db.prisma.digestRun.count({ where: { workspaceId: teamId, status: 'PENDING' } })).toBe(0);
  });

  /** A second cycle, EMEA, with one deal of Ana (the default user) and one of Sam. */
  async function emeaDeals(teamId: string): Promise<void> {
    const { setup, opportunities } = t.app.services;
    await setup.addSalesCycle(teamId, { code: 'EMEA', description: 'Europe' });
    await setup.addStage(teamId, 'EMEA', {
      stage: 10,
      description: 'Discovery',
      completedPct: dec(10),
      chancesPct: dec(20),
    });
    const today = localDate(TEST_TODAY);
    for (const [description, salesperson, value] of [
      ['Ana in Europe', { slackUserId: SLACK_DEFAULTS.userId, displayName: 'Ana Rep' }, 7_000],
      ['Sam in Europe', { slackUserId: SAM, displayName: 'Sam Seller' }, 9_000],
    ] as const) {
      await opportunities.create(teamId, {
        description,
        contact: 'Acme Corp',
        salesperson,
        salesCycleCode: 'EMEA',
        activate: { estimatedValue: dec(value), chancesPct: dec(50), estimatedCloseDate: localDate('2026-12-15') },
        today,
      });
    }
  }

  it('/opp digest for a cycle and a salesperson, asked from another time zone, is posted with exactly that scope', async () => {
    const teamId = t.newWorkspace();
    await pipeline(t, teamId);
    await emeaDeals(teamId);
    // A manager on Kiritimati (UTC+14), where it is already 3 November.
    t.clock.set('2026-11-02T12:00:00Z');
    const manager = 'U0KIRI0001';
    t.fake.setUser(manager, { tz: 'Pacific/Kiritimati', real_name: 'Kim Manager' });
    const digest = async (owner: string) => {
      const since = mark(t);
      expect(await run(t, `digest cycle:EMEA owner:<@${owner}>`, teamId, manager)).toMatch(/posted/);
      const text = since
        .calls('chat.postMessage')
        .filter((c) => c.args.channel === CHANNEL)
        .map((c) => sentences(c.args))
        .join('\n');
      return { text, chart: t.fake.uploads.at(-1)?.filename };
    };
    const sams = await digest(SAM);
    expect(sams.text).toMatch(/Discovery/);
    expect(sams.text).toMatch(/\$9,000\.00/); // Sam's deal in EMEA
    expect(sams.text).not.toMatch(/\$7,000\.00/); // Ana's deal in EMEA
    expect(sams.text).not.toMatch(/Qualification|\$30,000\.00/); // the STD cycle
    expect(sams.chart).toBe('pipeline-2026-11-03.png');
    // The longest user id a mention carries (U + 20 characters), someone with no opportunities.
    const newcomer = 'U0NEW0123456789ABCDEF';
    const newcomers = await digest(newcomer);
    expect(newcomers.text).toMatch(/Discovery/);
    expect(newcomers.text).not.toMatch(/\$9,000\.00|\$7,000\.00|Qualification|\$30,000\.00/);
    expect(newcomers.chart).toBe('pipeline-2026-11-03.png');
    const runs = await t.db.prisma.digestRun.findMany({ where: { workspaceId: teamId }, orderBy: { id: 'asc' } });
    expect(
      runs.map(({ status, salesCycleCode, salespersonSlackUserId, timeZone }) => ({
        status,
        salesCycleCode,
        salespersonSlackUserId,
        timeZone,
      })),
    ).toEqual(
      [SAM, newcomer].map((salespersonSlackUserId) => ({
        status: 'POSTED',
        salesCycleCode: 'EMEA',
        salespersonSlackUserId,
        timeZone: 'Pacific/Kiritimati',
      })),
    );
  });

  it('an on-demand run recorded before the scope columns keeps its scope; one whose scope cannot be read fails, posting nothing', async () => {
    const teamId = t.newWorkspace();
    await pipeline(t, teamId);
    const [readable, unreadable] = ['C0DIGEST05', 'C0DIGEST06'];
    t.clock.set('2026-11-02T12:00:00Z'); // 3 November on Kiritimati (UTC+14)
    const oldRun = (channelId: string, periodKey: string) =>
      t.db.prisma.digestRun.create({
        data: { workspaceId: teamId, channelId, periodKey, scheduledFor: t.clock.now(), nextAttemptAt: t.clock.now() },
      });
    // As the previous version wrote them: the scope inside the period key only.
    const kept = await oldRun(readable, `now:${randomUUID()}:STD:U0SAM01:Pacific/Kiritimati`);
    const lost = await oldRun(unreadable, 'now:written-by-hand');
    await rerunDataMigration(t.db, BACKFILL_DIGEST_SCOPE_ORDER_SOURCE);
    expect(await t.db.prisma.digestRun.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({
      salesCycleCode: 'STD',
      salespersonSlackUserId: 'U0SAM01',
      timeZone: 'Pacific/Kiritimati',
    });
    const since = mark(t);
    expect(await t.app.scheduler.tick()).toMatchObject({ posted: 1, failed: 1 });
    expect(since.calls('chat.postMessage').filter((c) => c.args.channel === readable).length).toBeGreaterThan(0);
    expect(t.fake.uploads.at(-1)?.filename).toBe('pipeline-2026-11-03.png');
    expect(since.calls().filter((c) => c.args.channel === unreadable || c.args.channel_id === unreadable)).toEqual([]);
    expect(await t.db.prisma.digestRun.findUniqueOrThrow({ where: { id: lost.id } })).toMatchObject({
      status: 'FAILED',
      lastError: expect.stringMatching(/scope unreadable/),
    });
  });

  it('a rate-limited digest is retried after Retry-After and nothing is lost; commands keep working meanwhile', async () => {
    const teamId = t.newWorkspace();
    await pipeline(t, teamId);
    const channel = 'C0DIGEST02';
    t.clock.set('2026-11-02T07:00:00Z');
    await t.app.services.subscriptions.subscribe(
      teamId,
      {
        channelId: channel,
        frequency: 'daily',
        at: '08:00',
        timeZone: 'UTC',
        createdBySlackUserId: SLACK_DEFAULTS.userId,
      },
      t.clock.now(),
    );
    t.fake.failNext('chat.postMessage', { status: 429, retryAfter: 30 });
    t.clock.set('2026-11-02T08:00:10Z');
    const first = await t.app.scheduler.tick();
    expect(first).toMatchObject({ scheduled: 1, posted: 0, retried: 1 });
    expect(await run(t, 'list all', teamId)).toMatch(/OP00001/); // interactive path unaffected
    t.clock.set('2026-11-02T08:00:20Z');
    expect(await t.app.scheduler.tick()).toMatchObject({ posted: 0 }); // still waiting for Retry-After
    t.clock.set('2026-11-02T08:00:45Z');
    expect(await t.app.scheduler.tick()).toMatchObject({ posted: 1 });
    const run_ = await t.db.prisma.digestRun.findFirstOrThrow({ where: { workspaceId: teamId } });
    expect(run_.status).toBe('POSTED');
    expect(t.fake.calls('chat.postMessage').filter((c) => c.args.channel === channel).length).toBeGreaterThan(0);
    await t.app.services.subscriptions.unsubscribe(teamId, channel);
  });

  it.runIf(backend === 'postgres')(
    'two app instances on one PostgreSQL post each due digest exactly once',
    async () => {
      const teamId = t.newWorkspace();
      await pipeline(t, teamId);
      const channel = 'C0DIGEST03';
      const clock = fixedClock('2026-11-02T07:00:00Z');
      await t.app.services.subscriptions.subscribe(
        teamId,
        {
          channelId: channel,
          frequency: 'daily',
          at: '08:00',
          timeZone: 'UTC',
          createdBySlackUserId: SLACK_DEFAULTS.userId,
        },
        clock.now(),
      );
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
      const instances = await Promise.all(
        [0, 1].map(async () => {
          const database = await openDatabase({ databaseUrl: t.db.url, poolSize: 4 });
          const app = await startApp(config, { database, clock, schedulerIntervalMs: false, digestPostIntervalMs: 0 });
          return { app, database };
        }),
      );
      try {
        clock.set('2026-11-02T08:00:05Z');
        for (let round = 0; round < 3; round++) {
          await Promise.all(instances.map((i) => i.app.scheduler.tick()));
        }
        const runs = await t.db.prisma.digestRun.findMany({ where: { workspaceId: teamId } });
        expect(runs).toHaveLength(1);
        expect(runs[0]?.status).toBe('POSTED');
        const charts = t.fake.calls('files.completeUploadExternal').filter((c) => c.args.channel_id === channel);
        expect(charts).toHaveLength(1);
      } finally {
        await t.app.services.subscriptions.unsubscribe(teamId, channel);
        for (const i of instances) {
          await i.app.stop();
          await i.database.close();
        }
      }
    },
  );
});
