// The embedded database's worker prepares each statement text once and then only binds and executes it
// (src/store/pglite-worker.mjs). What callers see must not change: results, errors, transactions.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { PGliteProxy } from '../../src/store/pglite-proxy.ts';

describe('statements on the embedded database', () => {
  let dir: string;
  let db: PGliteProxy;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pipeline-statements-'));
    db = await PGliteProxy.open(dir);
    await db.exec(`
      CREATE TABLE item (id int PRIMARY KEY, name text NOT NULL, price numeric(10, 2), due date, active boolean);
      INSERT INTO item SELECT g, 'item ' || g, g * 1.5, DATE '2026-01-01' + g, g % 2 = 0 FROM generate_series(1, 100) g;`);
  });
  afterAll(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers one statement run with many different parameters, past the point where PostgreSQL keeps a generic plan', async () => {
    for (let id = 1; id <= 30; id++) {
      const { rows } = await db.query<{ id: number; name: string }>('SELECT id, name FROM item WHERE id = $1', [id]);
      expect(rows).toEqual([{ id, name: `item ${id}` }]);
    }
    const none = await db.query('SELECT id FROM item WHERE id = $1', [1000]);
    expect(none.rows).toEqual([]);
  });

  it('sends text, integers, numerics, dates, booleans and nulls as parameters, and parses each column by its type', async () => {
    const { rows } = await db.query<Record<string, unknown>>(
      'SELECT $1::text AS name, $2::int AS n, $3::numeric AS price, $4::date AS due, $5::boolean AS flag, $6::text AS nothing',
      ['Acme', 42, '12.50', '2026-12-15', true, null],
    );
    expect(rows).toEqual([
      { name: 'Acme', n: 42, price: '12.50', due: new Date('2026-12-15T00:00:00Z'), flag: true, nothing: null },
    ]);
  });

  it('counts the rows a write changed', async () => {
    const updated = await db.query('UPDATE item SET active = $1 WHERE id <= $2', [false, 10]);
    expect(updated.affectedRows).toBe(10);
  });

  it('reports a failing statement as a database error and stays usable', async () => {
    const failure = await db
      .query('INSERT INTO item (id, name) VALUES ($1, $2)', [1, 'again'])
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: '23505' });
    const bad = await db.query('SELECT no_such_column FROM item WHERE id = $1', [1]).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: '42703' });
    const { rows } = await db.query<{ name: string }>('SELECT name FROM item WHERE id = $1', [2]);
    expect(rows).toEqual([{ name: 'item 2' }]);
  });

  it('a statement failing inside a transaction rolls all of it back', async () => {
    const insert = 'INSERT INTO item (id, name) VALUES ($1, $2)';
    await expect(
      db.transaction(async (tx) => {
        await tx.query(insert, [500, 'kept only if all succeed']);
        await tx.query(insert, [1, 'duplicate']);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM item WHERE id = $1', [500]);
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('answers a transaction its id at once, and runs its statements when the transaction before it has ended', async () => {
    const insert = 'INSERT INTO item (id, name) VALUES ($1, $2)';
    const count = 'SELECT count(*)::int AS n FROM item WHERE id BETWEEN $1 AND $2';
    const first = await db.begin();
    await db.query(insert, [700, 'in the first'], {}, first);
    // The second is opened while the first holds the connection: its id comes back without waiting.
    const second = await Promise.race([
      db.begin(),
      new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), 3_000)),
    ]);
    if (second === 'still waiting') throw new Error('begin waited for the transaction before it');
    const seenBySecond = db.query<{ n: number }>(count, [700, 701], {}, second);
    const written = db.query(insert, [701, 'in the second'], {}, second);
    const outside = db.query<{ n: number }>(count, [700, 701]);
    await db.commit(first);
    expect((await seenBySecond).rows).toEqual([{ n: 1 }]);
    await written;
    await db.commit(second);
    // A statement outside them waited for both, in the order they came.
    expect((await outside).rows).toEqual([{ n: 2 }]);
  });

  it('refuses to open a transaction once closed', async () => {
    const other = await PGliteProxy.open('memory://');
    await other.close();
    await expect(other.begin()).rejects.toThrow('the embedded database is closed');
  });

  it('refuses a statement of a transaction that is not open', async () => {
    const tx = await db.begin();
    await db.rollback(tx);
    await expect(db.query('SELECT 1', [], {}, tx)).rejects.toThrow(`transaction ${tx} is not open`);
    await expect(db.commit(tx)).rejects.toThrow(`transaction ${tx} is not open`);
  });

  it('prepares a statement again when its table changed under it', async () => {
    const select = 'SELECT * FROM item WHERE id = $1';
    expect(Object.keys((await db.query<object>(select, [3])).rows[0] ?? {})).toEqual([
      'id',
      'name',
      'price',
      'due',
      'active',
    ]);
    await db.exec("ALTER TABLE item ADD COLUMN note text NOT NULL DEFAULT 'none'");
    const { rows } = await db.query<{ note: string }>(select, [3]);
    expect(rows[0]?.note).toBe('none');
  });

  it('runs more distinct statements than it keeps prepared, and the first of them again afterwards', async () => {
    const texts = Array.from({ length: 600 }, (_, i) => `SELECT $1::int + ${i} AS v`);
    for (const [i, text] of texts.entries()) {
      expect((await db.query<{ v: number }>(text, [1])).rows).toEqual([{ v: 1 + i }]);
    }
    expect((await db.query<{ v: number }>(texts[0] ?? '', [7])).rows).toEqual([{ v: 7 }]);
  });
});

describe('background work on the embedded database', () => {
  it("keeps its turn for a whole transaction: a command's statement sent meanwhile goes before its next one", async () => {
    const db = await openDatabase({ dataDir: 'memory://' });
    try {
      const background = db.background ?? db.sql;
      const order: string[] = [];
      let started = false;
      let finish: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        finish = resolve;
      });
      const delivery = background.transaction().execute(async (tx) => {
        await sql`SELECT 1`.execute(tx);
        started = true;
        await held;
      });
      await expect.poll(() => started).toBe(true);
      const nextDelivery = sql`SELECT 2`.execute(background).then(() => order.push('background'));
      const command = sql`SELECT 3`.execute(db.sql).then(() => order.push('command'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(order).toEqual([]);
      finish();
      await Promise.all([delivery, nextDelivery, command]);
      expect(order).toEqual(['command', 'background']);
    } finally {
      await db.close();
    }
  });
});
