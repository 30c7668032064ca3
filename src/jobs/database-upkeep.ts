// The embedded database's upkeep (src/services/upkeep.ts), now and then: every table vacuumed, and
// analysed again when its size has changed by a tenth since its last analysis, or a day has passed (as
// PostgreSQL's autovacuum decides by its counts of changes, which PGlite does not keep). PGlite's worker
// runs one statement at a time, so each statement here holds up the ones behind it while it runs: each
// waits for the pending acks first, as the outbox's deliveries do.
import type { Clock } from '../services/clock.ts';
import type { TableUpkeep } from '../services/upkeep.ts';
import { PeriodicJob } from './periodic-job.ts';

/** Every ten minutes: as often as the outbox is pruned (src/jobs/outbox-dispatcher.ts). */
export const UPKEEP_EVERY_MS = 10 * 60_000;
/** A table is analysed again once this long has passed, even when its size has not changed. */
export const ANALYZE_AT_LEAST_EVERY_MS = 24 * 60 * 60_000;
/** Rows, and a share of them, by which a table's size changes before it is analysed again (autovacuum's defaults). */
const ANALYZE_THRESHOLD_ROWS = 50;
const ANALYZE_SCALE = 0.1;

export interface UpkeepPass {
  vacuumed: string[];
  analysed: string[];
}

export class DatabaseUpkeepJob extends PeriodicJob {
  /** Each table's row estimate when it was last analysed (or found with statistics), and when. */
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
      if (last === undefined && table.hasStatistics) {
        // Analysed before this instance started: counted from now.
        this.lastAnalysis.set(table.name, { rows: table.estimatedRows, at: now });
        continue;
      }
      const due =
        last === undefined ||
        Math.abs(table.estimatedRows - last.rows) > ANALYZE_THRESHOLD_ROWS + ANALYZE_SCALE * last.rows ||
        now - last.at >= ANALYZE_AT_LEAST_EVERY_MS;
      if (!due) continue;
      await this.giveWay();
      await this.upkeep.analyze(table.name);
      pass.analysed.push(table.name);
      this.lastAnalysis.set(table.name, { rows: table.estimatedRows, at: now });
    }
    return pass;
  }
}
