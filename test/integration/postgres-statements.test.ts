// On PostgreSQL, a statement text that repeats runs as a named prepared statement
// (src/store/prepared-statements.ts), a bounded number per connection. What callers see must not change:
// results, errors, transactions. The naming is PostgreSQL's (the embedded database prepares in its
// worker: test/integration/embedded-statements.test.ts); results, errors and transactions are checked
// on both backends.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transaction } from '../../src/services/db.ts';
import type { Database } from '../../src/store/database.ts';
import { MAX_PER_CONNECTION } from '../../src/store/prepared-statements.ts';
import {
  BACKENDS,
  createTestDatabase,
  POSTGRES_URL,
  type TestDatabase,
  uniqueWorkspaceId,
} from '../support/databases.ts';

const at = new Date('2026-11-02T10:00:00.000Z');

describe.each(BACKENDS)('repeated statements on %s', (backend) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  const insertWorkspace = (ws: string, on = db.sql) =>
    on.insertInto('workspace').values({ id: ws, created_at: at, updated_at: at }).execute();
  const countWorkspaces = async (ids: string[]) =>
    (
      await db.sql
        .selectFrom('workspace')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('id', 'in', ids)
        .executeTakeFirstOrThrow()
    ).n;

  it('answers the same statement with many different parameters, past the point where PostgreSQL keeps a generic plan', async () => {
    const ids = Array.from({ length: 12 }, () => uniqueWorkspaceId());
    for (const id of ids) await insertWorkspace(id);
    for (const id of [...ids, ...ids]) {
      const row = await db.sql.selectFrom('workspace').select('id').where('id', '=', id).executeTakeFirst();
      expect(row).toEqual({ id });
    }
    expect(await db.sql.selectFrom('workspace').select('id').where('id', '=', 'NO SUCH').execute()).toEqual([]);
  });

  it('reports a unique violation of a repeated statement as the database error, and stays usable', async () => {
    const ws = uniqueWorkspaceId();
    await insertWorkspace(ws);
    for (let i = 0; i < 3; i++) await expect(insertWorkspace(ws)).rejects.toMatchObject({ code: '23505' });
    expect(await countWorkspaces([ws])).toBe(1);
  });

  it('a repeated statement failing inside a transaction rolls all of it back', async () => {
    const kept = uniqueWorkspaceId();
    const duplicate = uniqueWorkspaceId();
    await insertWorkspace(duplicate);
    await insertWorkspace(uniqueWorkspaceId()); // the insert's text is now prepared where it runs
    for (let i = 0; i < 2; i++) {
      await expect(
        transaction(db.sql, async (tx) => {
          await insertWorkspace(kept, tx);
          await insertWorkspace(duplicate, tx);
        }),
      ).rejects.toMatchObject({ code: '23505' });
      expect(await countWorkspaces([kept])).toBe(0);
    }
    await insertWorkspace(kept);
    expect(await countWorkspaces([kept, duplicate])).toBe(2);
  });
});

/**
 * A fresh PostgreSQL database of the suite's own, opened with one connection, so that every statement
 * runs on the connection whose prepared statements are inspected.
 */
function oneConnectionDatabase(): { readonly db: Database } {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase('postgres', { poolSize: 1 });
  });
  afterAll(async () => {
    await db?.destroy();
  });
  return {
    get db() {
      if (!db) throw new Error('the database is opened in beforeAll');
      return db;
    },
  };
}

describe.skipIf(!POSTGRES_URL)('named prepared statements on PostgreSQL', () => {
  const opened = oneConnectionDatabase();

  async function preparedTexts(): Promise<string[]> {
    const rows = await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(opened.db.sql);
    return rows.rows.map((r) => r.statement);
  }

  const findWorkspace = (id: string) => opened.db.sql.selectFrom('workspace').select('id').where('id', '=', id);

  it('prepares a statement text the second time it runs, and then only executes it', async () => {
    const { sql: text } = findWorkspace('A').compile();
    await findWorkspace('A').execute();
    expect(await preparedTexts()).not.toContain(text);
    await findWorkspace('B').execute();
    await findWorkspace('C').execute();
    expect((await preparedTexts()).filter((s) => s === text)).toHaveLength(1);
  });

  it('keeps a statement prepared in a transaction that rolled back', async () => {
    const lookup = (on: typeof opened.db.sql, id: string) =>
      on.selectFrom('workspace').select(['id', 'created_at']).where('id', '=', id).where('id', '<>', '');
    await lookup(opened.db.sql, 'A').execute();
    await expect(
      transaction(opened.db.sql, async (tx) => {
        await lookup(tx, 'B').execute(); // prepared here
        throw new Error('give up');
      }),
    ).rejects.toThrow('give up');
    expect(await preparedTexts()).toContain(lookup(opened.db.sql, 'C').compile().sql);
    expect(await lookup(opened.db.sql, 'C').execute()).toEqual([]);
  });

  it('keeps its connection, and the statements prepared on it, through an idle spell longer than pg closes one after', async () => {
    const backendPid = async () =>
      (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(opened.db.sql)).rows[0]?.pid;
    const { sql: text } = findWorkspace('IDLE').compile();
    await findWorkspace('IDLE').execute();
    await findWorkspace('IDLE').execute();
    const before = await backendPid();
    // pg's pool closes a connection idle for 10 s unless told otherwise (src/store/database.ts).
    await new Promise((resolve) => setTimeout(resolve, 10_500));
    expect(await backendPid()).toBe(before);
    expect(await preparedTexts()).toContain(text);
  }, 20_000);

  it(`holds at most ${MAX_PER_CONNECTION} named statements on a connection, however many texts repeat`, async () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `NONE${i}`);
    // Every IN list length is a text of its own.
    for (let round = 0; round < 2; round++) {
      for (let n = 1; n <= MAX_PER_CONNECTION + 20; n++) {
        expect(await opened.db.sql.selectFrom('workspace').select('id').where('id', 'in', ids(n)).execute()).toEqual(
          [],
        );
      }
    }
    expect((await preparedTexts()).length).toBe(MAX_PER_CONNECTION);
    // Past the bound, texts still run (unnamed).
    const ws = uniqueWorkspaceId();
    await opened.db.sql.insertInto('workspace').values({ id: ws, created_at: at, updated_at: at }).execute();
    expect(await findWorkspace(ws).execute()).toEqual([{ id: ws }]);
  });
});

describe.skipIf(!POSTGRES_URL)('a table changed under a prepared statement on PostgreSQL', () => {
  const opened = oneConnectionDatabase();

  it('runs the statement again (another instance migrated), and the connection is replaced', async () => {
    const ws = uniqueWorkspaceId();
    await opened.db.sql.insertInto('workspace').values({ id: ws, created_at: at, updated_at: at }).execute();
    const all = () => opened.db.sql.selectFrom('workspace').selectAll().where('id', '=', ws).executeTakeFirstOrThrow();
    const pid = async () =>
      (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(opened.db.sql)).rows[0]?.pid;
    await all();
    await all();
    const before = await pid();
    await sql`ALTER TABLE workspace ADD COLUMN probe_column int`.execute(opened.db.sql);
    expect(await all()).toMatchObject({ id: ws, probe_column: null });
    expect(await pid()).not.toBe(before);
    expect(await all()).toMatchObject({ id: ws, probe_column: null });
  });
});
