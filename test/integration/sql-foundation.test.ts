// The SQL convention on both backends (src/store/kysely.ts, src/services/db.ts): the same values come
// back whatever the driver, timestamps are UTC as Prisma writes them (whatever this process's zone),
// numerics exact, a transaction stores all or nothing, and failures reach callers as the services
// expect them.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/problems.ts';
import { DatabaseUnavailableError, transaction } from '../../src/services/db.ts';
import { BACKENDS, createTestDatabase, type TestDatabase, uniqueWorkspaceId } from '../support/databases.ts';

// A zone far from UTC, so that a driver reading or writing local time would be caught.
process.env.TZ = 'Pacific/Kiritimati';

describe.each(BACKENDS)('the typed SQL on %s', (backend) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  async function workspace(): Promise<string> {
    const id = uniqueWorkspaceId();
    const at = new Date('2026-11-02T10:00:00.000Z');
    await db.sql.insertInto('workspace').values({ id, created_at: at, updated_at: at }).execute();
    return id;
  }

  it('a timestamp round-trips as the same instant, and reads as Prisma reads it (UTC in the column)', async () => {
    expect(new Date('2026-03-29T01:30:00.123Z').getTimezoneOffset()).toBe(-14 * 60);
    const ws = await workspace();
    const at = new Date('2026-03-29T01:30:00.123Z');
    const { id } = await db.sql
      .insertInto('outbox_event')
      .values({
        workspace_id: ws,
        kind: 'probe',
        actor_user_id: 'U1',
        payload: JSON.stringify({ a: 1 }),
        occurred_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await db.sql
      .selectFrom('outbox_event')
      .select(['occurred_at', 'payload', sql<string>`occurred_at::text`.as('text')])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.occurred_at).toEqual(at);
    expect(row.text).toBe('2026-03-29 01:30:00.123');
    expect(row.payload).toEqual({ a: 1 });
    const throughPrisma = await db.prisma.outboxEvent.findUniqueOrThrow({ where: { id } });
    expect(throughPrisma.occurredAt).toEqual(at);

    const written = await db.prisma.outboxEvent.create({
      data: { workspaceId: ws, kind: 'probe', actorUserId: 'U1', payload: {}, occurredAt: at },
    });
    const read = await db.sql
      .selectFrom('outbox_event')
      .select('occurred_at')
      .where('id', '=', written.id)
      .executeTakeFirstOrThrow();
    expect(read.occurred_at).toEqual(at);
  });

  it('numerics come back as exact text, dates as YYYY-MM-DD text, counts as numbers', async () => {
    const ws = await workspace();
    const cycle = await db.sql
      .insertInto('sales_cycle')
      .values({ workspace_id: ws, code: 'C', created_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.sql
      .insertInto('sales_cycle_stage')
      .values([
        { workspace_id: ws, sales_cycle_id: cycle.id, stage: 1, completed_pct: '12.34', chances_pct: '0.01' },
        { workspace_id: ws, sales_cycle_id: cycle.id, stage: 2, completed_pct: '0.10', chances_pct: '99.99' },
      ])
      .execute();
    const rows = await db.sql
      .selectFrom('sales_cycle_stage')
      .select(['stage', 'completed_pct', 'chances_pct'])
      .where('sales_cycle_id', '=', cycle.id)
      .orderBy('stage')
      .execute();
    expect(rows).toEqual([
      { stage: 1, completed_pct: '12.34', chances_pct: '0.01' },
      { stage: 2, completed_pct: '0.10', chances_pct: '99.99' },
    ]);
    const totals = await db.sql
      .selectFrom('sales_cycle_stage')
      .select((eb) => [eb.fn.sum<string>('chances_pct').as('sum'), eb.fn.countAll<number>().as('n')])
      .where('sales_cycle_id', '=', cycle.id)
      .executeTakeFirstOrThrow();
    expect(totals).toEqual({ sum: '100.00', n: 2 });
    const big = await sql<{ value: string; day: string }>`
      SELECT ${'12345678901234567890.12345678'}::numeric(28, 8) AS value, ${'2026-12-31'}::date AS day`.execute(db.sql);
    expect(big.rows).toEqual([{ value: '12345678901234567890.12345678', day: '2026-12-31' }]);
  });

  it('a transaction that fails stores nothing, and a DomainError reaches the caller unchanged', async () => {
    const id = uniqueWorkspaceId();
    const refusal = new DomainError({ kind: 'nothing-to-purge' });
    const thrown = await transaction(db.sql, async (tx) => {
      await tx.insertInto('workspace').values({ id, created_at: new Date(), updated_at: new Date() }).execute();
      throw refusal;
    }).catch((error: unknown) => error);
    expect(thrown).toBe(refusal);
    const left = await db.sql.selectFrom('workspace').select('id').where('id', '=', id).execute();
    expect(left).toEqual([]);
  });

  it("a unique violation becomes the caller's problem, told the constraint; the transaction stores nothing", async () => {
    const ws = await workspace();
    const seen: string[] = [];
    const thrown = await transaction(
      db.sql,
      async (tx) => {
        await tx.insertInto('close_opportunity_code').values({ workspace_id: ws, code: 'A', type: 'WON' }).execute();
        await tx.insertInto('close_opportunity_code').values({ workspace_id: ws, code: 'A', type: 'LOST' }).execute();
      },
      {
        onUniqueViolation: (constraint) => {
          seen.push(constraint);
          return { kind: 'duplicate', entity: 'close-code', key: 'A' };
        },
      },
    ).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).problem).toEqual({ kind: 'duplicate', entity: 'close-code', key: 'A' });
    expect(seen).toEqual(['close_opportunity_code_workspace_id_code_key']);
    const left = await db.sql
      .selectFrom('close_opportunity_code')
      .select('id')
      .where('workspace_id', '=', ws)
      .execute();
    expect(left).toEqual([]);
    // Without a mapping the driver's error passes unchanged.
    const raw = await transaction(db.sql, async (tx) => {
      await tx.insertInto('workspace').values({ id: ws }).execute();
    }).catch((error: unknown) => error);
    expect(raw).toMatchObject({ code: '23505' });
  });

  it('statements inside a transaction see its writes; others see them once it commits', async () => {
    const id = uniqueWorkspaceId();
    await transaction(db.sql, async (tx) => {
      await tx.insertInto('workspace').values({ id, name: 'inside' }).execute();
      const seen = await tx.selectFrom('workspace').select('name').where('id', '=', id).executeTakeFirst();
      expect(seen).toEqual({ name: 'inside' });
    });
    const after = await db.sql.selectFrom('workspace').select('name').where('id', '=', id).executeTakeFirst();
    expect(after).toEqual({ name: 'inside' });
  });
});

describe.each(BACKENDS)('a closed database on %s', (backend) => {
  it('a transaction on it fails as DatabaseUnavailableError', async () => {
    const db = await createTestDatabase(backend);
    await db.destroy();
    const thrown = await transaction(db.sql, async (tx) => {
      await tx.selectFrom('workspace').select('id').execute();
    }).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(DatabaseUnavailableError);
  });
});
