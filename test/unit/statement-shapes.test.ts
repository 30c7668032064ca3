// Statements built once per shape (src/store/statement-shapes.ts): the values are put in their places,
// and a builder whose text depends on a value outside the shape's key is refused rather than run wrong.
// An inlined value (one that decides the plan) is written into the text, in its place, for each call;
// it must be a Date or a whole number, and one of the values as the builder received them.
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '../../src/store/kysely.ts';
import { inlined, StatementShapes } from '../../src/store/statement-shapes.ts';

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

  it('writes each inlined value into the text, in its own place, for each call', async () => {
    const sent: { sql: string; parameters: readonly unknown[] }[] = [];
    const db = dryDatabase(sent);
    const shapes = new StatementShapes();
    const build = (v: { ws: string; since: Date; page: number }) =>
      db
        .selectFrom('opportunity')
        .select('id')
        // Built first, written last: each value goes where the text has it.
        .limit(inlined(v.page))
        .where('workspace_id', '=', v.ws)
        .where('created_at', '>', inlined(v.since))
        .where('updated_at', '<', inlined(v.since));
    const first = { ws: 'T1', since: new Date('2026-11-27T00:00:00Z'), page: 25 };
    const second = { ws: 'T2', since: new Date(0), page: 7 };
    await shapes.execute(db, 'inlined', first, build);
    await shapes.execute(db, 'inlined', second, build);
    const text = (since: string, page: number) =>
      `select "id" from "opportunity" where "workspace_id" = $1 and "created_at" > '${since}'::timestamp` +
      ` and "updated_at" < '${since}'::timestamp limit ${page}`;
    expect(sent.map(({ sql, parameters }) => ({ sql, parameters }))).toEqual([
      { sql: text('2026-11-27T00:00:00.000Z', 25), parameters: ['T1'] },
      { sql: text('1970-01-01T00:00:00.000Z', 7), parameters: ['T2'] },
    ]);
  });

  it('refuses to inline a value that is not a Date or a whole number', async () => {
    const db = dryDatabase([]);
    const shapes = new StatementShapes();
    const build = (v: { limit: number }) => db.selectFrom('task').select('id').limit(inlined(v.limit));
    await shapes.execute(db, 'limit', { limit: 10 }, build);
    await expect(shapes.execute(db, 'limit', { limit: 2.5 }, build)).rejects.toThrow(/whole number/);
    await expect(shapes.execute(db, 'limit', { limit: Number.NaN }, build)).rejects.toThrow(/whole number/);
    const text = (v: { since: string }) =>
      db
        .selectFrom('opportunity')
        .select('id')
        .where('created_at', '>', inlined(v.since as unknown as Date));
    await expect(shapes.execute(db, 'text', { since: "'; drop table task; --" }, text)).rejects.toThrow(
      /Date or a whole number/,
    );
    const invalid = (v: { since: Date }) =>
      db.selectFrom('opportunity').select('id').where('created_at', '>', inlined(v.since));
    await expect(shapes.execute(db, 'invalid date', { since: new Date('no date') }, invalid)).rejects.toThrow(
      /Date or a whole number/,
    );
  });

  it('refuses to inline a value that does not come from the values as received', async () => {
    const db = dryDatabase([]);
    const shapes = new StatementShapes();
    const computed = (v: { since: Date }) =>
      db
        .selectFrom('opportunity')
        .select('id')
        .where('created_at', '>', inlined(new Date(v.since.getTime() - 1000)));
    await expect(shapes.execute(db, 'computed', { since: new Date() }, computed)).rejects.toThrow();
    const constant = (v: { ws: string }) =>
      db.selectFrom('opportunity').select('id').where('workspace_id', '=', v.ws).limit(inlined(50));
    await expect(shapes.execute(db, 'constant', { ws: 'T1' }, constant)).rejects.toThrow(/one of the values/);
    // Outside a statement built once per shape, inlined() has no place to write its value.
    expect(() => inlined(new Date())).toThrow(/built once per shape/);
  });
});
