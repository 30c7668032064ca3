// The embedded database's upkeep (src/jobs/database-upkeep.ts): without it, PGlite's outbox grows by every
// event it ever held, however many are pruned, and no table gets the planner's statistics. PGlite only:
// on PostgreSQL the server's autovacuum does this, and the job does not run (src/app.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ANALYSE_AT_LEAST_EVERY_MS, DatabaseUpkeepJob } from '../../src/jobs/database-upkeep.ts';
import { OutboxDispatcher } from '../../src/jobs/outbox-dispatcher.ts';
import { type Clock, fixedClock } from '../../src/services/clock.ts';
import { Outbox, recordEvents } from '../../src/services/outbox.ts';
import { TableUpkeep } from '../../src/services/upkeep.ts';
import { createTestDatabase, type TestDatabase, uniqueWorkspaceId } from '../support/databases.ts';

const NOW = '2026-11-02T10:00:00Z';
const DAY = 24 * 60 * 60_000;

describe('the embedded database upkeep', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('pglite');
  });
  afterAll(async () => {
    await db?.destroy();
  });

  /** The outbox's tables with their indexes, in bytes. */
  async function outboxBytes(): Promise<number> {
    const { rows } = await sql<{ bytes: string }>`
      SELECT (pg_total_relation_size('outbox_event') + pg_total_relation_size('outbox_delivery'))::text AS bytes`.execute(
      db.sql,
    );
    return Number(rows[0]?.bytes);
  }

  /** Records `count` won deals of a new workspace (each with its deliveries); returns the workspace. */
  async function recordWon(clock: Clock, count: number): Promise<string> {
    const ws = uniqueWorkspaceId();
    const events = Array.from({ length: count }, (_, i) => ({
      kind: 'opportunity-won' as const,
      payload: { no: `OP${i}`, description: 'A deal with a description of some length', amount: '100' },
    }));
    await recordEvents(db.sql, ws, { actorUserId: 'U1', channelId: 'C0SALES001' }, events, clock.now());
    return ws;
  }

  /** Records `count` events, settles their deliveries, and prunes them a retention later. */
  async function writeAndPrune(clock: ReturnType<typeof fixedClock>, count: number): Promise<void> {
    const ws = await recordWon(clock, count);
    await db.sql.updateTable('outbox_delivery').set({ delivered_at: clock.now() }).execute();
    clock.advance(8 * DAY);
    await new OutboxDispatcher(new Outbox(db.sql), clock, []).pruneNowAndThen();
    expect(await db.sql.selectFrom('outbox_event').select('id').where('workspace_id', '=', ws).execute()).toEqual([]);
  }

  it('vacuums every table in turn, giving way before each, so the pruned outbox stops growing', async () => {
    const clock = fixedClock(NOW);
    let gaveWay = 0;
    const job = new DatabaseUpkeepJob(
      new TableUpkeep(db.sql),
      clock,
      () => undefined,
      async () => {
        gaveWay += 1;
      },
    );

    await writeAndPrune(clock, 1_000);
    const first = await job.tick();
    expect(first.vacuumed).toEqual(
      expect.arrayContaining(['opportunity', 'outbox_event', 'outbox_delivery', 'notification']),
    );
    expect(gaveWay).toBe(first.vacuumed.length + first.analysed.length);
    // The first vacuum also gives the emptied pages at the tables' ends back (the indexes keep theirs):
    // the outbox's steady size is the one after a second round.
    await writeAndPrune(clock, 1_000);
    await job.tick();
    const steady = await outboxBytes();
    for (let round = 0; round < 3; round++) {
      await writeAndPrune(clock, 1_000);
      await job.tick();
    }
    // Three more rounds of the same: the space of the pruned rows was used again, not added to.
    expect(await outboxBytes()).toBeLessThanOrEqual(steady * 1.1);
  });

  it('analyses every table on its first pass, then a table whose size moved by a tenth, and all of them daily', async () => {
    const clock = fixedClock(NOW);
    // A table that has rows and has never been analysed, and one that will not change.
    await sql`CREATE TABLE upkeep_probe_fresh (id int)`.execute(db.sql);
    await sql`INSERT INTO upkeep_probe_fresh SELECT g FROM generate_series(1, 500) g`.execute(db.sql);
    await sql`CREATE TABLE upkeep_probe_still (id int)`.execute(db.sql);
    await sql`INSERT INTO upkeep_probe_still SELECT g FROM generate_series(1, 500) g`.execute(db.sql);
    try {
      await recordWon(clock, 300);
      const job = new DatabaseUpkeepJob(new TableUpkeep(db.sql), clock, () => undefined);
      const statistics = async (table: string) =>
        (await sql<{ n: string }>`SELECT count(*)::text AS n FROM pg_stats WHERE tablename = ${table}`.execute(db.sql))
          .rows[0]?.n;
      expect(await statistics('upkeep_probe_fresh')).toBe('0');

      const first = await job.tick();
      // Every table, also those analysed before this instance started (their statistics may be old).
      expect(first.analysed).toEqual(first.vacuumed);
      expect(first.analysed).toEqual(expect.arrayContaining(['upkeep_probe_fresh', 'outbox_event', 'opportunity']));
      expect(await statistics('upkeep_probe_fresh')).not.toBe('0');

      // Nothing changed: vacuumed, not analysed again.
      const quiet = await job.tick();
      expect(quiet.vacuumed).toContain('outbox_event');
      expect(quiet.analysed).toEqual([]);

      // A fifth more events (and their deliveries): those two analysed again, the unchanged ones not.
      const events = (await new TableUpkeep(db.sql).tables()).find((t) => t.name === 'outbox_event');
      await recordWon(clock, Math.ceil((events?.estimatedRows ?? 0) * 0.2) + 60);
      const grown = await job.tick();
      expect(grown.analysed.sort()).toEqual(['outbox_delivery', 'outbox_event']);

      // A day later every table is analysed again, changed or not.
      clock.advance(ANALYSE_AT_LEAST_EVERY_MS);
      const daily = await job.tick();
      expect(daily.analysed).toEqual(daily.vacuumed);
      expect(daily.analysed).toContain('upkeep_probe_still');
    } finally {
      await sql`DROP TABLE upkeep_probe_fresh`.execute(db.sql);
      await sql`DROP TABLE upkeep_probe_still`.execute(db.sql);
    }
  });
});
