// The service suite, run against embedded PGlite and a real PostgreSQL server: every operation stores
// everything or nothing, the history is kept, concurrency is safe, numbers are gap-free.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/domain/decimal.ts';
import { localDate } from '../../src/domain/local-date.ts';
import { DomainError, type Problem } from '../../src/domain/problems.ts';
import { BACKENDS } from '../support/databases.ts';
import { useServices } from '../support/fixtures.ts';

const TODAY = localDate('2026-11-02');

async function problemOf(promise: Promise<unknown>): Promise<Problem> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.problem;
    throw error;
  }
  throw new Error('expected a DomainError, but the operation succeeded');
}

/** Polls `condition` until it holds (a test of an interleaving waits for the other session to reach it). */
async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the condition never held');
}

describe.each(BACKENDS)('opportunity services on %s', (backend) => {
  const { db, services, seededWorkspace: workspace } = useServices(backend);

  async function newStarted(ws: string, contact = 'Acme Corp', value = '10000') {
    return services.opportunities.create(ws, {
      description: 'Fleet renewal',
      contact,
      salesperson: { slackUserId: 'UREP1', displayName: 'Rita Rep' },
      salesCycleCode: 'STD',
      activate: { estimatedValue: dec(value), chancesPct: dec(50), estimatedCloseDate: localDate('2026-12-15') },
      today: TODAY,
    });
  }

  it('creates an opportunity with gap-free numbers and activates its first stage with one active entry', async () => {
    const ws = await workspace();
    const first = await newStarted(ws);
    const second = await newStarted(ws);
    expect([first.no, second.no]).toEqual(['OP00001', 'OP00002']);
    expect(first.status).toBe('in_progress');
    expect(first.history).toHaveLength(1);
    const entry = first.history[0];
    expect(entry?.actionTaken).toBe('none');
    expect(entry?.stage).toBe(10);
    expect(entry?.active).toBe(true);
    // Multiply: 50 % chances × 10 % completed = 5 % → 500.00 of 10,000.
    expect(entry?.probabilityPct.toString()).toBe('5');
    expect(entry?.calcdCurrentValue.toFixed(2)).toBe('500.00');
    expect(first.creationDate).toBe(TODAY);
  });

  it('a refused creation takes no number and writes nothing', async () => {
    const ws = await workspace();
    const problem = await problemOf(
      services.opportunities.create(ws, {
        description: 'Too cheap',
        contact: 'Acme Corp',
        salesperson: { slackUserId: 'UREP1' },
        salesCycleCode: 'STD',
        activate: { estimatedValue: dec(0), chancesPct: dec(50), estimatedCloseDate: localDate('2026-12-15') },
        today: TODAY,
      }),
    );
    expect(problem).toEqual({ kind: 'must-be-positive', field: 'estimated-value' });
    expect(await db.prisma.opportunity.count({ where: { workspaceId: ws } })).toBe(0);
    expect((await newStarted(ws)).no).toBe('OP00001');
  });

  it('moves append entries, deactivate the previous one with its Days Open and keep exactly one active', async () => {
    const ws = await workspace();
    const opp = await newStarted(ws);
    const moved = await services.opportunities.move(ws, opp.no, {
      action: 'next',
      dateOfChange: localDate('2026-11-12'),
      today: TODAY,
    });
    expect(moved.current?.stage).toBe(20);
    expect(moved.history.map((e) => [e.stage, e.active, e.daysOpen, e.actionTaken])).toEqual([
      [10, false, 10, 'none'],
      [20, true, 0, 'next'],
    ]);
    const active = await db.prisma.opportunityEntry.count({ where: { opportunityId: opp.id, active: true } });
    expect(active).toBe(1);
  });

  /** A workspace whose cycle TSK has an activity (two steps) on both of its stages. */
  async function workspaceWithTasks() {
    const ws = await workspace();
    await services.setup.addActivity(ws, {
      code: 'CALL',
      description: 'Follow-up',
      steps: [
        { description: 'Call the buyer', dateFormula: '1W' },
        { description: 'Send the summary', dateFormula: '2W' },
      ],
    });
    await services.setup.addSalesCycle(ws, {
      code: 'TSK',
      description: 'With tasks',
      probabilityCalculation: 'multiply',
    });
    for (const [stage, description] of [
      [10, 'Lead'],
      [20, 'Meeting'],
    ] as const) {
      await services.setup.addStage(ws, 'TSK', {
        stage,
        description,
        completedPct: dec(stage),
        chancesPct: dec(50),
        activityCode: 'CALL',
      });
    }
    const opp = await services.opportunities.create(ws, {
      description: 'Tasks',
      contact: 'Acme Corp',
      salesperson: { slackUserId: 'UREP1', displayName: 'Rita Rep' },
      salesCycleCode: 'TSK',
      activate: { estimatedValue: dec(5000), chancesPct: dec(50), estimatedCloseDate: localDate('2026-12-15') },
      today: TODAY,
    });
    return { ws, opp };
  }

  function tasksOf(opportunityId: number) {
    return db.prisma.task.findMany({
      where: { opportunityId },
      orderBy: { id: 'asc' },
      select: { description: true, date: true, status: true, entryId: true },
    });
  }

  it('entering a stage with an activity creates a task per step, dated from the date of change; Cancel Old Tasks cancels the open ones', async () => {
    const { ws, opp } = await workspaceWithTasks();
    const first = opp.history[0]?.entryNo;
    expect((await tasksOf(opp.id)).map((t) => [t.description, t.date.toISOString().slice(0, 10), t.status])).toEqual([
      ['Call the buyer', '2026-11-09', 'OPEN'],
      ['Send the summary', '2026-11-16', 'OPEN'],
    ]);
    // Update stays at the stage: no tasks (§9).
    await services.opportunities.move(ws, opp.no, { action: 'update', chancesPct: dec(60), today: TODAY });
    expect(await tasksOf(opp.id)).toHaveLength(2);

    const moved = await services.opportunities.move(ws, opp.no, {
      action: 'next',
      dateOfChange: localDate('2026-11-12'),
      cancelOldTasks: true,
      today: TODAY,
    });
    const entered = moved.current?.entryNo;
    const tasks = await tasksOf(opp.id);
    expect(tasks.map((t) => [t.description, t.date.toISOString().slice(0, 10), t.status, t.entryId])).toEqual([
      ['Call the buyer', '2026-11-09', 'CANCELED', first],
      ['Send the summary', '2026-11-16', 'CANCELED', first],
      ['Call the buyer', '2026-11-19', 'OPEN', entered],
      ['Send the summary', '2026-11-26', 'OPEN', entered],
    ]);
  });

  it('a move stores everything or nothing: when its tasks cannot be written, no entry, version, status or task changes', async () => {
    const { ws, opp } = await workspaceWithTasks();
    const snapshot = async () => ({
      opportunity: await db.prisma.opportunity.findUniqueOrThrow({
        where: { id: opp.id },
        select: { version: true, status: true, updatedAt: true },
      }),
      entries: await db.prisma.opportunityEntry.findMany({ where: { opportunityId: opp.id }, orderBy: { id: 'asc' } }),
      tasks: await tasksOf(opp.id),
    });
    const before = await snapshot();
    // The last part of the move's statement fails: a trigger refuses this workspace's new tasks.
    await db.prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION refuse_test_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.workspace_id = '${ws}' THEN RAISE EXCEPTION 'tasks refused by the test'; END IF; RETURN NEW; END $$`);
    await db.prisma.$executeRawUnsafe(
      'CREATE TRIGGER refuse_test_tasks BEFORE INSERT ON task FOR EACH ROW EXECUTE FUNCTION refuse_test_tasks()',
    );
    try {
      await expect(
        services.opportunities.move(ws, opp.no, { action: 'next', cancelOldTasks: true, today: TODAY }),
      ).rejects.toThrow(/tasks refused by the test/);
    } finally {
      await db.prisma.$executeRawUnsafe('DROP TRIGGER refuse_test_tasks ON task');
      await db.prisma.$executeRawUnsafe('DROP FUNCTION refuse_test_tasks()');
    }
    expect(await snapshot()).toEqual(before);
    // And the same move goes through once nothing refuses it.
    const moved = await services.opportunities.move(ws, opp.no, { action: 'next', today: TODAY });
    expect(moved.current?.stage).toBe(20);
  });

  it('Quote Required blocks Next into the stage until a quote exists, and nothing is written', async () => {
    const ws = await workspace();
    const opp = await newStarted(ws);
    await services.opportunities.move(ws, opp.no, { action: 'next', today: TODAY }); // 10 → 20
    const problem = await problemOf(services.opportunities.move(ws, opp.no, { action: 'next', today: TODAY })); // 20 → 40 needs a quote
    expect(problem).toMatchObject({ kind: 'quote-required', stage: 40 });
    expect(await db.prisma.opportunityEntry.count({ where: { opportunityId: opp.id } })).toBe(2);

    const quoted = await services.opportunities.createQuote(
      ws,
      opp.no,
      [{ description: 'Trucks', quantity: dec(2), unitPrice: dec('6000'), discountPct: dec(10) }],
      TODAY,
    );
    expect(quoted.quote).toEqual({ no: 'SQ00001', amount: dec('10800') });
    const next = await services.opportunities.move(ws, opp.no, { action: 'next', today: TODAY });
    expect(next.current?.stage).toBe(40);
    // With a linked quote the estimated value defaults to the quote amount (§6.6).
    expect(next.current?.estimatedValue.toFixed(2)).toBe('10800.00');
  });

  it('two concurrent moves of the same opportunity: exactly one applies, the other is told it changed meanwhile', async () => {
    const ws = await workspace();
    const opp = await newStarted(ws);
    const attempts = await Promise.allSettled([
      // Updates are always allowed, so the only possible refusal is a concurrent change.
      services.opportunities.move(ws, opp.no, { action: 'update', estimatedValue: dec(20000), today: TODAY }),
      services.opportunities.move(ws, opp.no, { action: 'update', estimatedValue: dec(21000), today: TODAY }),
      services.opportunities.move(ws, opp.no, { action: 'update', estimatedValue: dec(22000), today: TODAY }),
    ]);
    const fulfilled = attempts.filter((a) => a.status === 'fulfilled');
    const rejected = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    // On PGlite the transactions queue one after another; each later one sees the new state and
    // may legitimately succeed. What must never happen is two moves against one active entry.
    expect(fulfilled.length).toBeGreaterThanOrEqual(1);
    for (const r of rejected) {
      expect(r.reason).toBeInstanceOf(DomainError);
    }
    const entries = await db.prisma.opportunityEntry.findMany({
      where: { opportunityId: opp.id },
      orderBy: { id: 'asc' },
    });
    expect(entries.filter((e) => e.active)).toHaveLength(1);
    expect(entries).toHaveLength(1 + fulfilled.length);
    // Each entry's previous stage is the stage of the entry before it: no two moves forked the history.
    for (let i = 1; i < entries.length; i++) expect(entries[i]?.previousStage).toBe(entries[i - 1]?.stage);
    if (backend === 'postgres') {
      expect(rejected.map((r) => (r.reason as DomainError).problem.kind)).toEqual(
        rejected.map(() => 'changed-meanwhile'),
      );
    }
  });

  it('two concurrent moves made from the same version: exactly one wins, the other is changed meanwhile', async () => {
    const ws = await workspace();
    const opp = await newStarted(ws);
    for (let round = 0; round < 3; round++) {
      const current = await services.queries.get(ws, opp.no);
      const attempts = await Promise.allSettled([
        services.opportunities.move(ws, opp.no, {
          action: 'update',
          estimatedValue: dec(11000 + round),
          expectedVersion: current.version,
          today: TODAY,
        }),
        services.opportunities.move(ws, opp.no, {
          action: 'update',
          estimatedValue: dec(12000 + round),
          expectedVersion: current.version,
          today: TODAY,
        }),
      ]);
      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      const rejected = attempts.find((a): a is PromiseRejectedResult => a.status === 'rejected');
      expect((rejected?.reason as DomainError).problem).toEqual({ kind: 'changed-meanwhile', opportunityNo: opp.no });
    }
    const entries = await db.prisma.opportunityEntry.findMany({ where: { opportunityId: opp.id } });
    expect(entries).toHaveLength(4);
    expect(entries.filter((e) => e.active)).toHaveLength(1);
  });

  it.runIf(backend === 'postgres')(
    'a change committed while a move waits for the row lock refuses the move (it read the opportunity before)',
    async () => {
      const ws = await workspace();
      const opp = await newStarted(ws);
      const eventsBefore = await db.prisma.outboxEvent.count({ where: { workspaceId: ws } });
      // Another session moves the opportunity by hand and holds the row until told to commit.
      const other = new pg.Client({ connectionString: db.url });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query('UPDATE opportunity SET version = version + 1 WHERE id = $1', [opp.id]);
        await other.query('UPDATE opportunity_entry SET active = false WHERE opportunity_id = $1 AND active', [opp.id]);
        await other.query(
          `INSERT INTO opportunity_entry (workspace_id, opportunity_id, sales_cycle_id, stage, stage_description,
             contact_id, salesperson_id, date_of_change, active, action_taken, estimated_value, calcd_current_value,
             completed_pct, chances_pct, probability_pct, estimated_close_date)
           SELECT workspace_id, opportunity_id, sales_cycle_id, stage, stage_description, contact_id, salesperson_id,
             date_of_change, true, 'UPDATED', 77777, 0, completed_pct, chances_pct, probability_pct, estimated_close_date
           FROM opportunity_entry WHERE opportunity_id = $1 ORDER BY id DESC LIMIT 1`,
          [opp.id],
        );
        // No expected version: only the version read can tell the move that its reading is out of date.
        const move = problemOf(
          services.opportunities.move(ws, opp.no, { action: 'update', estimatedValue: dec(12000), today: TODAY }),
        );
        // The move has read the opportunity and now waits for the row: then the other session commits.
        await until(async () => {
          const waiting = await other.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          return (waiting.rows[0]?.n ?? 0) > 0;
        });
        await other.query('COMMIT');
        expect(await move).toEqual({ kind: 'changed-meanwhile', opportunityNo: opp.no });
      } finally {
        await other.end();
      }
      const entries = await db.prisma.opportunityEntry.findMany({
        where: { opportunityId: opp.id },
        orderBy: { id: 'asc' },
      });
      expect(entries.map((e) => [e.active, e.estimatedValue.toString()])).toEqual([
        [false, '10000'],
        [true, '77777'],
      ]);
      expect((await services.queries.get(ws, opp.no)).version).toBe(opp.version + 1);
      // The refused move's statement wrote nothing: no event either (every part hangs on the claim).
      expect(await db.prisma.outboxEvent.count({ where: { workspaceId: ws } })).toBe(eventsBefore);
    },
  );

  it('a stale version from a form is refused as changed meanwhile', async () => {
    const ws = await workspace();
    const opp = await newStarted(ws);
    await services.opportunities.move(ws, opp.no, { action: 'update', estimatedValue: dec(12000), today: TODAY });
    const problem = await problemOf(
      services.opportunities.move(ws, opp.no, { action: 'next', expectedVersion: opp.version, today: TODAY }),
    );
    expect(problem).toEqual({ kind: 'changed-meanwhile', opportunityNo: opp.no });
  });

  it('concurrent creations get distinct, gap-free numbers', async () => {
    const ws = await workspace();
    const created = await Promise.all(Array.from({ length: 8 }, () => newStarted(ws)));
    expect(created.map((o) => o.no).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `OP0000${i + 1}`));
  });

  it('closing Won creates the customer from the company, uses the quote amount and leaves the quote alone', async () => {
    const ws = await workspace();
    const opp = await newStarted(ws, 'Pat Person');
    await services.opportunities.createQuote(
      ws,
      opp.no,
      [{ description: 'Service', quantity: dec(1), unitPrice: dec('7500') }],
      TODAY,
    );
    const closed = await services.opportunities.close(ws, opp.no, {
      outcome: 'won',
      closeCode: 'WIN',
      salesAmount: dec(1), // ignored: the quote amount wins (§14.12)
      closingDate: localDate('2026-11-20'),
      today: TODAY,
    });
    expect(closed.status).toBe('won');
    expect(closed.dateClosed).toBe('2026-11-20');
    expect(closed.current?.calcdCurrentValue.toFixed(2)).toBe('7500.00');
    expect(closed.current?.stage).toBeNull();
    expect(closed.quote?.no).toBe('SQ00001');
    const customer = await db.prisma.customer.findFirst({ where: { workspaceId: ws }, include: { contact: true } });
    expect(customer?.contact.name).toBe('Acme Corp');
  });

  it('closing with a code of the other type is refused; Lost zeroes the figures', async () => {
    const ws = await workspace();
    const opp = await newStarted(ws);
    expect(
      await problemOf(services.opportunities.close(ws, opp.no, { outcome: 'lost', closeCode: 'WIN', today: TODAY })),
    ).toMatchObject({
      kind: 'close-code-wrong-type',
    });
    const lost = await services.opportunities.close(ws, opp.no, { outcome: 'lost', closeCode: 'PRICE', today: TODAY });
    expect(lost.status).toBe('lost');
    expect(lost.current?.probabilityPct.toString()).toBe('0');
    expect(lost.current?.calcdCurrentValue.toString()).toBe('0');
    expect(lost.current?.closeCode).toBe('PRICE');
  });

  it('Make Order closes an In Progress opportunity as Won, moves the link to the order and deletes the quote', async () => {
    const ws = await workspace();
    const opp = await newStarted(ws);
    await services.opportunities.createQuote(
      ws,
      opp.no,
      [{ description: 'Trucks', quantity: dec(3), unitPrice: dec('1000') }],
      TODAY,
    );
    const ordered = await services.opportunities.makeOrder(ws, opp.no, { today: TODAY });
    expect(ordered.orderNo).toBe('SO00001');
    expect(ordered.status).toBe('won');
    expect(ordered.quote).toBeNull();
    expect(ordered.order).toEqual({ no: 'SO00001', amount: dec(3000) });
    expect(ordered.current?.calcdCurrentValue.toFixed(2)).toBe('3000.00');
    expect(await db.prisma.salesQuote.count({ where: { workspaceId: ws } })).toBe(0);
  });

  it('Make Order on a Lost opportunity makes the order without linking it', async () => {
    const ws = await workspace();
    const opp = await newStarted(ws);
    await services.opportunities.createQuote(
      ws,
      opp.no,
      [{ description: 'Trucks', quantity: dec(1), unitPrice: dec('500') }],
      TODAY,
    );
    await services.opportunities.close(ws, opp.no, { outcome: 'lost', closeCode: 'PRICE', today: TODAY });
    const ordered = await services.opportunities.makeOrder(ws, opp.no, { today: TODAY });
    expect(ordered.order).toBeNull();
    expect(ordered.status).toBe('lost');
    const order = await db.prisma.salesOrder.findFirstOrThrow({ where: { workspaceId: ws } });
    expect(order.opportunityId).toBeNull();
  });

  it('deleting: refused In Progress; a closed one goes with its entries and its order loses the back-link', async () => {
    const ws = await workspace();
    const opp = await newStarted(ws);
    expect(await problemOf(services.opportunities.delete(ws, opp.no))).toEqual({
      kind: 'delete-in-progress',
      opportunityNo: opp.no,
    });
    await services.opportunities.createQuote(
      ws,
      opp.no,
      [{ description: 'X', quantity: dec(1), unitPrice: dec('100') }],
      TODAY,
    );
    await services.opportunities.makeOrder(ws, opp.no, { today: TODAY });
    await services.opportunities.delete(ws, opp.no);
    expect(await db.prisma.opportunityEntry.count({ where: { opportunityId: opp.id } })).toBe(0);
    const order = await db.prisma.salesOrder.findFirstOrThrow({ where: { workspaceId: ws } });
    expect(order.opportunityId).toBeNull();
  });

  it('purge deletes only closed opportunities matching the filter, all in one go', async () => {
    const ws = await workspace();
    const open = await newStarted(ws);
    const won = await newStarted(ws);
    const lost = await newStarted(ws);
    await services.opportunities.close(ws, won.no, {
      outcome: 'won',
      closeCode: 'WIN',
      salesAmount: dec(5),
      today: TODAY,
    });
    await services.opportunities.close(ws, lost.no, { outcome: 'lost', closeCode: 'PRICE', today: TODAY });
    const preview = await services.opportunities.purgePreview(ws, { status: 'lost' });
    expect(preview.opportunities.map((o) => o.no)).toEqual([lost.no]);
    const purged = await services.opportunities.purge(ws, {});
    expect(purged.deleted).toEqual([won.no, lost.no]);
    const remaining = await db.prisma.opportunity.findMany({ where: { workspaceId: ws }, select: { no: true } });
    expect(remaining.map((r) => r.no)).toEqual([open.no]);
    expect(await problemOf(services.opportunities.purge(ws, {}))).toEqual({ kind: 'nothing-to-purge' });
  });

  it('setup deletions: refused while in use (with their reasons), done when free', async () => {
    const ws = await workspace();
    const opp = await newStarted(ws); // at stage 10 of STD
    expect(await problemOf(services.setup.deleteStage(ws, 'STD', 10))).toEqual({
      kind: 'stage-in-use',
      cycle: 'STD',
      stage: 10,
    });
    await services.setup.deleteStage(ws, 'STD', 70);
    expect((await services.setup.getSalesCycle(ws, 'STD')).stages.map((st) => st.stage)).toEqual([10, 20, 40, 50]);
    expect(await problemOf(services.setup.deleteSalesCycle(ws, 'STD'))).toEqual({
      kind: 'sales-cycle-in-use',
      code: 'STD',
      openCount: 1,
    });
    await services.opportunities.close(ws, opp.no, { outcome: 'lost', closeCode: 'PRICE', today: TODAY });
    // Closed now, but its row still names the cycle: kept, with its own reason.
    expect(await problemOf(services.setup.deleteSalesCycle(ws, 'STD'))).toEqual({
      kind: 'sales-cycle-referenced',
      code: 'STD',
      count: 1,
    });
    // A deliberate tightening: a close code that closed an opportunity stays.
    expect(await problemOf(services.setup.deleteCloseCode(ws, 'PRICE'))).toEqual({
      kind: 'close-code-in-use',
      code: 'PRICE',
      entryCount: 1,
    });
    await services.setup.deleteCloseCode(ws, 'NOBUDGET');
    expect((await services.setup.listCloseCodes(ws)).map((c) => c.code)).toEqual(['WIN', 'PRICE']); // won codes first
    await services.setup.addSalesCycle(ws, { code: 'EMPTY' });
    await services.setup.deleteSalesCycle(ws, 'EMPTY');
    expect(await problemOf(services.setup.getSalesCycle(ws, 'EMPTY'))).toEqual({
      kind: 'sales-cycle-not-found',
      code: 'EMPTY',
    });
  });

  it('a workspace never sees or changes another workspace’s opportunities', async () => {
    const wsA = await workspace();
    const wsB = await workspace();
    const opp = await newStarted(wsA);
    expect(await problemOf(services.queries.get(wsB, opp.no))).toEqual({ kind: 'opportunity-not-found', no: opp.no });
    expect(await problemOf(services.opportunities.move(wsB, opp.no, { action: 'next', today: TODAY }))).toMatchObject({
      kind: 'opportunity-not-found',
    });
    expect((await services.queries.list(wsB, { status: 'all' })).total).toBe(0);
  });

  it('cycle statistics come from open active entries only; stage averages from history; the total sums the averages', async () => {
    const ws = await workspace();
    const a = await newStarted(ws, 'Acme Corp', '10000');
    const b = await newStarted(ws, 'Acme Corp', '20000');
    const c = await newStarted(ws, 'Acme Corp', '30000');
    await services.opportunities.move(ws, a.no, {
      action: 'next',
      dateOfChange: localDate('2026-11-06'),
      today: TODAY,
    }); // 4 days at 10
    await services.opportunities.move(ws, b.no, {
      action: 'next',
      dateOfChange: localDate('2026-11-10'),
      today: TODAY,
    }); // 8 days at 10
    await services.opportunities.close(ws, c.no, {
      outcome: 'won',
      closeCode: 'WIN',
      salesAmount: dec(30000),
      today: TODAY,
    });

    const cycle = await services.statistics.salesCycle(ws, 'STD');
    expect(cycle.noOfOpportunities).toBe(2);
    expect(cycle.estimatedValue.toFixed(2)).toBe('30000.00');

    const analysis = await services.statistics.cycleAnalysis(ws, 'STD');
    const line10 = analysis.stages.find((s) => s.stage === 10);
    const line20 = analysis.stages.find((s) => s.stage === 20);
    expect(line10?.noOfOpportunities).toBe(0);
    // Stage 10 history: 4, 8 and c's 0 days (closed the day it started) → 4.
    expect(line10?.averageDays?.toFixed(2)).toBe('4.00');
    expect(line20?.noOfOpportunities).toBe(2);
    expect(line20?.averageDays).toBeNull();
    expect(analysis.total.averageDays.toFixed(2)).toBe('4.00');
    expect(analysis.total.noOfOpportunities).toBe(2);
  });
});
