// The embedded database's upkeep. PGlite has no autovacuum: without the job, the outbox grows by every
// event it ever held, however many are pruned, and no table gets the planner's statistics. PostgreSQL's
// own autovacuum does this on a server, where the job does not run (src/app.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DatabaseUpkeepJob } from '../../src/jobs/database-upkeep.ts';
import { OutboxDispatcher } from '../../src/jobs/outbox-dispatcher.ts';
import { fixedClock } from '../../src/services/clock.ts';
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

  /** Records `count` events at `at`, settles their deliveries, and prunes them a retention later. */
  async function writeAndPrune(clock: ReturnType<typeof fixedClock>, count: number): Promise<void> {
    const ws = uniqueWorkspaceId();
    const origin = { actorUserId: 'U1', channelId: 'C0SALES001' };
    const events = Array.from({ length: count }, (_, i) => ({
      kind: 'opportunity-won' as const,
      payload: { no: `OP${i}`, description: 'A deal with a description of some length', amount: '100' },
    }));
    await recordEvents(db.sql, ws, origin, events, clock.now());
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

  it('analyses a table on the first pass, again once its size changed by a tenth, and at least daily', async () => {
    const clock = fixedClock(NOW);
    const job = new DatabaseUpkeepJob(new TableUpkeep(db.sql), clock, () => undefined);
    const ws = uniqueWorkspaceId();
    const origin = { actorUserId: 'U1', channelId: 'C0SALES001' };
    const record = (count: number) =>
      recordEvents(
        db.sql,
        ws,
        origin,
        Array.from({ length: count }, (_, i) => ({
          kind: 'opportunity-won' as const,
          payload: { no: `OP${i}`, description: 'Deal', amount: '100' },
        })),
        clock.now(),
      );
    await record(300);
    const first = await job.tick();
    // Every table has statistics afterwards, or has just been analysed (an empty one gets none).
    const states = await new TableUpkeep(db.sql).tables();
    const outboxEvent = states.find((table) => table.name === 'outbox_event');
    expect(outboxEvent?.hasStatistics).toBe(true);
    for (const table of states.filter((t) => !t.hasStatistics)) expect(first.analysed).toContain(table.name);

    // Nothing changed: vacuumed, not analysed again.
    const quiet = await job.tick();
    expect(quiet.vacuumed).toContain('outbox_event');
    expect(quiet.analysed).not.toContain('outbox_event');

    // More than a tenth more events (and their deliveries): both analysed again, nothing else.
    await record(Math.ceil((outboxEvent?.estimatedRows ?? 0) * 0.2) + 60);
    const grown = await job.tick();
    expect(grown.analysed).toEqual(expect.arrayContaining(['outbox_event', 'outbox_delivery']));
    expect(grown.analysed).not.toContain('opportunity');

    // A day later every table is analysed again, changed or not.
    clock.advance(24 * 60 * 60_000);
    const daily = await job.tick();
    expect(daily.analysed).toEqual(expect.arrayContaining(['opportunity', 'outbox_event', 'workspace']));
  });
});
