// Make order on a double click: the operation happens once. A second call (after the first, or at the
// same time) answers with the order already made instead of "no sales quote", on both backends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dec } from '../../src/domain/decimal.ts';
import { localDate } from '../../src/domain/local-date.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { BACKFILL_DIGEST_SCOPE_ORDER_SOURCE, rerunDataMigration } from '../support/data-migrations.ts';
import { BACKENDS, createTestDatabase, type TestDatabase, uniqueWorkspaceId } from '../support/databases.ts';
import { seedPipelineSetup } from '../support/pipeline-fixtures.ts';

const TODAY = localDate('2026-11-02');

describe.each(BACKENDS)('make order twice on %s', (backend) => {
  let db: TestDatabase;
  let services: Services;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    // A fixed clock: every change of a test happens at the same instant, as two clicks in one
    // millisecond would.
    services = createServices(db, fixedClock('2026-11-02T10:00:00Z'));
  });
  afterAll(async () => {
    await db?.destroy();
  });

  /** A workspace with one In Progress opportunity carrying a two-line quote. */
  async function quoted(): Promise<{ ws: string; no: string; id: number }> {
    const ws = uniqueWorkspaceId();
    await seedPipelineSetup(services, ws);
    const opp = await services.opportunities.create(ws, {
      description: 'Fleet renewal',
      contact: 'Acme Corp',
      salesperson: { slackUserId: 'UREP1', displayName: 'Rita Rep' },
      salesCycleCode: 'STD',
      activate: { estimatedValue: dec(10_000), chancesPct: dec(50), estimatedCloseDate: localDate('2026-12-15') },
      today: TODAY,
    });
    await services.opportunities.createQuote(
      ws,
      opp.no,
      [
        { description: 'Trucks', quantity: dec(2), unitPrice: dec('1000') },
        { description: 'Service', quantity: dec(1), unitPrice: dec('500') },
      ],
      TODAY,
    );
    return { ws, no: opp.no, id: opp.id };
  }

  async function counts(ws: string) {
    const [orders, orderLines, quotes, entries, series] = await Promise.all([
      db.prisma.salesOrder.count({ where: { workspaceId: ws } }),
      db.prisma.salesOrderLine.count({ where: { order: { workspaceId: ws } } }),
      db.prisma.salesQuote.count({ where: { workspaceId: ws } }),
      db.prisma.opportunityEntry.count({ where: { workspaceId: ws } }),
      db.prisma.numberSeries.findUnique({ where: { workspaceId_kind: { workspaceId: ws, kind: 'order' } } }),
    ]);
    return { orders, orderLines, quotes, entries, lastOrderNo: series?.lastNo ?? 0 };
  }

  it('a second call after the first answers with the same order and writes nothing', async () => {
    const { ws, no } = await quoted();
    const first = await services.opportunities.makeOrder(ws, no, { today: TODAY });
    const after = await counts(ws);
    const version = (await db.prisma.opportunity.findFirstOrThrow({ where: { workspaceId: ws, no } })).version;

    const second = await services.opportunities.makeOrder(ws, no, { today: TODAY });
    expect(first).toMatchObject({ orderNo: 'SO00001', status: 'won', alreadyMade: false });
    expect(second).toMatchObject({ orderNo: 'SO00001', status: 'won', alreadyMade: true });
    expect(second.order).toEqual({ no: 'SO00001', amount: dec(2500) });
    expect(second.history).toEqual(first.history);
    expect(await counts(ws)).toEqual(after);
    expect(after).toMatchObject({ orders: 1, orderLines: 2, quotes: 0, lastOrderNo: 1 });
    // Not even the version moved: the repeated click changed nothing.
    expect((await db.prisma.opportunity.findFirstOrThrow({ where: { workspaceId: ws, no } })).version).toBe(version);
  });

  it('two calls at the same time make one order and both answer with it', async () => {
    const { ws, no } = await quoted();
    const results = await Promise.all([
      services.opportunities.makeOrder(ws, no, { today: TODAY }),
      services.opportunities.makeOrder(ws, no, { today: TODAY }),
    ]);
    expect(results.map((r) => r.orderNo)).toEqual(['SO00001', 'SO00001']);
    expect(results.map((r) => r.alreadyMade).sort()).toEqual([false, true]);
    expect(results.every((r) => r.status === 'won')).toBe(true);
    expect(await counts(ws)).toMatchObject({ orders: 1, orderLines: 2, quotes: 0, lastOrderNo: 1 });
    const active = await db.prisma.opportunityEntry.count({ where: { workspaceId: ws, active: true } });
    expect(active).toBe(1);
  });

  it('five clicks at once still make one order', async () => {
    const { ws, no } = await quoted();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => services.opportunities.makeOrder(ws, no, { today: TODAY })),
    );
    // Whoever waited for the row retries once, after the winner committed, and finds its order.
    expect(results.map((r) => r.orderNo)).toEqual(Array(5).fill('SO00001'));
    expect(results.filter((r) => !r.alreadyMade)).toHaveLength(1);
    expect(await counts(ws)).toMatchObject({ orders: 1, quotes: 0, lastOrderNo: 1 });
  });

  it('on a Lost opportunity: the unlinked order is recognised on the second call', async () => {
    const { ws, no } = await quoted();
    await services.opportunities.close(ws, no, { outcome: 'lost', closeCode: 'PRICE', today: TODAY });
    const first = await services.opportunities.makeOrder(ws, no, { today: TODAY });
    const second = await services.opportunities.makeOrder(ws, no, { today: TODAY });
    expect([first.orderNo, second.orderNo]).toEqual(['SO00001', 'SO00001']);
    expect([first.alreadyMade, second.alreadyMade]).toEqual([false, true]);
    expect([first.status, second.status, second.order]).toEqual(['lost', 'lost', null]);
    const order = await db.prisma.salesOrder.findFirstOrThrow({ where: { workspaceId: ws } });
    expect(order.opportunityId).toBeNull();
    expect(await counts(ws)).toMatchObject({ orders: 1, quotes: 0, lastOrderNo: 1 });
  });

  it("a Lost opportunity's second call does not take another Lost opportunity's order for its own", async () => {
    const a = await quoted();
    // A second Lost opportunity of the same contact and salesperson, with its own quote and order.
    const other = await services.opportunities.create(a.ws, {
      description: 'Second deal',
      contact: 'Acme Corp',
      salesperson: { slackUserId: 'UREP1' },
      salesCycleCode: 'STD',
      activate: { estimatedValue: dec(1000), chancesPct: dec(50), estimatedCloseDate: localDate('2026-12-15') },
      today: TODAY,
    });
    await services.opportunities.createQuote(
      a.ws,
      other.no,
      [{ description: 'X', quantity: dec(1), unitPrice: dec('10') }],
      TODAY,
    );
    await services.opportunities.close(a.ws, a.no, { outcome: 'lost', closeCode: 'PRICE', today: TODAY });
    await services.opportunities.close(a.ws, other.no, { outcome: 'lost', closeCode: 'PRICE', today: TODAY });
    const otherOrder = await services.opportunities.makeOrder(a.ws, other.no, { today: TODAY });
    expect(otherOrder.orderNo).toBe('SO00001');
    const mine = await services.opportunities.makeOrder(a.ws, a.no, { today: TODAY });
    expect([mine.orderNo, mine.alreadyMade]).toEqual(['SO00002', false]);
    const again = await services.opportunities.makeOrder(a.ws, other.no, { today: TODAY });
    expect([again.orderNo, again.alreadyMade]).toEqual(['SO00001', true]);
  });

  it('Lost opportunities of one contact and salesperson whose orders were made at the same instant each find their own', async () => {
    const a = await quoted();
    const b = await services.opportunities.create(a.ws, {
      description: 'Second deal',
      contact: 'Acme Corp',
      salesperson: { slackUserId: 'UREP1' },
      salesCycleCode: 'STD',
      activate: { estimatedValue: dec(1000), chancesPct: dec(50), estimatedCloseDate: localDate('2026-12-15') },
      today: TODAY,
    });
    await services.opportunities.createQuote(
      a.ws,
      b.no,
      [{ description: 'X', quantity: dec(1), unitPrice: dec('10') }],
      TODAY,
    );
    for (const no of [a.no, b.no])
      await services.opportunities.close(a.ws, no, { outcome: 'lost', closeCode: 'PRICE', today: TODAY });
    const made = [
      await services.opportunities.makeOrder(a.ws, a.no, { today: TODAY }),
      await services.opportunities.makeOrder(a.ws, b.no, { today: TODAY }),
    ];
    expect(made.map((r) => [r.orderNo, r.alreadyMade])).toEqual([
      ['SO00001', false],
      ['SO00002', false],
    ]);
    const again = [
      await services.opportunities.makeOrder(a.ws, b.no, { today: TODAY }),
      await services.opportunities.makeOrder(a.ws, a.no, { today: TODAY }),
    ];
    expect(again.map((r) => [r.orderNo, r.alreadyMade])).toEqual([
      ['SO00002', true],
      ['SO00001', true],
    ]);
    expect(await counts(a.ws)).toMatchObject({ orders: 2, quotes: 0, lastOrderNo: 2 });
  });

  it('orders made before the order kept its source (Won and Lost) are recognised after the migration', async () => {
    const won = await quoted();
    const lost = await quoted();
    await services.opportunities.close(lost.ws, lost.no, { outcome: 'lost', closeCode: 'PRICE', today: TODAY });
    for (const { ws, no } of [won, lost]) await services.opportunities.makeOrder(ws, no, { today: TODAY });
    // As the previous version left them: no source; a Lost opportunity's last change at the order's instant.
    const madeAt = new Date('2026-11-01T08:30:00.123Z');
    for (const { ws, id } of [won, lost]) {
      await db.prisma.salesOrder.updateMany({
        where: { workspaceId: ws },
        data: { sourceOpportunityId: null, createdAt: madeAt },
      });
      await db.prisma.opportunity.update({ where: { id }, data: { updatedAt: madeAt } });
    }
    await rerunDataMigration(db, BACKFILL_DIGEST_SCOPE_ORDER_SOURCE);
    for (const { ws, no, id } of [won, lost]) {
      const before = await counts(ws);
      const again = await services.opportunities.makeOrder(ws, no, { today: TODAY });
      expect([again.orderNo, again.alreadyMade]).toEqual(['SO00001', true]);
      expect(await counts(ws)).toEqual(before);
      expect(await db.prisma.salesOrder.findFirstOrThrow({ where: { workspaceId: ws } })).toMatchObject({
        sourceOpportunityId: id,
      });
    }
  });

  it('without a quote and without an order it is still refused: no sales quote', async () => {
    const { ws, no } = await quoted();
    await db.prisma.salesQuote.deleteMany({ where: { workspaceId: ws } });
    await expect(services.opportunities.makeOrder(ws, no, { today: TODAY })).rejects.toMatchObject({
      problem: { kind: 'quote-not-found', opportunityNo: no },
    });
  });

  it('a stale expected version still answers with the order already made', async () => {
    const { ws, no } = await quoted();
    const before = await db.prisma.opportunity.findFirstOrThrow({ where: { workspaceId: ws, no } });
    await services.opportunities.makeOrder(ws, no, { today: TODAY });
    const again = await services.opportunities.makeOrder(ws, no, { today: TODAY, expectedVersion: before.version });
    expect([again.orderNo, again.alreadyMade]).toEqual(['SO00001', true]);
  });
});
