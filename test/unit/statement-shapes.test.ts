// Statements built once per shape (src/store/statement-shapes.ts): the values are put in their places,
// and a builder whose text depends on a value outside the shape's key is refused rather than run wrong.
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '../../src/store/kysely.ts';
import { StatementShapes } from '../../src/store/statement-shapes.ts';

/** Kysely's own driver that runs nothing: what matters here is what would be sent. */
function dryDatabase(sent: { sql: string; parameters: readonly unknown[] }[]) {
  return new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => void sent.push(event.query),
  });
}

describe('statements built once per shape', () => {
  it('sends each call its own values, in the text built the first time', async () => {
    const sent: { sql: string; parameters: readonly unknown[] }[] = [];
    const db = dryDatabase(sent);
    const shapes = new StatementShapes();
    const build = (v: { ws: string; no: string; at: Date }) =>
      db
        .selectFrom('opportunity')
        .select('id')
        .where('workspace_id', '=', v.ws)
        .where('no', '=', v.no)
        .where('updated_at', '<', v.at)
        .limit(1);
    const at = new Date('2026-12-04T00:00:00Z');
    await shapes.execute(db, 'one', { ws: 'T1', no: 'OP1', at }, build);
    await shapes.execute(db, 'one', { ws: 'T2', no: 'OP2', at }, build);
    expect(sent.map((q) => q.parameters)).toEqual([
      ['T1', 'OP1', at, 1],
      ['T2', 'OP2', at, 1],
    ]);
    expect(sent[1]?.sql).toBe(build({ ws: 'T2', no: 'OP2', at }).compile().sql);
  });

  it('refuses a builder that puts a value in the text, or whose text depends on a value', async () => {
    const db = dryDatabase([]);
    const shapes = new StatementShapes();
    const computed = (v: { page: number }) =>
      db
        .selectFrom('task')
        .select('id')
        .limit(50)
        .offset(v.page * 50);
    await expect(shapes.execute(db, 'computed', { page: 2 }, computed)).rejects.toThrow(/every value/);
    const literal = (v: { open: boolean }) =>
      db
        .selectFrom('task')
        .select('id')
        .where((eb) => eb.lit(v.open));
    await expect(shapes.execute(db, 'literal', { open: true }, literal)).rejects.toThrow();
    const branching = (v: { ws: string }) =>
      db
        .selectFrom('opportunity')
        .select('id')
        .where('workspace_id', '=', v.ws)
        .$if(v.ws === 'T1', (q) => q.limit(1));
    await shapes.execute(db, 'branching', { ws: 'T2' }, branching);
    await expect(shapes.execute(db, 'branching', { ws: 'T1' }, branching)).rejects.toThrow(/more than its key/);
  });
});
