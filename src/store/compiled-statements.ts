// Statements compiled once per shape. Building and compiling a large kysely query costs the app's one
// thread about half a millisecond; the digest sends several on every build, and at 1,000 opportunities
// that compiling cost more than running them. A CompiledStatement is built once per shape (the parts of
// the request that change the SQL text: which filters apply) with markers in place of its values; each
// execution then only puts the values in the markers' places and runs the same text (which, on
// PostgreSQL, also keeps it a named prepared statement: src/store/prepared-statements.ts).
//
// The cache holds texts, never data, and a text depends only on the code and the shape (both backends
// compile with kysely's PostgreSQL compiler), so every instance and database builds the same one.
import { type Compilable, type CompiledQuery, type InferResult, type RawBuilder, sql } from 'kysely';
import type { SqlDatabase } from './kysely.ts';

/** A value's place in a statement compiled ahead of its values. */
class Marker {
  constructor(readonly name: string) {}
}

/**
 * The markers a build receives in place of its values: `values.since` stands for the value named
 * `since`. A build may only pass them to kysely as values (parameters), never compute with them, and
 * must decide its SQL text from the shape alone.
 */
function markers<V extends object>(): V {
  return new Proxy({} as V, {
    get: (_target, name) => (typeof name === 'string' ? new Marker(name) : undefined),
  });
}

/**
 * A value written into the statement's text rather than sent as a parameter: for a value that decides
 * the plan (PostgreSQL plans such a text for its value, where a prepared statement may keep one generic
 * plan for every value). Only a Date (written as its UTC time) or a whole number.
 */
export function inlined<T extends Date | number>(value: T): RawBuilder<T> {
  if (!(value instanceof Marker)) throw new Error('inlined() takes a value of a compiled statement');
  return sql.raw<T>(`/*@${value.name}*/`);
}

function literal(value: unknown): string {
  if (value instanceof Date) return `'${value.toISOString()}'::timestamp`;
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  throw new Error(`cannot write ${String(value)} into a statement`);
}

export class CompiledStatement<V extends object, S, Q extends Compilable<unknown>> {
  private readonly compiled = new Map<string, CompiledQuery<unknown>>();

  constructor(private readonly build: (db: SqlDatabase, values: V, shape: S) => Q) {}

  /** The compiled text and values for this shape, as kysely would have compiled them. */
  bind(db: SqlDatabase, values: V, shape: S): CompiledQuery<InferResult<Q>[number]> {
    const key = JSON.stringify(shape) ?? '';
    let compiled = this.compiled.get(key);
    if (!compiled) {
      compiled = this.build(db, markers<V>(), shape).compile();
      this.compiled.set(key, compiled);
    }
    const parameters = compiled.parameters.map((p) => {
      if (!(p instanceof Marker)) return p;
      if (!(p.name in values)) throw new Error(`no value for ${p.name}`);
      return (values as Record<string, unknown>)[p.name];
    });
    const text = compiled.sql.replace(/\/\*@(\w+)\*\//g, (_, name: string) =>
      literal((values as Record<string, unknown>)[name]),
    );
    return { ...compiled, sql: text, parameters } as CompiledQuery<InferResult<Q>[number]>;
  }

  async execute(db: SqlDatabase, values: V, shape: S): Promise<InferResult<Q>> {
    const result = await db.executeQuery(this.bind(db, values, shape));
    return result.rows as InferResult<Q>;
  }
}

/** A statement compiled once per shape; see above. */
export function compiledStatement<V extends object, S, Q extends Compilable<unknown>>(
  build: (db: SqlDatabase, values: V, shape: S) => Q,
): CompiledStatement<V, S, Q> {
  return new CompiledStatement(build);
}
