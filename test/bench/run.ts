// npm run bench — measures the app beside floors taken in the same run, on PGlite and PostgreSQL.
// PostgreSQL is used when TEST_DATABASE_URL (or the local server at 127.0.0.1:5432) answers.
import pg from 'pg';
import { resolveTestPostgres } from '../support/postgres-probe.ts';
import {
  type BenchTarget,
  benchMoves,
  benchStatistics,
  loadBulkPipeline,
  openPGliteTarget,
  openPostgresTarget,
} from './core.ts';
import { printReports, type Report } from './measure.ts';

const OPPORTUNITIES = Number(process.env.BENCH_OPPORTUNITIES ?? 100_000);
const MOVES = Number(process.env.BENCH_MOVES ?? 200);
/** BENCH_SECTIONS=slack,alerts,core,digest (any of them): the sections to run; all by default. */
const SECTIONS = new Set((process.env.BENCH_SECTIONS ?? 'slack,alerts,core,digest').split(',').map((s) => s.trim()));
/** BENCH_BACKENDS=pglite,postgres (either): the backends the alerts section runs on; both by default. */
const BACKENDS = new Set((process.env.BENCH_BACKENDS ?? 'pglite,postgres').split(',').map((s) => s.trim()));

async function withTarget(
  open: () => Promise<BenchTarget>,
  run: (t: BenchTarget) => Promise<Report[]>,
): Promise<Report[]> {
  const target = await open();
  try {
    return await run(target);
  } finally {
    await target.raw.close();
    await target.db.close();
  }
}

async function freshPostgresDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `pipeline_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

const core = async (t: BenchTarget): Promise<Report[]> => {
  const started = Date.now();
  await loadBulkPipeline(t, OPPORTUNITIES);
  console.log(
    `[${t.name}] loaded ${OPPORTUNITIES.toLocaleString('en-US')} opportunities in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return [...(await benchStatistics(t, OPPORTUNITIES)), await benchMoves(t, MOVES)];
};

const postgres = await resolveTestPostgres({ ...process.env, REQUIRE_POSTGRES: '0' }).catch(() => ({
  url: undefined,
  note: '',
}));

// The ack latencies first: the later sections load 100,000-row databases, and their aftermath (this
// process's garbage, the server's checkpoints after a database is dropped) would be timed with them.
if (SECTIONS.has('slack')) {
  const { benchSlack } = await import('./slack.ts');
  const slackReports: Report[] = [...(await benchSlack('pglite'))];
  if (postgres.url) slackReports.push(...(await benchSlack('postgres', postgres.url)));
  printReports('Slack surface: ack latency', slackReports);
  console.log(
    '\nThe app (src/main.ts) and the floor (a bare Bolt app that only acks) each run in their own process, and so ' +
      'does the fake Slack Web API that answers the app; this one only sends the load and times it. ' +
      "Target: p99 at most 50 ms and at most twice the floor's p99. A list is acknowledged empty and posted to " +
      'its response_url after the ack: the reply line says when it got there. The rows "one at a time" send ' +
      "each request once the app's replies to the one before have reached the fake Slack, so they time an " +
      "ack's own work without the work of the requests before it; their p99 (of 100) is the slowest one.",
  );
}

if (SECTIONS.has('alerts')) {
  const { benchAlerts } = await import('./alerts.ts');
  const alertReports: Report[] = BACKENDS.has('pglite') ? [...(await benchAlerts('pglite'))] : [];
  if (postgres.url && BACKENDS.has('postgres')) alertReports.push(...(await benchAlerts('postgres', postgres.url)));
  printReports('Alerts and notifications: ack latency under the alert load', alertReports);
  console.log(
    '\nThe changes are signed /opp commands sent at a steady rate to the app (src/main.ts, its own process); ' +
      "their events are matched against the channel alerts and the reps' notifications and delivered to the " +
      'fake Slack Web API (its own process). Lag: from an event to its delivery (outbox_delivery.delivered_at).',
  );
}

if (SECTIONS.has('core')) {
  const reports: Report[] = [];
  reports.push(...(await withTarget(openPGliteTarget, core)));

  if (postgres.url) {
    const fresh = await freshPostgresDatabase(postgres.url);
    try {
      reports.push(...(await withTarget(() => openPostgresTarget(fresh.url), core)));
    } finally {
      await fresh.drop();
    }
  } else {
    console.log('PostgreSQL: no server answers; only PGlite was measured.');
  }

  printReports('Core: rules engine and storage', reports);
  console.log(
    '\nFloor: the same SQL (statistics) or the same writes (moves) sent straight through the driver, no Prisma, no rules.',
  );
}

if (SECTIONS.has('digest')) await benchDigests();

// Not in the default sections (npm run bench:scale runs them): BENCH_SECTIONS=export (sizes: BENCH_EXPORT_SIZES)
// and memory (BENCH_MEMORY_OPPORTUNITIES).
if (SECTIONS.has('export')) {
  const { benchExport, printExportReports } = await import('./memory.ts');
  const sizes = (process.env.BENCH_EXPORT_SIZES ?? '10000,100000').split(',').map(Number);
  const results = await benchExport('pglite', sizes);
  if (postgres.url) results.push(...(await benchExport('postgres', sizes, postgres.url)));
  printExportReports(results);
}
if (SECTIONS.has('memory')) {
  const { measureMemoryAtScale, printMemoryAtScale } = await import('./memory.ts');
  printMemoryAtScale(await measureMemoryAtScale(Number(process.env.BENCH_MEMORY_OPPORTUNITIES ?? 1_000_000)));
}

async function benchDigests(): Promise<void> {
  const { benchDigest } = await import('./digest.ts');
  const DIGEST_SIZES = (process.env.BENCH_DIGEST_SIZES ?? '1000,10000,100000').split(',').map(Number);
  // BENCH_DIGEST_BACKENDS=pglite or postgres: one of them only (both by default).
  const backends = new Set((process.env.BENCH_DIGEST_BACKENDS ?? 'pglite,postgres').split(',').map((s) => s.trim()));
  const digestReports: Report[] = [];
  if (backends.has('pglite'))
    digestReports.push(...(await withTarget(openPGliteTarget, (t) => benchDigest(t, DIGEST_SIZES))));
  if (postgres.url && backends.has('postgres')) {
    const fresh = await freshPostgresDatabase(postgres.url);
    try {
      digestReports.push(
        ...(await withTarget(
          () => openPostgresTarget(fresh.url),
          (t) => benchDigest(t, DIGEST_SIZES),
        )),
      );
    } finally {
      await fresh.drop();
    }
  }
  printReports('Digests: build time by pipeline size', digestReports);
  console.log(
    '\nFloor: the core aggregates of a digest in raw SQL through the driver. Target: under 1 s for 100,000 on PostgreSQL.',
  );
}
