// npm run db:seed's demo workspace has what the issue promises, and obeys the rules it was built with.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { seedDemoWorkspace } from '../../prisma/seed.ts';
import { addDays, localDate } from '../../src/domain/local-date.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { BACKENDS, createTestDatabase, type TestDatabase, uniqueWorkspaceId } from '../support/databases.ts';

describe.each(BACKENDS)('demo seed on %s', (backend) => {
  let db: TestDatabase;
  let services: Services;
  const ws = uniqueWorkspaceId();
  /** The day the demo is loaded: everything it shows is dated from it. */
  const today = localDate('2026-11-21');
  const daysAgo = (n: number) => addDays(today, -n);

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    services = createServices(db);
    await seedDemoWorkspace(services, { workspaceId: ws, today });
  }, 180_000);
  afterAll(async () => {
    await db?.destroy();
  });

  it('has a cycle of at least 5 stages with gaps, skippable stages and one Quote Required stage', async () => {
    const cycle = await services.setup.getSalesCycle(ws, 'FIELD');
    const numbers = cycle.stages.map((s) => s.stage);
    expect(numbers.length).toBeGreaterThanOrEqual(5);
    expect(numbers.some((n, i) => i > 0 && n - (numbers[i - 1] ?? 0) > 1)).toBe(true);
    expect(cycle.stages.filter((s) => s.allowSkip).length).toBeGreaterThan(0);
    expect(cycle.stages.filter((s) => s.quoteRequired)).toHaveLength(1);
  });

  it('has won and lost close codes, companies, persons and customers', async () => {
    const codes = await services.setup.listCloseCodes(ws);
    expect(new Set(codes.map((c) => c.type))).toEqual(new Set(['won', 'lost']));
    const contacts = await services.setup.searchContacts(ws, '', 100);
    expect(contacts.some((c) => c.type === 'company')).toBe(true);
    expect(contacts.some((c) => c.type === 'person' && c.companyNo)).toBe(true);
    expect(contacts.some((c) => c.customerNo)).toBe(true);
  });

  it('has 50 opportunities spread over the stages, open and closed, each started one with history', async () => {
    const all = await services.queries.list(ws, { status: 'all' }, 100);
    expect(all.total).toBe(50);
    const stages = new Set(all.items.filter((o) => o.status === 'in_progress').map((o) => o.current?.stage));
    expect(stages.size).toBeGreaterThanOrEqual(4);
    expect(all.items.some((o) => o.status === 'won')).toBe(true);
    expect(all.items.some((o) => o.status === 'lost')).toBe(true);
    const entries = await db.prisma.opportunityEntry.groupBy({
      by: ['opportunityId'],
      where: { workspaceId: ws },
      _count: true,
    });
    expect(entries).toHaveLength(50);
    expect(entries.filter((e) => e._count > 1).length).toBeGreaterThan(25);
    const actives = await db.prisma.opportunityEntry.count({ where: { workspaceId: ws, active: true } });
    expect(actives).toBe(50);
  });

  it('pages of a list, an App Home list and a search put together are the whole of it, in order', async () => {
    const whole = await services.queries.list(ws, { status: 'all' }, 100);
    const pages = [];
    for (let offset = 0; offset < 50; offset += 7)
      pages.push(...(await services.queries.list(ws, { status: 'all' }, 7, offset)).items);
    expect(pages.map((o) => o.no)).toEqual(whole.items.map((o) => o.no));
    const home = await services.queries.openByStage(ws, {}, 100);
    const homePages = [];
    for (let offset = 0; offset < home.total; offset += 4)
      homePages.push(...(await services.queries.openByStage(ws, {}, 4, offset)).items);
    expect(homePages.map((o) => o.no)).toEqual(home.items.map((o) => o.no));
    const found = await services.queries.search(ws, { words: ['a'], text: 'a' }, {}, 100);
    expect(found.total).toBeGreaterThan(3);
    const foundPages = [];
    for (let offset = 0; offset < found.total; offset += 3)
      foundPages.push(...(await services.queries.search(ws, { words: ['a'], text: 'a' }, {}, 3, offset)).items);
    expect(foundPages.map((o) => o.no)).toEqual(found.items.map((o) => o.no));
    // A page's size and start are written into the statement: nothing but a whole number is.
    await expect(services.queries.list(ws, { status: 'all' }, 1.5)).rejects.toThrow(/whole numbers/);
    await expect(services.queries.list(ws, { status: 'all' }, 10, -1)).rejects.toThrow(/whole numbers/);
  });

  /** The open opportunities with their active entries, as a person opening the demo sees them. */
  async function openOnes() {
    return (await services.queries.list(ws, { status: 'open' }, 100)).items;
  }

  it('looks like a team at work on the day it is loaded: moved lately, closing ahead, a few overdue', async () => {
    const open = await openOnes();
    expect(open.length).toBeGreaterThanOrEqual(25);
    // Closing dates mostly in the future; a few overdue, not most.
    const overdue = open.filter((o) => (o.current?.estimatedCloseDate ?? today) < today);
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    expect(overdue.length).toBeLessThanOrEqual(Math.ceil(open.length * 0.2));
    // Recent moves: most changed in the last week, few untouched for two weeks.
    const changedSince = (date: string) => open.filter((o) => (o.current?.dateOfChange ?? '') >= date).length;
    expect(changedSince(daysAgo(7))).toBeGreaterThanOrEqual(open.length / 2);
    expect(open.length - changedSince(daysAgo(14))).toBeLessThanOrEqual(open.length * 0.25);
    const yesterday = await db.prisma.opportunityEntry.count({
      where: { workspaceId: ws, dateOfChange: { gte: new Date(`${daysAgo(2)}T00:00:00Z`) } },
    });
    expect(yesterday).toBeGreaterThan(0);
    // Nothing dated after the load date.
    const future = await db.prisma.opportunityEntry.count({
      where: { workspaceId: ws, dateOfChange: { gt: new Date(`${today}T00:00:00Z`) } },
    });
    expect(future).toBe(0);
    // Every cycle is worked.
    const cycles = await services.setup.listSalesCycles(ws);
    expect(cycles.length).toBeGreaterThanOrEqual(2);
    for (const cycle of cycles) expect(open.some((o) => o.salesCycle.code === cycle.code)).toBe(true);
  });

  it('is shared by several salespeople, none owning most of it', async () => {
    const open = await openOnes();
    const byOwner = new Map<string, number>();
    for (const o of open) byOwner.set(o.salesperson.code, (byOwner.get(o.salesperson.code) ?? 0) + 1);
    expect(byOwner.size).toBeGreaterThanOrEqual(4);
    expect(Math.max(...byOwner.values())).toBeLessThanOrEqual(open.length / 2);
  });

  it('won and lost deals last week, as well as earlier', async () => {
    const closed = (await services.queries.list(ws, { status: 'closed' }, 100)).items;
    const lastWeek = (status: 'won' | 'lost') =>
      closed.filter((o) => o.status === status && (o.dateClosed ?? '') >= daysAgo(7) && (o.dateClosed ?? '') <= today);
    expect(lastWeek('won').length).toBeGreaterThanOrEqual(2);
    expect(lastWeek('lost').length).toBeGreaterThanOrEqual(2);
    expect(closed.some((o) => (o.dateClosed ?? today) < daysAgo(7))).toBe(true);
  });

  it('one person named for it still gets a team: demo colleagues join them', async () => {
    const single = uniqueWorkspaceId();
    await seedDemoWorkspace(services, {
      workspaceId: single,
      today,
      opportunities: 12,
      salespeople: [{ slackUserId: 'U0ONLYME01', name: 'Only Me' }],
    });
    const owners = new Set(
      (await services.queries.list(single, { status: 'all' }, 100)).items.map((o) => o.salesperson.slackUserId),
    );
    expect(owners.has('U0ONLYME01')).toBe(true);
    expect(owners.size).toBeGreaterThanOrEqual(3);
  }, 120_000);
});
