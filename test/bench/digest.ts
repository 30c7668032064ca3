// Digest build time at growing pipeline sizes, beside a floor: the digest's core aggregates (open
// pipeline per stage, closed in the period, attention counts, per salesperson) in raw SQL through the
// driver. Reported with the time per 1,000 opportunities, to show how it grows.
import { performance } from 'node:perf_hooks';
import { localDate } from '../../src/domain/local-date.ts';
import { createServices } from '../../src/services/index.ts';
import { type BenchTarget, loadBulkPipeline } from './core.ts';
import { type Measurement, measureAlternating, type Report } from './measure.ts';

const TODAY = localDate('2026-11-21');

const FLOOR_QUERIES = [
  `SELECT e.sales_cycle_id, e.stage, count(*), sum(e.estimated_value), sum(e.calcd_current_value)
     FROM opportunity_entry e WHERE e.workspace_id = $1 AND e.active AND e.stage IS NOT NULL
     GROUP BY e.sales_cycle_id, e.stage`,
  `SELECT e.action_taken, e.close_code_id, count(*), sum(e.calcd_current_value), sum(e.estimated_value)
     FROM opportunity_entry e WHERE e.workspace_id = $1 AND e.active AND e.action_taken IN ('WON', 'LOST')
       AND e.date_of_change BETWEEN $2::date - 6 AND $2::date
     GROUP BY e.action_taken, e.close_code_id`,
  `SELECT count(*) FILTER (WHERE e.estimated_close_date < $2::date),
          count(*) FILTER (WHERE e.estimated_close_date BETWEEN $2::date AND $2::date + 7),
          count(*) FILTER (WHERE e.date_of_change <= $2::date - 14)
     FROM opportunity_entry e WHERE e.workspace_id = $1 AND e.active AND e.stage IS NOT NULL`,
  `SELECT o.salesperson_id, count(*), sum(e.calcd_current_value)
     FROM opportunity o JOIN opportunity_entry e ON e.opportunity_id = o.id AND e.active
     WHERE o.workspace_id = $1 AND o.status IN ('NOT_STARTED', 'IN_PROGRESS')
     GROUP BY o.salesperson_id`,
];

export async function benchDigest(target: BenchTarget, sizes: number[]): Promise<Report[]> {
  const services = createServices(target.db);
  const reports: Report[] = [];
  for (const size of sizes) {
    const workspace = `TDIGEST${size}`;
    const started = Date.now();
    try {
      await loadBulkPipeline(target, size, workspace);
    } catch (error) {
      console.log(
        `[${target.name}] ${size.toLocaleString('en-US')} opportunities could not be loaded: ${String(error).slice(0, 200)}`,
      );
      break;
    }
    console.log(
      `[${target.name}] loaded ${size.toLocaleString('en-US')} opportunities in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const build = () => services.digests.build({ workspaceId: workspace, today: TODAY, changesSince: new Date(0) });
    const floorBuild = async () => {
      for (const sql of FLOOR_QUERIES)
        await target.raw.query(sql, sql.includes('$2') ? [workspace, TODAY] : [workspace]);
    };
    // The first builds pay what an app pays once: compiling each statement's shape (once per process)
    // and, on PostgreSQL, preparing each statement on each connection of the digests' pool it lands on
    // (two: src/store/database.ts).
    // The first is timed apart; below 1,000,000 the measure starts after a dozen, as a running app's would.
    const coldStarted = performance.now();
    await build();
    const cold = performance.now() - coldStarted;
    // The floor's first run is not timed either.
    await floorBuild();
    const large = size >= 1_000_000;
    // Below 10,000 a build takes a few milliseconds, and twenty of them gave ratios from 1.7 to 2.2x for
    // the same code: a hundred cost a second and say the mean with less of the machine's noise.
    const runs = large ? 3 : size >= 100_000 ? 5 : size >= 10_000 ? 20 : 100;
    const warmups = large ? 0 : 11;
    // In alternation (measureAlternating), so that what the machine does meanwhile falls on both alike.
    const { ours, floor } = await measureAlternating(runs, build, floorBuild, warmups);
    reports.push({
      backend: target.name,
      name: `digest build, ${size.toLocaleString('en-US')} opportunities`,
      service: ours,
      floor,
      ratio: ours.mean / floor.mean,
      unit: 'ms',
      extra: `${perThousand(ours, size)} ms per 1,000 opportunities; the first build after the load ${cold.toFixed(1)} ms`,
    });
  }
  return reports;
}

function perThousand(m: Measurement, size: number): string {
  return ((m.mean / size) * 1000).toFixed(3);
}
