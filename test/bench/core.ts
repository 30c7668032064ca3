// Core benchmarks: stage moves through the service, and sales-cycle statistics over 100,000
// opportunities, each beside the same work in raw SQL through the driver (the floor).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { dec } from '../../src/domain/decimal.ts';
import { localDate } from '../../src/domain/local-date.ts';
import { createServices } from '../../src/services/index.ts';
import { PrismaClient } from '../../src/generated/prisma/client.ts';
import { type Database, openDatabase, pgliteAdapter, SESSION_SETTINGS } from '../../src/store/database.ts';
import { embeddedKysely } from '../../src/store/kysely.ts';
import { applyMigrations } from '../../src/store/migrate.ts';
import { PGliteProxy } from '../../src/store/pglite-proxy.ts';
import { type Measurement, measure, measureAlternating, ratio, type Report } from './measure.ts';

export const BENCH_WORKSPACE = 'TBENCH';
const TODAY = localDate('2026-11-21');

/** A raw driver session on the same database, for the floor. */
export interface RawSql {
  query(sql: string, params?: unknown[]): Promise<unknown[]>;
  close(): Promise<void>;
}

export interface BenchTarget {
  name: 'pglite' | 'postgres';
  db: Database;
  raw: RawSql;
}

export async function openPGliteTarget(): Promise<BenchTarget> {
  // The embedded database as the app runs it: PGlite in its worker (src/store/pglite-proxy.ts), which
  // prepares each statement text once, on a data directory (in memory, a million opportunities took
  // gigabytes and more than twenty minutes to load; on disk, three). The raw floor goes through the same
  // worker, so both pay its hop.
  const dataDir = await mkdtemp(join(tmpdir(), 'pipeline-bench-pglite-'));
  const pglite = await PGliteProxy.open(dataDir);
  await applyMigrations({
    query: async <Row>(sql: string, params?: unknown[]) => (await pglite.query<Row>(sql, params)).rows,
    exec: async (sql: string) => void (await pglite.exec(sql)),
  });
  for (const [name, value] of Object.entries(SESSION_SETTINGS)) await pglite.exec(`SET ${name} = '${value}'`);
  const prisma = new PrismaClient({ adapter: pgliteAdapter(pglite) });
  const db: Database = {
    kind: 'pglite',
    prisma,
    sql: embeddedKysely(pglite),
    appliedMigrations: [],
    ping: async () => true,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return {
    name: 'pglite',
    db,
    raw: { query: async (sql, params) => (await pglite.query(sql, params)).rows, close: async () => undefined },
  };
}

export async function openPostgresTarget(url: string): Promise<BenchTarget> {
  const db = await openDatabase({ databaseUrl: url, poolSize: 10 });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    name: 'postgres',
    db,
    raw: { query: async (sql, params) => (await client.query(sql, params)).rows, close: () => client.end() },
  };
}

/** 100,000 opportunities with history, written in bulk (the service path would take far too long). */
export async function loadBulkPipeline(
  target: BenchTarget,
  opportunities: number,
  workspace = BENCH_WORKSPACE,
): Promise<void> {
  if (!/^[A-Z0-9]{1,32}$/.test(workspace)) throw new Error(`bench workspace ids are [A-Z0-9]: ${workspace}`);
  const BENCH_WORKSPACE = workspace; // the statements below inline it (a checked constant)
  const services = createServices(target.db);
  const existing = await target.db.prisma.salesCycle.count({ where: { workspaceId: BENCH_WORKSPACE } });
  if (existing === 0) {
    await services.setup.addSalesCycle(BENCH_WORKSPACE, { code: 'BULK', description: 'Bench cycle' });
    for (const [i, n] of [10, 20, 30, 50, 60, 80].entries()) {
      await services.setup.addStage(BENCH_WORKSPACE, 'BULK', {
        stage: n,
        description: `Stage ${n}`,
        completedPct: dec(10 + i * 15),
        chancesPct: dec(20 + i * 12),
        dateFormula: '2W',
      });
    }
    await services.setup.addCloseCode(BENCH_WORKSPACE, { code: 'WIN', type: 'won' });
    await services.setup.addContact(BENCH_WORKSPACE, { name: 'Bulk Buyer Ltd', type: 'company' });
    await services.opportunities.create(BENCH_WORKSPACE, {
      description: 'seed',
      contact: 'Bulk Buyer Ltd',
      salesperson: { slackUserId: 'UBENCH', displayName: 'Bench Rep' },
      salesCycleCode: 'BULK',
      today: TODAY,
    });
  }
  const { raw } = target;
  // Deterministic pseudo-random spread from the row number.
  await raw.query(
    `INSERT INTO opportunity (workspace_id, no, description, contact_id, salesperson_id, sales_cycle_id, status, creation_date, date_closed, updated_at)
     SELECT '${BENCH_WORKSPACE}', 'BK' || lpad(g::text, 7, '0'), 'Bulk deal ' || g,
            (SELECT id FROM contact WHERE workspace_id = '${BENCH_WORKSPACE}' LIMIT 1),
            (SELECT id FROM salesperson WHERE workspace_id = '${BENCH_WORKSPACE}' LIMIT 1),
            (SELECT id FROM sales_cycle WHERE workspace_id = '${BENCH_WORKSPACE}' AND code = 'BULK'),
            (CASE WHEN g % 10 = 0 THEN 'WON' WHEN g % 10 = 1 THEN 'LOST' ELSE 'IN_PROGRESS' END)::"OpportunityStatus",
            DATE '2026-06-01' + (g % 90),
            CASE WHEN g % 10 IN (0, 1) THEN DATE '2026-09-01' + (g % 60) END, now()
     FROM generate_series(1, $1::int) g`,
    [opportunities],
  );
  // A historical entry at the first stage for every opportunity, then the active one.
  await raw.query(
    `INSERT INTO opportunity_entry (workspace_id, opportunity_id, sales_cycle_id, stage, stage_description, contact_id, salesperson_id,
       date_of_change, active, days_open, action_taken, estimated_value, calcd_current_value, completed_pct, chances_pct, probability_pct, estimated_close_date)
     SELECT o.workspace_id, o.id, o.sales_cycle_id, 10, 'Stage 10', o.contact_id, o.salesperson_id, o.creation_date, false,
            (o.id % 17), 'NONE', 1000 + (o.id % 500) * 100, (1000 + (o.id % 500) * 100) * 0.02, 10, 20, 2, o.creation_date + 30
     FROM opportunity o WHERE o.workspace_id = '${BENCH_WORKSPACE}' AND o.no LIKE 'BK%'`,
    [],
  );
  await raw.query(
    `INSERT INTO opportunity_entry (workspace_id, opportunity_id, sales_cycle_id, stage, stage_description, previous_stage, contact_id, salesperson_id,
       date_of_change, active, days_open, action_taken, estimated_value, calcd_current_value, completed_pct, chances_pct, probability_pct, estimated_close_date, date_closed)
     SELECT o.workspace_id, o.id, o.sales_cycle_id,
            CASE WHEN o.status = 'IN_PROGRESS' THEN (ARRAY[20, 30, 50, 60, 80])[1 + o.id % 5] END,
            '', 10, o.contact_id, o.salesperson_id, o.creation_date + (o.id % 17), true, 0,
            (CASE o.status WHEN 'WON' THEN 'WON' WHEN 'LOST' THEN 'LOST' ELSE 'NEXT' END)::"ActionTaken",
            1000 + (o.id % 500) * 100,
            CASE o.status WHEN 'WON' THEN 1000 + (o.id % 500) * 100 WHEN 'LOST' THEN 0 ELSE (1000 + (o.id % 500) * 100) * 0.3 END,
            CASE WHEN o.status = 'IN_PROGRESS' THEN 40 ELSE 100 END, CASE o.status WHEN 'LOST' THEN 0 WHEN 'WON' THEN 100 ELSE 60 END,
            CASE o.status WHEN 'LOST' THEN 0 WHEN 'WON' THEN 100 ELSE 24 END, o.creation_date + 45, o.date_closed
     FROM opportunity o WHERE o.workspace_id = '${BENCH_WORKSPACE}' AND o.no LIKE 'BK%'`,
    [],
  );
  await raw.query('ANALYZE opportunity');
  await raw.query('ANALYZE opportunity_entry');
}

const RAW_CYCLE_ANALYSIS = `
  SELECT s.stage, s.description, s.activity_code, coalesce(a.open_count, 0) AS open_count, a.estimated, a.calcd, h.average_days
  FROM sales_cycle_stage s
  LEFT JOIN (SELECT e.stage, count(*) AS open_count, sum(e.estimated_value)::text AS estimated, sum(e.calcd_current_value)::text AS calcd
             FROM opportunity_entry e WHERE e.workspace_id = $1 AND e.sales_cycle_id = $2 AND e.active AND e.stage IS NOT NULL GROUP BY e.stage) a
    ON a.stage = s.stage
  LEFT JOIN (SELECT e.stage, avg(e.days_open)::text AS average_days
             FROM opportunity_entry e WHERE e.workspace_id = $1 AND e.sales_cycle_id = $2 AND NOT e.active AND e.stage IS NOT NULL GROUP BY e.stage) h
    ON h.stage = s.stage
  WHERE s.sales_cycle_id = $2 ORDER BY s.stage`;

export async function benchStatistics(target: BenchTarget, opportunities: number): Promise<Report[]> {
  const count = opportunities.toLocaleString('en-US');
  const services = createServices(target.db);
  const cycleRows = (await target.raw.query('SELECT id FROM sales_cycle WHERE workspace_id = $1 AND code = $2', [
    BENCH_WORKSPACE,
    'BULK',
  ])) as { id: number }[];
  const cycleId = cycleRows[0]?.id;
  const service = await measure(15, () => services.statistics.cycleAnalysis(BENCH_WORKSPACE, 'BULK'));
  const floor = await measure(15, async () => {
    await target.raw.query('SELECT id FROM sales_cycle WHERE workspace_id = $1 AND code = $2', [
      BENCH_WORKSPACE,
      'BULK',
    ]);
    await target.raw.query(RAW_CYCLE_ANALYSIS, [BENCH_WORKSPACE, cycleId]);
  });
  const cycleService = await measure(15, () => services.statistics.salesCycle(BENCH_WORKSPACE, 'BULK'));
  const cycleFloor = await measure(15, async () => {
    await target.raw.query('SELECT id FROM sales_cycle WHERE workspace_id = $1 AND code = $2', [
      BENCH_WORKSPACE,
      'BULK',
    ]);
    await target.raw.query(
      `SELECT count(*), sum(estimated_value)::text, sum(calcd_current_value)::text FROM opportunity_entry
       WHERE workspace_id = $1 AND sales_cycle_id = $2 AND active AND action_taken NOT IN ('WON', 'LOST')`,
      [BENCH_WORKSPACE, cycleId],
    );
  });
  return [
    report(target, `sales cycle analysis (stages + totals), ${count} opps`, service, floor, 'ms'),
    report(target, `sales cycle statistics (totals), ${count} opps`, cycleService, cycleFloor, 'ms'),
  ];
}

/**
 * The first moves of a process pay what a running app pays once: PostgreSQL plans a prepared statement
 * afresh at each of its first five runs on a connection before it settles on a generic plan.
 */
const MOVE_WARMUPS = 12;

/**
 * Update moves (one entry each) on distinct opportunities, one after another, in alternation with the
 * floor's (measureAlternating). Timed as before, 200 of ours after one warm-up and then 200 of the floor,
 * three rounds on one PostgreSQL load of 100,000 gave 1.19×, 1.45× and 1.35× between the same two pieces
 * of code, where rounds this way gave 1.13× and 1.06× (a scratch script, 2026-12-05).
 */
export async function benchMoves(target: BenchTarget, count: number): Promise<Report> {
  const services = createServices(target.db);
  const each = count + MOVE_WARMUPS;
  const rows = (await target.raw.query(
    `SELECT no, id FROM opportunity WHERE workspace_id = $1 AND status = 'IN_PROGRESS' AND no LIKE 'BK%' ORDER BY id LIMIT $2`,
    [BENCH_WORKSPACE, each * 2],
  )) as { no: string; id: number }[];
  const forService = rows.slice(0, each);
  const forFloor = rows.slice(each);
  let i = 0;
  let j = 0;
  const { ours: service, floor } = await measureAlternating(
    count,
    async () => {
      const row = forService[i++ % forService.length];
      await services.opportunities.move(BENCH_WORKSPACE, row?.no ?? '', {
        action: 'update',
        estimatedValue: dec(5000 + i),
        today: TODAY,
      });
    },
    async () => {
      const row = forFloor[j++ % forFloor.length];
      await rawMove(target.raw, row?.id ?? 0, 5000 + j);
    },
    MOVE_WARMUPS,
  );
  return {
    ...report(target, `stage moves (Update), ${count} sequential`, service, floor, 'ms'),
    extra: `${(1000 / service.mean).toFixed(0)} moves/s via service, ${(1000 / floor.mean).toFixed(0)} moves/s raw`,
  };
}

/** The same writes as a move, by hand: lock, deactivate the active entry, insert the new one. */
async function rawMove(raw: RawSql, opportunityId: number, value: number): Promise<void> {
  await raw.query('BEGIN');
  try {
    await raw.query('UPDATE opportunity SET version = version + 1 WHERE id = $1', [opportunityId]);
    const active = (await raw.query('SELECT * FROM opportunity_entry WHERE opportunity_id = $1 AND active', [
      opportunityId,
    ])) as Record<string, unknown>[];
    const a = active[0];
    if (!a) throw new Error('no active entry');
    await raw.query('UPDATE opportunity_entry SET active = false, days_open = 0 WHERE id = $1', [a['id']]);
    await raw.query(
      `INSERT INTO opportunity_entry (workspace_id, opportunity_id, sales_cycle_id, stage, stage_description, previous_stage, contact_id, salesperson_id,
         date_of_change, active, action_taken, estimated_value, calcd_current_value, completed_pct, chances_pct, probability_pct, estimated_close_date)
       VALUES ($1, $2, $3, $4, '', $4, $5, $6, DATE '2026-11-21', true, 'UPDATED', $7, $7 * 0.24, 40, 60, 24, DATE '2026-12-21')`,
      [a['workspace_id'], opportunityId, a['sales_cycle_id'], a['stage'], a['contact_id'], a['salesperson_id'], value],
    );
    await raw.query('UPDATE opportunity SET status = status WHERE id = $1', [opportunityId]);
    await raw.query('COMMIT');
  } catch (error) {
    await raw.query('ROLLBACK');
    throw error;
  }
}

function report(target: BenchTarget, name: string, service: Measurement, floor: Measurement, unit: 'ms'): Report {
  return { backend: target.name, name, service, floor, ratio: ratio(service, floor), unit };
}
