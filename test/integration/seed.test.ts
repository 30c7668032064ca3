// npm run db:seed's demo workspace has what the issue promises, and obeys the rules it was built with.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { seedDemoWorkspace } from '../../prisma/seed.ts';
import { localDate } from '../../src/domain/local-date.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';

describe('demo seed', () => {
  let db: TestDatabase;
  let services: Services;
  const ws = 'TSEED';

  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    services = createServices(db);
    await seedDemoWorkspace(services, { workspaceId: ws, today: localDate('2026-11-21') });
  }, 120_000);
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
});
