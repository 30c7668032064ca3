// The embedded database's upkeep (src/services/upkeep.ts, which says why), now and then: every table
// vacuumed; analysed on an instance's first pass, then again when its row estimate has moved by a tenth
// since, or a day has passed. That stands in for autovacuum's counts of changed rows, which PGlite does not
// keep: changes that leave a table's size as it was (updates, as many rows pruned as added) wait for the
// daily analysis. PGlite's worker runs one statement at a time, so each statement here holds up the ones
// behind it while it runs: each first waits for the pending acks, as the outbox's deliveries do. What it
// remembers lives in this process's memory: PGlite is one process's database.
import type { Clock } from '../services/clock.ts';
import type { TableUpkeep } from '../services/upkeep.ts';
import { PeriodicJob } from './periodic-job.ts';

/** Every ten minutes: as often as the outbox is pruned (src/jobs/outbox-dispatcher.ts). */
export const UPKEEP_EVERY_MS = 10 * 60_000;
/**
 * An instance's first pass, soon after it starts: tables loaded or restored while no app ran have no
 * statistics, and PostgreSQL then plans blind (seen: a card read through an index on the workspace and
 * salesperson, scanning every opportunity of the workspace, beside the unique one on its number).
 */
export const UPKEEP_FIRST_PASS_AFTER_MS = 15_000;
/** A table is analysed again once this long has passed, even when its size has not changed. */
export const ANALYSE_AT_LEAST_EVERY_MS = 24 * 60 * 60_000;
/** Rows, and a share of them, by which a table's size moves before it is analysed again (autovacuum's defaults). */
const ANALYSE_THRESHOLD_ROWS = 50;
const ANALYSE_SCALE = 0.1;

export interface UpkeepPass {
  vacuumed: string[];
  analysed: string[];
}

export class DatabaseUpkeepJob extends PeriodicJob {
  /** Each table's row estimate when this instance last analysed it, and when. */
  private readonly lastAnalysis = new Map<string, { rows: number; at: number }>();

  constructor(
    private readonly upkeep: TableUpkeep,
    private readonly clock: Clock,
    report: (message: string) => void,
    private readonly giveWay: () => Promise<void> = () => Promise.resolve(),
  ) {
    super('database upkeep', report);
  }

  async tick(): Promise<UpkeepPass> {
    const pass: UpkeepPass = { vacuumed: [], analysed: [] };
    for (const { name } of await this.upkeep.tables()) {
      await this.giveWay();
      await this.upkeep.vacuum(name);
      pass.vacuumed.push(name);
    }
    const now = this.clock.now().getTime();
    // The row estimates as the vacuums just left them.
    for (const table of await this.upkeep.tables()) {
      const last = this.lastAnalysis.get(table.name);
      const due =
        last === undefined ||
        Math.abs(table.estimatedRows - last.rows) > ANALYSE_THRESHOLD_ROWS + ANALYSE_SCALE * last.rows ||
        now - last.at >= ANALYSE_AT_LEAST_EVERY_MS;
      if (!due) continue;
      await this.giveWay();
      await this.upkeep.analyse(table.name);
      pass.analysed.push(table.name);
      this.lastAnalysis.set(table.name, { rows: table.estimatedRows, at: now });
    }
    return pass;
  }
}
