// The app's one way to write SQL: kysely, a typed query builder whose table and column types are
// generated from prisma/schema.prisma (src/generated/kysely/types.ts, by `prisma generate`). A renamed
// column fails the type check; a query compiles to SQL in microseconds and goes straight to the driver.
//
// One Kysely<DB> per database: PostgreSQL through kysely's PostgresDialect on the app's pg Pool, the
// embedded database through EmbeddedDriver below, over the worker thread (src/store/pglite-proxy.ts).
// Both hand back the same JavaScript values for the same column:
//   timestamp(3)  a Date; the columns hold UTC (as Prisma writes them), read and written as UTC
//   date          'YYYY-MM-DD' text (a LocalDate), never a Date
//   numeric       text, exact (the mappers make a Decimal of it)
//   bigint        a number (count(*) is bigint: counts come back as numbers)
//   json, jsonb   the parsed value
// Parameters: a Date is sent as its UTC ISO text, which a `timestamp` column stores as that UTC time.
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { DB } from '../generated/kysely/types.ts';
import { PreparedStatements } from './prepared-statements.ts';

export type { DB };
/** The database as the services query it; a transaction (Transaction<DB>) is one too. */
export type SqlDatabase = Kysely<DB>;
export type SqlTransaction = Transaction<DB>;

/** PostgreSQL type OIDs whose parsing the app fixes (the rest keep the drivers' defaults, which agree). */
const OID = { int8: 20, date: 1082, timestamp: 1114, timestamptz: 1184, numeric: 1700 } as const;

/** A `timestamp` (without zone) as PostgreSQL prints it with DateStyle ISO, read as UTC. */
function utcTimestamp(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}Z`);
}

/** The parsers both backends use for the types the two drivers would read differently. */
export const TYPE_PARSERS: Readonly<Record<number, (text: string) => unknown>> = {
  [OID.int8]: Number,
  [OID.date]: (text) => text,
  [OID.timestamp]: utcTimestamp,
  [OID.timestamptz]: (text) => new Date(text),
  [OID.numeric]: (text) => text,
};

/** A parameter as the drivers send it: a Date as UTC ISO text (pg would send local time otherwise). */
function driverValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** pg's per-client type parsers (the Pool passes `types` to each client; Prisma's adapter sets its own). */
export const PG_TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    const parser = TYPE_PARSERS[oid];
    if (parser && format !== 'binary') return parser;
    return pg.types.getTypeParser(oid, format ?? 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * Kysely on a pg Pool (the pool must be created with `types: PG_TYPES`). Statements that repeat run as
 * named prepared statements (src/store/prepared-statements.ts).
 */
export function postgresKysely(pool: pg.Pool): SqlDatabase {
  const statements = new PreparedStatements();
  return new Kysely<DB>({
    dialect: new PostgresDialect({
      pool: {
        connect: async () => {
          const client = await pool.connect();
          return {
            // kysely passes a text and its parameters (a cursor, unused here, would be an object).
            query: ((sql: unknown, parameters?: readonly unknown[]) =>
              typeof sql === 'string'
                ? statements.query(client, sql, (parameters ?? []).map(driverValue))
                : client.query(sql as never)) as never,
            // true: the connection failed mid-transaction and must not go back to the pool.
            release: (discard?: boolean) => client.release(discard === true || statements.mustDiscard(client)),
          };
        },
        end: () => pool.end(),
      },
    }),
  });
}

/** What the embedded database (the worker proxy, or PGlite itself in the benchmarks) must offer. */
export interface EmbeddedSession {
  query<Row>(
    sql: string,
    params: unknown[],
    options: { parsers: Record<number, (value: string) => unknown> },
    tx?: number,
  ): Promise<{ rows: Row[]; affectedRows?: number }>;
  /**
   * Opens a transaction, which holds the one connection from its turn until it ends; statements given
   * its id run inside it. May answer the id before the transaction has its turn (the proxy does).
   */
  begin(): Promise<number>;
  commit(tx: number): Promise<void>;
  rollback(tx: number): Promise<void>;
}

/** Kysely on the embedded database. */
export function embeddedKysely(session: EmbeddedSession): SqlDatabase {
  const dialect: Dialect = {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new EmbeddedDriver(session),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
  return new Kysely<DB>({ dialect });
}

const PARSERS = { parsers: TYPE_PARSERS as Record<number, (value: string) => unknown> };

/**
 * One "connection" per acquisition: the worker serialises statements itself, and a transaction's
 * statements carry its id. A statement sent without the id while a transaction is open waits for the
 * transaction to end, so work inside a transaction must use the transaction (as with any pool of one).
 */
class EmbeddedConnection implements DatabaseConnection {
  tx: number | undefined;

  constructor(private readonly session: EmbeddedSession) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.session.query<R>(compiled.sql, compiled.parameters.map(driverValue), PARSERS, this.tx);
    const kind = compiled.query.kind;
    const writes = kind === 'InsertQueryNode' || kind === 'UpdateQueryNode' || kind === 'DeleteQueryNode';
    return {
      rows: result.rows,
      ...(writes || result.affectedRows ? { numAffectedRows: BigInt(result.affectedRows ?? 0) } : {}),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('the embedded database does not stream results');
  }
}

class EmbeddedDriver implements Driver {
  constructor(private readonly session: EmbeddedSession) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new EmbeddedConnection(this.session);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as EmbeddedConnection).tx = await this.session.begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.session.commit(this.endOf(connection));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.session.rollback(this.endOf(connection));
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {}

  private endOf(connection: DatabaseConnection): number {
    const embedded = connection as EmbeddedConnection;
    const tx = embedded.tx;
    if (tx === undefined) throw new Error('no transaction is open on this connection');
    embedded.tx = undefined;
    return tx;
  }
}
