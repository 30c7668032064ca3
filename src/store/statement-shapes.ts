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
//
// One exception, for a value that decides the plan: `inlined(v.since)` writes the value into the text
// (PostgreSQL plans such a text for its value, where a prepared statement may keep one generic plan for
// every value). Only a Date (as its UTC time) or a whole number, and only a value as the builder
// received it (inlined() refuses anything else while the placeholders are built); each call then writes
// its own value in that place.
import { isDeepStrictEqual } from 'node:util';
import { type Compilable, CompiledQuery, type Kysely, type QueryResult, type RawBuilder, sql } from 'kysely';

/** Where a value goes: what the statement is built with in its place (never sent). */
class Placeholder {
  constructor(readonly path: readonly (string | number)[]) {}
}

/** The shapes kept, at most (their number is fixed by the code: this only bounds a mistake). */
const MAX_SHAPES = 500;
/** In the test suite, every call is checked against a build with its real values. */
const CHECK_EVERY_CALL = Boolean(process.env['VITEST']);

/**
 * The build under way: with placeholders (the values written into the text so far, in order), with
 * real values, or none (inlined() is only for a builder of these shapes).
 */
let building: { placeholders: Placeholder[] } | 'values' | undefined;

/** In the text built with placeholders: where the n-th inlined value goes. */
const INLINED = /\/\*inlined (\d+)\*\//g;

/**
 * `value` written into the statement's text rather than sent as a parameter: for a value that decides
 * the plan (see above). It must be one of the values as the builder received them.
 */
export function inlined<T extends Date | number>(value: T): RawBuilder<T> {
  if (building === undefined) throw new Error('inlined() is for a statement built once per shape');
  if (building === 'values') return sql.raw<T>(literal(value));
  if (!(value instanceof Placeholder)) throw new Error('inlined() takes one of the values, as received');
  building.placeholders.push(value);
  return sql.raw<T>(`/*inlined ${building.placeholders.length - 1}*/`);
}

/** A value as written into a statement's text: a Date (its UTC time) or a whole number, nothing else. */
function literal(value: unknown): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return `'${value.toISOString()}'::timestamp`;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  throw new Error(`only a Date or a whole number is written into a statement: ${String(value)}`);
}

/** Compiles what `build` makes of `values`, with `mode` as the build under way. */
function compileWith<V, R>(
  mode: NonNullable<typeof building>,
  values: V,
  build: (values: V) => Compilable<R>,
): CompiledQuery<R> {
  const outer = building;
  building = mode;
  try {
    return build(values).compile();
  } finally {
    building = outer;
  }
}

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
  /** The text, cut where inlined values go (one piece more than `inlined`). */
  pieces: readonly string[];
  /** Per value written into the text: its place in the values. */
  inlined: readonly (readonly (string | number)[])[];
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
    const text = shape.inlined.reduce(
      (text, path, i) => text + literal(valueAt(values, path)) + (shape.pieces[i + 1] ?? ''),
      shape.pieces[0] ?? '',
    );
    if (CHECK_EVERY_CALL || !shape.checked) {
      const direct = compileWith('values', values, build);
      if (direct.sql !== text || !isDeepStrictEqual([...direct.parameters], parameters)) {
        throw new Error(`the statement of shape ${key} depends on more than its key`);
      }
      shape.checked = true;
    }
    return db.executeQuery(CompiledQuery.raw(text, parameters) as CompiledQuery<R>);
  }

  private shapeOf<V, R>(key: string, values: V, build: (values: V) => Compilable<R>): Shape {
    const known = this.shapes.get(key);
    if (known) return known;
    const written: Placeholder[] = [];
    const compiled = compileWith({ placeholders: written }, withPlaceholders(values), build);
    const pieces = compiled.sql.split(INLINED).filter((_, i) => i % 2 === 0);
    // The inlined values in the order of the text (which need not be the order they were built in).
    const inlinedHere = [...compiled.sql.matchAll(INLINED)].map((m) => {
      const placeholder = written[Number(m[1])];
      if (!placeholder) throw new Error(`the statement of shape ${key} has a stray inlined marker`);
      return placeholder;
    });
    const placed = compiled.parameters.filter((p) => p instanceof Placeholder);
    const used = new Set([...placed, ...inlinedHere].map((p) => p.path.join('.')));
    if (used.size !== leafCount(values)) {
      throw new Error(`the statement of shape ${key} does not send every value as a parameter or inlined`);
    }
    const shape: Shape = {
      pieces,
      inlined: inlinedHere.map((p) => p.path),
      parameters: compiled.parameters.map((p) => (p instanceof Placeholder ? { path: p.path } : { constant: p })),
      checked: false,
    };
    if (this.shapes.size < MAX_SHAPES) this.shapes.set(key, shape);
    return shape;
  }
}

/** The app's shapes (a statement's text only, so one per process serves every database). */
export const statementShapes = new StatementShapes();
