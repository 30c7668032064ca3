// Channel alerts and personal notifications under load (issue 15): changes that record BENCH_ALERT_RATE
// events a minute (10,000 by default) are sent to the app as signed `/opp` commands for BENCH_ALERT_SECONDS, by an
// admin, on opportunities of four reps, in a workspace with several channel alerts and the reps'
// notifications at their defaults. Every change is a real one (stage moves, reassignments, updates,
// closings, new opportunities), so it records its events and deliveries in the outbox as in
// production, and the app's dispatcher matches and delivers them to the fake Slack Web API. Measured:
// the events recorded and the deliveries completed per second, the lag from an event to its delivery
// (outbox_delivery.delivered_at − outbox_event.occurred_at), the alert posts against folded updates,
// and the ack of concurrent `/opp list` commands with that load running, beside the same without it
// and beside a bare Bolt app that only acks. As in the Slack section, the app, the floor and the fake
// Slack each run in their own process.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { sql } from 'kysely';
import { dec } from '../../src/domain/decimal.ts';
import { addDays, dateInZone } from '../../src/domain/local-date.ts';
import { createServices } from '../../src/services/index.ts';
import { openDatabase } from '../../src/store/database.ts';
import { seedPipelineSetup } from '../support/pipeline-fixtures.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { type SlackRequest, slashCommand } from '../support/slack-requests.ts';
import { type CallSummary, type RemoteFakeSlack, startFakeSlackProcess, waitDrained } from './fake-slack-process.ts';
import { type Measurement, type Report, summarise } from './measure.ts';
import { postSigned, sendSigned, startServerProcess } from './processes.ts';

/** The events a minute the load asks for (issue 15: 10,000), through matching and delivery. */
const EVENTS_PER_MINUTE = Number(process.env.BENCH_ALERT_RATE ?? 10_000);
const SECONDS = Number(process.env.BENCH_ALERT_SECONDS ?? 60);
/** How long the app may take, after the load, to deliver what it has not yet delivered. */
const DRAIN_SECONDS = Number(process.env.BENCH_ALERT_DRAIN_SECONDS ?? 300);
const LIST_REQUESTS = Number(process.env.BENCH_SLACK_REQUESTS ?? 300);
const CONCURRENCY = 10;
/** Changes sent and not yet acknowledged, at most: past it the sender falls behind (and says so). */
const MAX_IN_FLIGHT = 200;
const TEAM = 'TBENCHALERTS';
const ADMIN = SLACK_DEFAULTS.userId;
const REPS = ['U0BENCHREP1', 'U0BENCHREP2', 'U0BENCHREP3', 'U0BENCHREP4'];
/** Where the changes are typed: a team channel, so that a won deal is also announced there. */
const COMMAND_CHANNEL = 'C0BENCHCMDS';
const ALERTS = [
  'alert <#C0BENCHALL1> all',
  'alert <#C0BENCHBIG1> won lost value:>50k',
  'alert <#C0BENCHSTG1> stage cycle:BENCH',
  `alert <#C0BENCHREP1> stage reassigned owner:<@${REPS[0]}>`,
  'alert <#C0BENCHNEW1> created',
];
/** Each opportunity's changes, one every few seconds (the changes go round the opportunities). */
const SCRIPT = ['next', 'next', 'reassign', 'next', 'update', 'next', 'close'] as const;
/** One change in this many is a new opportunity instead (the `created` alerts). */
const NEW_EVERY = 50;
/** The events each change records: an owner's change is an edit and a reassignment; a new one is started at once. */
const EVENTS_OF: Record<(typeof SCRIPT)[number] | 'new', number> = {
  next: 1,
  reassign: 2,
  update: 1,
  close: 1,
  new: 2,
};
/** The events a change records on average over the script, so that changes are sent at the rate that records EVENTS_PER_MINUTE. */
const EVENTS_PER_CHANGE =
  (1 - 1 / NEW_EVERY) * (SCRIPT.reduce((sum, step) => sum + EVENTS_OF[step], 0) / SCRIPT.length) +
  EVENTS_OF.new / NEW_EVERY;
const CHANGES_PER_MINUTE = EVENTS_PER_MINUTE / EVENTS_PER_CHANGE;

interface Prepared {
  env: Record<string, string>;
  open: () => ReturnType<typeof openDatabase>;
  cleanup: () => Promise<void>;
  opportunities: string[];
}

/** The workspace: a cycle of nine stages, the opportunities of four reps, no outbox backlog. */
async function prepareDatabase(
  backend: 'pglite' | 'postgres',
  postgresUrl: string | undefined,
  count: number,
): Promise<Prepared> {
  let env: Record<string, string>;
  let open: Prepared['open'];
  let cleanup: () => Promise<void>;
  if (backend === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'pipeline-bench-alerts-'));
    open = () => openDatabase({ dataDir: dir });
    env = { DATA_DIR: dir, DATABASE_URL: '' };
    cleanup = () => rm(dir, { recursive: true, force: true });
  } else {
    const name = `pipeline_bench_alerts_${process.pid}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(postgresUrl ?? '');
    url.pathname = `/${name}`;
    open = () => openDatabase({ databaseUrl: url.toString() });
    env = { DATABASE_URL: url.toString() };
    cleanup = async () => {
      const c = new pg.Client({ connectionString: postgresUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  }
  const db = await open();
  const services = createServices(db);
  const today = dateInZone(new Date(), 'Europe/London');
  await seedPipelineSetup(services, TEAM);
  await services.setup.addSalesCycle(TEAM, { code: 'BENCH', description: 'Bench cycle' });
  for (let stage = 1; stage <= 9; stage++) {
    await services.setup.addStage(TEAM, 'BENCH', {
      stage: stage * 10,
      description: `Step ${stage}`,
      completedPct: dec(stage * 10),
      chancesPct: dec(stage * 10),
    });
  }
  const opportunities: string[] = [];
  for (let i = 0; i < count; i++) {
    const rep = REPS[i % REPS.length] ?? '';
    const detail = await services.opportunities.create(TEAM, {
      description: `Bench deal ${i}`,
      contact: 'Acme Corp',
      salesperson: { slackUserId: rep, displayName: `Rep ${rep.slice(-1)}` },
      salesCycleCode: 'BENCH',
      activate: {
        estimatedValue: dec(10_000 + (i % 10) * 10_000),
        chancesPct: dec(40),
        estimatedCloseDate: addDays(today, 40),
      },
      today,
    });
    opportunities.push(detail.no);
  }
  // The set-up's own events are not the load: settled before the app starts.
  await sql`UPDATE outbox_delivery SET delivered_at = now() WHERE delivered_at IS NULL`.execute(db.sql);
  await db.close();
  return { env, open, cleanup, opportunities };
}

/** The k-th change of the load: going round the opportunities, each one through SCRIPT. */
function changeText(k: number, opportunities: readonly string[]): string {
  if (k % NEW_EVERY === NEW_EVERY - 1)
    return `new Bench lead ${k} contact:"Acme Corp" value:${20_000 + (k % 7) * 10_000} chance:30 close:in 40 days cycle:BENCH owner:<@${REPS[k % REPS.length]}>`;
  const n = opportunities.length;
  const j = k % n;
  const no = opportunities[j] ?? '';
  const step = SCRIPT[Math.floor(k / n) % SCRIPT.length];
  switch (step) {
    case 'reassign':
      return `edit ${no} owner:<@${REPS[(j + 1) % REPS.length]}>`;
    case 'update':
      return `update ${no} value:${15_000 + (k % 11) * 9_000}`;
    case 'close':
      return j % 2 === 0
        ? `close ${no} won code:WIN amount:${30_000 + (j % 5) * 10_000}`
        : `close ${no} lost code:PRICE`;
    default:
      return `next ${no}`;
  }
}

/** Sends `count` requests, CONCURRENCY at a time, and returns each one's ack latency in ms. */
function load(url: string, count: number, build: (i: number) => SlackRequest): Promise<number[]> {
  return sendSigned(url, count, build, CONCURRENCY);
}

interface Produced {
  sent: number;
  acks: number[];
  /** Changes the app did not acknowledge with a 200 (reported, not thrown: an overloaded app is a figure). */
  failures: string[];
  startedAt: Date;
  endedAt: Date;
}

/** Sends changes at a steady rate for `seconds` (open loop: a slow ack does not slow the sender). */
async function produce(url: string, seconds: number, build: (k: number) => SlackRequest): Promise<Produced> {
  const intervalMs = 60_000 / CHANGES_PER_MINUTE;
  const acks: number[] = [];
  const failures: string[] = [];
  const inFlight = new Set<Promise<void>>();
  const startedAt = new Date();
  const start = performance.now();
  let sent = 0;
  for (;;) {
    const elapsed = performance.now() - start;
    if (elapsed >= seconds * 1000) break;
    while (sent <= elapsed / intervalMs && inFlight.size < MAX_IN_FLIGHT) {
      const k = sent++;
      const request = postSigned(url, build(k)).then(
        (response) => {
          if (response.status === 200) acks.push(response.elapsedMs);
          else failures.push(`change ${k} answered ${response.status}: ${response.text.slice(0, 200)}`);
        },
        (error: unknown) => void failures.push(`change ${k}: ${String(error)}`),
      );
      const tracked: Promise<void> = request.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await Promise.all(inFlight);
  return { sent, acks, failures, startedAt, endedAt: new Date() };
}

/** What the database says of the load's events and their deliveries (read after the app stopped). */
async function outboxFigures(open: Prepared['open'], from: Date, loadEnd: Date) {
  const db = await open();
  try {
    const events = await sql<{ kind: string; n: number; first: Date; last: Date }>`
      SELECT kind, count(*)::int AS n, min(occurred_at) AS first, max(occurred_at) AS last
      FROM outbox_event WHERE workspace_id = ${TEAM} AND occurred_at >= ${from} GROUP BY kind ORDER BY kind`.execute(
      db.sql,
    );
    const deliveries = await sql<{
      consumer: string;
      lag_ms: number | null;
      occurred_at: Date;
      delivered_at: Date | null;
      failed: boolean;
      attempts: number;
      last_error: string | null;
    }>`
      SELECT d.consumer, extract(epoch FROM (d.delivered_at - e.occurred_at)) * 1000 AS lag_ms, e.occurred_at,
             d.delivered_at, d.failed_at IS NOT NULL AS failed, d.attempts, d.last_error
      FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id
      WHERE e.workspace_id = ${TEAM} AND e.occurred_at >= ${from}`.execute(db.sql);
    const alerts = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM channel_alert WHERE workspace_id = ${TEAM} AND disabled_at IS NULL`.execute(
      db.sql,
    );
    const rows = deliveries.rows;
    const delivered = rows.filter((r) => r.delivered_at !== null);
    const byConsumer = new Map<string, Measurement>();
    for (const consumer of [...new Set(rows.map((r) => r.consumer))].sort())
      byConsumer.set(
        consumer,
        summarise(delivered.filter((r) => r.consumer === consumer).map((r) => Number(r.lag_ms))),
      );
    const lastDelivery = Math.max(...delivered.map((r) => r.delivered_at?.getTime() ?? 0));
    // Whether delivery keeps up shows in the lag over the load: steady, or growing window after window.
    const windowMs = Math.max(5_000, Math.round((loadEnd.getTime() - from.getTime()) / 6));
    const lagByWindow: number[] = [];
    for (let start = from.getTime(); start < loadEnd.getTime(); start += windowMs) {
      const inWindow = delivered.filter((r) => {
        const at = new Date(r.occurred_at).getTime();
        return at >= start && at < start + windowMs;
      });
      lagByWindow.push(summarise(inWindow.map((r) => Number(r.lag_ms))).p99);
    }
    return {
      events: events.rows,
      eventCount: events.rows.reduce((s, r) => s + r.n, 0),
      firstEvent: Math.min(...events.rows.map((r) => new Date(r.first).getTime())),
      lastEvent: Math.max(...events.rows.map((r) => new Date(r.last).getTime())),
      deliveries: rows.length,
      delivered: delivered.length,
      deliveredDuringLoad: delivered.filter((r) => (r.delivered_at?.getTime() ?? 0) <= loadEnd.getTime()).length,
      failed: rows.filter((r) => r.failed).length,
      lastDelivery,
      lag: summarise(delivered.map((r) => Number(r.lag_ms))),
      lagByWindow: { windowMs, p99: lagByWindow },
      // Deliveries claimed more than once (retried after a failure, or left to the next claim), and why.
      retried: rows.filter((r) => r.attempts > 1).length,
      errors: [...new Set(rows.flatMap((r) => (r.last_error ? [r.last_error.slice(0, 120)] : [])))].slice(0, 3),
      byConsumer,
      activeAlerts: alerts.rows[0]?.n ?? 0,
    };
  } finally {
    await db.close();
  }
}

export async function benchAlerts(backend: 'pglite' | 'postgres', postgresUrl?: string): Promise<Report[]> {
  const changes = Math.ceil((CHANGES_PER_MINUTE * SECONDS) / 60);
  // Each opportunity goes once through the script, one change per round, and ends closed (but for the
  // one change in NEW_EVERY that is a new opportunity instead: its opportunity skips that step).
  const opportunityCount = Math.ceil(changes / SCRIPT.length);
  const fake = await startFakeSlackProcess();
  const prepared = await prepareDatabase(backend, postgresUrl, opportunityCount);
  const common = {
    SLACK_SIGNING_SECRET: SLACK_DEFAULTS.signingSecret,
    SLACK_BOT_TOKEN: SLACK_DEFAULTS.botToken,
    SLACK_API_URL: fake.url,
  };
  const app = await startServerProcess('src/main.ts', {
    ...common,
    ...prepared.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
  });
  const floor = await startServerProcess('test/bench/bare-bolt-server.ts', common);
  let stopped = false;
  try {
    const responseUrls = await fake.responseUrls(changes + 4 * (LIST_REQUESTS + 30) + 20);
    const command = (text: string, userId = ADMIN, channelId = COMMAND_CHANNEL) =>
      slashCommand({ teamId: TEAM, userId, channelId, text, responseUrl: responseUrls.pop() ?? '' });
    // The admin is the first to use /opp; the alerts as they would type them.
    // Each answered before the next (a command's work runs after its ack: the alerts need the admin).
    await load(app.url, 1, () => command('roles'));
    await waitQuiet(fake);
    for (const text of ALERTS) {
      await load(app.url, 1, () => command(text));
      await waitQuiet(fake);
    }

    const list = (i: number) => command(i % 2 ? 'list' : 'list all');
    await load(app.url, 30, list); // warm-up
    await load(floor.url, 30, list);
    // Without the load, the lists are timed with the app quiet, as the floor's are: not with the
    // warm-up's replies still being sent (which took this row's p99 on PostgreSQL to 69 ms).
    await waitQuiet(fake);
    const quietOurs = summarise(await load(app.url, LIST_REQUESTS, list));
    await waitQuiet(fake);
    const quietFloor = summarise(await load(floor.url, LIST_REQUESTS, list));
    const before: CallSummary = await fake.callSummary();

    // The load; the lists are measured once it has run for a quarter of its time.
    const producing = produce(app.url, SECONDS, (k) => command(changeText(k, prepared.opportunities)));
    await new Promise((resolve) => setTimeout(resolve, (SECONDS * 1000) / 4));
    const loadedOurs = summarise(await load(app.url, LIST_REQUESTS, list));
    const loadedFloor = summarise(await load(floor.url, LIST_REQUESTS, list));
    const listsEnded = Date.now();
    const produced = await producing;
    const listsUnderLoad = listsEnded <= produced.endedAt.getTime();
    const drainSeconds = await waitDrained(fake, DRAIN_SECONDS);
    const after = await fake.callSummary();
    await app.stop();
    stopped = true;
    const figures = await outboxFigures(prepared.open, produced.startedAt, produced.endedAt);
    if (figures.activeAlerts !== ALERTS.length)
      throw new Error(`${figures.activeAlerts} alerts active, ${ALERTS.length} were set up`);

    const loadSeconds = (produced.endedAt.getTime() - produced.startedAt.getTime()) / 1000;
    const eventSeconds = Math.max(0.001, (figures.lastEvent - figures.firstEvent) / 1000);
    const busySeconds = Math.max(0.001, (figures.lastDelivery - produced.startedAt.getTime()) / 1000);
    const pending = figures.deliveries - figures.delivered - figures.failed;
    const lagOf = (consumer: string) => {
      const m = figures.byConsumer.get(consumer);
      return m ? `${consumer} ${m.runs} (p50 ${(m.p50 / 1000).toFixed(2)} s / p99 ${(m.p99 / 1000).toFixed(2)} s)` : '';
    };
    console.log(
      `\n[${backend}] alerts load: ${produced.sent} changes sent in ${loadSeconds.toFixed(1)} s ` +
        `(${(produced.sent / loadSeconds).toFixed(1)}/s asked ${(CHANGES_PER_MINUTE / 60).toFixed(1)}/s, to record ` +
        `${(EVENTS_PER_MINUTE / 60).toFixed(1)} events/s; change ack p50 ` +
        `${summarise(produced.acks).p50.toFixed(1)} ms, p99 ${summarise(produced.acks).p99.toFixed(1)} ms` +
        (produced.failures.length > 0
          ? `, ${produced.failures.length} not acknowledged, first: ${produced.failures[0]}`
          : '') +
        '); ' +
        `${figures.eventCount} events recorded over ${eventSeconds.toFixed(1)} s ` +
        `(${(figures.eventCount / eventSeconds).toFixed(1)}/s: ${figures.events.map((e) => `${e.kind} ${e.n}`).join(', ')})`,
    );
    console.log(
      `[${backend}] deliveries: ${figures.delivered} of ${figures.deliveries} delivered ` +
        `(${figures.deliveredDuringLoad} during the load: ${(figures.deliveredDuringLoad / loadSeconds).toFixed(1)}/s; ` +
        `${(figures.delivered / busySeconds).toFixed(1)}/s until the last), ${figures.failed} failed, ${pending} left ` +
        `after ${drainSeconds.toFixed(0)} s of drain; lag p50 ${(figures.lag.p50 / 1000).toFixed(2)} s, ` +
        `p99 ${(figures.lag.p99 / 1000).toFixed(2)} s (p99 of the events of each ${(figures.lagByWindow.windowMs / 1000).toFixed(0)} s ` +
        `of the load: ${figures.lagByWindow.p99.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s); ` +
        `by consumer: ${[...figures.byConsumer.keys()].map(lagOf).join('; ')}; claimed more than once: ` +
        `${figures.retried}${figures.errors.length > 0 ? ` (${figures.errors.join(' | ')})` : ''}`,
    );
    console.log(
      `[${backend}] Slack calls: ${after.channelPosts - before.channelPosts} channel posts (alerts and announcements), ` +
        `${after.updates - before.updates} folded updates (chat.update), ${after.directPosts - before.directPosts} DMs; ` +
        `${after.refusals - before.refusals} changes refused${after.refusals > before.refusals ? ` (${after.firstRefusals.join(' | ')})` : ''}` +
        (listsUnderLoad ? '' : '; the list commands outlasted the load: part of them ran without it'),
    );
    return [
      {
        backend,
        name: `/opp list ack, no alert load, ${LIST_REQUESTS} at concurrency ${CONCURRENCY}`,
        service: quietOurs,
        floor: quietFloor,
        ratio: quietOurs.p99 / quietFloor.p99,
        unit: 'ms',
        extra: `ratio of p99; spread p99/p50 ${(quietOurs.p99 / quietOurs.p50).toFixed(1)}`,
      },
      {
        backend,
        name: `/opp list ack with ${EVENTS_PER_MINUTE.toLocaleString('en-US')} events a minute, ${LIST_REQUESTS} at concurrency ${CONCURRENCY}`,
        service: loadedOurs,
        floor: loadedFloor,
        ratio: loadedOurs.p99 / loadedFloor.p99,
        unit: 'ms',
        extra: `ratio of p99 (floor under the same load); spread p99/p50 ${(loadedOurs.p99 / loadedOurs.p50).toFixed(1)}`,
      },
      {
        backend,
        name: '/opp list ack: with the alert load against without it',
        service: loadedOurs,
        floor: quietOurs,
        ratio: loadedOurs.p99 / quietOurs.p99,
        unit: 'ms',
        extra: `ratio of p99; events ${(figures.eventCount / eventSeconds).toFixed(0)}/s, delivered ${(figures.deliveredDuringLoad / loadSeconds).toFixed(0)}/s during the load, lag p99 ${(figures.lag.p99 / 1000).toFixed(1)} s`,
      },
    ];
  } finally {
    if (!stopped) await app.stop();
    await floor.stop();
    await fake.close();
    await prepared.cleanup();
  }
}

/** Waits until the app has made no Web API call for a moment (its after-ack work is done). */
async function waitQuiet(fake: RemoteFakeSlack): Promise<void> {
  let seen = -1;
  for (let i = 0; i < 100; i++) {
    const now = await fake.callCount();
    if (now === seen) return;
    seen = now;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
