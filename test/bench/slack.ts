// Ack latency of the Slack surface at concurrency 10, beside a bare Bolt app that only acks (the floor);
// for the list, also when its reply reached the response_url (what the person waits for: the ack is
// empty, the list follows it); and each request alone, which times the ack's own work.
// As in production, the app runs alone in its own process (`src/main.ts`) and so does the floor; the
// fake Slack Web API runs in a third (fake-slack-process.ts), so that this one only sends and times.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { dec } from '../../src/domain/decimal.ts';
import { addDays, dateInZone } from '../../src/domain/local-date.ts';
import { createServices } from '../../src/services/index.ts';
import { contextMetadata } from '../../src/slack/blocks/metadata.ts';
import { BLOCK_IDS, CALLBACK_IDS } from '../../src/slack/ids.ts';
import { openDatabase } from '../../src/store/database.ts';
import { seedPipelineSetup } from '../support/pipeline-fixtures.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { type SlackRequest, slashCommand, viewSubmission } from '../support/slack-requests.ts';
import { type RemoteFakeSlack, startFakeSlackProcess } from './fake-slack-process.ts';
import { type Report, summarise } from './measure.ts';
import { sendSigned, startServerProcess } from './processes.ts';

const CONCURRENCY = 10;
const REQUESTS = Number(process.env.BENCH_SLACK_REQUESTS ?? 300);
const OPPORTUNITIES = 40;
const TEAM = 'TBENCHSLACK';
/** Each Update submission saves its own opportunity (a form's context holds the version it checks). */
const SUBMIT_TEAM = 'TBENCHSUBMIT';
/**
 * Requests sent one at a time, each once the app has been quiet for a while after the last one: the
 * ack's own cost, without the work of the requests before it.
 */
const ALONE = Number(process.env.BENCH_SLACK_ALONE ?? 100);
/**
 * At least this long after an ack, and until the fake Slack has had no call for QUIET_POLL_MS: longer
 * than the app's quiet window before its work after an ack starts (AFTER_ACK_QUIET_MS, 20 ms).
 */
const ALONE_GAP_MS = 40;
const QUIET_POLL_MS = 10;
const SUBMISSIONS = 30 + REQUESTS + ALONE;

/** Sends `count` requests, CONCURRENCY at a time, and returns each one's ack latency in ms. */
function load(url: string, count: number, build: (i: number) => SlackRequest): Promise<number[]> {
  return sendSigned(url, count, build, CONCURRENCY);
}

/**
 * Sends `count` requests one at a time and returns each one's ack latency in ms. The next is sent
 * ALONE_GAP_MS after an ack at the earliest, and once the fake Slack has had no call for QUIET_POLL_MS:
 * the reply and any other work after the ack have been sent by then.
 */
async function alone(
  url: string,
  count: number,
  build: (i: number) => SlackRequest,
  fake: RemoteFakeSlack,
): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    latencies.push(...(await sendSigned(url, 1, () => build(i), 1)));
    await pause(ALONE_GAP_MS);
    await waitQuiet(fake, QUIET_POLL_MS);
  }
  return latencies;
}

/** The id the fake Slack records for a response_url (`…/response/<id>`). */
function responseUrlId(url: string): string {
  return url.slice(url.lastIndexOf('/') + 1);
}

function updateSubmission(contextId: string, value: number, today: string): SlackRequest {
  const b = BLOCK_IDS.update;
  return viewSubmission({
    teamId: SUBMIT_TEAM,
    callbackId: CALLBACK_IDS.updateOpportunity,
    privateMetadata: contextMetadata(contextId),
    values: {
      [b.actionType]: { update_action_type: { type: 'static_select', selected_option: { value: 'update' } } },
      [b.dateOfChange]: { [b.dateOfChange]: { type: 'datepicker', selected_date: today } },
      [b.estimatedValue]: { [b.estimatedValue]: { type: 'plain_text_input', value: String(value) } },
      [b.chances]: { [b.chances]: { type: 'plain_text_input', value: '50' } },
      [b.estimatedCloseDate]: { [b.estimatedCloseDate]: { type: 'datepicker', selected_date: '2099-12-15' } },
    },
  });
}

/** A database with a small pipeline, and the environment that points the app at it. */
async function prepareDatabase(backend: 'pglite' | 'postgres', postgresUrl: string | undefined) {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let db;
  if (backend === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'pipeline-bench-'));
    db = await openDatabase({ dataDir: dir });
    env = { DATA_DIR: dir, DATABASE_URL: '' };
    cleanup = () => rm(dir, { recursive: true, force: true });
  } else {
    const name = `pipeline_bench_slack_${process.pid}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(postgresUrl ?? '');
    url.pathname = `/${name}`;
    db = await openDatabase({ databaseUrl: url.toString() });
    env = { DATABASE_URL: url.toString() };
    cleanup = async () => {
      const c = new pg.Client({ connectionString: postgresUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  }
  const services = createServices(db);
  const today = dateInZone(new Date(), 'Europe/London');
  await seedPipelineSetup(services, TEAM);
  for (let i = 0; i < OPPORTUNITIES; i++) {
    await services.opportunities.create(TEAM, {
      description: `Deal ${i}`,
      contact: 'Acme Corp',
      salesperson: { slackUserId: SLACK_DEFAULTS.userId, displayName: 'Ana Rep' },
      salesCycleCode: 'STD',
      activate: { estimatedValue: dec(10_000 + i), chancesPct: dec(40), estimatedCloseDate: addDays(today, 40) },
      today,
    });
  }
  // The Update forms, as if each had been opened by the user: one per submission, on its own opportunity.
  await seedPipelineSetup(services, SUBMIT_TEAM);
  const forms: string[] = [];
  for (let i = 0; i < SUBMISSIONS; i++) {
    const detail = await services.opportunities.create(SUBMIT_TEAM, {
      description: `Deal ${i}`,
      contact: 'Acme Corp',
      salesperson: { slackUserId: SLACK_DEFAULTS.userId, displayName: 'Ana Rep' },
      salesCycleCode: 'STD',
      activate: { estimatedValue: dec(10_000 + i), chancesPct: dec(40), estimatedCloseDate: addDays(today, 40) },
      today,
    });
    const form = { no: detail.no, version: detail.version };
    forms.push(
      await services.contexts.create(
        `form:${CALLBACK_IDS.updateOpportunity}`,
        SUBMIT_TEAM,
        SLACK_DEFAULTS.userId,
        form,
        24 * 3_600_000,
      ),
    );
  }
  await db.close();
  return { env, cleanup, today, forms };
}

export async function benchSlack(backend: 'pglite' | 'postgres', postgresUrl?: string): Promise<Report[]> {
  const fake = await startFakeSlackProcess();
  const { env, cleanup, today, forms } = await prepareDatabase(backend, postgresUrl);
  const common = {
    SLACK_SIGNING_SECRET: SLACK_DEFAULTS.signingSecret,
    SLACK_BOT_TOKEN: SLACK_DEFAULTS.botToken,
    SLACK_API_URL: fake.url,
  };
  const app = await startServerProcess('src/main.ts', {
    ...common,
    ...env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
  });
  const floor = await startServerProcess('test/bench/bare-bolt-server.ts', common);
  try {
    // Every reply gets its own response_url, as from Slack; made before the timed run.
    const responseUrls = await fake.responseUrls(4 * (REQUESTS + ALONE + 30));
    // When each timed command was sent (Date.now(), as the fake Slack stamps the reply), by its response_url.
    const sentAt = new Map<string, number>();
    const list = (timed: boolean) => (i: number) => {
      const responseUrl = responseUrls.pop() ?? '';
      if (timed) sentAt.set(responseUrlId(responseUrl), Date.now());
      return slashCommand({ teamId: TEAM, text: i % 2 ? 'list' : 'list all', responseUrl });
    };
    // The app gets the 30 warm-up submissions and then the timed ones, each on a form of its own; the
    // floor only acks, so it gets the same requests again.
    const submit = (offset: number) => (i: number) =>
      updateSubmission(forms[(offset + i) % forms.length] ?? '', 20_000 + i, today);
    const measurePair = async (warmUp: (i: number) => SlackRequest, timed: (i: number) => SlackRequest) => {
      await load(app.url, 30, warmUp);
      await load(floor.url, 30, warmUp);
      // The timed run starts with the app quiet, as the floor's does: not with the warm-up's replies.
      await waitQuiet(fake);
      const timedFrom = await fake.callCount();
      const ours = summarise(await load(app.url, REQUESTS, timed));
      await waitQuiet(fake);
      const bare = summarise(await load(floor.url, REQUESTS, timed));
      return { ours, bare, timedFrom };
    };
    const measureAlone = async (build: (i: number) => SlackRequest) => {
      const ours = summarise(await alone(app.url, ALONE, build, fake));
      await waitQuiet(fake);
      return { ours, bare: summarise(await alone(floor.url, ALONE, build, fake)) };
    };
    const callsBefore = await fake.callCount();
    const listing = await measurePair(list(false), list(true));
    await waitQuiet(fake);
    // What the person waits for: the list itself, posted to the command's response_url after the ack.
    const replies = (await fake.callRecords(callsBefore)).filter(
      (record) => record.method === 'response_url' && record.id !== undefined && sentAt.has(record.id),
    );
    const replyLatency = summarise(replies.map((record) => record.at - (sentAt.get(record.id ?? '') ?? record.at)));
    const refused = replies.filter((record) => record.text.startsWith(':warning:')).length;
    const listingAlone = await measureAlone(list(false));
    await waitQuiet(fake);
    const submitting = await measurePair(submit(0), submit(30));
    await waitQuiet(fake);
    // Those acknowledged with the progress view: the outcome that replaced it, by what it says.
    const outcomes = (await fake.callRecords(submitting.timedFrom)).filter((r) => r.method === 'views.update');
    const savedLater = outcomes.filter((r) => r.text.startsWith('Saved')).length;
    const submittingAlone = await measureAlone(submit(30 + REQUESTS));
    await waitQuiet(fake);
    const aloneName = `${ALONE} one at a time, each after the app's replies to the last`;
    return [
      {
        backend,
        name: `/opp list ack, ${REQUESTS} requests at concurrency ${CONCURRENCY}`,
        service: listing.ours,
        floor: listing.bare,
        ratio: listing.ours.p99 / listing.bare.p99,
        unit: 'ms',
        extra: `${ackTarget(listing.ours.p99, listing.bare.p99)}; the list itself reached its response_url ${replyLatency.p50.toFixed(0)} ms (p50) / ${replyLatency.p99.toFixed(0)} ms (p99) after the command was sent (${replies.length} of ${REQUESTS} replies, ${refused} of them a refusal)`,
      },
      {
        backend,
        name: `/opp list ack, ${aloneName}`,
        service: listingAlone.ours,
        floor: listingAlone.bare,
        ratio: listingAlone.ours.p99 / listingAlone.bare.p99,
        unit: 'ms',
        extra: 'ratio of p99',
      },
      {
        backend,
        name: `Update modal submission ack, ${REQUESTS} at concurrency ${CONCURRENCY}`,
        service: submitting.ours,
        floor: submitting.bare,
        ratio: submitting.ours.p99 / submitting.bare.p99,
        unit: 'ms',
        // In a burst each is acknowledged with the progress view and saved behind the acks (src/slack/listeners/views.ts).
        extra: `${ackTarget(submitting.ours.p99, submitting.bare.p99)}; ${outcomes.length} of ${REQUESTS} acknowledged with the progress view, ${savedLater} of them then shown as saved`,
      },
      {
        backend,
        name: `Update modal submission ack (saved before the ack), ${aloneName}`,
        service: submittingAlone.ours,
        floor: submittingAlone.bare,
        ratio: submittingAlone.ours.p99 / submittingAlone.bare.p99,
        unit: 'ms',
        extra: 'ratio of p99',
      },
    ];
  } finally {
    await app.stop();
    await floor.stop();
    await fake.close();
    await cleanup();
  }
}

/** Waits until the app has made no Web API call for `pollMs` (its after-ack work is done), 100 polls at most. */
async function waitQuiet(fake: RemoteFakeSlack, pollMs = 300): Promise<void> {
  let seen = -1;
  for (let i = 0; i < 100; i++) {
    const now = await fake.callCount();
    if (now === seen) return;
    seen = now;
    await pause(pollMs);
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Issue 16's target for an ack: p99 at most 50 ms, and at most twice the floor's p99 of the same run. */
function ackTarget(oursP99: number, floorP99: number): string {
  const met = oursP99 <= 50 && oursP99 <= 2 * floorP99;
  return `ratio of p99; p99 ${oursP99.toFixed(1)} ms against the target of 50 ms and 2x the floor: ${met ? 'met' : 'not met'}`;
}
