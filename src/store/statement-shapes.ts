// Statements built once per shape. Building a kysely statement and compiling it to SQL costs the app's
// one thread more than the database takes to run a stage move's statements (the move's write, with its
// card, is about 150 operation nodes). So the hottest statements are built once per shape: with a
// placeholder in the place of each of their values, compiled, and afterwards only the values are put in
// their places among the parameters. Only SQL text is kept (no data), the same in every instance.
//
// The rule for a builder: everything its text depends on is in the shape's key, and every value goes
// to the statement as a parameter untouched (no branching on it, no `lit`, no arithmetic on it). A value
// that ends up nowhere among the parameters is refused; in the test suite every call is also built with
// its real values and must compile to the same text and parameters (so must the first call of a shape
// in the app).
import { isDeepStrictEqual } from 'node:util';
import { type Compilable, CompiledQuery, type Kysely, type QueryResult } from 'kysely';

/** Where a value goes: what the statement is built with in its place (never sent). */
class Placeholder {
  constructor(readonly path: readonly (string | number)[]) {}
}

/** The shapes kept, at most (their number is fixed by the code: this only bounds a mistake). */
const MAX_SHAPES = 500;
/** In the test suite, every call is checked against a build with its real values. */
const CHECK_EVERY_CALL = Boolean(process.env['VITEST']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** `values` with each leaf replaced by its placeholder: plain objects and arrays are walked. */
function withPlaceholders<V>(values: V, path: (string | number)[] = []): V {
  if (Array.isArray(values)) return values.map((item, i) => withPlaceholders(item, [...path, i])) as V;
  if (isPlainObject(values)) {
    return Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, withPlaceholders(value, [...path, key])]),
    ) as V;
  }
  return new Placeholder(path) as V;
}

function leafCount(values: unknown): number {
  if (Array.isArray(values)) return values.reduce((n: number, item) => n + leafCount(item), 0);
  if (isPlainObject(values)) return Object.values(values).reduce((n: number, value) => n + leafCount(value), 0);
  return 1;
}

function valueAt(values: unknown, path: readonly (string | number)[]): unknown {
  let at = values;
  for (const key of path) at = (at as Record<string | number, unknown>)[key];
  return at;
}

interface Shape {
  sql: string;
  /** Per parameter: its place in the values, or the constant the builder put there. */
  parameters: readonly ({ path: readonly (string | number)[] } | { constant: unknown })[];
  checked: boolean;
}

export class StatementShapes {
  private readonly shapes = new Map<string, Shape>();

  /**
   * Runs the statement `build` makes of `values`, built once for `key` (everything the statement's
   * text depends on besides `values`).
   */
  async execute<D, V, R>(
    db: Kysely<D>,
    key: string,
    values: V,
    build: (values: V) => Compilable<R>,
  ): Promise<QueryResult<R>> {
    const shape = this.shapeOf(key, values, build);
    const parameters = shape.parameters.map((p) => ('path' in p ? valueAt(values, p.path) : p.constant));
    if (CHECK_EVERY_CALL || !shape.checked) {
      const direct = build(values).compile();
      if (direct.sql !== shape.sql || !isDeepStrictEqual([...direct.parameters], parameters)) {
        throw new Error(`the statement of shape ${key} depends on more than its key`);
      }
      shape.checked = true;
    }
    return db.executeQuery(CompiledQuery.raw(shape.sql, parameters) as CompiledQuery<R>);
  }

  private shapeOf<V, R>(key: string, values: V, build: (values: V) => Compilable<R>): Shape {
    const known = this.shapes.get(key);
    if (known) return known;
    const compiled = build(withPlaceholders(values)).compile();
    const placed = compiled.parameters.filter((p) => p instanceof Placeholder).length;
    const used = new Set(compiled.parameters.filter((p) => p instanceof Placeholder).map((p) => p.path.join('.')));
    if (used.size !== leafCount(values) || placed < used.size) {
      throw new Error(`the statement of shape ${key} does not send every value as a parameter`);
    }
    const shape: Shape = {
      sql: compiled.sql,
      parameters: compiled.parameters.map((p) => (p instanceof Placeholder ? { path: p.path } : { constant: p })),
      checked: false,
    };
    if (this.shapes.size < MAX_SHAPES) this.shapes.set(key, shape);
    return shape;
  }
}

/** The app's shapes (a statement's text only, so one per process serves every database). */
export const statementShapes = new StatementShapes();
