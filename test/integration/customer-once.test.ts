// A company contact's customer is made when it is first needed (a quote, a Won closing: §8.3). Found by
// the load run (npm run bench:scale): two reps quoting deals of the same new company at once both read
// "no customer yet", and the second insert broke the unique customer per contact, so that rep was told
// something went wrong. Changes at the same time must both succeed, with one customer and its one number.
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/domain/decimal.ts';
import { localDate } from '../../src/domain/local-date.ts';
import { BACKENDS } from '../support/databases.ts';
import { useServices } from '../support/fixtures.ts';

const TODAY = localDate('2026-11-02');
const AT_ONCE = 4;

describe.each(BACKENDS)('the first customer of a contact, needed by changes at once, on %s', (backend) => {
  const { db, services, seededWorkspace } = useServices(backend);

  /** A workspace whose company contact has no customer yet, with `count` open opportunities on it. */
  async function deals(count: number): Promise<{ ws: string; nos: string[] }> {
    const ws = await seededWorkspace();
    const nos: string[] = [];
    for (let i = 0; i < count; i++) {
      const opp = await services.opportunities.create(ws, {
        description: `Deal ${i + 1}`,
        contact: 'Acme Corp',
        salesperson: { slackUserId: `UREP${i + 1}`, displayName: `Rep ${i + 1}` },
        salesCycleCode: 'STD',
        activate: { estimatedValue: dec(10_000), chancesPct: dec(50), estimatedCloseDate: localDate('2026-12-15') },
        today: TODAY,
      });
      nos.push(opp.no);
    }
    return { ws, nos };
  }

  async function customers(ws: string) {
    const rows = await db.prisma.customer.findMany({ where: { workspaceId: ws }, select: { no: true } });
    const series = await db.prisma.numberSeries.findUnique({
      where: { workspaceId_kind: { workspaceId: ws, kind: 'customer' } },
    });
    return { nos: rows.map((r) => r.no), lastNo: series?.lastNo ?? 0 };
  }

  it('quotes made at the same time on deals of the same company all succeed, with one customer', async () => {
    for (let round = 0; round < 3; round++) {
      const { ws, nos } = await deals(AT_ONCE);
      const results = await Promise.allSettled(
        nos.map((no) =>
          services.opportunities.createQuote(
            ws,
            no,
            [{ description: 'Trucks', quantity: dec(1), unitPrice: dec(900) }],
            TODAY,
          ),
        ),
      );
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      expect(await customers(ws)).toEqual({ nos: ['CU00001'], lastNo: 1 });
      expect(await db.prisma.salesQuote.count({ where: { workspaceId: ws } })).toBe(AT_ONCE);
    }
  });

  it('Won closings and a quote at the same time on deals of the same company all succeed, with one customer', async () => {
    for (let round = 0; round < 3; round++) {
      const { ws, nos } = await deals(AT_ONCE);
      const [quoted, ...won] = nos;
      const results = await Promise.allSettled([
        services.opportunities.createQuote(
          ws,
          quoted ?? '',
          [{ description: 'Vans', quantity: dec(2), unitPrice: dec(500) }],
          TODAY,
        ),
        ...won.map((no) =>
          services.opportunities.close(ws, no, {
            outcome: 'won',
            closeCode: 'WIN',
            closingDate: TODAY,
            salesAmount: dec(8_000),
            today: TODAY,
          }),
        ),
      ]);
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      expect(await customers(ws)).toEqual({ nos: ['CU00001'], lastNo: 1 });
    }
  });
});
