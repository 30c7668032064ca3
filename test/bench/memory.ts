// Memory (issue 16): what an export of up to 100,000 opportunities costs the app's process while it
// runs (time, peak RSS and heap against the figures just before it), and the app's resident memory with
// 1,000,000 opportunities on PGlite (whose worker thread is part of the app's process).
//
// benchExport runs the app in this process (startApp, its own database opened from its config) so that
// the heap can be sampled; the fake Slack Web API, which keeps the uploaded bytes, runs in a process of its
// own, and the replies go to a small response_url server here. measureMemoryAtScale runs the app alone in
// its own process (src/main.ts) and reads its RSS from /proc.
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CompiledQuery } from 'kysely';
import pg from 'pg';
import { startApp } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import { presenterFor } from '../../src/i18n/presenter.ts';
import { opportunitiesCsv } from '../../src/slack/csv.ts';
import { type Database, openDatabase } from '../../src/store/database.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { sendToSlackApp, slashCommand } from '../support/slack-requests.ts';
import { type BenchTarget, loadBulkPipeline } from './core.ts';
import { startFakeSlackProcess } from './fake-slack-process.ts';
import { startServerProcess } from './processes.ts';

const WORKSPACE = 'TEXPORT';
const MB = 1024 * 1024;

setFlagsFromString('--expose-gc');
/** The collector, so that "before" is measured on a heap without the loader's garbage. */
const collectGarbage = runInNewContext('gc') as () => void;

/** A fresh database of one backend, and how to reach it from the app's configuration. */
interface BenchDatabase {
  config: Pick<Config, 'databaseUrl' | 'dataDir'>;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

async function freshDatabase(backend: 'pglite' | 'postgres', postgresUrl?: string): Promise<BenchDatabase> {
  if (backend === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'pipeline-bench-memory-'));
    return {
      config: { databaseUrl: undefined, dataDir: dir },
      open: () => openDatabase({ dataDir: dir }),
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const name = `pipeline_bench_memory_${process.pid}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: postgresUrl });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(postgresUrl ?? '');
  url.pathname = `/${name}`;
  return {
    config: { databaseUrl: url.toString(), dataDir: 'unused' },
    open: () => openDatabase({ databaseUrl: url.toString() }),
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** Loads `opportunities` in bulk (test/bench/core.ts) through the app's own store, then closes it. */
async function load(database: BenchDatabase, backend: 'pglite' | 'postgres', opportunities: number): Promise<void> {
  const db = await database.open();
  try {
    const target: BenchTarget = {
      name: backend,
      db,
      raw: {
        query: async (sql, params) => (await db.sql.executeQuery(CompiledQuery.raw(sql, params ?? []))).rows,
        close: async () => undefined,
      },
    };
    const started = performance.now();
    await loadBulkPipeline(target, opportunities, WORKSPACE);
    console.log(
      `[${backend}] loaded ${opportunities.toLocaleString('en-US')} opportunities in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await db.close();
  }
}

/** A response_url host in this process: each reply resolves the wait for its id. */
async function startReplies(): Promise<{ next(): { url: string; reply: Promise<string> }; close(): Promise<void> }> {
  const waiting = new Map<string, (text: string) => void>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      const id = req.url ?? '';
      waiting.get(id)?.(Buffer.concat(chunks).toString('utf8'));
      waiting.delete(id);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let n = 0;
  return {
    // A command's first reply (later ones to the same URL, such as a first-admin notice, are ignored).
    next: () => {
      const path = `/response/${++n}`;
      const reply = new Promise<string>((resolve) => waiting.set(path, resolve));
      return { url: `http://127.0.0.1:${port}${path}`, reply };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface Peak {
  rss: number;
  /** Heap in use, garbage not yet collected included (V8 lets it pile up under a high allocation rate). */
  heapUsed: number;
  /** Heap still in use right after a full collection: what is really held. */
  liveHeap: number;
}

/**
 * Samples this process's memory every few milliseconds until stopped, and the live heap after a full
 * collection forced every `liveEveryMs`; returns the peaks.
 */
function sampleMemory(intervalMs = 5, liveEveryMs = 200): () => Peak {
  const peak: Peak = { rss: 0, heapUsed: 0, liveHeap: 0 };
  const take = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
  };
  const live = () => {
    take();
    collectGarbage();
    peak.liveHeap = Math.max(peak.liveHeap, process.memoryUsage().heapUsed);
  };
  take();
  const timer = setInterval(take, intervalMs);
  const liveTimer = setInterval(live, liveEveryMs);
  return () => {
    live();
    clearInterval(timer);
    clearInterval(liveTimer);
    return peak;
  };
}

export interface ExportMeasurement {
  backend: 'pglite' | 'postgres';
  opportunities: number;
  exported: number;
  seconds: number;
  before: Peak;
  peak: Peak;
  /** The single-query export this one replaced (every row in one array, one string), in the same process. */
  singleQuery: { seconds: number; before: Peak; peak: Peak };
}

/**
 * For each size: a fresh database with that many opportunities, the app started on it in this process,
 * then `/opp export all status:all` (at most 100,000 rows) timed from the command to its reply, with the
 * process's memory sampled during it.
 */
export async function benchExport(
  backend: 'pglite' | 'postgres',
  sizes: readonly number[],
  postgresUrl?: string,
): Promise<ExportMeasurement[]> {
  const fake = await startFakeSlackProcess();
  const replies = await startReplies();
  const results: ExportMeasurement[] = [];
  try {
    for (const size of sizes) {
      const database = await freshDatabase(backend, postgresUrl);
      try {
        await load(database, backend, size);
        const config: Config = {
          slack: {
            signingSecret: SLACK_DEFAULTS.signingSecret,
            botToken: SLACK_DEFAULTS.botToken,
            appToken: undefined,
            apiUrl: fake.url,
          },
          port: 0,
          host: '127.0.0.1',
          ...database.config,
          logLevel: 'error',
        };
        const app = await startApp(config, {
          schedulerIntervalMs: false,
          outboxIntervalMs: false,
          reminderIntervalMs: false,
          notificationIntervalMs: false,
        });
        const url = `http://127.0.0.1:${app.port}`;
        const command = async (text: string) => {
          const { url: responseUrl, reply } = replies.next();
          const sent = await sendToSlackApp(url, slashCommand({ teamId: WORKSPACE, text, responseUrl }), {
            signingSecret: SLACK_DEFAULTS.signingSecret,
          });
          if (sent.status !== 200) throw new Error(`/opp ${text} answered ${sent.status}`);
          return reply;
        };
        try {
          await command('list'); // the first admin, the caches, the statements prepared
          await command('export mine'); // a small export first: the code paths warmed
          collectGarbage();
          const before = currentMemory();
          const stop = sampleMemory();
          const started = performance.now();
          const said = await command('export all status:all');
          const seconds = (performance.now() - started) / 1000;
          const peak = stop();
          if (process.env.BENCH_DEBUG) console.log(said);
          const exported = Number(/Exported ([\d,]+) opportunit/.exec(said)?.[1]?.replace(/,/g, '') ?? Number.NaN);

          // The export as it was: one query for every row, one string, in the same process.
          collectGarbage();
          const beforeSingle = currentMemory();
          const stopSingle = sampleMemory();
          const startedSingle = performance.now();
          const { items } = await app.services.queries.list(WORKSPACE, { status: 'all' }, 100_000, 0);
          const csv = opportunitiesCsv(presenterFor('en-US'), items, 'USD');
          const secondsSingle = (performance.now() - startedSingle) / 1000;
          const peakSingle = stopSingle();
          if (csv.length === 0) throw new Error('no CSV');
          results.push({
            backend,
            opportunities: size,
            exported,
            seconds,
            before,
            peak,
            singleQuery: { seconds: secondsSingle, before: beforeSingle, peak: peakSingle },
          });
          console.log(describeExport(results.at(-1) as ExportMeasurement));
        } finally {
          await app.stop();
        }
      } finally {
        await database.drop();
      }
    }
  } finally {
    await replies.close();
    await fake.close();
  }
  return results;
}

function currentMemory(): Peak {
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, liveHeap: m.heapUsed };
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
const growth = (before: Peak, peak: Peak, key: keyof Peak) => `+${((peak[key] - before[key]) / MB).toFixed(0)} MB`;

export function describeExport(r: ExportMeasurement): string {
  return (
    `[${r.backend}] ${r.opportunities.toLocaleString('en-US')} opportunities: exported ${r.exported.toLocaleString('en-US')} ` +
    `in ${r.seconds.toFixed(1)} s (${Math.round(r.exported / r.seconds).toLocaleString('en-US')} rows/s); ` +
    `live heap ${mb(r.before.liveHeap)} → peak ${mb(r.peak.liveHeap)} (${growth(r.before, r.peak, 'liveHeap')}), ` +
    `heap with garbage → peak ${mb(r.peak.heapUsed)} (${growth(r.before, r.peak, 'heapUsed')}), ` +
    `RSS ${mb(r.before.rss)} → peak ${mb(r.peak.rss)} (${growth(r.before, r.peak, 'rss')}); ` +
    `single query + one string (before): ${r.singleQuery.seconds.toFixed(1)} s, live heap ${growth(r.singleQuery.before, r.singleQuery.peak, 'liveHeap')}, ` +
    `heap with garbage ${growth(r.singleQuery.before, r.singleQuery.peak, 'heapUsed')}, ` +
    `RSS ${growth(r.singleQuery.before, r.singleQuery.peak, 'rss')}`
  );
}

export function printExportReports(results: readonly ExportMeasurement[]): void {
  console.log('\n## Export: time and memory of `/opp export all status:all` (at most 100,000 rows)');
  console.log(
    '| backend | opportunities | rows | time | rows/s | live heap before → peak | heap with garbage, peak | RSS before → peak | single query + one string (before): time, live heap, RSS |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const single = r.singleQuery;
    console.log(
      `| ${r.backend} | ${r.opportunities.toLocaleString('en-US')} | ${r.exported.toLocaleString('en-US')} | ${r.seconds.toFixed(1)} s | ` +
        `${Math.round(r.exported / r.seconds).toLocaleString('en-US')} | ${mb(r.before.liveHeap)} → ${mb(r.peak.liveHeap)} (${growth(r.before, r.peak, 'liveHeap')}) | ` +
        `${mb(r.peak.heapUsed)} (${growth(r.before, r.peak, 'heapUsed')}) | ` +
        `${mb(r.before.rss)} → ${mb(r.peak.rss)} (${growth(r.before, r.peak, 'rss')}) | ` +
        `${single.seconds.toFixed(1)} s, ${growth(single.before, single.peak, 'liveHeap')}, ${growth(single.before, single.peak, 'rss')} |`,
    );
  }
  console.log(
    '\nLive heap: sampled right after a full collection forced every 200 ms (what the process holds); heap with ' +
      'garbage: every 5 ms, what V8 has not collected yet. The single-query export (one array of every row, one ' +
      'string) is the code this replaced, run in the same process after it.',
  );
}

/** The app process's resident memory (VmRSS) and its peak so far (VmHWM), from /proc. */
async function residentMemory(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: kb('VmRSS') * 1024, peak: kb('VmHWM') * 1024 };
}

export interface MemoryAtScale {
  opportunities: number;
  /** After each step, in order: started, `/opp list all`, `/opp digest`, `/opp export all status:all`. */
  steps: { step: string; seconds: number; rss: number; peak: number }[];
}

/**
 * The app (src/main.ts, alone in its process, PGlite in its worker thread) on a data directory holding
 * `opportunities` (1,000,000 by default): its resident memory once started, then after a list, a digest
 * and an export of 100,000, with the peak so far.
 */
export async function measureMemoryAtScale(opportunities = 1_000_000): Promise<MemoryAtScale> {
  const database = await freshDatabase('pglite');
  const fake = await startFakeSlackProcess();
  const replies = await startReplies();
  try {
    await load(database, 'pglite', opportunities);
    const app = await startServerProcess(
      'src/main.ts',
      {
        SLACK_SIGNING_SECRET: SLACK_DEFAULTS.signingSecret,
        SLACK_BOT_TOKEN: SLACK_DEFAULTS.botToken,
        SLACK_API_URL: fake.url,
        DATA_DIR: database.config.dataDir,
        DATABASE_URL: '',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'error',
      },
      // PGlite reads its whole data directory when it opens (1,000,000 opportunities: minutes on a busy machine).
      30 * 60_000,
    );
    const steps: MemoryAtScale['steps'] = [];
    try {
      const record = async (step: string, work: () => Promise<unknown>) => {
        const started = performance.now();
        await work();
        const seconds = (performance.now() - started) / 1000;
        steps.push({ step, seconds, ...(await residentMemory(app.pid)) });
        console.log(
          `[pglite, ${opportunities.toLocaleString('en-US')}] ${step}: ${seconds.toFixed(1)} s, RSS ${mb(steps.at(-1)?.rss ?? 0)} (peak ${mb(steps.at(-1)?.peak ?? 0)})`,
        );
      };
      const command = async (text: string) => {
        const { url: responseUrl, reply } = replies.next();
        const sent = await sendToSlackApp(app.url, slashCommand({ teamId: WORKSPACE, text, responseUrl }), {
          signingSecret: SLACK_DEFAULTS.signingSecret,
        });
        if (sent.status !== 200) throw new Error(`/opp ${text} answered ${sent.status}`);
        return reply;
      };
      await record('started', async () => undefined);
      await record('/opp list all', () => command('list all'));
      await record('/opp digest', () => command('digest'));
      await record('/opp export all status:all', () => command('export all status:all'));
    } finally {
      await app.stop();
    }
    return { opportunities, steps };
  } finally {
    await replies.close();
    await fake.close();
    await database.drop();
  }
}

export function printMemoryAtScale(m: MemoryAtScale): void {
  console.log(`\n## The app's resident memory with ${m.opportunities.toLocaleString('en-US')} opportunities (PGlite)`);
  console.log('| after | took | RSS | peak RSS so far |');
  console.log('|---|---|---|---|');
  for (const s of m.steps) console.log(`| ${s.step} | ${s.seconds.toFixed(1)} s | ${mb(s.rss)} | ${mb(s.peak)} |`);
}
